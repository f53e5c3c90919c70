// ImGui panels of the main window: layers, status bar, about/credits, diagnostics.
// Each edits AppState only; none draws map content.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Begins a full-width, undecorated panel docked `bottom_inset` pixels above the window's bottom
/// edge (status bar, date slider, events timeline). Always pair with ImGui::End().
bool begin_bottom_strip(const char* id, float height, float bottom_inset, float bg_alpha);

/// Heights of the bottom panels for a viewport, in pixels. `frame_h` is ImGui's frame height and
/// `line_h` the frame height with item spacing. Where the full panels would take more than a quarter
/// of the height (800x600) they are compact: the slider without its legend rows (the map carries its
/// own legend) and a shorter histogram. `narrow` (under 1500 px) shortens the slider's first row so
/// its controls are not cut off.
struct BottomLayout {
    float status = 0;
    float slider = 0;
    float timeline = 0;
    bool compact = false;
    bool narrow = false;
    float total() const { return status + slider + timeline; }
};
BottomLayout bottom_layout(float viewport_w, float viewport_h, float frame_h, float line_h);
/// The same, for the current ImGui frame.
BottomLayout bottom_layout();

/// A floating panel's rectangle moved and shrunk to lie inside `area` (both in pixels).
PanelRect keep_inside(PanelRect panel, PanelRect area);
/// Where on the map to put something the user selected so `panel` does not cover it: the centre of
/// `map` when the panel is clear of that point, else the centre of the largest part of `map` left
/// free beside, above or below the panel.
core::ScreenPx free_map_centre(PanelRect map, PanelRect panel);

/// Call right after ImGui::Begin of a floating panel: keeps it (close button included) inside the
/// window, between the menu bar (`top`) and the bottom panels (`bottom` pixels from the bottom edge).
void keep_panel_inside(float top, float bottom);

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
