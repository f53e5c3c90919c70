// compose/pixel_grid without GL: the grid the map's geometry is drawn on, by which the renderer's
// caches tell a pan they can copy (the same zoom and anchor, a move by whole pixels) from one
// they cannot, and which strips of a moved target are left to draw.
#include "compose/pixel_grid.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace sitmap;
using compose::PixelShift;

TEST_CASE("the centre snaps to sixteenths of a pixel near an anchor of whole cells", "[pixel_grid]") {
    const core::Camera c({123'456.789, -98'765.4321}, 960.0, 1280, 800);
    const auto g = compose::pixel_grid(c);
    CHECK(g.anchor_x % compose::PixelGrid::kCell == 0);
    CHECK(g.anchor_y % compose::PixelGrid::kCell == 0);
    CHECK(g.centre_x * 16 == std::round(g.centre_x * 16));
    CHECK(g.centre_y * 16 == std::round(g.centre_y * 16));
    // The anchor is the cell corner nearest the centre, and the snapped centre is the true one.
    CHECK(std::abs(g.centre_x) <= compose::PixelGrid::kCell / 2 + 1);
    CHECK(std::abs(g.centre_y) <= compose::PixelGrid::kCell / 2 + 1);
    CHECK(std::abs(g.anchor_world_x() + g.centre_x * 960.0 - 123'456.789) <= 960.0 / 32 + 1e-6);
    CHECK(std::abs(g.anchor_world_y() + g.centre_y * 960.0 - -98'765.4321) <= 960.0 / 32 + 1e-6);
}

TEST_CASE("a pan by whole pixels is a whole-pixel shift; anything else is not", "[pixel_grid]") {
    core::Camera c({2'000'000.3, 4'500'000.7}, 120.0, 1280, 800);
    const auto start = compose::pixel_grid(c);
    // Drag right by 7 and up by 3 pixels: the view moves left and down.
    c.pan_pixels(7, 3);
    auto shift = compose::whole_pixel_shift(start, compose::pixel_grid(c));
    REQUIRE(shift);
    CHECK(*shift == PixelShift{-7, 3});
    // Many small drags add up exactly (no drift from the doubles).
    for (int i = 0; i < 40; ++i) c.pan_pixels(-5, 0);
    shift = compose::whole_pixel_shift(start, compose::pixel_grid(c));
    REQUIRE(shift);
    CHECK(*shift == PixelShift{193, 3});
    // Half a pixel, a zoom, or a pan across an anchor cell are not.
    core::Camera half = c;
    half.pan_pixels(0.5, 0);
    CHECK_FALSE(compose::whole_pixel_shift(start, compose::pixel_grid(half)));
    core::Camera zoomed(c.centre(), 120.0 * 1.25, 1280, 800);
    CHECK_FALSE(compose::whole_pixel_shift(start, compose::pixel_grid(zoomed)));
    core::Camera far = c;
    far.pan_pixels(-3000, 0);
    CHECK_FALSE(compose::whole_pixel_shift(start, compose::pixel_grid(far)));
    // The same view is no move at all.
    CHECK(compose::whole_pixel_shift(start, start) == PixelShift{0, 0});
}

TEST_CASE("a moved target leaves one or two strips to draw, or all of it", "[pixel_grid]") {
    using R = compose::PixelRect;
    auto same = [](const R& a, const R& b) {
        return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
    };
    CHECK(compose::uncovered_strips(100, 80, {0, 0}).empty());
    auto s = compose::uncovered_strips(100, 80, {7, 0});  // the new target lies 7 px right of the old
    REQUIRE(s.size() == 1);
    CHECK(same(s[0], R{93, 0, 7, 80}));
    s = compose::uncovered_strips(100, 80, {-7, 5});
    REQUIRE(s.size() == 2);
    CHECK(same(s[0], R{0, 0, 7, 80}));
    CHECK(same(s[1], R{0, 75, 100, 5}));
    s = compose::uncovered_strips(100, 80, {0, -80});
    REQUIRE(s.size() == 1);
    CHECK(same(s[0], R{0, 0, 100, 80}));
}
