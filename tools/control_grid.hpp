// Settlement cells of the 2020 front on a square grid (used by sitmap_build_control's make_cells). Pure geometry on
// local km coordinates: no GEOS, no GDAL, so the rules can be tested on their own (tests/unit/control_grid_test.cpp).
// Method and figures: geodata/SOURCES.md (control section).
#pragma once

#include <string>
#include <vector>

namespace control_grid {

// A located settlement: position in local km and the day it changed hands (days since 1970-01-01).
struct Site {
    double x = 0, y = 0;
    int day = 0;
    // An anchor: held until a handover, never taken in the fighting, so joined to the rear whatever the strip's
    // length (connect_to_rear; Params::corridor_max_km applies to the other settlements).
    bool anchor = false;
};

// Squares of side `cell` km, column-major: square (ix, iy) is index ix * ny + iy, its centre at
// (x0 + (ix + 0.5) * cell, y0 + (iy + 0.5) * cell). `inside`: the square meets the front area; `rear`: it also meets
// the land the Armenian side held behind the front (the rest of the 1994 area, Armenia), to which held land must
// stay connected.
struct Grid {
    double x0 = 0, y0 = 0, cell = 0.5;
    int nx = 0, ny = 0;
    std::vector<char> inside, rear;
    int index(int ix, int iy) const { return ix * ny + iy; }
};

struct Params {
    double own_km = 1.0;         // a settlement keeps at least this radius (else half-way to its nearest neighbour)
    std::size_t neighbours = 5;  // median day of this many nearest settlements elsewhere
    double far_km = 0;           // > 0: farther than this from every settlement, the latest of the neighbours' days
    bool connect = false;        // keep held land connected to the rear (connect_to_rear)
    double corridor_km = 0.5;    // half-width of the strip kept for an island settlement
    bool lower = false;          // land cut off from the rear goes with the square that cuts it off
    double corridor_max_km = 0;  // > 0: no strip longer than this (the settlement stays an island), except anchors
};

constexpr int kNone = -1;

// "YYYY-MM-DD" -> days since 1970-01-01 (throws std::invalid_argument on another form).
int day_number(const std::string& iso);

// The settlement whose day each inside square takes (kNone outside): its own within own_km (or half-way to its
// nearest neighbour), elsewhere the median day of the `neighbours` nearest (ties: the nearest), or their latest day
// where the nearest is farther than far_km. With `connect`, then connect_to_rear.
std::vector<int> assign_owners(const Grid& g, const std::vector<Site>& sites, const Params& p);

// Makes the land held on every day connected to the rear: a settlement announced later than all the land between it
// and the rear (an island on the days between) keeps a strip of squares (corridor_km each side of the path whose
// earliest day is latest) until its own day; any other square announced later than every path to the rear allows
// goes with the square that cuts it off.
// `own`: the squares a settlement holds as its own (within own_km or half-way to its nearest neighbour); no strip
// crosses another settlement's own squares.
void connect_to_rear(const Grid& g, const std::vector<Site>& sites, std::vector<int>& owner,
                     const std::vector<char>& own, const Params& p);

}  // namespace control_grid
