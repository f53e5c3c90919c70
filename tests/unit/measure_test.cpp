// The measure tool's maths: great-circle distances against known values, distances to a line,
// and the line of contact found in a small synthetic control history.
#include "core/measure.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace sitmap::core;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

MultiPolygon<LonLat> square(double x0, double y0, double x1, double y1) {
    return {Polygon<LonLat>{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}}};
}

constexpr LonLat kYerevan{44.51361, 40.18111};    // GeoNames 616052 (geodata/gazetteer.csv)
constexpr LonLat kBaku{49.89201, 40.37767};       // GeoNames 587084
constexpr LonLat kKhankendi{46.75280, 39.81770};  // GeoNames 146970 (Stepanakert)
constexpr LonLat kShusha{46.74989, 39.76006};     // GeoNames 147105

}  // namespace

TEST_CASE("great-circle distances match known lengths", "[core][measure]") {
    // One degree of the equator and of a meridian on the sphere: 2 pi R / 360.
    const double degree = 2 * std::numbers::pi * kEarthRadiusKm / 360;
    CHECK_THAT(great_circle_km({0, 0}, {1, 0}), WithinRel(degree, 1e-9));
    CHECK_THAT(great_circle_km({30, 10}, {30, 11}), WithinRel(degree, 1e-9));
    // A quarter of a great circle: the equator to the pole.
    CHECK_THAT(great_circle_km({10, 0}, {-70, 90}), WithinRel(degree * 90, 1e-9));
    CHECK(great_circle_km(kBaku, kBaku) == 0.0);
    // WGS84 geodesics (Vincenty's inverse formula): Yerevan-Baku 457.85 km, Khankendi-Shusha
    // 6.405 km, Yerevan-Khankendi 195.42 km. The sphere stays within 0.6 % of the ellipsoid here.
    CHECK_THAT(great_circle_km(kYerevan, kBaku), WithinRel(457.85, 0.006));
    CHECK_THAT(great_circle_km(kKhankendi, kShusha), WithinRel(6.405, 0.006));
    CHECK_THAT(great_circle_km(kYerevan, kKhankendi), WithinRel(195.42, 0.006));
    // Symmetric.
    CHECK_THAT(great_circle_km(kBaku, kYerevan), WithinRel(great_circle_km(kYerevan, kBaku), 1e-12));
}

TEST_CASE("a polyline's length is the sum of its legs", "[core][measure]") {
    CHECK(polyline_km({}) == 0.0);
    CHECK(polyline_km({kBaku}) == 0.0);
    const double legs = great_circle_km(kYerevan, kKhankendi) + great_circle_km(kKhankendi, kBaku);
    CHECK_THAT(polyline_km({kYerevan, kKhankendi, kBaku}), WithinRel(legs, 1e-12));
    // Going there and back doubles it.
    CHECK_THAT(polyline_km({kYerevan, kBaku, kYerevan}), WithinRel(2 * great_circle_km(kYerevan, kBaku), 1e-12));
}

TEST_CASE("distance to a segment is to its foot or to its nearer end", "[core][measure]") {
    const double degree = 2 * std::numbers::pi * kEarthRadiusKm / 360;
    const GeoSegment equator{{0, 0}, {2, 0}};
    // Above the middle: straight down to the equator (a meridian arc).
    CHECK_THAT(distance_to_segment_km({1, 0.5}, equator), WithinRel(0.5 * degree, 1e-9));
    // Beyond the east end: to the end point.
    CHECK_THAT(distance_to_segment_km({3, 0}, equator), WithinRel(degree, 1e-9));
    CHECK_THAT(distance_to_segment_km({-1, 1}, equator), WithinRel(great_circle_km({-1, 1}, {0, 0}), 1e-9));
    // On the segment.
    CHECK_THAT(distance_to_segment_km({1.5, 0}, equator), WithinAbs(0, 1e-9));
    // A degenerate segment is its point.
    CHECK_THAT(distance_to_segment_km(kShusha, {kKhankendi, kKhankendi}),
               WithinRel(great_circle_km(kShusha, kKhankendi), 1e-9));
    // The nearest point is reported with the distance.
    const auto near = nearest_on_line({1, 0.5}, {GeoSegment{{5, 5}, {6, 5}}, equator});
    REQUIRE(near);
    CHECK_THAT(near->km, WithinRel(0.5 * degree, 1e-9));
    CHECK_THAT(near->at.lon, WithinAbs(1, 1e-9));
    CHECK_THAT(near->at.lat, WithinAbs(0, 1e-9));
    CHECK_FALSE(nearest_on_line({1, 1}, {}));
}

TEST_CASE("the front is where Armenian-held and Azerbaijani-held areas meet", "[core][measure]") {
    // Three squares in a row, west to east: [0,1] Azerbaijani throughout; [1,2] Armenian until
    // 2020-10-04, then Azerbaijani; [2,3] Armenian throughout; a fourth square [0,1]x[1,2] to the
    // north of the first belongs to nobody (a third country: never the front).
    std::vector<ControlPeriod> p;
    p.push_back({.valid_from = ymd(1994, 5, 12), .controller = Controller::Azerbaijan, .area = square(0, 0, 1, 1)});
    p.push_back({.valid_from = ymd(1994, 5, 12),
                 .valid_to = ymd(2020, 10, 4),
                 .controller = Controller::Armenian,
                 .area = square(1, 0, 2, 1)});
    p.push_back({.valid_from = ymd(2020, 10, 4), .controller = Controller::Azerbaijan, .area = square(1, 0, 2, 1)});
    p.push_back({.valid_from = ymd(1994, 5, 12), .controller = Controller::Armenian, .area = square(2, 0, 3, 1)});
    const ControlTimeline timeline(std::move(p));

    SECTION("before the change the front runs along longitude 1") {
        const auto front = front_line(timeline, ymd(2020, 9, 1));
        REQUIRE_FALSE(front.empty());
        for (const auto& s : front) {
            CHECK_THAT(s.a.lon, WithinAbs(1, 1e-12));
            CHECK_THAT(s.b.lon, WithinAbs(1, 1e-12));
        }
        // From the middle of the Azerbaijani square, half a degree of longitude at latitude 0.5
        // (the arc's foot is where the parallel meets it, within a few metres).
        const auto near = nearest_on_line({0.5, 0.5}, front);
        REQUIRE(near);
        CHECK_THAT(near->km, WithinRel(great_circle_km({0.5, 0.5}, {1, 0.5}), 1e-4));
        CHECK_THAT(near->at.lon, WithinAbs(1, 1e-9));
    }
    SECTION("after it the front has moved east to longitude 2") {
        const auto front = front_line(timeline, ymd(2020, 11, 1));
        REQUIRE_FALSE(front.empty());
        for (const auto& s : front) CHECK_THAT(s.a.lon, WithinAbs(2, 1e-12));
        const auto near = nearest_on_line({0.5, 0.5}, front);
        REQUIRE(near);
        CHECK_THAT(near->km, WithinRel(great_circle_km({0.5, 0.5}, {2, 0.5}), 1e-4));
    }
    SECTION("edges facing no one or the same side are not the front") {
        // The squares' north and south edges face outside every area (Controller::Other).
        for (const auto& s : front_line(timeline, ymd(2020, 9, 1))) CHECK(s.a.lon == s.b.lon);
        // Before 1994 nothing is held: no front at all.
        CHECK(front_line(timeline, ymd(1990, 1, 1)).empty());
    }
}
