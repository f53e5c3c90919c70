// Find a place (core::find_places over PlaceSearch), the view box a picked place gets, and the
// camera's flight there.
#include "core/camera_flight.hpp"
#include "core/place_finder.hpp"
#include "core/projector.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace sitmap::core;

namespace {

Gazetteer small_gazetteer() {
    Gazetteer g;
    g.add({.name = "Khankendi",
           .variants = {"Stepanakert", "Xank\u0259ndi"},
           .position = {46.7528, 39.8177},
           .has_position = true,
           .kind = "city",
           .precision = LocationPrecision::Point,
           .country = "Azerbaijan",
           .district = "Khankendi city",
           .curated = true});
    g.add({.name = "Shusha",
           .variants = {"Shushi", "\u015eu\u015fa"},
           .position = {46.7499, 39.7601},
           .has_position = true,
           .kind = "town",
           .country = "Azerbaijan",
           .district = "Shusha"});
    g.add({.name = "Khankendi district",
           .variants = {},
           .position = {46.75, 39.82},
           .has_position = true,
           .kind = "district",
           .precision = LocationPrecision::District,
           .country = "Azerbaijan"});
    g.add({.name = "Khan Bridge", .variants = {}, .has_position = false, .kind = "bridge"});  // no position
    return g;
}

}  // namespace

TEST_CASE("find_places matches any spelling or script, case- and diacritic-insensitively", "[core][find]") {
    const Gazetteer g = small_gazetteer();
    const PlaceSearch search(g);
    for (const char* q : {"Khankendi", "khankendi", "KHANKENDI", "Stepanakert", "stepan", "Xank\u0259ndi", "xankendi",
                          "\u0421\u0442\u0435\u043f\u0430\u043d\u0430\u043a\u0435\u0440\u0442",
                          "\u054d\u057f\u0565\u0583\u0561\u0576\u0561\u056f\u0565\u0580\u057f"}) {
        INFO(q);
        const auto m = find_places(search, g, q);
        REQUIRE_FALSE(m.empty());
        CHECK(m.front().name == "Khankendi");
        CHECK(m.front().position.lat == Approx(39.8177));
    }
    const auto by_variant = find_places(search, g, "stepanak");
    REQUIRE_FALSE(by_variant.empty());
    CHECK(by_variant.front().matched == "Stepanakert");
    CHECK_THAT(by_variant.front().label(), Catch::StartsWith("Khankendi (Stepanakert)") && Catch::Contains("city"));
    CHECK(find_places(search, g, "\u015eu\u015fa").front().name == "Shusha");
    CHECK(find_places(search, g, "shushi").front().name == "Shusha");
}

TEST_CASE("find_places lists prefix matches as you type, leaves out unlocated places, limits", "[core][find]") {
    const Gazetteer g = small_gazetteer();
    const PlaceSearch search(g);
    const auto kh = find_places(search, g, "kh");
    std::vector<std::string> names;
    for (const auto& m : kh) names.push_back(m.name);
    CHECK(std::find(names.begin(), names.end(), "Khankendi") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Khankendi district") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Khan Bridge") == names.end());  // nowhere to fly
    CHECK(find_places(search, g, "kh", 1).size() == 1);
    CHECK(find_places(search, g, "").empty());
    CHECK(find_places(search, g, "   ").empty());
    CHECK(find_places(search, g, "zzzz").empty());
}

TEST_CASE("place_view_box is centred on the place and sized by what it is", "[core][find]") {
    const Gazetteer g = small_gazetteer();
    const GeoBox town = place_view_box(g.place(1));
    const GeoBox city = place_view_box(g.place(0));
    const GeoBox district = place_view_box(g.place(2));
    CHECK((town.min_y + town.max_y) / 2 == Approx(39.7601));
    CHECK((town.min_x + town.max_x) / 2 == Approx(46.7499));
    CHECK(town.height() * 111.32 == Approx(12).epsilon(0.01));  // km
    CHECK(city.height() * 111.32 == Approx(25).epsilon(0.01));
    CHECK(district.height() * 111.32 == Approx(60).epsilon(0.01));
    // Degrees of longitude are shorter: the box is wider in degrees than tall, square in km.
    CHECK(town.width() * std::cos(39.7601 * 3.14159265358979 / 180) == Approx(town.height()).epsilon(0.01));
}

TEST_CASE("a camera flight starts where the camera is, ends exactly at the target, rises for long hops",
          "[core][find]") {
    const Camera from({0, 0}, 500, 1280, 800);
    const WorldXY to{300000, 100000};
    CameraFlight flight(from, to, 20);
    CHECK_FALSE(flight.done());
    CHECK(flight.at(0).centre().x == Approx(0));
    CHECK(flight.at(0).metres_per_pixel() == Approx(500));
    const Camera end = flight.at(1);
    CHECK(end.centre().x == Approx(300000));
    CHECK(end.centre().y == Approx(100000));
    CHECK(end.metres_per_pixel() == Approx(20));
    CHECK(end.width() == 1280);
    // Halfway the view holds both ends: zoomed out beyond a straight log-interpolation.
    const double straight = std::exp(0.5 * (std::log(500.0) + std::log(20.0)));
    CHECK(flight.at(0.5).metres_per_pixel() > straight * 1.5);
    const double d = std::hypot(to.x, to.y);
    CHECK(flight.at(0.5).metres_per_pixel() * 800 >= d * 0.99);
    // The centre moves monotonically towards the target.
    double last = -1;
    for (int i = 0; i <= 10; ++i) {
        const double x = flight.at(i / 10.0).centre().x;
        CHECK(x >= last);
        last = x;
    }
    // advance() reaches the target after kSeconds.
    int steps = 0;
    while (!flight.done() && steps < 1000) flight.advance(1.0 / 60), ++steps;
    CHECK(flight.done());
    CHECK(steps == Approx(60).margin(2));
    // A short hop does not rise.
    const CameraFlight near(from, {1000, 0}, 500);
    CHECK(near.at(0.5).metres_per_pixel() == Approx(500));
    CHECK(CameraFlight().done());
}
