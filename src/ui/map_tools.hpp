// The window's map tools: the before/after (swipe) view (C, View menu: a pinned left date, the
// slider's date on the right, a draggable divider) and the measure tool (M: click points, read
// kilometres; the pointer's distance to the front on the shown date). Part of sitmap_ui: ImGui for
// input and panels; the tools' marks on the map are drawn through the composed frame, not here.
#pragma once
#include "core/geometry.hpp"
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Turns the before/after view on (the left date pinned to the slider's) or off.
void toggle_compare(AppState& state);
/// Turns the measure tool on (a new, empty line) or off.
void toggle_measure(AppState& state);

/// Keys C and M; with the view on, dragging the divider (grabbed within a few pixels of it);
/// with the measure tool on, clicks add points (drags still pan), a right click or Esc ends the
/// line, and the pointer's distance to the front is updated. `pointer` is in framebuffer pixels;
/// `over_map` when ImGui does not want the mouse. Call before the map's own pan handling: it
/// sets compare.dragging, during which the map must not pan.
void handle_map_tools_input(AppState& state, core::ScreenPx pointer, bool over_map, bool keyboard_free);

/// True when `pointer` grabs the divider at column `divider_x` of a map spanning rows `top` to
/// `bottom` (framebuffer pixels): within a few pixels of the line along its whole height, or on
/// its handle halfway down, drawn at `ui_scale`.
bool divider_hit(double divider_x, core::ScreenPx pointer, double top, double bottom, float ui_scale);

/// `panel` moved sideways, if it covers the divider at `divider_x`, to the side with more room
/// (kept inside `area`), so the divider stays grabbable; unchanged when clear of it.
PanelRect clear_of_divider(PanelRect panel, double divider_x, PanelRect area);

/// The before/after panel: the left date (typed, or pinned from the slider), the right date
/// (the slider's), the divider, swap, close. Nothing when the view is off.
void draw_compare_panel(AppState& state);

/// The measure tool's readout for the status bar ("Measure: 3 points, 21.4 km · front 6.2 km").
/// Empty when the tool is off.
std::string measure_status(const AppState& state);

/// "12.4 km", "850 m", "1,234 km": a distance as the tool writes it.
std::string format_km(double km);

}  // namespace sitmap::ui
