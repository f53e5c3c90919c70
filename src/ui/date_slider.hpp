// The date panel at the bottom of the window: a slider over the control data (or zoomed to
// Sep 2020 - Jun 2024), a typed date, previous/next control change (buttons, PageUp/PageDown and
// [ ]), play/pause with a speed, and the legend. Edits AppState only; draws no map content.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Draws the date panel just above `bottom_inset` pixels (the status bar) and handles its keys and
/// playback. Sets state.date on first use (the last change in the data) and state.map_dirty whenever
/// the date changes. Returns the panel's height in pixels (0 when the scene has no control layer).
float draw_date_slider(AppState& state, float bottom_inset);

}  // namespace sitmap::ui
