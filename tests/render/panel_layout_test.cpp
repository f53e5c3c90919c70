// The window's panel layout without drawing (ui::bottom_layout, ui::keep_inside, the default panels):
// pure logic, in the gl suite only because it links sitmap_ui.
#include "ui/event_state.hpp"
#include "ui/panels.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {
// ImGui's frame height for the 15 px UI font with the default padding, and with item spacing.
constexpr float kFrame = 23, kLine = 27;
}  // namespace

TEST_CASE("the bottom panels take at most a quarter of the window", "[gl][ui][layout]") {
    for (const auto& [w, h] : {std::pair{800.0f, 600.0f}, {1024.0f, 700.0f}, {1280.0f, 800.0f}, {1920.0f, 1080.0f}}) {
        INFO(w << "x" << h);
        const auto l = ui::bottom_layout(w, h, kFrame, kLine);
        CHECK(l.total() <= 0.25f * h + 1);
        // Each panel keeps room for its controls: a row of buttons and the slider or histogram.
        CHECK(l.slider >= 2 * kLine);
        CHECK(l.timeline >= kLine + 20);
        CHECK(l.status >= kFrame);
    }
    // Where there is room, the full panels (with the slider's legend) stay.
    CHECK_FALSE(ui::bottom_layout(1920, 1080, kFrame, kLine).compact);
    CHECK(ui::bottom_layout(800, 600, kFrame, kLine).compact);
    CHECK(ui::bottom_layout(800, 600, kFrame, kLine).narrow);
}

TEST_CASE("a floating panel is kept inside the window, close button included", "[gl][ui][layout]") {
    const ui::PanelRect window{0, 20, 800, 430};
    // Enlarged past the right edge: moved back in.
    auto r = ui::keep_inside({500, 100, 460, 380}, window);
    CHECK(r.x + r.w <= 800);
    CHECK(r.w == 460);
    CHECK(r.y >= 20);
    CHECK(r.y + r.h <= 450);
    // Larger than the window: shrunk to it.
    r = ui::keep_inside({-50, 0, 1000, 900}, window);
    CHECK(r.x == 0);
    CHECK(r.y == 20);
    CHECK(r.w == 800);
    CHECK(r.h == 430);
    // Already inside: untouched.
    r = ui::keep_inside({10, 40, 200, 100}, window);
    CHECK(r.x == 10);
    CHECK(r.y == 40);
}

TEST_CASE("the events list does not open over the map by default", "[gl][ui][layout]") {
    const ui::EventUiState ev;
    CHECK_FALSE(ev.show_list);
}
