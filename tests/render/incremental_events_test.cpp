// While only the date moves, a frame is made incrementally: the window's events come from the
// events' day index (not a scan of all), and the base layers from the renderer's cache. Stepped
// day by day, forwards, backwards and in jumps, every frame must draw exactly what a full rebuild
// draws: every event scanned, grouped and laid out anew, and every layer drawn.
#include "compose/compose.hpp"
#include "compose/event_markers.hpp"
#include "core/base_map.hpp"
#include "core/event_edits.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace sitmap;

namespace {

std::vector<core::Event> events_around_karabakh(std::size_t n) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(46.2, 47.4), lat(39.3, 40.2);
    std::uniform_int_distribution<int> day(0, 80), type(0, 11), kind(0, 7);
    static const char* places[] = {"Shusha", "Khankendi", "Aghdam", "", "", ""};
    const std::int32_t first =
        core::day_number(core::Date{std::chrono::year(2020), std::chrono::September, std::chrono::day(20)});
    std::vector<core::Event> out;
    for (std::size_t i = 0; i < n; ++i) {
        core::Event e;
        e.id = std::to_string(i);
        e.source.document = "synthetic.txt";
        e.source.quote = "Shelling was reported.";
        e.type = core::all_event_types[static_cast<std::size_t>(type(rng))];
        e.position = {lon(rng), lat(rng)};
        e.has_position = true;
        e.place = places[i % 6];
        e.location_precision = i % 5 == 0 ? core::LocationPrecision::District : core::LocationPrecision::Point;
        e.confidence = 0.3 + 0.1 * static_cast<double>(i % 7);
        const std::int32_t s = first + day(rng);
        const int k = kind(rng);
        const std::int32_t end = k == 0 ? s + 2 : k == 1 ? s + 30 : s;
        e.date = {core::date_from_day_number(s), core::date_from_day_number(end),
                  k == 1 ? core::DatePrecision::Month : core::DatePrecision::Day};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

TEST_CASE("a frame stepped to its date draws what a full rebuild draws", "[gl][events][incremental]") {
    auto& world = test::GlWorld::get();
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), 640, 480);
    core::EditableEvents editable;
    editable.set_extracted(events_around_karabakh(1500));
    const core::TimeWindow week{.kind = core::WindowKind::Week};
    render::OffscreenTarget target(640, 480);
    const std::int32_t d0 =
        core::day_number(core::Date{std::chrono::year(2020), std::chrono::October, std::chrono::day(1)});
    std::vector<std::int32_t> days;
    for (int k = 0; k < 12; ++k) days.push_back(d0 + k);      // the slider playing
    for (int k = 0; k < 5; ++k) days.push_back(d0 + 10 - k);  // stepped back
    days.push_back(d0 + 40);                                  // a jump
    days.push_back(d0 + 41);
    days.push_back(d0 - 20);  // before any event
    // Another zoom first, so that this view's base layers are drawn for it rather than copied,
    // shifted, from the pan of an earlier test (pan_cache_test: that copy may differ by a pixel).
    target.bind();
    world.renderer->draw(world.scene, core::Camera(camera.centre(), camera.metres_per_pixel() * 2, 640, 480),
                         {.reuse_base = true});
    std::size_t frames_with_symbols = 0;
    for (const std::int32_t day : days) {
        INFO("day " << core::format_iso(core::date_from_day_number(day)));
        compose::FrameRequest request{.metres_per_pixel = camera.metres_per_pixel(),
                                      .date = core::date_from_day_number(day)};
        request.events.events = &editable;
        request.events.window = week;
        const compose::ComposedFrame frame = compose::compose_frame(world.scene, world.projector, request);
        compose::FrameOptions incremental = frame.options();
        incremental.reuse_base = true;
        target.bind();
        world.renderer->draw(world.scene, camera, incremental);
        const auto stepped = target.read_rgba();

        // The full rebuild: every event scanned for the window, grouped and laid out again, and
        // every layer drawn.
        core::EventFilter filter;
        filter.deleted = editable.hidden_flags();
        filter.review_states = editable.review_states();
        const auto visible = core::select_events(editable.events(), filter, week, *request.date);
        REQUIRE(visible.size() == frame.visible.size());
        for (std::size_t k = 0; k < visible.size(); ++k) REQUIRE(visible[k].index == frame.visible[k].index);
        const auto layout = compose::layout_events(editable.events(), visible, world.projector,
                                                   {.metres_per_pixel = camera.metres_per_pixel()});
        REQUIRE(layout.markers.size() == frame.events.markers.size());
        frames_with_symbols += layout.markers.empty() ? 0 : 1;
        compose::FrameOptions full = frame.options();
        full.events = &layout.markers;
        target.bind();
        world.renderer->draw(world.scene, camera, full);
        const auto rebuilt = target.read_rgba();
        REQUIRE(stepped.size() == rebuilt.size());
        std::size_t differ = 0;
        for (std::size_t i = 0; i < stepped.size(); ++i) differ += stepped[i] != rebuilt[i] ? 1 : 0;
        CHECK(differ == 0);
    }
    CHECK(frames_with_symbols >= 15);  // the comparison was about drawn events, not empty maps
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
