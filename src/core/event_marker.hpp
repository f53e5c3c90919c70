// EventMarker: one event symbol (or group of events) as the renderer draws it this frame.
// Built per frame by the app from core::select_events/group_events; part of the draw list, so the
// window and `sitmap render` draw events identically. Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/event.hpp"
#include "core/geometry.hpp"

#include <cstddef>

namespace sitmap::core {

struct EventMarker {
    WorldXY pos;          ///< where the symbol is drawn
    WorldXY anchor;       ///< the group's centre when fanned out (a leader line joins them)
    bool fanned = false;  ///< drawn away from its true place, with a leader line to `anchor`
    double radius_m = 0;  ///< location uncertainty drawn as an area ring (0 = exact point)
    EventType type = EventType::Other;
    int count = 1;           ///< events in the group (> 1 shows a count badge)
    float alpha = 1;         ///< fading by age within the time window and by confidence
    bool time_span = false;  ///< dated only to a span (month, year, "during the war"): drawn hollow, dashed
    bool selected = false;
    bool edited = false;  ///< the user corrected it (drawn with a small mark)
    std::size_t id = 0;   ///< caller's key (event index or group index), returned by hit tests
};

/// Where a marker ended up on screen, for hit testing (hover, click).
struct MarkerHit {
    std::size_t id = 0;
    double x = 0, y = 0, radius = 0;
};

}  // namespace sitmap::core
