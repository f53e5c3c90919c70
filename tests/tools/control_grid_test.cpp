// The grid rules of the 2020 front's settlement cells (tools/control_grid.hpp).
#include "control_grid.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <vector>

using control_grid::Grid;
using control_grid::Params;
using control_grid::Site;

namespace {

// A w x h grid of 1 km squares, all inside; the rear is column 0 (x in 0..1 km).
Grid strip_grid(int w, int h) {
    Grid g;
    g.cell = 1.0;
    g.nx = w;
    g.ny = h;
    g.inside.assign(static_cast<std::size_t>(w * h), 1);
    g.rear.assign(g.inside.size(), 0);
    for (int iy = 0; iy < h; ++iy) g.rear[static_cast<std::size_t>(g.index(0, iy))] = 1;
    return g;
}

int owner_of(const Grid& g, const std::vector<int>& owner, double x, double y) {
    return owner[static_cast<std::size_t>(g.index(static_cast<int>(x / g.cell), static_cast<int>(y / g.cell)))];
}

}  // namespace

TEST_CASE("day_number counts days since 1970 and rejects other forms", "[control_grid]") {
    CHECK(control_grid::day_number("1970-01-01") == 0);
    CHECK(control_grid::day_number("2020-09-27") == 18532);
    CHECK(control_grid::day_number("2020-12-12") - control_grid::day_number("2020-11-09") == 33);
    CHECK_THROWS_AS(control_grid::day_number("27.09.2020"), std::invalid_argument);
    CHECK_THROWS_AS(control_grid::day_number("2020-13-01"), std::invalid_argument);
}

TEST_CASE("a square takes its own settlement nearby and the median day of five elsewhere", "[control_grid]") {
    const Grid g = strip_grid(30, 3);
    // Five settlements along the strip, days 10..50; the one at x=25.5 is late (day 50).
    const std::vector<Site> sites = {{3.5, 1.5, 10}, {8.5, 1.5, 20}, {13.5, 1.5, 30}, {18.5, 1.5, 40}, {25.5, 1.5, 50}};
    Params p;
    const std::vector<int> owner = control_grid::assign_owners(g, sites, p);
    CHECK(owner_of(g, owner, 3.5, 1.5) == 0);   // its own square
    CHECK(owner_of(g, owner, 25.5, 1.5) == 4);  // own land: half-way to its nearest neighbour (3.5 km)
    CHECK(owner_of(g, owner, 22.5, 1.5) == 4);  // 3 km from it, inside its 3.5 km
    CHECK(owner_of(g, owner, 21.5, 1.5) == 2);  // beyond every own radius: the median of days 10..50 is day 30
    p.far_km = 2.5;                             // ... or, that far from every settlement, the latest day
    CHECK(owner_of(g, control_grid::assign_owners(g, sites, p), 21.5, 1.5) == 4);
}

TEST_CASE("an island settlement keeps a strip to the rear until its own day", "[control_grid]") {
    // Rear on the left; a late settlement (day 90) at the far right, earlier ones (day 10) between.
    const Grid g = strip_grid(12, 9);  // tall enough to go around the others' own land (2 km around each)
    const std::vector<Site> sites = {{2.5, 4.5, 10}, {6.5, 4.5, 10}, {10.5, 4.5, 90}};
    Params p;
    p.own_km = 1.0;
    const std::vector<int> without = control_grid::assign_owners(g, sites, p);
    // The land between goes with the early settlements (median of days 10, 10, 90): the late one is an island.
    CHECK(sites[static_cast<std::size_t>(owner_of(g, without, 8.5, 1.5))].day == 10);
    p.connect = true;
    p.corridor_km = 0.0;
    const std::vector<int> with = control_grid::assign_owners(g, sites, p);
    // The shortest way from the late settlement to the rear stays with it, around the others' own squares.
    int kept = 0;
    for (int ix = 0; ix < g.nx; ++ix)
        for (int iy = 0; iy < g.ny; ++iy) kept += with[static_cast<std::size_t>(g.index(ix, iy))] == 2;
    CHECK(kept > static_cast<int>(std::count(without.begin(), without.end(), 2)));  // more land than its own cell
    CHECK(owner_of(g, with, 2.5, 4.5) == 0);  // another settlement's own square is never taken
    CHECK(owner_of(g, with, 6.5, 4.5) == 1);
    bool reaches_rear = false;
    for (int iy = 0; iy < g.ny; ++iy) reaches_rear |= with[static_cast<std::size_t>(g.index(0, iy))] == 2;
    CHECK(reaches_rear);
    // Too long a strip is not drawn: the settlement stays an island.
    p.corridor_max_km = 2.0;
    CHECK(control_grid::assign_owners(g, sites, p) == without);
    // ... unless the settlement is an anchor (held until a handover, never a pocket): it is joined all the same.
    std::vector<Site> anchored = sites;
    anchored[2].anchor = true;
    CHECK(control_grid::assign_owners(g, anchored, p) == with);
}

TEST_CASE("an island whose own strip is too long joins another island's strip", "[control_grid]") {
    // Nearest-settlement days (one neighbour): early land (day 10) at x < 7 and 11.5..15.5, late (day 90) between.
    // B (index 0, far right) is tried first: its way to the rear crosses both early stretches, 11 squares, too long
    // for the 9 km allowed; A's way crosses only the left one (7 squares) and is drawn; B is then tried again and
    // joins A's strip across the right stretch alone (4 squares).
    const Grid g = strip_grid(20, 9);
    const std::vector<Site> sites = {{17.5, 4.5, 90}, {9.5, 4.5, 90}, {4.5, 4.5, 10}, {13.5, 4.5, 10}};
    Params p;
    p.neighbours = 1;
    p.connect = true;
    p.corridor_km = 0.0;
    p.corridor_max_km = 9.0;
    const std::vector<int> owner = control_grid::assign_owners(g, sites, p);
    CHECK(owner_of(g, owner, 3.5, 1.5) == 1);   // A's strip across the left early stretch
    CHECK(owner_of(g, owner, 13.5, 1.5) == 0);  // B's strip, to A's land
    CHECK(owner_of(g, owner, 13.5, 4.5) == 3);  // the early settlement keeps its own land
    p.corridor_max_km = 6.0;                    // A's strip too long as well: both stay islands
    const std::vector<int> none = control_grid::assign_owners(g, sites, p);
    CHECK(owner_of(g, none, 3.5, 1.5) == 2);
    CHECK(owner_of(g, none, 13.5, 1.5) == 3);
}
