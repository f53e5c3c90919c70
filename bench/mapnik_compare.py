#!/usr/bin/python3
"""The 4K export against Mapnik: the same layers, bbox, size and projection, each as a whole process.

    bench/mapnik_compare.py [--sitmap build/sitmap] [--runs 7] [--date 2020-10-20] [--size 3840x2160]
                            [--no-cache] [--out-dir DIR]

Runs `sitmap render --view karabakh --date D --size WxH -q -o FILE` and a Mapnik process
(this script with --mapnik-render, Debian's python3-mapnik) alternately, RUNS times each, and prints
the median CPU seconds (user + sys of the child process, from wait4) of both and their ratio.

The Mapnik map is the one sitmap draws, as far as a Mapnik style can say it: land (focus
countries lighter), relief shading multiplied in, the control areas of the date from
geodata/control.gpkg (the periods whose [valid_from, valid_to) holds the date, coloured by
controller, with their outlines), lakes, rivers by rank, coastline, districts, the NKAO 1991 and
1994 line-of-contact references, international boundaries with their casing, and place dots with
labels. The bbox and projection come from sitmap itself: a first sitmap run writes its world file
(.pgw) and .prj, and the Mapnik map is zoomed to exactly that extent in that projection.
Line widths are sitmap's, times the export's UI scale (2.25 at 2160 pixels high).

Benchmark-only dependency: `apt-get install python3-mapnik` (run with Debian's /usr/bin/python3).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# core::Projector's default (core::LccParams), as Projector::proj_string() writes it.
SITMAP_PROJ = "+proj=lcc +lat_1=38 +lat_2=42 +lat_0=40 +lon_0=45 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ui_scale(height):
    # app::auto_ui_scale: the short side in thousands of pixels, rounded to a quarter, at least 1.
    return max(1.0, round(height / 1000.0 * 4) / 4)


def style_xml(geodata, fonts, date, scale):
    s = scale

    def w(px):
        return f"{px * s:.3f}"

    def ogr(layer, sql=None):
        p = f'<Parameter name="type">ogr</Parameter><Parameter name="file">{geodata}/{layer[0]}</Parameter>'
        if sql:
            p += f'<Parameter name="layer_by_sql">{sql}</Parameter>'
        else:
            p += f'<Parameter name="layer">{layer[1]}</Parameter>'
        return f"<Datasource>{p}</Datasource>"

    lonlat = "+proj=longlat +datum=WGS84 +no_defs"
    control_sql = (f"SELECT * FROM control_periods WHERE valid_from &lt;= '{date}' AND "
                   f"(valid_to IS NULL OR valid_to &gt; '{date}')")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Map background-color="#b5d0e2" srs="SRS" font-directory="{fonts}">
  <Style name="land">
    <Rule><Filter>[adm0_a3] = 'AZE' or [adm0_a3] = 'ARM' or [adm0_a3] = 'GEO'</Filter>
      <PolygonSymbolizer fill="#f5f1e6"/></Rule>
    <Rule><ElseFilter/><PolygonSymbolizer fill="#e4e1da"/></Rule>
  </Style>
  <Style name="relief" comp-op="multiply">
    <Rule><RasterSymbolizer opacity="0.7" scaling="bilinear"/></Rule>
  </Style>
  <Style name="control">
    <Rule><Filter>[kind] = 'corridor'</Filter>
      <PolygonSymbolizer fill="#9c3d1c" fill-opacity="0.75"/></Rule>
    <Rule><Filter>[kind] != 'corridor' and [controller] = 'azerbaijan'</Filter>
      <PolygonSymbolizer fill="#7fc8c0" fill-opacity="0.55"/>
      <LineSymbolizer stroke="#3f8f87" stroke-width="{w(1.2)}"/></Rule>
    <Rule><Filter>[kind] != 'corridor' and [controller] = 'armenian'</Filter>
      <PolygonSymbolizer fill="#e08a3c" fill-opacity="0.62"/>
      <LineSymbolizer stroke="#b0601c" stroke-width="{w(1.2)}"/></Rule>
  </Style>
  <Style name="lakes">
    <Rule><PolygonSymbolizer fill="#b5d0e2"/>
      <LineSymbolizer stroke="#7ea6c3" stroke-width="{w(0.7)}"/></Rule>
  </Style>
  <Style name="rivers">
    <Rule><Filter>[rank] &lt;= 1</Filter><LineSymbolizer stroke="#6d9ec6" stroke-width="{w(1.7)}"/></Rule>
    <Rule><Filter>[rank] = 2</Filter><LineSymbolizer stroke="#6d9ec6" stroke-width="{w(1.1)}"/></Rule>
    <Rule><Filter>[rank] &gt;= 3</Filter><LineSymbolizer stroke="#6d9ec6" stroke-width="{w(0.7)}"/></Rule>
  </Style>
  <Style name="coast"><Rule><LineSymbolizer stroke="#7ea6c3" stroke-width="{w(0.9)}"/></Rule></Style>
  <Style name="admin1"><Rule><LineSymbolizer stroke="#a7999f" stroke-opacity="0.9" stroke-width="{w(0.7)}"
    stroke-dasharray="{w(4)},{w(2)}"/></Rule></Style>
  <Style name="nkao"><Rule><LineSymbolizer stroke="#5f4b8b" stroke-width="{w(1.4)}"
    stroke-dasharray="{w(7)},{w(3)}"/></Rule></Style>
  <Style name="loc"><Rule><LineSymbolizer stroke="#a8473b" stroke-width="{w(1.6)}"
    stroke-dasharray="{w(2)},{w(3)}"/></Rule></Style>
  <Style name="borders"><Rule>
    <LineSymbolizer stroke="#d5c6d8" stroke-opacity="0.8" stroke-width="{w(5.0)}"/>
    <LineSymbolizer stroke="#85718a" stroke-width="{w(1.3)}"/></Rule></Style>
  <Style name="places"><Rule>
    <MarkersSymbolizer marker-type="ellipse" width="{w(4)}" height="{w(4)}" fill="#333333"
      stroke="#ffffff" stroke-width="{w(1)}" allow-overlap="true"/>
    <TextSymbolizer face-name="DejaVu Sans Book" size="{w(12)}" fill="#222222" halo-fill="#ffffff"
      halo-radius="{w(1.5)}" dy="{w(-8)}" placement-type="simple" placements="N,S,E,W">[name_en]</TextSymbolizer>
  </Rule></Style>
  <Layer name="land" srs="{lonlat}"><StyleName>land</StyleName>{ogr(("admin.gpkg", "countries"))}</Layer>
  <Layer name="relief" srs="{lonlat}"><StyleName>relief</StyleName><Datasource>
    <Parameter name="type">gdal</Parameter><Parameter name="file">{geodata}/hillshade.tif</Parameter></Datasource></Layer>
  <Layer name="control" srs="{lonlat}"><StyleName>control</StyleName>{ogr(("control.gpkg", ""), control_sql)}</Layer>
  <Layer name="lakes" srs="{lonlat}"><StyleName>lakes</StyleName>{ogr(("water.gpkg", "lakes"))}</Layer>
  <Layer name="rivers" srs="{lonlat}"><StyleName>rivers</StyleName>{ogr(("water.gpkg", "rivers"))}</Layer>
  <Layer name="coast" srs="{lonlat}"><StyleName>coast</StyleName>{ogr(("water.gpkg", "coastline"))}</Layer>
  <Layer name="admin1" srs="{lonlat}"><StyleName>admin1</StyleName>{ogr(("admin.gpkg", "admin1"))}</Layer>
  <Layer name="nkao" srs="{lonlat}"><StyleName>nkao</StyleName>{ogr(("karabakh_reference.gpkg", "nkao_1991_boundary"))}</Layer>
  <Layer name="loc" srs="{lonlat}"><StyleName>loc</StyleName>{ogr(("karabakh_reference.gpkg", "line_of_contact_1994"))}</Layer>
  <Layer name="borders" srs="{lonlat}"><StyleName>borders</StyleName>{ogr(("admin.gpkg", "boundaries"))}</Layer>
  <Layer name="places" srs="{lonlat}"><StyleName>places</StyleName>{ogr(("places.gpkg", "places"))}</Layer>
</Map>
"""


def read_georef(png):
    """Pixel size (x, y) and the centre of the top-left pixel of a sitmap PNG, from its .pgw."""
    with open(os.path.splitext(png)[0] + ".pgw") as f:
        a, _, _, e, c, f_ = (float(x) for x in f.read().split())
    return a, -e, c, f_


def mapnik_render(args):
    """One Mapnik process: load the style, render, write the PNG (what is timed)."""
    import mapnik
    width, height = (int(v) for v in args.size.split("x"))
    xml = style_xml(os.path.join(REPO, "geodata"), os.path.join(REPO, "assets", "fonts"), args.date,
                    ui_scale(height)).replace("SRS", args.srs)
    m = mapnik.Map(width, height)
    mapnik.load_map_from_string(m, xml)
    m.srs = args.srs
    minx, miny, maxx, maxy = (float(v) for v in args.extent.split(","))
    m.zoom_to_box(mapnik.Box2d(minx, miny, maxx, maxy))
    image = mapnik.Image(width, height)
    mapnik.render(m, image)
    image.save(args.output, args.format)


def run_timed(cmd, env=None):
    """Runs cmd as a child process; returns (CPU seconds user + sys, wall seconds)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"mapnik_compare: {' '.join(cmd)} failed with status {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sitmap", default=os.path.join(REPO, "build", "sitmap"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--date", default="2020-10-20")
    ap.add_argument("--size", default="3840x2160")
    ap.add_argument("--view", default="karabakh")
    ap.add_argument("--out-dir", default=None, help="keep the two PNGs here (default: a temporary folder)")
    ap.add_argument("--format", default="png32", help="Mapnik's image format (png32: full colour, as sitmap)")
    ap.add_argument("--sitmap-arg", action="append", default=[], help="extra argument for sitmap render")
    ap.add_argument("--no-cache", action="store_true",
                    help="run sitmap with SITMAP_CACHE_DIR=off (build the scene from the GeoPackages every run)")
    ap.add_argument("--mapnik-render", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--srs", help=argparse.SUPPRESS)
    ap.add_argument("--extent", help=argparse.SUPPRESS)
    ap.add_argument("--output", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mapnik_render:
        mapnik_render(args)
        return

    out_dir = args.out_dir or tempfile.mkdtemp(prefix="sitmap-mapnik-")
    os.makedirs(out_dir, exist_ok=True)
    sitmap_png = os.path.join(out_dir, "sitmap.png")
    mapnik_png = os.path.join(out_dir, "mapnik.png")
    sitmap_cmd = [args.sitmap, "render", "--view", args.view, "--date", args.date, "--size", args.size, "-q",
                  "-o", sitmap_png] + args.sitmap_arg
    # The georeference of sitmap's image (world file and .prj), once, outside the timed runs.
    georef_png = os.path.join(out_dir, "georef.png")
    sitmap_env = dict(os.environ, SITMAP_CACHE_DIR="off") if args.no_cache else None
    # (With the cache on, this run also stores the scene: the timed runs find it, as a user's second export does.)
    subprocess.run(sitmap_cmd[:-2 - len(args.sitmap_arg)] + ["-o", georef_png, "--world-file"], check=True,
                   env=sitmap_env)
    mpp_x, mpp_y, cx, cy = read_georef(georef_png)
    width, height = (int(v) for v in args.size.split("x"))
    minx, maxy = cx - mpp_x / 2, cy + mpp_y / 2
    extent = f"{minx!r},{maxy - height * mpp_y!r},{minx + width * mpp_x!r},{maxy!r}"
    srs = SITMAP_PROJ
    mapnik_cmd = ["/usr/bin/python3", os.path.abspath(__file__), "--mapnik-render", "--size", args.size, "--date",
                  args.date, f"--srs={srs}", f"--extent={extent}", "--output", mapnik_png, "--format", args.format]

    print(f"extent {extent} ({mpp_x:.2f} m/px), srs {srs}")
    print(f"sitmap: {'SITMAP_CACHE_DIR=off ' if args.no_cache else ''}{' '.join(sitmap_cmd)}")
    print(f"mapnik: {' '.join(mapnik_cmd[:3])} ... (python3-mapnik, format {args.format})")
    cpu = {"sitmap": [], "mapnik": []}
    wall = {"sitmap": [], "mapnik": []}
    for i in range(args.runs):
        for name, cmd in (("sitmap", sitmap_cmd), ("mapnik", mapnik_cmd)) if i % 2 == 0 else (
                ("mapnik", mapnik_cmd), ("sitmap", sitmap_cmd)):
            c, w_ = run_timed(cmd, sitmap_env if name == "sitmap" else None)
            cpu[name].append(c)
            wall[name].append(w_)
            print(f"  run {i + 1} {name}: {c:.3f} s CPU, {w_:.3f} s wall", flush=True)
    load = os.getloadavg()
    med = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; median of {args.runs}, CPU user + sys:")
    for name in ("sitmap", "mapnik"):
        print(f"  {name}: {med[name]:.3f} s CPU (min {min(cpu[name]):.3f}), "
              f"wall median {statistics.median(wall[name]):.3f} s, "
              f"{os.path.getsize(sitmap_png if name == 'sitmap' else mapnik_png) / 1e6:.2f} MB")
    print(f"  sitmap / mapnik = {med['sitmap'] / med['mapnik']:.2f}")
    print(f"images: {sitmap_png} {mapnik_png}")


if __name__ == "__main__":
    main()
