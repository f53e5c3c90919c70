// compose::geometry_key without GL: the rule by which the renderer's layer cache (render/
// layer_cache) keeps the drawn control areas, lines and fills. A key must change whenever the
// layers' pixels can (a change day, a fading stripe, the zoom, the image size, a layer toggled,
// restyled or made fainter, the scale of the UI) and stay the same while they cannot (the days
// between two changes), so a playing slider draws the layers again only on change days.
#include "compose/geometry_key.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {

core::FillPart square(double x0, double y0, double size, core::DaySpan valid) {
    core::FillPart part;
    part.mesh.vertices = {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}};
    part.mesh.indices = {0, 1, 2, 0, 2, 3};
    part.box.extend(x0, y0);
    part.box.extend(x0 + size, y0 + size);
    part.valid = valid;
    part.color = core::rgb(0x336699);
    return part;
}

// A land layer (static), a control layer whose two periods meet on day 100 (the second changed
// hands, striped for 10 days) and a line layer whose one class shows from day 150.
core::Scene scene() {
    core::Scene s;
    core::SceneLayer land;
    land.id = "land";
    land.fills.push_back(square(-5000, -5000, 10000, {}));
    s.layers.push_back(land);
    core::SceneLayer control;
    control.id = "control";
    control.fills.push_back(square(0, 0, 1000, {50, 100}));
    control.fills.push_back(square(0, 0, 1000, {100, 200}));
    control.fills.back().changed_hands = true;
    control.highlight_recent_days = 10;
    control.highlight_color = core::rgb(0xffffff);
    s.layers.push_back(control);
    core::SceneLayer front;
    front.id = "front";
    front.kind = core::LayerKind::Line;
    front.line_styles.push_back({.width_px = 2, .color = core::rgb(0xaa0000)});
    front.line_valid.push_back({150, 300});
    s.layers.push_back(front);
    return s;
}

const core::Camera kCamera({0, 0}, 20.0, 800, 600);

compose::GeometryKey key_on(const core::Scene& s, std::int32_t day, const core::Camera& camera = kCamera,
                            float ui_scale = 1.0f) {
    compose::FrameOptions o;
    o.day = day;
    o.ui_scale = ui_scale;
    return compose::geometry_key(s, camera, o, 0.5f);
}

}  // namespace

TEST_CASE("the geometry key stays the same between change days and changes on them", "[compose][cache]") {
    const core::Scene s = scene();
    // Days 60..99: the first period, nothing else: one key.
    for (std::int32_t d = 61; d < 100; ++d) CHECK(key_on(s, d) == key_on(s, 60));
    // Day 100 the area changes hands: another key; each day of its fading stripes another again.
    CHECK_FALSE(key_on(s, 100) == key_on(s, 99));
    for (std::int32_t d = 101; d < 110; ++d) CHECK_FALSE(key_on(s, d) == key_on(s, d - 1));
    // Once the stripes are gone, the key holds until the line appears on day 150.
    CHECK_FALSE(key_on(s, 110) == key_on(s, 109));
    for (std::int32_t d = 111; d < 150; ++d) CHECK(key_on(s, d) == key_on(s, 110));
    CHECK_FALSE(key_on(s, 150) == key_on(s, 149));
    // Before any control period, and without a date, only the land shows.
    CHECK(key_on(s, 10) == key_on(s, 49));
    compose::FrameOptions no_day;
    CHECK(compose::geometry_key(s, kCamera, no_day, 0.5f) == key_on(s, 10));
}

TEST_CASE("the geometry key changes with the zoom, the size, the layers and the UI scale", "[compose][cache]") {
    core::Scene s = scene();
    const auto base = key_on(s, 120);
    CHECK_FALSE(key_on(s, 120, core::Camera({0, 0}, 21.0, 800, 600)) == base);  // zoom
    CHECK_FALSE(key_on(s, 120, core::Camera({0, 0}, 20.0, 801, 600)) == base);  // window resized
    CHECK_FALSE(key_on(s, 120, kCamera, 2.0f) == base);                         // export scale
    // The centre is not part of the key (the cache compares it apart), as long as the same
    // parts are in view; a part leaving the view changes the passes.
    CHECK(key_on(s, 120, core::Camera({100, 0}, 20.0, 800, 600)) == base);
    CHECK_FALSE(key_on(s, 120, core::Camera({50000, 0}, 20.0, 800, 600)) == base);
    {
        core::Scene t = s;
        t.layers[1].visible = false;  // a layer toggled
        CHECK_FALSE(key_on(t, 120) == base);
    }
    {
        core::Scene t = s;
        t.layers[1].opacity = 0.5f;  // a layer's opacity slider
        CHECK_FALSE(key_on(t, 120) == base);
    }
    {
        core::Scene t = s;
        t.layers[1].fills[1].color = core::rgb(0x993366);  // restyled
        CHECK_FALSE(key_on(t, 120) == base);
    }
    {
        core::Scene t = s;
        t.layers[2].line_styles[0].width_px = 3;  // a line restyled, once shown
        CHECK(key_on(t, 120) == base);            // not shown yet on day 120
        CHECK_FALSE(key_on(t, 160) == key_on(s, 160));
    }
    {
        compose::FrameOptions o;
        o.day = 120;
        CHECK_FALSE(compose::geometry_key(s, kCamera, o, 0.0f) == base);  // relief hidden
    }
}

TEST_CASE("fill passes list the shown parts, then the fading stripes; hatching is flagged", "[compose][cache]") {
    core::Scene s = scene();
    const auto view = kCamera.visible_box();
    auto passes = compose::fill_passes(s.layers[1], view, 103, 1.0f);
    REQUIRE(passes.size() == 2);
    CHECK(passes[0].part == 1);
    CHECK(passes[0].style.hatch_px == 0);
    CHECK(passes[1].part == 1);  // the stripes over the part that changed hands
    CHECK(passes[1].style.hatch_px > 0);
    CHECK(passes[1].style.color.a == Approx(0.7f));
    CHECK(key_on(s, 103).hatched);
    CHECK_FALSE(key_on(s, 120).hatched);
    CHECK(compose::fill_passes(s.layers[1], view, std::nullopt, 1.0f).empty());
    s.layers[1].fills[1].hatched = true;  // a peacekeeping zone
    CHECK(key_on(s, 120).hatched);
}

TEST_CASE("the changed area covers the draws that differ, and nothing else", "[compose][cache]") {
    core::Scene s = scene();
    // Between two quiet days: the same draws, nothing changed.
    auto area = compose::changed_area(s, key_on(s, 60), key_on(s, 70), 2.0);
    REQUIRE(area);
    CHECK(area->empty());
    // The change day: the first period goes, the second comes with stripes; the land is the
    // same, so the area is the control square (grown by 2 pixels of 20 m), not the land's.
    area = compose::changed_area(s, key_on(s, 99), key_on(s, 100), 2.0);
    REQUIRE(area);
    CHECK(area->min_x == Approx(-40));
    CHECK(area->max_x == Approx(1040));
    CHECK(area->max_y == Approx(1040));
    // A fading stripe: the same square.
    area = compose::changed_area(s, key_on(s, 104), key_on(s, 105), 0.0);
    REQUIRE(area);
    CHECK(area->min_x == Approx(0));
    CHECK(area->max_x == Approx(1000));
    // A line class appearing: its segments' box, grown by its half width and a pixel.
    s.layers[2].lines.push_back({core::LineLod{0, {core::LineSegment{{-3000, 200}, {-2000, 400}, 0}}}});
    area = compose::changed_area(s, key_on(s, 149), key_on(s, 150), 0.0);
    REQUIRE(area);
    CHECK(area->min_x == Approx(-3000 - 2 * 20));
    CHECK(area->max_y == Approx(400 + 2 * 20));
    // Anything global: everywhere.
    CHECK_FALSE(compose::changed_area(s, key_on(s, 60), key_on(s, 60, core::Camera({0, 0}, 21.0, 800, 600)), 2.0));
    core::Scene hidden = s;
    hidden.layers[0].visible = false;
    CHECK_FALSE(compose::changed_area(s, key_on(s, 60), key_on(hidden, 60), 2.0));
}
