#!/bin/bash
# Leave-one-out estimate of the settlement-cell control model (geodata/SOURCES.md, control section): for each located
# 2020-front settlement (role capture, districts Fuzuli, Jabrayil, Zangilan, Qubadli, Khojavend), rebuild control.gpkg
# without it (sitmap_build_control --without NAME) and ask `sitmap query` for its point 3 days before and 3 days after its
# announced day. Each miss is printed with its error in days (the first day the rebuilt map gives its point to
# Azerbaijan, read from control_periods with ogrinfo, minus the announced day) and its three nearest located
# settlements (distance, their day minus its day); the last line is "leave-one-out 2020 front: RIGHT/TOTAL".
# Usage: scripts/control-loo.sh [INPUTS_DIR] [BUILD_DIR]   (defaults: geodata/control_inputs, build; run from the repo root)
set -euo pipefail
inputs=${1:-geodata/control_inputs}
build=${2:-build}
sources=${SITMAP_GEODATA_SOURCES:-../shared/geodata-sources}
for exe in "$build/sitmap_build_control" "$build/sitmap"; do
  [ -x "$exe" ] || { echo "control-loo: $exe not built" >&2; exit 2; }
done
command -v ogrinfo > /dev/null || { echo "control-loo: ogrinfo (gdal-bin) not found" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data/geodata"
python3 - "$inputs" "$build" "$sources" "$work" <<'P'
import csv, datetime as dt, json, math, os, subprocess, sys
inputs, build, sources, work = sys.argv[1:5]
with open(os.path.join(inputs, 'settlements.csv'), encoding='utf-8') as f:
    rows = list(csv.DictReader(l for l in f if not l.startswith('#')))
FRONT = ('Fuzuli', 'Jabrayil', 'Zangilan', 'Qubadli', 'Khojavend')
held = [r for r in rows if r['role'] == 'capture' and r['lat'] and r['district'] in FRONT]
located = [r for r in rows if r['lat'] and r['role'] in ('capture', 'anchor') and r['district'] in FRONT]
gpkg = os.path.join(work, 'data', 'geodata', 'control.gpkg')
day = dt.date.fromisoformat

def km(a, b):
    kx = 111.32 * math.cos(math.radians(39.7))
    return math.hypot((float(a['lon']) - float(b['lon'])) * kx, (float(a['lat']) - float(b['lat'])) * 110.95)

def controller(date, r):
    out = subprocess.run([os.path.join(build, 'sitmap'), 'query', '--data', os.path.join(work, 'data'), '--date', date,
                          '--at', f"{r['lat']},{r['lon']}"], capture_output=True, text=True).stdout
    try:
        return json.loads(out.splitlines()[-1]).get('controller', '?')
    except (IndexError, ValueError):
        return '?'

def first_azerbaijani_day(r):
    sql = ("SELECT valid_from FROM control_periods WHERE controller = 'azerbaijan' AND valid_from >= '2020-09-01' "
           f"AND ST_Intersects(geom, MakePoint({r['lon']}, {r['lat']}, 4326)) ORDER BY valid_from LIMIT 1")
    out = subprocess.run(['ogrinfo', '-q', '-dialect', 'SQLite', '-sql', sql, gpkg], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if 'valid_from' in line and '=' in line:
            return day(line.split('=', 1)[1].strip().replace('/', '-'))
    return None

ok = n = 0
for r in held:
    subprocess.run([os.path.join(build, 'sitmap_build_control'), '--sources', sources, '--inputs', inputs, '-o', gpkg,
                    '--without', r['name']], capture_output=True, check=True)
    d = day(r['date'])
    before = controller((d - dt.timedelta(days=3)).isoformat(), r)
    after = controller((d + dt.timedelta(days=3)).isoformat(), r)
    right = (before == 'armenian') + (after == 'azerbaijan')
    ok += right
    n += 2
    if right < 2:
        flip = first_azerbaijani_day(r)
        err = f"{(flip - d).days:+d} d" if flip else "never"
        near = sorted((x for x in located if x['name'] != r['name']), key=lambda x: km(r, x))[:3]
        print(f"  {r['name']} {r['date']} before:{before} after:{after} error {err}; nearest: " +
              ", ".join(f"{x['name']} {km(r, x):.1f} km {(day(x['date']) - d).days:+d} d" for x in near), flush=True)
print(f"leave-one-out 2020 front: {ok}/{n}")
P
