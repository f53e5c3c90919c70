#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}
}  // namespace

TEST_CASE("render writes a PNG with a world file, and a GeoTIFF", "[cli][export]") {
    const fs::path dir = fresh_dir("sitmap_cli_export");
    fs::create_directories(dir);
    const auto r = run_sitmap("render --view karabakh --size 400x300 --date 2020-11-15 --title T --world-file -q -o '" +
                              (dir / "map.png").string() + "'");
    CHECK(r.exit_code == 0);
    CHECK(fs::file_size(dir / "map.png") > 10'000);
    CHECK(fs::exists(dir / "map.pgw"));
    CHECK(fs::exists(dir / "map.prj"));
    std::ifstream pgw(dir / "map.pgw");
    double a = 0, d = 0, b = 0, e = 0;
    pgw >> a >> d >> b >> e;
    CHECK(a > 0);
    CHECK(e == Approx(-a));  // square pixels, north up
    const auto t = run_sitmap("render --view karabakh --size 300x200 -q -o '" + (dir / "map.tif").string() + "'");
    CHECK(t.exit_code == 0);
    CHECK(fs::file_size(dir / "map.tif") > 1'000);
    fs::remove_all(dir);
}

TEST_CASE("sizes beyond what can be rendered are refused with the value quoted", "[cli][export][errors]") {
    const auto r = run_sitmap("render --size 20000x20000 -o /tmp/sitmap_never.png");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("'20000x20000'") && Catch::Contains("16384"));
    CHECK_FALSE(fs::exists("/tmp/sitmap_never.png"));
}

TEST_CASE("a briefing renders one PNG per slide; a broken one names file and field and writes nothing",
          "[cli][briefing]") {
    const fs::path dir = fresh_dir("sitmap_cli_briefing");
    fs::create_directories(dir);
    const fs::path good = dir / "good.json", bad = dir / "bad.json", out = dir / "slides";
    std::ofstream(good) << R"({"title": "t", "slides": [
        {"title": "Shusha / Shushi", "caption": "8 November 2020", "date": "2020-11-08",
         "view": {"bbox": [46.3, 39.5, 47.1, 40.0]}},
        {"title": "Whole region", "date": "2023-09-20", "view": {"centre": {"lat": 40.3, "lon": 46.0},
         "metres_per_pixel": 900}}]})";
    const auto r = run_sitmap("render --briefing '" + good.string() + "' --size 320x200 -q -o '" + out.string() + "'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(out / "slide-01.png"));
    CHECK(fs::exists(out / "slide-02.png"));
    CHECK_FALSE(fs::exists(out / "slide-03.png"));

    std::ofstream(bad) << R"({"slides": [{"title": "x", "date": "2020-13-45"}]})";
    const fs::path out2 = dir / "never";
    const auto b = run_sitmap("render --briefing '" + bad.string() + "' --size 320x200 -o '" + out2.string() + "'");
    CHECK(b.exit_code == 2);
    CHECK_THAT(b.err, Catch::Contains("bad.json") && Catch::Contains("slides[0].date"));
    CHECK_FALSE(fs::exists(out2));  // nothing half-written
    fs::remove_all(dir);
}

TEST_CASE("animation frames are numbered per step and the ffmpeg command is printed", "[cli][frames]") {
    const fs::path out = fresh_dir("sitmap_cli_frames");
    const auto r = run_sitmap(
        "render --from 2020-11-08 --to 2020-11-12 --step 2d --size 200x150 -q --events none -o '" + out.string() + "'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(out / "frame-00000.png"));
    CHECK(fs::exists(out / "frame-00002.png"));  // 8, 10, 12 November
    CHECK_FALSE(fs::exists(out / "frame-00003.png"));
    CHECK_THAT(r.out, Catch::Contains("ffmpeg") && Catch::Contains("frame-%05d.png"));
    const auto bad = run_sitmap("render --from 2020-11-12 --to 2020-11-08 -o '" + out.string() + "'");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("'2020-11-08'"));
    const auto step =
        run_sitmap("render --from 2020-11-08 --to 2020-11-12 --step fortnightly -o '" + out.string() + "'");
    CHECK(step.exit_code == 2);
    CHECK_THAT(step.err, Catch::Contains("'fortnightly'"));
    fs::remove_all(out);
}

TEST_CASE("an unwritable output directory for slides is reported with its path", "[cli][briefing][errors]") {
    const auto r = run_sitmap("render --from 2020-11-08 --to 2020-11-09 -o /nonexistent_sitmap_dir/frames");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("/nonexistent_sitmap_dir/frames"));
}

TEST_CASE("render --events none draws no events; a missing events file is reported", "[cli][events]") {
    const fs::path dir = fresh_dir("sitmap_cli_events");
    fs::create_directories(dir);
    const auto none =
        run_sitmap("render --view karabakh --size 300x200 --events none -q -o '" + (dir / "a.png").string() + "'");
    CHECK(none.exit_code == 0);
    const auto missing = run_sitmap("render --view karabakh --size 300x200 --events '" + (dir / "nope.csv").string() +
                                    "' -q -o '" + (dir / "b.png").string() + "'");
    CHECK_THAT(missing.err, Catch::Contains("nope.csv"));
    fs::remove_all(dir);
}

TEST_CASE("render --reviewed-only draws only accepted events; rejected ones are never drawn", "[cli][review]") {
    const fs::path dir = fresh_dir("sitmap_cli_review");
    fs::create_directories(dir);
    const fs::path data = fs::path(SITMAP_TESTDATA_DIR) / "review";
    // The corrections file as the window saves it: a GeoPackage with a layer "edits" (accept 002,
    // reject 003 of the four events in events.geojson).
    // (Quoting is built with += : GCC 12 gives a false -Wrestrict on "'" + std::string.)
    const auto quoted = [](const fs::path& p) {
        std::string q(1, '\'');
        q += p.string();
        q += '\'';
        return q;
    };
    const std::string edits = quoted(dir / "edits.gpkg");
    std::string convert = "ogr2ogr -f GPKG -nln edits ";
    convert += edits + " " + quoted(data / "edits.geojson");
    REQUIRE(std::system(convert.c_str()) == 0);
    std::string common = "render --view karabakh --size 400x300 --date 2020-10-10 --events ";
    common += quoted(data / "events.geojson") + " -o ";
    auto png = [&](const char* name) { return quoted(dir / name); };

    const auto all = run_sitmap(common + png("all.png"));
    INFO(all.err);
    REQUIRE(all.exit_code == 0);
    CHECK_THAT(all.err, Catch::Contains("4 event(s) drawn;"));

    const auto with_edits = run_sitmap(common + png("edits.png") + " --edits " + edits);
    INFO(with_edits.err);
    REQUIRE(with_edits.exit_code == 0);
    CHECK_THAT(with_edits.err, Catch::Contains("3 event(s) drawn;"));  // the rejected one is left out
    CHECK_THAT(with_edits.err, Catch::Contains("1 accepted, 1 rejected (never drawn), 2 unreviewed"));

    const auto reviewed = run_sitmap(common + png("reviewed.png") + " --edits " + edits + " --reviewed-only");
    INFO(reviewed.err);
    REQUIRE(reviewed.exit_code == 0);
    CHECK_THAT(reviewed.err, Catch::Contains("1 event(s) drawn (accepted in review only)"));
    // The images differ as the events drawn do.
    const auto bytes = [&](const char* name) {
        std::ifstream in(dir / name, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    CHECK(bytes("all.png") != bytes("edits.png"));
    CHECK(bytes("edits.png") != bytes("reviewed.png"));

    // Without the corrections file there is nothing to know the decisions from.
    const auto no_edits = run_sitmap(common + png("x.png") + " --reviewed-only");
    CHECK(no_edits.exit_code == 2);
    CHECK_THAT(no_edits.err, Catch::Contains("--reviewed-only needs --edits FILE"));
    CHECK_FALSE(fs::exists(dir / "x.png"));
    fs::remove_all(dir);
}

namespace {

/// stdout of a shell command (GDAL's tools).
std::string output_of(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

}  // namespace

TEST_CASE("exports every GIS tool reads: PNG and JPEG with their CRS, a GeoTIFF needs no world file", "[cli][export]") {
    const fs::path dir = fresh_dir("sitmap_cli_export_gis");
    fs::create_directories(dir);
    const std::string common = "render --view karabakh --size 300x200 --events none --world-file -q -o '";
    SECTION("PNG: GDAL's PNG driver ignores .prj, so the CRS goes into map.png.aux.xml") {
        REQUIRE(run_sitmap(common + (dir / "map.png").string() + "'").exit_code == 0);
        REQUIRE(fs::exists(dir / "map.png.aux.xml"));
        const std::string srs = output_of("gdalsrsinfo -o proj4 '" + (dir / "map.png").string() + "' 2>&1");
        CHECK_THAT(srs, Catch::Contains("+proj=lcc"));
        const std::string info = output_of("gdalinfo '" + (dir / "map.png").string() + "' 2>&1");
        CHECK_THAT(info, Catch::Contains("Lambert Conformal Conic") && Catch::Contains("Pixel Size"));
    }
    SECTION("JPEG: a real JPEG, with .jgw, .prj and .aux.xml") {
        REQUIRE(run_sitmap(common + (dir / "map.jpg").string() + "'").exit_code == 0);
        std::ifstream in(dir / "map.jpg", std::ios::binary);
        unsigned char magic[3] = {};
        in.read(reinterpret_cast<char*>(magic), 3);
        CHECK((magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF));  // once PNG bytes: 89 50 4E
        CHECK(fs::exists(dir / "map.jgw"));
        const std::string info = output_of("gdalinfo '" + (dir / "map.jpg").string() + "' 2>&1");
        CHECK_THAT(info, Catch::Contains("Driver: JPEG") && Catch::Contains("Lambert Conformal Conic"));
    }
    SECTION("an unknown image extension is refused before rendering") {
        const auto r = run_sitmap(common + (dir / "map.bmp").string() + "'");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("map.bmp: unknown image format '.bmp' (expected .png, .jpg or .tif)"));
        CHECK_FALSE(fs::exists(dir / "map.bmp"));
    }
    SECTION("GeoTIFF with --world-file says it is georeferenced already") {
        const auto r = run_sitmap("render --view karabakh --size 300x200 --events none --world-file -o '" +
                                  (dir / "map.tif").string() + "'");
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, Catch::Contains("a GeoTIFF is georeferenced already"));
        CHECK_FALSE(fs::exists(dir / "map.tfw"));
    }
    fs::remove_all(dir);
}
