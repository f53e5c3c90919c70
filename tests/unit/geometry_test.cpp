#include "core/geometry.hpp"
#include "core/base_map.hpp"
#include "core/camera.hpp"
#include "core/error.hpp"
#include "core/label_placer.hpp"
#include "core/parse.hpp"
#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

TEST_CASE("douglas-peucker keeps end points and drops collinear points", "[core][geometry]") {
    LineString<WorldXY> line{{0, 0}, {1, 0.01}, {2, 0}, {3, 5}, {4, 0}};
    const auto s = simplify(line, 0.1);
    REQUIRE(s.size() == 4);
    CHECK(s.front().x == 0);
    CHECK(s.back().x == 4);
    CHECK(s[1].x == 2);
}

TEST_CASE("point in polygon respects holes", "[core][geometry]") {
    Polygon<WorldXY> p{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{{4, 4}, {6, 4}, {6, 6}, {4, 6}}}};
    CHECK(point_in_polygon(p, {1, 1}));
    CHECK_FALSE(point_in_polygon(p, {5, 5}));
    CHECK_FALSE(point_in_polygon(p, {11, 5}));
    CHECK(polygon_area(p) == Approx(96));
}

TEST_CASE("camera zoom keeps the world point under the cursor fixed", "[core][camera]") {
    Camera cam({1000, 2000}, 500, 800, 600);
    const ScreenPx anchor{123, 456};
    const WorldXY before = cam.world(anchor);
    cam.zoom_at(anchor, 2.0);
    const WorldXY after = cam.world(anchor);
    CHECK(after.x == Approx(before.x).margin(1e-6));
    CHECK(after.y == Approx(before.y).margin(1e-6));
    CHECK(cam.metres_per_pixel() == Approx(250));
    const ScreenPx back = cam.screen(before);
    CHECK(back.x == Approx(anchor.x));
    CHECK(back.y == Approx(anchor.y));
}

TEST_CASE("camera zoom is clamped to the limits", "[core][camera]") {
    Camera cam({0, 0}, 100, 800, 600);
    cam.zoom_at({400, 300}, 1e6);
    CHECK(cam.metres_per_pixel() == Camera::kMinMetresPerPixel);
    cam.zoom_at({400, 300}, 1e-9);
    CHECK(cam.metres_per_pixel() == Camera::kMaxMetresPerPixel);
}

TEST_CASE("zooming out stops at the whole region, zooming in at the closest scale the data supports",
          "[core][camera]") {
    // The region the scene covers (Scene::bounds), seen by the window at 1280x800 and 800x600.
    const WorldBox region = project_box(Projector{}, kRegionBox);
    for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 600}}) {
        INFO(w << "x" << h);
        const ZoomLimits limits = Camera::limits_for(region, w, h);
        Camera cam = Camera::fit(region, w, h);
        const ScreenPx anchor{w * 0.3, h * 0.7};
        const WorldXY under = cam.world(anchor);
        for (int wheel = 0; wheel < 60; ++wheel) cam.zoom_at(anchor, 1 / 1.25, limits);
        // Out: the region fits, filling at least 1/kOutSlack of the view across its tighter side,
        // not a continent of empty paper (4000 m/px before: 5,100 km across at 1280 px).
        const WorldBox seen = cam.visible_box();
        CHECK((seen.width() >= region.width() && seen.height() >= region.height()));
        const double fill = std::max(region.width() / seen.width(), region.height() / seen.height());
        CHECK(fill >= 1 / Camera::kOutSlack - 1e-6);
        // The point under the pointer stays put at the limit.
        CHECK(cam.screen(under).x == Approx(anchor.x));
        CHECK(cam.screen(under).y == Approx(anchor.y));
        for (int wheel = 0; wheel < 200; ++wheel) cam.zoom_at(anchor, 1.25, limits);
        CHECK(cam.metres_per_pixel() == Approx(limits.closest));
        // About 1:19,000 on a 96 dpi screen (0.2646 mm per pixel): closer than the 20 m/px before.
        CHECK(limits.closest / 0.0002646 < 20000);
        CHECK(cam.screen(under).x == Approx(anchor.x));
    }
    // A camera already beyond the limits (a view fitted for another size) is brought back.
    Camera far({0, 0}, 3900, 800, 600);
    far.clamp_zoom(Camera::limits_for(region, 800, 600));
    CHECK(far.metres_per_pixel() == Approx(Camera::limits_for(region, 800, 600).farthest));
}

TEST_CASE("camera pan moves content with the pointer", "[core][camera]") {
    Camera cam({0, 0}, 10, 800, 600);
    const WorldXY w = cam.world({100, 100});
    cam.pan_pixels(50, 20);
    const ScreenPx s = cam.screen(w);
    CHECK(s.x == Approx(150));
    CHECK(s.y == Approx(120));
}

TEST_CASE("label placer never accepts overlapping boxes", "[core][labels]") {
    LabelPlacer placer(500, 500, 32);
    CHECK(placer.try_place({10, 10, 100, 30}));
    CHECK_FALSE(placer.try_place({50, 20, 150, 40}));   // overlaps the first
    CHECK(placer.try_place({100, 10, 200, 30}));        // touches, does not overlap
    CHECK_FALSE(placer.try_place({480, 10, 520, 30}));  // leaves the viewport
    const int chosen = placer.place_first({{60, 15, 90, 25}, {300, 300, 340, 320}});
    CHECK(chosen == 1);
    const auto& boxes = placer.placed();
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].overlaps(boxes[j]));
}

TEST_CASE("command-line values are parsed or rejected with the value quoted", "[core][parse]") {
    const GeoBox b = parse_bbox("45.6,38.85,47.4,40.45");
    CHECK(b.min_x == 45.6);
    CHECK(b.max_y == 40.45);
    const auto size = parse_size("3840x2160");
    CHECK(size.width == 3840);
    CHECK(size.height == 2160);
    const LonLat p = parse_lat_lon("39.82, 46.75");
    CHECK(p.lat == 39.82);
    CHECK(p.lon == 46.75);
    CHECK_THROWS_WITH(parse_bbox("45,38,44,40"), Catch::Contains("'45,38,44,40'") && Catch::Contains("W < E"));
    CHECK_THROWS_WITH(parse_bbox("a,b,c,d"), Catch::Contains("'a,b,c,d'"));
    CHECK_THROWS_WITH(parse_bbox("1,2,3"), Catch::Contains("W,S,E,N"));
    CHECK_THROWS_AS(parse_size("0x100"), sitmap::UsageError);
    CHECK_THROWS_WITH(parse_size("100by100"), Catch::Contains("'100by100'"));
    CHECK_THROWS_AS(parse_size("99999x10"), sitmap::UsageError);
    CHECK_THROWS_WITH(parse_lat_lon("95,40"), Catch::Contains("'95,40'"));
}

TEST_CASE("utf8 decoding handles Azerbaijani and Armenian letters and rejects garbage", "[core][utf8]") {
    const auto cps = decode_utf8("X\xc9\x99 \xd5\x8d");  // "Xə Ս"
    REQUIRE(cps.size() == 4);
    CHECK(cps[1] == 0x0259);
    CHECK(cps[3] == 0x054D);
    CHECK(is_valid_utf8("Şuşa Шуша Շուշի"));
    CHECK_FALSE(is_valid_utf8("\xff\xfe"));
    CHECK(decode_utf8("\xc3")[0] == 0xFFFD);
    CHECK(to_upper_label("azərbaycan") == "AZƏRBAYCAN");
}
