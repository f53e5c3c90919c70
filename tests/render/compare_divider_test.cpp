// The before/after view's divider (issue 13, item 1): it is grabbed anywhere within a few pixels
// of its line along the map's whole height, and on its whole handle; the Before / after panel
// never sits over it. Pure logic (ui::divider_hit, ui::clear_of_divider), in the gl suite only
// because it links sitmap_ui.
#include "ui/map_tools.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

TEST_CASE("the divider is grabbed within a few pixels of its line along its whole height, and on its handle",
          "[gl][ui][compare]") {
    const double top = 22, bottom = 640;             // the map between the menu bar and the bottom panels
    for (const double x : {100.0, 640.0, 1180.0}) {  // in the left half, the middle and the right half
        INFO("divider at x = " << x);
        for (double y = top; y <= bottom; y += 9) {
            INFO("y = " << y);
            for (const double dx : {-7.0, -3.0, 0.0, 3.0, 7.0}) CHECK(ui::divider_hit(x, {x + dx, y}, top, bottom, 1));
            CHECK_FALSE(ui::divider_hit(x, {x - 40, y}, top, bottom, 1));
            CHECK_FALSE(ui::divider_hit(x, {x + 40, y}, top, bottom, 1));
        }
        // The handle halfway down (radius 15 px): both its halves, to its rim.
        const double cy = (top + bottom) / 2;
        for (const double dx : {-16.0, -12.0, 12.0, 16.0}) CHECK(ui::divider_hit(x, {x + dx, cy}, top, bottom, 1));
        CHECK(ui::divider_hit(x, {x - 10, cy + 10}, top, bottom, 1));
        CHECK(ui::divider_hit(x, {x + 10, cy - 10}, top, bottom, 1));
        // At twice the UI scale the handle and the grab are twice as wide.
        CHECK(ui::divider_hit(x, {x - 30, cy}, top, bottom, 2));
        CHECK(ui::divider_hit(x, {x + 9, top + 5}, top, bottom, 2));
        // Not under the menu bar or the bottom panels.
        CHECK_FALSE(ui::divider_hit(x, {x, top - 5}, top, bottom, 1));
        CHECK_FALSE(ui::divider_hit(x, {x, bottom + 5}, top, bottom, 1));
    }
}

TEST_CASE("the Before / after panel is moved off the divider, to the side with more room", "[gl][ui][compare]") {
    const ui::PanelRect area{0, 22, 1280, 618};
    // Opened centred at the bottom, over a divider in the middle: moved clear of it.
    auto p = ui::clear_of_divider({460, 500, 360, 120}, 640, area);
    CHECK((p.x >= 640 + 20 || p.x + p.w <= 640 - 20));
    CHECK(p.y == 500);
    CHECK(p.w == 360);
    // A divider far right: the panel goes to its left.
    p = ui::clear_of_divider({1000, 500, 360, 120}, 1100, area);
    CHECK(p.x + p.w <= 1100 - 20);
    // A divider far left: to its right, inside the window.
    p = ui::clear_of_divider({0, 500, 360, 120}, 150, area);
    CHECK(p.x >= 150 + 20);
    CHECK(p.x + p.w <= 1280);
    // Clear already: unchanged.
    p = ui::clear_of_divider({10, 500, 360, 120}, 900, area);
    CHECK(p.x == 10);
}
