// The window's two map tools' state: the before/after (swipe) view and the measure tool. Part of
// AppState; plain data over core types (no ImGui, no GL).
#pragma once
#include "core/date.hpp"
#include "core/geometry.hpp"
#include "core/measure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::ui {

/// Before/after: the left half shows a pinned date, the right half follows the date slider.
struct CompareUiState {
    bool active = false;
    /// The left ("before") date: pinned to the slider's date when the view is turned on, then
    /// changed only from the compare panel (typed, or "Pin the slider's date").
    std::optional<core::Date> left;
    double divider = 0.5;   ///< fraction of the map's width from the left edge
    bool dragging = false;  ///< the divider is being dragged: the map must not pan
    std::string left_text;  ///< the panel's date field
};

/// The measure tool: clicked points in lon/lat, the running total, and the pointer's distance to
/// the line of contact on the shown date (the front, core::front_line, cached per date).
struct MeasureUiState {
    bool active = false;
    std::vector<core::LonLat> points;
    bool finished = false;                 ///< Esc or a right click ended the line; the next click starts anew
    std::optional<core::Date> front_date;  ///< the date front_segments belong to
    std::vector<core::GeoSegment> front_segments;
    std::optional<core::NearestOnLine> front_nearest;  ///< from the pointer, this frame
};

}  // namespace sitmap::ui
