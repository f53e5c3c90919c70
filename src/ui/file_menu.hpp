// File > Open (a path field with a folder browser), Open recent, Export events list, and the
// View menu's named views (built-in and saved) with "Save current view as...", plus the modal
// that names a file that could not be opened. Panels only raise requests in state.files; the app
// (app/window_files) reads and writes files. Part of sitmap_ui: no GL calls.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Items at the top of the File menu: Open..., Open recent >, Export events list...
void draw_file_menu_items(AppState& state);
/// Items of the View menu: Find a place..., the named views, the saved ones, Save current view as...
void draw_view_menu_items(AppState& state);
/// The Open dialog, the export-list dialog, the save-view prompt and the error modal.
void draw_file_dialogs(AppState& state);
/// Opens the Open dialog on `dir` (the folder it lists; empty: the current directory).
void open_file_dialog(AppState& state, const std::string& dir = {});

}  // namespace sitmap::ui
