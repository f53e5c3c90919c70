// Event files: CSV columns and quoting, round trips through CSV, GeoJSON and GeoPackage, DATE
// fields in the GeoPackage (as GDAL reports them), bad rows and unknown extensions.
#include "io/events_io.hpp"
#include "core/base_map.hpp"
#include "core/error.hpp"
#include "io/gazetteer_io.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

using namespace sitmap;
namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

std::vector<core::Event> sample_events() {
    core::Event a;
    a.id = "t-001";
    a.date = {core::Date(year(2020), October, day(25)), core::Date(year(2020), October, day(26)),
              core::DatePrecision::Day};
    a.place = "Shusha";
    a.place_text = "Shushi";
    a.position = {46.74989, 39.76006};
    a.has_position = true;
    a.location_precision = core::LocationPrecision::Point;
    a.type = core::EventType::Strike;
    a.actor = "Azerbaijani forces";
    a.target = "Armenian positions";
    a.summary = "strike, with a comma";
    a.source = {"t.txt", 10, 80, "He said \"shelling\" began,\nthen stopped."};
    a.confidence = 0.75;
    core::Event b = a;
    b.id = "t-002";
    b.date = {core::Date(year(1990), January, day(1)), core::Date(year(1999), December, day(31)),
              core::DatePrecision::Year};
    b.place = "Karabakh";
    b.location_precision = core::LocationPrecision::Region;
    b.type = core::EventType::Capture;
    b.source.quote = "Plain quote.";
    return {a, b};
}

fs::path temp(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_events_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

void check_same(const std::vector<core::Event>& got, const std::vector<core::Event>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].id == want[i].id);
        CHECK(got[i].source.document == want[i].source.document);
        CHECK(got[i].date.start == want[i].date.start);
        CHECK(got[i].date.end == want[i].date.end);
        CHECK(got[i].date.precision == want[i].date.precision);
        CHECK(got[i].place == want[i].place);
        CHECK(got[i].position.lat == Approx(want[i].position.lat).margin(1e-5));
        CHECK(got[i].position.lon == Approx(want[i].position.lon).margin(1e-5));
        CHECK(got[i].location_precision == want[i].location_precision);
        CHECK(got[i].type == want[i].type);
        CHECK(got[i].actor == want[i].actor);
        CHECK(got[i].summary == want[i].summary);
        CHECK(got[i].source.quote == want[i].source.quote);
        CHECK(got[i].confidence == Approx(want[i].confidence));
    }
}

}  // namespace

TEST_CASE("the CSV has exactly the documented columns and RFC-4180 quoting", "[io][events]") {
    const std::string csv = io::events_to_csv(sample_events());
    const std::string header = csv.substr(0, csv.find('\n'));
    CHECK(header ==
          "doc,event_id,date_start,date_end,date_precision,place,lat,lon,location_precision,event_type,actor,target,"
          "summary,quote,confidence");
    CHECK(csv.find("\"strike, with a comma\"") != std::string::npos);
    CHECK(csv.find("\"He said \"\"shelling\"\" began,\nthen stopped.\"") != std::string::npos);
    CHECK(csv.find("2020-10-25,2020-10-26,day,Shusha,39.76006,46.74989,point,strike") != std::string::npos);
}

TEST_CASE("events round-trip through CSV, GeoJSON and GeoPackage", "[io][events]") {
    const auto events = sample_events();
    for (const char* name : {"ev.csv", "ev.geojson", "ev.gpkg"}) {
        SECTION(name) {
            const fs::path p = temp(name);
            io::write_events(p, events);
            core::Diagnostics diags;
            check_same(io::read_events(p, diags), events);
            CHECK(diags.empty());
            CHECK_FALSE(fs::exists(p.string() + ".tmp"));
        }
    }
}

TEST_CASE("the GeoPackage stores date_start and date_end as DATE fields", "[io][events]") {
    const fs::path p = temp("dates.gpkg");
    io::write_events(p, sample_events());
    const auto fields = io::gpkg_event_field_types(p);
    std::map<std::string, std::string> types(fields.begin(), fields.end());
    CHECK(types["date_start"] == "Date");
    CHECK(types["date_end"] == "Date");
    CHECK(types["confidence"] == "Real");
    CHECK(types["quote"] == "String");
}

TEST_CASE("bad rows in an events CSV are reported with their line and skipped", "[io][events]") {
    const fs::path p = temp("bad.csv");
    std::string csv = io::events_to_csv(sample_events());
    csv += "t.txt,t-003,2020-13-40,2020-10-26,day,Shusha,39.7,46.7,point,strike,,,,q,0.5\n";
    csv += "t.txt,t-004,2020-10-25,2020-10-26,day,Shusha,39.7,46.7,point,parade,,,,q,0.5\n";
    std::ofstream(p, std::ios::binary) << csv;
    core::Diagnostics diags;
    const auto got = io::read_events(p, diags);
    CHECK(got.size() == 2);
    const auto all = diags.all();
    REQUIRE(all.size() == 2);
    CHECK(all[0].code == core::DiagCode::RecordInvalid);
    CHECK(all[0].file == p.string());
    CHECK(all[0].where == "5");  // header, two events (one spanning two lines), then the bad row
    CHECK(all[1].message.find("parade") != std::string::npos);
}

TEST_CASE("an unknown extension is a usage error naming the file", "[io][events]") {
    CHECK_THROWS_AS(io::write_events(temp("ev.xlsx"), sample_events()), UsageError);
    CHECK_THROWS_WITH(io::events_format_for("out.kml"), Catch::Contains("out.kml"));
}

TEST_CASE("gazetteer rows with bad coordinates are reported with file and line", "[io][gazetteer]") {
    const std::string csv =
        "name,variants,lat,lon,kind,precision,country,district,origin,geonameid,source\n"
        "Shusha,Shushi|Şuşa,39.76,46.75,town,point,Azerbaijan,Shusha,reference,,x\n"
        "Nowhere,,95.0,46.75,town,point,Azerbaijan,,reference,,x\n"
        "Karabakh,Garabagh,39.8,46.9,region,region,Azerbaijan,,reference,,x\n"
        "Broken,,39.8\n";
    core::Diagnostics diags;
    const auto g = io::parse_gazetteer_csv(csv, "gaz.csv", diags);
    CHECK(g.size() == 2);
    REQUIRE(g.find("Şuşa") != nullptr);
    CHECK(g.find("Şuşa")->name == "Shusha");
    const auto all = diags.all();
    REQUIRE(all.size() == 2);
    CHECK(all[0].where == "3");
    CHECK(all[0].message.find("95.0") != std::string::npos);
    CHECK(all[1].where == "5");
}

TEST_CASE("the shipped gazetteer loads cleanly and knows the variants the issue names", "[io][gazetteer]") {
    core::Diagnostics diags;
    const auto g = io::load_gazetteer(std::string(SITMAP_SOURCE_DIR) + "/geodata/gazetteer.csv", diags);
    CHECK(diags.empty());
    CHECK(g.size() > 500);
    for (const auto& [variant, canonical] :
         std::vector<std::pair<std::string, std::string>>{{"Stepanakert", "Khankendi"},
                                                          {"Xankəndi", "Khankendi"},
                                                          {"Shushi", "Shusha"},
                                                          {"Şuşa", "Shusha"},
                                                          {"Qubadli", "Gubadli"},
                                                          {"Kubatly", "Gubadli"},
                                                          {"Kashunik", "Gubadli"},
                                                          {"Karvachar", "Kalbajar"},
                                                          {"Kelbajar", "Kalbajar"},
                                                          {"Lachin corridor", "Lachin corridor"},
                                                          {"Zangezur corridor", "Zangezur"},
                                                          {"Iranian border", "Aras river"},
                                                          {"Aghdam district", "Aghdam district"}}) {
        INFO(variant);
        REQUIRE(g.find(variant) != nullptr);
        CHECK(g.find(variant)->name == canonical);
    }
}

TEST_CASE("an event placed far outside the region is flagged and does not stretch the GeoPackage's extent",
          "[io][events]") {
    auto events = sample_events();
    core::Event far = events[0];
    far.id = "t-003";
    far.place = "Washington";
    far.position = {-77.03637, 38.89511};
    events.push_back(far);
    core::Diagnostics flagged;
    core::flag_events_outside_region(events, flagged);
    const auto all = flagged.all();
    REQUIRE(all.size() == 1);
    CHECK(all[0].code == core::DiagCode::PlaceOutsideRegion);
    CHECK(all[0].file == "t.txt");
    CHECK(all[0].where == "t-003");
    CHECK_THAT(all[0].message, Catch::Contains("'Washington'"));

    const fs::path p = temp("far.gpkg");
    io::write_events(p, events);
    std::string info;
    if (FILE* pipe = ::popen(("ogrinfo -so -al '" + p.string() + "' 2>&1").c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) info.append(buf, n);
        ::pclose(pipe);
    }
    // Only Shusha's point: once the extent ran from -77.04 (Washington) to 46.75.
    CHECK_THAT(info, Catch::Contains("Extent: (46.749890, 39.760060) - (46.749890, 39.760060)"));
    core::Diagnostics diags;
    const auto back = io::read_events(p, diags);
    REQUIRE(back.size() == 3);
    CHECK(back[2].has_position);  // the position is kept in the lat/lon fields
    CHECK(back[2].position.lon == Approx(-77.03637).margin(1e-5));
}

TEST_CASE("an events CSV can start with a byte-order mark for spreadsheets, and is read back", "[io][events]") {
    const fs::path p = temp("bom.csv");
    io::write_events(p, sample_events(), {.csv_bom = true});
    std::ifstream in(p, std::ios::binary);
    std::string head(3, '\0');
    in.read(head.data(), 3);
    CHECK(head == "\xEF\xBB\xBF");
    core::Diagnostics diags;
    check_same(io::read_events(p, diags), sample_events());
    CHECK(diags.empty());
    io::write_events(p, sample_events());
    std::ifstream plain(p, std::ios::binary);
    plain.read(head.data(), 3);
    CHECK(head == "doc");  // no BOM unless asked
}

TEST_CASE("the events writer streams: many events one at a time, the old file kept until finish", "[io][events]") {
    const auto base = sample_events();
    for (const char* name : {"stream.csv", "stream.geojson", "stream.gpkg"}) {
        SECTION(name) {
            const fs::path p = temp(name);
            io::write_events(p, {base[0]});  // the previous file
            const auto size_before = fs::file_size(p);
            {
                io::EventsWriter out(p);
                for (int i = 0; i < 60'000; ++i) {
                    core::Event e = base[static_cast<std::size_t>(i % 2)];
                    e.id = "s-" + std::to_string(i);
                    out.add(e);
                }
                CHECK(out.count() == 60'000);
                // Until finish() the old file is what readers see; the unfinished one is hidden
                // (a run writing into the folder it reads does not list its own output).
                CHECK(fs::file_size(p) == size_before);
                for (const auto& entry : fs::directory_iterator(p.parent_path())) {
                    const std::string n = entry.path().filename().string();
                    if (n.find(name) != std::string::npos && n != name) CHECK(n.front() == '.');
                }
                out.finish();
            }
            core::Diagnostics diags;
            const auto back = io::read_events(p, diags);
            REQUIRE(back.size() == 60'000);
            CHECK(back[59'999].id == "s-59999");
            CHECK(back[1].type == core::EventType::Capture);
            for (const auto& entry : fs::directory_iterator(p.parent_path()))
                CHECK(entry.path().filename().string().front() != '.');  // no temporary file left
        }
    }
}

TEST_CASE("an events writer never finished leaves the previous file and no temporary file", "[io][events]") {
    for (const char* name : {"unfinished.csv", "unfinished.gpkg"}) {
        SECTION(name) {
            const fs::path p = temp(name);
            io::write_events(p, sample_events());
            {
                io::EventsWriter out(p);
                out.add(sample_events()[0]);
            }  // an error on the way: no finish()
            core::Diagnostics diags;
            CHECK(io::read_events(p, diags).size() == 2);
            for (const auto& entry : fs::directory_iterator(p.parent_path()))
                CHECK(entry.path().filename().string().front() != '.');
        }
    }
}

TEST_CASE("an ACLED export opens as events, with ACLED's precision codes mapped to sitmap's", "[io][events][acled]") {
    core::Diagnostics diags;
    const auto ev = io::read_events(fs::path(SITMAP_TESTDATA_DIR) / "acled" / "acled_export_sample.csv", diags);
    REQUIRE(ev.size() == 4);
    // time_precision 1: the day; "27 September 2020" and ISO dates both read.
    CHECK(ev[0].date.start == core::Date(year(2020), September, day(27)));
    CHECK(ev[0].date.end == ev[0].date.start);
    CHECK(ev[0].type == core::EventType::Clash);
    CHECK(ev[0].location_precision == core::LocationPrecision::District);  // geo_precision 2
    CHECK(ev[0].actor == "Military Forces of Azerbaijan");
    CHECK(ev[0].target == "Military Forces of Armenia");
    CHECK(ev[0].place == "Fuzuli");
    CHECK(ev[0].source.quote.starts_with("Heavy fighting"));
    CHECK(ev[1].type == core::EventType::Strike);
    CHECK(ev[1].location_precision == core::LocationPrecision::Point);  // geo_precision 1
    CHECK(ev[1].summary.find("1 fatalities") != std::string::npos);
    // time_precision 2: the week around the date; "regains territory" is a capture.
    CHECK(ev[2].type == core::EventType::Capture);
    CHECK(ev[2].date.start == core::Date(year(2020), October, day(6)));
    CHECK(ev[2].date.end == core::Date(year(2020), October, day(12)));
    // time_precision 3: the month; geo_precision 3: a region; an agreement.
    CHECK(ev[3].type == core::EventType::Agreement);
    CHECK(ev[3].date.precision == core::DatePrecision::Month);
    CHECK(ev[3].date.start == core::Date(year(2020), November, day(1)));
    CHECK(ev[3].date.end == core::Date(year(2020), November, day(30)));
    CHECK(ev[3].location_precision == core::LocationPrecision::Region);
    CHECK(ev[3].position.lat == Approx(39.85));
    // The two bad rows are reported with their line and reason; the rest still load.
    std::string all;
    for (const auto& d : diags.all()) all += d.format() + "\n";
    CHECK_THAT(all, Catch::Contains(":6") && Catch::Contains("bad event_date 'sometime in 2020'"));
    CHECK_THAT(all, Catch::Contains(":7") && Catch::Contains("bad time_precision '7'"));
}

TEST_CASE("a CSV written by ogr2ogr from sitmap's own GeoPackage reads as the same events", "[io][events][gdal]") {
    const auto events = sample_events();
    const fs::path gpkg = temp("ogr_source.gpkg");
    const fs::path csv = temp("ogr_copy.csv");
    io::write_events(gpkg, events);
    fs::remove(csv);
    const std::string cmd = "ogr2ogr -f CSV '" + csv.string() + "' '" + gpkg.string() + "' events 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);  // gdal-bin is a listed dependency
    core::Diagnostics diags;
    const auto back = io::read_events(csv, diags);
    for (const auto& d : diags.all()) UNSCOPED_INFO(d.format());
    check_same(back, events);
}

TEST_CASE("events in other GIS formats (FlatGeobuf, Shapefile, KML) read through OGR", "[io][events][gdal]") {
    const auto events = sample_events();
    const fs::path gpkg = temp("ogr_formats.gpkg");
    io::write_events(gpkg, events);
    for (const char* name : {"ogr_copy.fgb", "ogr_copy.shp", "ogr_copy.kml"}) {
        SECTION(name) {
            const fs::path out = temp(name);
            fs::remove(out);
            const std::string driver = out.extension() == ".fgb"   ? "FlatGeobuf"
                                       : out.extension() == ".shp" ? "ESRI Shapefile"
                                                                   : "KML";
            // Without FlatGeobuf's spatial index the features keep their order.
            const std::string cmd = "ogr2ogr -f '" + driver + "' " +
                                    (driver == "FlatGeobuf" ? "-lco SPATIAL_INDEX=NO " : "") + "'" + out.string() +
                                    "' '" + gpkg.string() + "' events >/dev/null 2>&1";
            REQUIRE(std::system(cmd.c_str()) == 0);
            CHECK(io::is_ogr_events_file(out));
            core::Diagnostics diags;
            const auto back = io::read_events(out, diags);
            for (const auto& d : diags.all()) UNSCOPED_INFO(d.format());
            check_same(back, events);
        }
    }
}

TEST_CASE("an ACLED export converted by ogr2ogr to FlatGeobuf still reads as ACLED events",
          "[io][events][acled][gdal]") {
    const fs::path out = temp("acled.fgb");
    fs::remove(out);
    const std::string cmd =
        "ogr2ogr -f FlatGeobuf -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude '" + out.string() + "' '" +
        (fs::path(SITMAP_TESTDATA_DIR) / "acled" / "acled_export_sample.csv").string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    core::Diagnostics diags;
    const auto ev = io::read_events(out, diags);
    REQUIRE(ev.size() == 4);  // the two bad rows are reported, as from the CSV
    // FlatGeobuf's spatial index may reorder the features: find them by ACLED's id.
    std::map<std::string, core::Event> by_id;
    for (const auto& e : ev) by_id[e.id] = e;
    REQUIRE(by_id.size() == 4);
    CHECK(by_id.at("AZE0003").type == core::EventType::Capture);
    CHECK(by_id.at("AZE0004").date.precision == core::DatePrecision::Month);
    CHECK(by_id.at("AZE0002").position.lat == Approx(40.68278));
    CHECK(by_id.at("AZE0001").location_precision == core::LocationPrecision::District);
}

TEST_CASE("the CSV writer writes dates and numbers as fmt's {:04d}-{:02d}-{:02d}, {:.5f} and {:.2f}", "[io][events]") {
    // The writer formats these by hand and with std::to_chars; the bytes must stay fmt's, ties
    // (0.125, 0.375: exactly representable halves) and negative coordinates included.
    const std::vector<std::array<double, 3>> values{{40.125, 46.000005, 0.125},
                                                    {-0.000004, -179.999995, 0.375},
                                                    {39.76006, 46.74989, 0.995},
                                                    {0.0, -0.0, 1.0},
                                                    {89.999999, 12.345675, 0.005}};
    const fs::path p = temp("numbers.csv");
    core::Event e = sample_events()[0];
    {
        io::EventsWriter out(p);
        for (const auto& v : values) {
            e.position = {v[1], v[0]};
            e.confidence = v[2];
            e.date = {core::Date(year(987), March, day(4)), core::Date(year(2020), December, day(31)),
                      core::DatePrecision::Day};
            out.add(e);
        }
        out.finish();
    }
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);  // header
    for (const auto& v : values) {
        std::string row, part;
        while (std::getline(in, part)) {  // a quoted field may hold a line break
            row += part;
            if (std::count(row.begin(), row.end(), '"') % 2 == 0) break;
            row += '\n';
        }
        const std::string want_dates =
            fmt::format("{:04d}-{:02d}-{:02d},{:04d}-{:02d}-{:02d}", 987, 3, 4, 2020, 12, 31);
        const std::string want_pos = fmt::format(",{:.5f},{:.5f},", v[0], v[1]);
        const std::string want_conf = fmt::format(",{:.2f}", v[2]);
        CHECK(row.find(want_dates) != std::string::npos);
        CHECK(row.find(want_pos) != std::string::npos);
        CHECK(row.ends_with(want_conf));
    }
}
