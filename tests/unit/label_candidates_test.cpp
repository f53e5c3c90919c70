// compose::label_candidates: the positions a place's name may take around its dot (issue 10, 2.12).
#include "compose/label_candidates.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace sitmap;

namespace {

/// Distance from `p` to the nearest point of `b` (0 inside).
double distance(core::ScreenPx p, const core::PxBox& b) {
    const double dx = std::max({b.x0 - p.x, 0.0, p.x - b.x1});
    const double dy = std::max({b.y0 - p.y, 0.0, p.y - b.y1});
    return std::hypot(dx, dy);
}

}  // namespace

TEST_CASE("a name's candidate positions stay beside its dot, never on it", "[core][labels]") {
    const core::ScreenPx p{500, 400};
    const double w = 80, h = 12, gap = 5.3;
    const auto straight = compose::label_candidates(p, w, h, h, gap, 0, {});
    const auto around = compose::label_candidates(p, w, h, h, gap, 0, {.diagonals = true});
    const auto village = compose::label_candidates(p, w, h, h, gap, 0, {.diagonals = true, .slides = true});
    const auto beside_symbol = compose::label_candidates(p, w, h, h, gap, 0, {.far = 12});
    CHECK(straight.size() == 4);
    CHECK(around.size() == 8);
    CHECK(village.size() == 16);
    CHECK(beside_symbol.size() == 12);
    // The first eight are QGIS's "around point" positions, in the same order, with or without slides.
    for (std::size_t i = 0; i < around.size(); ++i) {
        CHECK(village[i].box.x0 == around[i].box.x0);
        CHECK(village[i].box.y0 == around[i].box.y0);
    }
    for (const auto& c : village) {
        INFO(c.box.x0 << "," << c.box.y0 << " - " << c.box.x1 << "," << c.box.y1);
        CHECK(c.box.x1 - c.box.x0 == Approx(w));
        CHECK(c.box.y1 - c.box.y0 == Approx(h));
        // Off the dot (its radius is gap minus the 3 px margin), yet close enough to read as its name.
        CHECK(distance(p, c.box) >= gap * 0.75 - 1e-9);
        CHECK(distance(p, c.box) <= gap * 1.1);
        // A name left of its dot ends at the dot; one right of it starts there; centred ones
        // straddle it.
        const double mid = (c.box.x0 + c.box.x1) / 2;
        if (c.align == compose::LabelAlign::Right) CHECK(c.box.x1 <= p.x + w / 4 + 1e-9);
        if (c.align == compose::LabelAlign::Left) CHECK(c.box.x0 >= p.x - w / 4 - 1e-9);
        if (c.align == compose::LabelAlign::Centre) CHECK(mid == Approx(p.x));
    }
    // Padding grows every box on all sides.
    const auto padded = compose::label_candidates(p, w, h, h, gap, 2, {.diagonals = true, .slides = true});
    for (std::size_t i = 0; i < padded.size(); ++i) {
        CHECK(padded[i].box.x0 == Approx(village[i].box.x0 - 2));
        CHECK(padded[i].box.y1 == Approx(village[i].box.y1 + 2));
    }
    // No two positions are the same.
    for (std::size_t i = 0; i < village.size(); ++i)
        for (std::size_t j = i + 1; j < village.size(); ++j)
            CHECK_FALSE((village[i].box.x0 == village[j].box.x0 && village[i].box.y0 == village[j].box.y0));
}
