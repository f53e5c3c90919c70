// Honest display on Mesa: an event known only to a region is not drawn as a ring over the control
// areas, the export's furniture states how many events are not drawn (and lists them by place),
// and an event dated only to a span is drawn hollow.
#include "app/render_image.hpp"
#include "compose/event_markers.hpp"
#include "core/base_map.hpp"
#include "core/event_style.hpp"
#include "core/event_view.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <numbers>

using namespace sitmap;

namespace {

core::Date ymd(int y, unsigned m, unsigned d) {
    return core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

core::Event event_at(std::string id, core::LonLat p, std::string place, core::LocationPrecision precision) {
    core::Event e;
    e.id = std::move(id);
    e.type = core::EventType::Strike;
    e.position = p;
    e.has_position = true;
    e.place = std::move(place);
    e.location_precision = precision;
    e.confidence = 0.9;
    e.date = {ymd(2020, 10, 20), ymd(2020, 10, 20), core::DatePrecision::Day};
    return e;
}

int channel_dist(const io::RgbaImage& img, int x, int y, core::Rgba c) {
    const auto* p = img.at(x, y);
    return std::abs(p[0] - int(c.r * 255)) + std::abs(p[1] - int(c.g * 255)) + std::abs(p[2] - int(c.b * 255));
}

/// Pixels on a ring of radius `r` (+-2 px) around (cx, cy), and how many of them differ from `ref`
/// by more than 40 (sum of channel differences) while being redder than it.
struct RingCount {
    int total = 0, reddened = 0;
};
RingCount ring_pixels(const io::RgbaImage& img, const io::RgbaImage& ref, double cx, double cy, double r) {
    RingCount n;
    for (int y = std::max(0, int(cy - r - 3)); y <= std::min(img.height - 1, int(cy + r + 3)); ++y)
        for (int x = std::max(0, int(cx - r - 3)); x <= std::min(img.width - 1, int(cx + r + 3)); ++x) {
            if (std::abs(std::hypot(x - cx, y - cy) - r) > 2) continue;
            ++n.total;
            const auto* a = img.at(x, y);
            const auto* b = ref.at(x, y);
            const int d = std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
            if (d > 40 && a[0] - a[1] > b[0] - b[1]) ++n.reddened;
        }
    return n;
}

int dark_pixels(const io::RgbaImage& img, const core::PxBox& b) {
    int n = 0;
    for (int y = std::max(0, int(b.y0)); y < std::min(img.height, int(b.y1)); ++y)
        for (int x = std::max(0, int(b.x0)); x < std::min(img.width, int(b.x1)); ++x)
            n += img.at(x, y)[0] < 100 ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("a region-level event is listed in the furniture, not drawn as a ring", "[gl][events][off_map]") {
    auto& world = test::GlWorld::get();
    const int W = 1200, H = 800;
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), W, H);
    const std::vector<core::Event> events{
        event_at("region", {46.75, 39.85}, "Nagorno-Karabakh", core::LocationPrecision::Region),
        event_at("point", {46.7536, 39.7585}, "Shusha", core::LocationPrecision::Point),
    };
    const auto visible = core::select_events(events, {}, {.kind = core::WindowKind::Week}, ymd(2020, 10, 20));
    REQUIRE(visible.size() == 2);
    const auto layout =
        compose::layout_events(events, visible, world.projector, {.metres_per_pixel = camera.metres_per_pixel()});
    REQUIRE(layout.markers.size() == 1);  // Shusha only
    CHECK(layout.members.front() == std::vector<std::size_t>{1});
    const core::OffMapSummary off_map = core::summarize_off_map(events, visible);

    const render::FrameOptions base{.day = core::day_number(ymd(2020, 10, 20)), .date_label = "20 October 2020"};
    render::FrameOptions with = base;
    with.events = &layout.markers;
    with.off_map = &off_map;
    const auto img = app::render_image(*world.renderer, world.scene, camera, with);
    const auto lines = world.renderer->last_off_map_lines();
    const core::PxBox box = world.renderer->last_off_map_box();
    const auto plain = app::render_image(*world.renderer, world.scene, camera, base);
    // The ring's reference: the same frame with the point event alone and the same off-map box, so
    // the place names (laid out around the Shusha symbol and the box) are where they are in `img`.
    const std::vector<core::Event> point_only{events[1]};
    const auto point_visible = core::select_events(point_only, {}, {.kind = core::WindowKind::Week}, ymd(2020, 10, 20));
    const auto point_layout = compose::layout_events(point_only, point_visible, world.projector,
                                                     {.metres_per_pixel = camera.metres_per_pixel()});
    render::FrameOptions point_frame = base;
    point_frame.events = &point_layout.markers;
    point_frame.off_map = &off_map;
    const auto reference = app::render_image(*world.renderer, world.scene, camera, point_frame);

    // No ring of the region's nominal radius around its anchor: as many strike-red pixels on that
    // circle as on the map with the point event alone.
    const auto red = core::event_type_style(core::EventType::Strike).color;
    const auto anchor = camera.screen(world.projector.forward(events[0].position));
    const double r = core::precision_radius_m(core::LocationPrecision::Region) / camera.metres_per_pixel();
    REQUIRE(r > 20);
    REQUIRE(r < 0.45 * H);  // a ring this size would have been drawn before
    const RingCount ring_with = ring_pixels(img, reference, anchor.x, anchor.y, r);
    INFO("ring of " << r << " px: " << ring_with.total << " pixels, " << ring_with.reddened << " reddened");
    REQUIRE(ring_with.total > 300);
    CHECK(ring_with.reddened < ring_with.total / 100);
    // The check does see a ring when one is drawn (as region markers were drawn until now).
    std::vector<core::EventMarker> ring_marker{{.pos = world.projector.forward(events[0].position),
                                                .radius_m = core::precision_radius_m(core::LocationPrecision::Region),
                                                .type = core::EventType::Strike}};
    ring_marker[0].anchor = ring_marker[0].pos;
    render::FrameOptions old_way = base;
    old_way.events = &ring_marker;
    const auto ringed = app::render_image(*world.renderer, world.scene, camera, old_way);
    CHECK(ring_pixels(ringed, reference, anchor.x, anchor.y, r).reddened > ring_with.total / 4);

    // The furniture states the count and lists the place, in a box at the right edge under the date.
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "1 event known only to a region or country is not drawn");
    CHECK(lines[1] == "somewhere in Nagorno-Karabakh: 1");
    CHECK(box.x1 <= W);
    CHECK(box.x1 > W - 40);
    CHECK(box.y0 > 40);       // below the date
    CHECK(box.y1 < H - 150);  // above the locator
    CHECK(dark_pixels(img, box) > 150);
    CHECK(dark_pixels(img, box) > 3 * dark_pixels(plain, box) + 50);
    // The Shusha symbol is still drawn.
    const auto shusha = camera.screen(world.projector.forward(events[1].position));
    int near_red = 0;
    for (int y = int(shusha.y) - 10; y <= int(shusha.y) + 10; ++y)
        for (int x = int(shusha.x) - 10; x <= int(shusha.x) + 10; ++x) near_red += channel_dist(img, x, y, red) <= 60;
    CHECK(near_red >= 20);
}

TEST_CASE("with many places the export's box keeps the count and sums up what does not fit", "[gl][events][off_map]") {
    auto& world = test::GlWorld::get();
    const int W = 900, H = 420;  // short: no room for 30 lines
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), W, H);
    std::vector<core::Event> events;
    for (int k = 0; k < 30; ++k)
        events.push_back(event_at(std::to_string(k), {46.75, 39.85}, "Region " + std::to_string(k),
                                  core::LocationPrecision::Region));
    events.push_back(event_at("c", {45.0, 40.2}, "Armenia", core::LocationPrecision::Country));
    const auto visible = core::select_events(events, {}, {.kind = core::WindowKind::Week}, ymd(2020, 10, 20));
    const auto off_map = core::summarize_off_map(events, visible);
    const std::vector<core::EventMarker> none;
    app::render_image(*world.renderer, world.scene, camera,
                      {.day = core::day_number(ymd(2020, 10, 20)),
                       .date_label = "20 October 2020",
                       .events = &none,
                       .off_map = &off_map,
                       .locator = true});
    const auto& lines = world.renderer->last_off_map_lines();
    REQUIRE(lines.size() >= 2);
    CHECK(lines.size() < 31);
    CHECK(lines.front() == "31 events known only to a region or country are not drawn");
    CHECK_THAT(lines.back(), Catch::StartsWith("and ") && Catch::Contains("more places"));
    CHECK(world.renderer->last_off_map_box().y1 <= H);
}

TEST_CASE("an event dated only to a span is drawn hollow with a dashed rim", "[gl][events][span]") {
    auto& world = test::GlWorld::get();
    const int W = 800, H = 600;
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), W, H);
    const auto pos = world.projector.forward({46.7536, 39.7585});
    auto draw = [&](bool span) {
        const std::vector<core::EventMarker> m{
            {.pos = pos, .anchor = pos, .type = core::EventType::Strike, .time_span = span}};
        return app::render_image(*world.renderer, world.scene, camera, {.events = &m});
    };
    const auto dated = draw(false), hollow = draw(true);
    const auto p = camera.screen(pos);
    auto count = [&](const io::RgbaImage& img, double r0, double r1, core::Rgba c, int tol) {
        int n = 0;
        for (int y = int(p.y) - 12; y <= int(p.y) + 12; ++y)
            for (int x = int(p.x) - 12; x <= int(p.x) + 12; ++x) {
                const double d = std::hypot(x - p.x, y - p.y);
                if (d >= r0 && d <= r1 && channel_dist(img, x, y, c) <= tol) ++n;
            }
        return n;
    };
    const auto red = core::event_type_style(core::EventType::Strike).color;
    // The dated symbol's disc is white; the hollow one lets the map through.
    CHECK(count(dated, 5, 8, core::rgb(0xffffff), 20) > 3 * count(hollow, 5, 8, core::rgb(0xffffff), 20));
    // Its rim is dashed: clearly fewer red rim pixels than the solid rim, but still some.
    const int solid_rim = count(dated, 8.5, 11, red, 90), dashed_rim = count(hollow, 8.5, 11, red, 90);
    CHECK(dashed_rim > 10);
    CHECK(dashed_rim < 0.8 * solid_rim);
}
