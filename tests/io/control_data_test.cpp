// The shipped control data (geodata/control.gpkg) against the reference timeline
// (../shared/reference/control_timeline.csv): place/date pairs at least two days from a change, and no
// overlap between controllers on a grid of points over many dates.
#include "core/control_scene.hpp"
#include "io/control_io.hpp"
#include "io/geodata.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <tuple>

using namespace sitmap;
using core::Controller;

namespace {

const core::ControlTimeline& timeline() {
    static const core::ControlTimeline t = [] {
        core::Diagnostics diags;
        auto loaded = io::load_control_timeline(std::string(SITMAP_SOURCE_DIR) + "/geodata/control.gpkg", diags);
        REQUIRE(loaded);
        REQUIRE(diags.count() == 0);
        return *loaded;
    }();
    return t;
}

core::Date iso(const char* s) {
    return *core::parse_iso_date(s);
}

struct Case {
    const char* place;  // coordinates: GeoNames (geonameid given), via ../shared/geodata-sources
    double lat, lon;
    const char* date;
    Controller controller;
    bool peacekeeping;
};

constexpr auto Az = Controller::Azerbaijan;
constexpr auto Am = Controller::Armenian;

// Dates are at least two days from the change in control_timeline.csv.
const Case kCases[] = {
    {"Jabrayil (GeoNames 148141)", 39.39917, 47.02835, "2020-10-01", Am, false},  // captured 4 Oct 2020
    {"Jabrayil (GeoNames 148141)", 39.39917, 47.02835, "2020-10-07", Az, false},
    {"Hadrut (GeoNames 148105)", 39.52003, 47.0319, "2020-10-06", Am, false},  // captured 9 Oct 2020
    {"Hadrut (GeoNames 148105)", 39.52003, 47.0319, "2021-06-01", Az, false},
    {"Fuzuli (GeoNames 148106)", 39.60094, 47.14529, "2020-10-14", Am, false},  // captured 17 Oct 2020
    {"Fuzuli (GeoNames 148106)", 39.60094, 47.14529, "2020-10-20", Az, false},
    {"Zangilan (GeoNames 146901)", 39.08371, 46.65988, "2020-10-17", Am, false},  // captured 20 Oct 2020
    {"Zangilan (GeoNames 146901)", 39.08371, 46.65988, "2020-10-23", Az, false},
    {"Mincivan (GeoNames 147504)", 39.03023, 46.72329, "2020-10-18", Am, false},  // captured 21 Oct 2020
    {"Mincivan (GeoNames 147504)", 39.03023, 46.72329, "2020-10-24", Az, false},
    {"Gubadli (GeoNames 147305)", 39.34441, 46.58183, "2020-10-22", Am, false},  // captured 25 Oct 2020
    {"Gubadli (GeoNames 147305)", 39.34441, 46.58183, "2020-10-28", Az, false},
    {"Shusha (GeoNames 147105)", 39.76006, 46.74989, "2020-11-05", Am, false},  // captured 8 Nov 2020
    {"Shusha (GeoNames 147105)", 39.76006, 46.74989, "2020-11-12", Az, false},
    {"Aghdam (GeoNames 148619)", 39.99096, 46.92736, "2019-01-01", Am, false},  // handed over 20 Nov 2020
    {"Aghdam (GeoNames 148619)", 39.99096, 46.92736, "2020-11-15", Am, false},
    {"Aghdam (GeoNames 148619)", 39.99096, 46.92736, "2020-11-23", Az, false},
    {"Kalbajar (GeoNames 586268)", 40.10984, 46.04446, "2020-11-20", Am, false},  // handed over 25 Nov 2020
    {"Kalbajar (GeoNames 586268)", 40.10984, 46.04446, "2020-11-28", Az, false},
    {"Istisu (GeoNames 147969)", 39.94628, 45.96062, "2000-01-01", Am, false},
    {"Istisu (GeoNames 147969)", 39.94628, 45.96062, "2020-12-10", Az, false},
    {"Lachin (GeoNames cities1000)", 39.63742, 46.54977, "2021-06-01", Am, true},  // corridor until 26 Aug 2022
    {"Lachin (GeoNames cities1000)", 39.63742, 46.54977, "2022-08-30", Az, false},
    {"Khankendi (GeoNames 146970)", 39.8177, 46.7528, "2015-01-01", Am, false},
    {"Khankendi (GeoNames 146970)", 39.8177, 46.7528, "2021-06-01", Am, true},
    {"Khankendi (GeoNames 146970)", 39.8177, 46.7528, "2023-09-15", Am, true},  // 19-20 Sep 2023
    {"Khankendi (GeoNames 146970)", 39.8177, 46.7528, "2023-09-25", Az, true},  // peacekeepers to Jun 2024
    {"Khankendi (GeoNames 146970)", 39.8177, 46.7528, "2024-07-01", Az, false},
    {"Askeran (GeoNames 148450)", 39.9391, 46.83161, "2022-01-01", Am, true},
    {"Martakert (GeoNames 587379)", 40.21127, 46.82135, "2021-06-01", Am, true},
    {"Martuni (GeoNames 146969)", 39.79496, 47.1117, "2021-06-01", Am, true},
    {"Khojaly (GeoNames 147774)", 39.91297, 46.79028, "2021-06-01", Am, true},
    {"Khojaly (GeoNames 147774)", 39.91297, 46.79028, "2023-10-01", Az, true},
    {"Vank (GeoNames 584747)", 40.05275, 46.54419, "2021-06-01", Am, true},
    {"Horadiz (GeoNames 148003)", 39.45015, 47.33496, "2019-01-01", Az, false},  // retaken by Az in 1994
    {"Tartar (GeoNames 584871)", 40.34201, 46.93161, "2010-01-01", Az, false},
    {"Goris, Armenia (GeoNames 174895)", 39.51111, 46.34168, "2021-06-01", Am, false},
    {"Barda (GeoNames 587057)", 40.37577, 47.12619, "2021-06-01", Az, false},
};

}  // namespace

TEST_CASE("control.gpkg answers the timeline's place/date pairs", "[io][control]") {
    const auto& t = timeline();
    for (const Case& c : kCases) {
        INFO(c.place << " on " << c.date);
        const auto a = t.control_at(iso(c.date), {c.lon, c.lat});
        CHECK(a.controller == c.controller);
        CHECK(a.peacekeeping == c.peacekeeping);
        CHECK_FALSE(a.source.empty());
    }
}

TEST_CASE("control.gpkg covers 1992-01-01 to 2024-12-31 and every change date is reachable", "[io][control]") {
    const auto& t = timeline();
    CHECK(t.first_date() == iso("1992-01-01"));
    CHECK(t.last_date() == iso("2024-12-31"));
    for (const char* d : {"1992-05-08", "1993-08-23", "1994-05-12", "2016-04-05", "2020-09-27", "2020-10-04",
                          "2020-11-08", "2020-11-20", "2020-11-25", "2020-12-01", "2020-12-12", "2022-03-24",
                          "2022-08-26", "2023-04-23", "2023-09-20", "2024-01-01", "2024-06-12"}) {
        INFO(d);
        CHECK(std::find(t.change_dates().begin(), t.change_dates().end(), iso(d)) != t.change_dates().end());
    }
    CHECK(t.changes().size() >= 30);
}

TEST_CASE("controllers never overlap on a grid of points over many dates", "[io][control]") {
    const auto& t = timeline();
    std::vector<core::Date> dates{t.first_date()};
    for (core::Date d : t.change_dates()) {
        dates.push_back(d);
        dates.push_back(core::Date(std::chrono::sys_days(d) + std::chrono::days(1)));
    }
    std::size_t checked = 0;
    for (core::Date d : dates) {
        const auto valid = t.periods_on(d);
        for (double lat = 38.88; lat <= 40.42; lat += 0.03)
            for (double lon = 45.58; lon <= 47.32; lon += 0.03) {
                int az = 0, am = 0;
                for (const auto* p : valid)
                    if (p->contains({lon, lat})) (p->controller == Controller::Azerbaijan ? az : am)++;
                if (az + am > 1)
                    FAIL_CHECK(core::format_iso(d) << " at " << lat << "," << lon << ": " << az << " azerbaijan and "
                                                   << am << " armenian periods");
                ++checked;
            }
    }
    CHECK(checked > 50000);
}

TEST_CASE("a missing control file is a diagnostic, not a crash", "[io][control]") {
    core::Diagnostics diags;
    CHECK_FALSE(io::load_control_timeline("/nonexistent/control.gpkg", diags));
    CHECK(diags.has(core::DiagCode::FileMissing));
}

TEST_CASE("the date slider's change dates (the timeline's) are the days the map's control areas change",
          "[io][control]") {
    core::Diagnostics diags;
    const core::Projector projector;
    core::Scene scene;
    scene.layers = core::build_control_layers(timeline(), projector, io::triangulate_polygon, "control.gpkg", diags);
    std::vector<std::int32_t> from_timeline;
    for (const auto& d : timeline().change_dates()) from_timeline.push_back(core::day_number(d));
    CHECK(from_timeline == core::control_change_days(scene));
    // Stepping from the first date with next_change meets every one of them, in order.
    std::vector<std::int32_t> stepped;
    for (auto d = timeline().next_change(timeline().first_date()); d; d = timeline().next_change(*d))
        stepped.push_back(core::day_number(*d));
    CHECK(stepped == from_timeline);
}

TEST_CASE("the Lachin corridor ends at the edge of Khankendi, not in a disc over the city", "[io][control]") {
    // The corridor's road ends at the city centre; a round end cap on its 2.5-km strip drew a
    // 5-km disc of "Lachin corridor" over the city (held by the NK authorities, under the
    // peacekeepers). The strip now ends square 2 km short of the centre.
    const auto& t = timeline();
    for (const char* date : {"2021-06-01", "2023-01-10"}) {
        INFO(date);
        for (const auto& [what, lat, lon] : {std::tuple{"the centre", 39.8177, 46.7528},
                                             {"1.5 km north", 39.8312, 46.7528},
                                             {"1.5 km east", 39.8177, 46.7703},
                                             {"1.5 km west", 39.8177, 46.7353}}) {
            INFO(what);
            const auto a = t.control_at(iso(date), {lon, lat});
            CHECK(a.controller == Am);
            CHECK(a.kind != core::ControlKind::Corridor);
        }
        // The road south of the city is still the corridor, where it leaves the Shusha bypass.
        CHECK(t.control_at(iso(date), {46.708, 39.745}).kind == core::ControlKind::Corridor);
    }
}
