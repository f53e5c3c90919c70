// compose::layout_events without GL: which events a marker stands for and what it shows. Pure logic,
// in the gl suite only because it links sitmap_app.
#include "compose/event_markers.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {

core::Event at_khankendi(const char* id, core::EventType type, unsigned month, unsigned day) {
    core::Event e;
    e.id = id;
    e.type = type;
    e.position = {46.7519, 39.8153};
    e.has_position = true;
    e.place = "Khankendi";
    e.confidence = 0.9;
    const core::Date d{std::chrono::year(2020), std::chrono::month(month), std::chrono::day(day)};
    e.date = {d, d, core::DatePrecision::Day};
    return e;
}

}  // namespace

TEST_CASE("a group of events shows the type of its most recent member", "[gl][events][markers]") {
    // The newest event is neither the first nor the last member, so neither end of the list passes.
    const std::vector<core::Event> events{at_khankendi("a", core::EventType::Strike, 10, 10),
                                          at_khankendi("b", core::EventType::Capture, 11, 8),
                                          at_khankendi("c", core::EventType::Clash, 10, 1)};
    const std::vector<core::VisibleEvent> visible{{0, 0.0f}, {1, 0.0f}, {2, 0.0f}};
    const core::Projector projector;
    const auto layout = compose::layout_events(events, visible, projector, {.metres_per_pixel = 500});
    REQUIRE(layout.markers.size() == 1);
    CHECK(layout.markers[0].count == 3);
    CHECK(layout.markers[0].type == core::EventType::Capture);
    // Fanned out, each symbol shows its own event's type.
    const auto fanned =
        compose::layout_events(events, visible, projector, {.metres_per_pixel = 500, .fanned = {0, 1, 2}});
    REQUIRE(fanned.markers.size() == 3);
    for (const auto& m : fanned.markers) {
        REQUIRE(fanned.members[m.id].size() == 1);
        CHECK(m.type == events[fanned.members[m.id].front()].type);
    }
}
