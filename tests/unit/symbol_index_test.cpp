// compose/symbol_index without GL: the grid of event symbols the label layout asks instead of
// scanning every symbol must give the scan's answer for every query, near cell edges, for
// symbols far off the image and for an index with no symbols.
#include "compose/symbol_index.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace sitmap;

namespace {

bool scan_within(const std::vector<core::MarkerHit>& s, double x, double y, double r) {
    for (const auto& m : s)
        if (std::hypot(m.x - x, m.y - y) < m.radius + r) return true;
    return false;
}

bool scan_overlapping(const std::vector<core::MarkerHit>& s, const core::PxBox& box, double pad) {
    for (const auto& m : s)
        if (box.overlaps({m.x - m.radius - pad, m.y - m.radius - pad, m.x + m.radius + pad, m.y + m.radius + pad}))
            return true;
    return false;
}

}  // namespace

TEST_CASE("the symbol index answers as a scan over every symbol", "[symbol_index]") {
    std::mt19937 rng(14);
    std::uniform_real_distribution<double> on_image(-50.0, 1330.0), coarse(-200.0, 1500.0);
    for (const double spread : {1.0, 40.0}) {  // a 1280-px image, and symbols far outside it too
        std::vector<core::MarkerHit> symbols;
        for (std::size_t i = 0; i < 900; ++i) {
            // Every tenth on whole multiples of the cell, to test the cells' edges.
            const double x = i % 10 == 0 ? 64.0 * static_cast<int>(on_image(rng) / 64) : on_image(rng) * spread;
            const double y = i % 10 == 0 ? 64.0 * static_cast<int>(on_image(rng) / 64) : on_image(rng) * spread * 0.6;
            symbols.push_back({i, x, y, i % 7 == 0 ? 14.25 : 9.5});
        }
        const compose::SymbolIndex index(symbols);
        int within = 0, overlapping = 0;
        for (int q = 0; q < 20000; ++q) {
            const double x = coarse(rng), y = coarse(rng) * 0.6, r = q % 3 == 0 ? 0.0 : 4.5;
            const bool a = index.any_within(x, y, r);
            REQUIRE(a == scan_within(symbols, x, y, r));
            within += a;
            const core::PxBox box{x, y, x + (q % 5) * 17.0, y + (q % 4) * 5.5};
            const bool b = index.any_overlapping(box, 2);
            REQUIRE(b == scan_overlapping(symbols, box, 2));
            overlapping += b;
        }
        // Both answers occur, so the comparison tested something.
        CHECK(within > 100);
        CHECK(within < 19900);
        CHECK(overlapping > 100);
        CHECK(overlapping < 19900);
    }
    // Exactly at the limit: a point at distance radius + r is not within (strict), a hair closer is.
    const std::vector<core::MarkerHit> one{{0, 128.0, 64.0, 9.5}};
    const compose::SymbolIndex index(one);
    CHECK_FALSE(index.any_within(128.0 + 12.5, 64.0, 3.0));
    CHECK(index.any_within(128.0 + 12.4, 64.0, 3.0));
    CHECK_FALSE(index.any_overlapping({139.5, 0, 150, 200}, 2));  // touches the grown square's edge only
    CHECK(index.any_overlapping({139.4, 0, 150, 200}, 2));
    CHECK_FALSE(compose::SymbolIndex().any_within(0, 0, 1e9));
    CHECK_FALSE(compose::SymbolIndex(std::vector<core::MarkerHit>{}).any_overlapping({-1e9, -1e9, 1e9, 1e9}, 2));
}
