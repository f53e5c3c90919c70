// Events from other GIS tools on the command line: a CSV written by ogr2ogr from sitmap's own
// GeoPackage (X/Y or WKT columns instead of lat/lon) draws the same events as the GeoPackage, and
// a foreign FlatGeobuf with its own column names draws them through --fields (render) and
// converts through it (events). Bad mappings are usage errors naming the entry or the column.
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

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
    fs::create_directories(d);
    return d;
}

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Built with += (GCC 12 warns, wrongly, of overlapping copies in "'" + s + "'": -Wrestrict).
std::string q(const fs::path& p) {
    std::string quoted(1, '\'');
    quoted += p.string();
    quoted += '\'';
    return quoted;
}

// "N event(s) drawn" from render's summary line (empty when it has none).
std::string drawn(const std::string& err) {
    const auto end = err.find(" event(s) drawn");
    if (end == std::string::npos) return {};
    const auto begin = err.rfind('\n', end);
    return err.substr(begin == std::string::npos ? 0 : begin + 1, end - (begin == std::string::npos ? 0 : begin + 1));
}

void ogr2ogr(const std::string& args) {
    const std::string cmd = "ogr2ogr " + args + " >/dev/null 2>&1";
    INFO(cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
}

const fs::path kEvents = fs::path(SITMAP_TESTDATA_DIR) / "events_list" / "events.csv";
// One view and day for every render: all eight fixture events in the window.
const std::string kRender = "render --view karabakh --size 480x360 --date 2020-11-10 --window all ";

}  // namespace

TEST_CASE("a CSV written by ogr2ogr from sitmap's own GeoPackage draws the same events", "[cli][events][gdal]") {
    const fs::path dir = fresh_dir("sitmap_cli_ogr_csv");
    const auto own = run_sitmap("events " + q(kEvents) + " -q -o " + q(dir / "own.gpkg"));
    REQUIRE(own.exit_code == 0);
    const auto base = run_sitmap(kRender + "--events " + q(dir / "own.gpkg") + " -o " + q(dir / "own.png"));
    REQUIRE(base.exit_code == 0);
    const std::string n = drawn(base.err);
    REQUIRE(std::stoi(n) >= 5);  // most of the eight in the view
    for (const char* geometry : {"AS_XY", "AS_WKT"}) {
        SECTION(geometry) {
            // Without lat/lon: the position is only in ogr2ogr's geometry columns.
            const fs::path csv = dir / (std::string(geometry) + ".csv");
            ogr2ogr(std::string("-f CSV -lco GEOMETRY=") + geometry +
                    " -select doc,event_id,date_start,date_end,date_precision,place,location_precision,event_type,"
                    "actor,target,summary,quote,confidence " +
                    q(csv) + " " + q(dir / "own.gpkg") + " events");
            const auto r = run_sitmap(kRender + "--events " + q(csv) + " -o " + q(dir / "csv.png"));
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(drawn(r.err) == n);
            CHECK_THAT(r.err, !Catch::Contains("warning"));
            // The same events drawn the same way: the same pixels (rendering is deterministic).
            CHECK(bytes_of(dir / "csv.png") == bytes_of(dir / "own.png"));
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("a foreign FlatGeobuf draws and converts through --fields", "[cli][events][gdal]") {
    const fs::path dir = fresh_dir("sitmap_cli_ogr_fields");
    REQUIRE(run_sitmap("events " + q(kEvents) + " -q -o " + q(dir / "own.gpkg")).exit_code == 0);
    const fs::path fgb = dir / "foreign.fgb";
    ogr2ogr(
        "-f FlatGeobuf -sql \"SELECT event_id AS ref, date_start AS day, event_type AS kind, place AS site, geom "
        "FROM events\" " +
        q(fgb) + " " + q(dir / "own.gpkg"));
    const std::string fields = "--fields event_id=ref,date=day,event_type=kind,place=site ";

    const auto own = run_sitmap(kRender + "--events " + q(dir / "own.gpkg") + " -o " + q(dir / "own.png"));
    REQUIRE(own.exit_code == 0);
    // Without the mapping the file is refused (exit 1), naming what is missing and how to map it.
    const auto bare = run_sitmap(kRender + "--events " + q(fgb) + " -o " + q(dir / "bare.png"));
    CHECK(bare.exit_code == 1);
    CHECK_THAT(bare.err, Catch::Contains("foreign.fgb: layer 'SELECT': no 'date_start' field") &&
                             Catch::Contains("--fields") && Catch::Contains("found: ref,day,kind,site"));

    const auto r = run_sitmap(kRender + "--events " + q(fgb) + " " + fields + "-o " + q(dir / "fgb.png"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(drawn(r.err) == drawn(own.err));
    CHECK_FALSE(drawn(r.err).empty());

    const auto conv = run_sitmap("events " + q(fgb) + " " + fields + "-o " + q(dir / "back.csv"));
    INFO(conv.err);
    REQUIRE(conv.exit_code == 0);
    CHECK_THAT(conv.err, Catch::Contains("8 of 8 events written"));
    const std::string csv = bytes_of(dir / "back.csv");
    CHECK_THAT(csv, Catch::Contains(",a-02,2020-10-04,2020-10-04,day,Jabrayil,39.39917,47.02835,") &&
                        Catch::Contains(",capture,"));

    // A mapping to a column the file lacks names it (exit 1); a malformed one is a usage error (exit 2).
    const auto lacks = run_sitmap("events " + q(fgb) + " --fields date=when -o " + q(dir / "x.csv"));
    CHECK(lacks.exit_code == 1);
    CHECK_THAT(lacks.err, Catch::Contains("no column 'when'") && Catch::Contains("found: ref,day,kind,site"));
    const auto bad = run_sitmap(kRender + "--events " + q(fgb) + " --fields when=day -o " + q(dir / "y.png"));
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("unknown column 'when'"));
    CHECK_FALSE(fs::exists(dir / "y.png"));
    const auto window = run_sitmap(q(fgb) + " --fields lat");
    CHECK(window.exit_code == 2);
    CHECK_THAT(window.err, Catch::Contains("bad entry 'lat'"));
    fs::remove_all(dir);
}

TEST_CASE("the window opens a foreign CSV through --fields and lists its rejected row among its problems",
          "[cli][window][events]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        if (std::getenv("SITMAP_REQUIRE_GL")) FAIL("xvfb-run not installed: window test cannot run");
        WARN("xvfb-run not installed: window test not run");
        return;
    }
    const fs::path dir = fresh_dir("sitmap_cli_ogr_window");
    const fs::path csv = fs::path(SITMAP_TESTDATA_DIR) / "foreign" / "incidents.csv";
    const auto r = run_sitmap(q(csv) + " --fields event_id=ref,date=reported,event_type=kind,place=site,summary=what" +
                                  " --edits " + q(dir / "edits.gpkg") + " --frames 4 --screenshot " + q(dir / "w.png"),
                              "xvfb-run -a -s '-screen 0 1024x700x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir / "w.png"));
    // What the Problems panel lists, the window also prints at start: the row and its reason.
    CHECK_THAT(r.err, Catch::Contains("incidents.csv:6") && Catch::Contains("'last week'"));
    CHECK_THAT(r.err, !Catch::Contains("no 'date_start' column"));
    fs::remove_all(dir);
}
