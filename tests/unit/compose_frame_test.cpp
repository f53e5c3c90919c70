// compose::default_date and compose_frame without GL: one date policy for every output, and the
// events a frame shows.
#include "compose/compose.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;
using namespace std::chrono;

namespace {

core::Date ymd(int y, unsigned m, unsigned d) {
    return core::Date{year(y), month(m), day(d)};
}

core::Scene control_scene(core::Date from, core::Date to) {
    core::Scene scene;
    core::SceneLayer control{.id = "control", .title = "Control", .kind = core::LayerKind::Fill};
    core::FillPart part;
    part.valid = {core::day_number(from), core::day_number(to)};
    control.fills.push_back(part);
    scene.layers.push_back(std::move(control));
    return scene;
}

core::Event event_on(core::Date d, const std::string& place) {
    core::Event e;
    e.id = place + "-" + core::format_iso(d);
    e.date.start = e.date.end = d;
    e.place = place;
    e.position = {46.75, 39.82};
    e.has_position = true;
    e.confidence = 0.9;
    return e;
}

}  // namespace

TEST_CASE("the default date: the latest event, else the last change of control, else none", "[core][compose]") {
    const core::Scene scene = control_scene(ymd(2020, 9, 27), ymd(2023, 9, 20));
    SECTION("events: the latest one's start, whatever their order") {
        const std::vector<core::Event> events{event_on(ymd(2020, 10, 4), "Khankendi"),
                                              event_on(ymd(2023, 9, 19), "Khankendi"),
                                              event_on(ymd(2021, 1, 1), "Shusha")};
        CHECK(compose::default_date(scene, events) == ymd(2023, 9, 19));
    }
    SECTION("no events: the last change in the control data") {
        CHECK(compose::default_date(scene, {}) == ymd(2023, 9, 20));
    }
    SECTION("neither: no date") {
        CHECK_FALSE(compose::default_date(core::Scene{}, {}).has_value());
    }
}

TEST_CASE("a composed frame shows the events of its time window and names their places", "[core][compose]") {
    const core::Scene scene = control_scene(ymd(2020, 9, 27), ymd(2023, 9, 20));
    core::EditableEvents events;
    events.set_extracted({event_on(ymd(2020, 10, 4), "Khankendi"), event_on(ymd(2020, 10, 20), "Shusha")});
    const core::Projector projector;
    compose::FrameRequest r{.metres_per_pixel = 170,
                            .date = ymd(2020, 10, 21),
                            .events = {.events = &events, .window = {.kind = core::WindowKind::Week}}};
    const auto frame = compose::compose_frame(scene, projector, r);
    CHECK(frame.date_label == "21 October 2020");
    REQUIRE(frame.visible.size() == 1);  // the week before the date: Shusha only
    REQUIRE(frame.events.markers.size() == 1);
    CHECK(frame.named_places == std::vector<std::string>{"Shusha"});
    const auto options = frame.options();
    CHECK(options.events == &frame.events.markers);
    CHECK(options.day == core::day_number(ymd(2020, 10, 21)));

    SECTION("without events (a slide's events.show: false) nothing is drawn or listed") {
        r.events.events = nullptr;
        const auto none = compose::compose_frame(scene, projector, r);
        CHECK(none.events.markers.empty());
        CHECK(none.off_map.total() == 0);
        CHECK(none.date_label == "21 October 2020");
    }
    SECTION("the window's own strip replaces the off-map box") {
        r.furniture.off_map_box = false;
        CHECK(compose::compose_frame(scene, projector, r).options().off_map == nullptr);
    }
}
