// The control legend in the date panel at the bottom of the window: the keys of the states the
// map shows on the slider's date within the window's view (compose::control_keys, as the map's
// own date box and every export list them), so the line follows the date and the view.
// ImGui for drawing; draws no map content.
#pragma once
#include "compose/layout.hpp"
#include "ui/app_state.hpp"

#include <vector>

namespace sitmap::ui {

/// The keys the date panel lists: those of the states the map shows on state.date within the
/// camera's view (all keys when no date is set).
std::vector<compose::ControlKey> slider_legend_keys(const AppState& state);

/// Draws slider_legend_keys as one wrapped row of swatches and texts in the current ImGui window.
void draw_slider_legend(const AppState& state);

}  // namespace sitmap::ui
