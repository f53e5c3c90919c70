// The "Find a place" box (Ctrl+F, View > Find a place): type a name in any spelling or script,
// pick one of the gazetteer places listed as you type, and the map flies there. Matching is
// core::find_places; the flight is the app's (state.files.fly_to). Part of sitmap_ui.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Opens the box with the keyboard in its text field.
void open_find_place(AppState& state);
/// Refreshes state.files.find.matches for its query (core::find_places over the review place
/// search); call after the query changes. No gazetteer: no matches.
void update_place_matches(AppState& state);
/// Picks match `k`: requests a flight to its view box and closes the box.
void pick_place(AppState& state, std::size_t k);
/// The box itself; Ctrl+F toggles it (the caller checks the key).
void draw_find_place(AppState& state);

}  // namespace sitmap::ui
