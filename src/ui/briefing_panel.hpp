// ImGui panels for briefings and exports: the slide list (add current view, reorder, edit,
// delete, load, save, present) and the export dialog. Edit AppState only; requests go to the app.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

void draw_briefing_panel(AppState& state);
void draw_export_dialog(AppState& state);
/// In presentation mode: the slide counter and key hints at the bottom.
void draw_presentation_overlay(AppState& state);

}  // namespace sitmap::ui
