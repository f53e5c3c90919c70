// Events from files sitmap did not write: the --fields mapping (parsing, bad entries, columns a
// file lacks), the X/Y and WKT columns and date forms of a CSV written by ogr2ogr, and foreign
// FlatGeobuf, Shapefile, KML, GeoJSON and CSV files read through the mapping. The GIS files are
// made in the test by ogr2ogr from sitmap's own GeoPackage (gdal-bin is a listed dependency).
#include "io/event_field_map.hpp"
#include "core/error.hpp"
#include "io/events_io.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

using namespace sitmap;
namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

fs::path temp(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_fieldmap_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

const fs::path kEvents = fs::path(SITMAP_TESTDATA_DIR) / "events_list" / "events.csv";

std::vector<core::Event> shipped_events() {
    core::Diagnostics diags;
    auto ev = io::read_events(kEvents, diags);
    REQUIRE(diags.empty());
    REQUIRE(ev.size() == 8);
    return ev;
}

// sitmap's own GeoPackage of the fixture events (what `sitmap events -o x.gpkg` writes).
fs::path own_gpkg() {
    const fs::path gpkg = temp("own.gpkg");
    if (!fs::exists(gpkg)) io::write_events(gpkg, shipped_events());
    return gpkg;
}

void ogr2ogr(const std::string& args) {
    const std::string cmd = "ogr2ogr " + args + " >/dev/null 2>&1";
    INFO(cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
}

std::string all_diagnostics(const core::Diagnostics& diags) {
    std::string all;
    for (const auto& d : diags.all()) all += d.format() + "\n";
    return all;
}

std::map<std::string, core::Event> by_id(const std::vector<core::Event>& events) {
    std::map<std::string, core::Event> out;
    for (const auto& e : events) out[e.id] = e;
    return out;
}

// The fields a foreign file carries over: id, day, type, place and position.
void check_carried(const std::vector<core::Event>& got, bool with_type = true) {
    const auto want = by_id(shipped_events());
    const auto have = by_id(got);
    REQUIRE(have.size() == want.size());
    for (const auto& [id, w] : want) {
        INFO(id);
        REQUIRE(have.count(id) == 1);
        const auto& g = have.at(id);
        CHECK(g.date.start == w.date.start);
        CHECK(g.place == w.place);
        CHECK(g.has_position);
        CHECK(g.position.lat == Approx(w.position.lat).margin(1e-5));
        CHECK(g.position.lon == Approx(w.position.lon).margin(1e-5));
        if (with_type) CHECK(g.type == w.type);
    }
}

// The columns of sitmap's layer but lat and lon: the position comes from the geometry only.
const char* kNoLatLon =
    "-select doc,event_id,date_start,date_end,date_precision,place,location_precision,event_type,actor,target,"
    "summary,quote,confidence";

}  // namespace

TEST_CASE("a field mapping parses KEY=COLUMN pairs and names what is wrong in a bad one", "[io][events][fields]") {
    const auto m = io::parse_event_field_map(" date = event_date, lat=Y,lon=X ,event_type=kind");
    REQUIRE(m.columns.size() == 4);
    CHECK(m.source_of("date") == "event_date");
    CHECK(m.source_of("lat") == "Y");
    CHECK(m.source_of("lon") == "X");
    CHECK(m.source_of("event_type") == "kind");
    CHECK(m.source_of("place").empty());
    CHECK(io::parse_event_field_map("").empty());
    CHECK_THROWS_AS(io::parse_event_field_map("when=day"), UsageError);
    CHECK_THROWS_WITH(io::parse_event_field_map("when=day"),
                      Catch::Contains("unknown column 'when'") && Catch::Contains("date_start"));
    CHECK_THROWS_WITH(io::parse_event_field_map("date"), Catch::Contains("bad entry 'date'"));
    CHECK_THROWS_WITH(io::parse_event_field_map("lat="), Catch::Contains("bad entry 'lat='"));
    CHECK_THROWS_WITH(io::parse_event_field_map("lat=a,lat=b"), Catch::Contains("'lat' is mapped twice"));
    CHECK_THROWS_WITH(io::parse_event_field_map("date=a,date_start=b"), Catch::Contains("not both"));
    CHECK(io::missing_source_columns(m, {"event_date", "X", "Y"}) == std::vector<std::string>{"kind"});
}

TEST_CASE("dates in the forms GIS tools write read as their day", "[io][events][fields]") {
    CHECK(io::normalize_date_text("2020-09-27") == "2020-09-27");
    CHECK(io::normalize_date_text("2020/09/27") == "2020-09-27");              // ogr2ogr's DATE in CSV
    CHECK(io::normalize_date_text("2020/09/27 10:30:00+00") == "2020-09-27");  // ogr2ogr's DATETIME
    CHECK(io::normalize_date_text("2020-09-27T10:30:00Z") == "2020-09-27");    // ISO 8601
    CHECK(io::normalize_date_text("27 September 2020") == "2020-09-27");       // ACLED, spreadsheets
    CHECK(io::normalize_date_text("2020-9-27") == "2020-9-27");                // not a form: unchanged
    CHECK(io::normalize_date_text("2020-09-27x") == "2020-09-27x");
    CHECK(io::normalize_date_text("September 2020") == "September 2020");  // a month is not a day
    CHECK(io::normalize_date_text("") == "");
}

TEST_CASE("a CSV written by ogr2ogr with X/Y or WKT columns reads as the same events", "[io][events][gdal]") {
    const fs::path gpkg = own_gpkg();
    for (const char* geometry : {"AS_XY", "AS_YX", "AS_WKT"}) {
        SECTION(geometry) {
            const fs::path csv = temp(std::string("ogr_") + geometry + ".csv");
            fs::remove(csv);
            ogr2ogr("-f CSV -lco GEOMETRY=" + std::string(geometry) + " " + kNoLatLon + " '" + csv.string() + "' '" +
                    gpkg.string() + "' events");
            core::Diagnostics diags;
            const auto back = io::read_events(csv, diags);
            INFO(all_diagnostics(diags));
            CHECK(diags.empty());
            check_carried(back);
            // Every other column comes back too, and in the file's order.
            const auto want = shipped_events();
            REQUIRE(back.size() == want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                CHECK(back[i].id == want[i].id);
                CHECK(back[i].date.end == want[i].date.end);
                CHECK(back[i].date.precision == want[i].date.precision);
                CHECK(back[i].source.quote == want[i].source.quote);
                CHECK(back[i].confidence == Approx(want[i].confidence));
            }
        }
    }
}

TEST_CASE("a WKT column that is not a point is reported with its line", "[io][events][fields]") {
    const fs::path csv = temp("wkt_line.csv");
    std::ofstream(csv) << "WKT,event_id,date_start,date_end,date_precision,event_type\n"
                          "\"POINT (46.75 39.82)\",p-1,2020-09-27,2020-09-27,day,strike\n"
                          "\"LINESTRING (46 39,47 40)\",p-2,2020-09-27,2020-09-27,day,strike\n";
    core::Diagnostics diags;
    const auto ev = io::read_events(csv, diags);
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].position.lon == Approx(46.75));
    CHECK(ev[0].position.lat == Approx(39.82));
    CHECK_THAT(all_diagnostics(diags), Catch::Contains("wkt_line.csv:3") && Catch::Contains("is not a point"));
}

TEST_CASE("a foreign CSV reads through a field mapping, its dates in several forms", "[io][events][fields]") {
    const fs::path csv = fs::path(SITMAP_TESTDATA_DIR) / "foreign" / "incidents.csv";
    const auto map = io::parse_event_field_map("event_id=ref,date=reported,event_type=kind,place=site,summary=what");
    core::Diagnostics diags;
    const auto ev = io::read_events(csv, diags, map);
    INFO(all_diagnostics(diags));
    REQUIRE(ev.size() == 4);
    CHECK(ev[0].id == "inc-1");
    CHECK(ev[0].date.start == core::Date(year(2020), September, day(27)));  // 2020/09/27 10:15:00+00
    CHECK(ev[0].date.end == ev[0].date.start);                              // unmapped: the start day
    CHECK(ev[0].date.precision == core::DatePrecision::Day);
    CHECK(ev[0].type == core::EventType::Strike);
    CHECK(ev[0].place == "Khankendi");
    CHECK(ev[0].summary == "shelling reported");
    CHECK(ev[0].position.lon == Approx(46.7528));                         // from the X/Y columns
    CHECK(ev[1].date.start == core::Date(year(2020), October, day(4)));   // 2020-10-04T08:00:00Z
    CHECK(ev[2].date.start == core::Date(year(2020), October, day(17)));  // 17 October 2020
    CHECK(ev[2].type == core::EventType::Other);                          // no kind given
    CHECK(ev[3].date.start == core::Date(year(2020), November, day(8)));  // 2020-11-08
    // The bad row is reported with its line and the value, the rest still load.
    CHECK_THAT(all_diagnostics(diags), Catch::Contains("incidents.csv:6") && Catch::Contains("'last week'"));
    // Without the mapping the file is not an events file, and the message says which column is missing.
    core::Diagnostics none;
    CHECK_THROWS_WITH(io::read_events(csv, none),
                      Catch::Contains("incidents.csv:1") && Catch::Contains("no 'date_start' column"));
}

TEST_CASE("a mapping that names a column the file lacks is refused, naming it and the file's columns",
          "[io][events][fields]") {
    const fs::path csv = fs::path(SITMAP_TESTDATA_DIR) / "foreign" / "incidents.csv";
    core::Diagnostics diags;
    CHECK_THROWS_WITH(io::read_events(csv, diags, io::parse_event_field_map("date=when")),
                      Catch::Contains("incidents.csv:1") && Catch::Contains("no column 'when'") &&
                          Catch::Contains("found: ref,reported"));
    CHECK_THROWS_WITH(io::read_events(csv, diags, io::parse_event_field_map("place=site")),
                      Catch::Contains("no date column") && Catch::Contains("--fields date=COLUMN"));
    const fs::path fgb = temp("lacks.fgb");
    fs::remove(fgb);
    ogr2ogr("-f FlatGeobuf '" + fgb.string() + "' '" + own_gpkg().string() + "' events");
    CHECK_THROWS_WITH(io::read_events(fgb, diags, io::parse_event_field_map("date=when")),
                      Catch::Contains("lacks.fgb: layer 'events'") && Catch::Contains("no column 'when'"));
}

TEST_CASE("foreign FlatGeobuf, Shapefile, KML and GeoJSON files read through a field mapping",
          "[io][events][fields][gdal]") {
    // Columns renamed as another tool would name them; the position is the geometry only.
    const std::string sql =
        "-sql \"SELECT event_id AS ref, date_start AS day, event_type AS kind, place AS site, geom FROM events\"";
    const auto map = io::parse_event_field_map("event_id=ref,date=day,event_type=kind,place=site");
    for (const char* name : {"foreign.fgb", "foreign.shp", "foreign.kml", "foreign.geojson"}) {
        SECTION(name) {
            const fs::path out = temp(name);
            const std::string ext = out.extension().string();
            const std::string driver = ext == ".fgb"   ? "FlatGeobuf"
                                       : ext == ".shp" ? "ESRI Shapefile"
                                       : ext == ".kml" ? "KML"
                                                       : "GeoJSON";
            fs::remove(out);
            ogr2ogr("-f '" + driver + "' " + sql + " '" + out.string() + "' '" + own_gpkg().string() + "'");
            core::Diagnostics diags;
            const auto ev = io::read_events(out, diags, map);
            INFO(all_diagnostics(diags));
            CHECK(diags.empty());
            check_carried(ev);
            for (const auto& e : ev) CHECK(e.date.end == e.date.start);  // unmapped date_end: the day
        }
    }
}

TEST_CASE("DATE and DATETIME columns as ogr2ogr writes them to CSV read through a mapping", "[io][events][gdal]") {
    // A GeoJSON whose properties GDAL types as DateTime and Date, converted by ogr2ogr to CSV.
    const fs::path json = temp("datetimes.geojson");
    const fs::path csv = temp("datetimes.csv");
    std::ofstream(json) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                           R"({"id":"d-1","when":"2020-09-27T10:15:00Z","until":"2020-09-29"},)"
                           R"("geometry":{"type":"Point","coordinates":[46.7528,39.8177]}}]})";
    fs::remove(csv);
    ogr2ogr("-f CSV -lco GEOMETRY=AS_XY '" + csv.string() + "' '" + json.string() + "'");
    std::ifstream in(csv);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_THAT(text, Catch::Contains("2020/09/27 10:15:00+00") && Catch::Contains("2020/09/29"));
    core::Diagnostics diags;
    const auto ev =
        io::read_events(csv, diags, io::parse_event_field_map("event_id=id,date_start=when,date_end=until"));
    INFO(all_diagnostics(diags));
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].date.start == core::Date(year(2020), September, day(27)));
    CHECK(ev[0].date.end == core::Date(year(2020), September, day(29)));
    CHECK(ev[0].position.lat == Approx(39.8177));
}
