// ImGui panels of the main window: layers, status bar, about/credits, diagnostics.
// Each edits AppState only; none draws map content.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Begins a full-width, undecorated panel docked `bottom_inset` pixels above the window's bottom
/// edge (status bar, date slider, events timeline). Always pair with ImGui::End().
bool begin_bottom_strip(const char* id, float height, float bottom_inset, float bg_alpha);

/// Main menu bar (View / Help). Returns its height in pixels.
float draw_menu_bar(AppState& state);
/// Layer visibility checkboxes and opacity sliders.
void draw_layers_panel(AppState& state);
/// Bottom status bar: cursor lat/lon, zoom, frame time, problem count. Returns its height.
float draw_status_bar(AppState& state);
/// Credits: data sources and licences, libraries.
void draw_about_panel(AppState& state);
/// Every diagnostic collected while loading (bad files, skipped features).
void draw_diagnostics_panel(AppState& state);

}  // namespace sitmap::ui
