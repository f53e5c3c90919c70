// The briefing editor's per-slide settings, below the slide's title, caption and date: which
// layers, events and time window it shows, its presenter notes, and its annotations (add by kind,
// select, edit text and shape, delete; the map side is app/annotation_editor). Also the presenter
// notes panel shown during F5. ImGui only: edits AppState, never draws map content.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// The settings of slide `b.current` (call inside the Briefing window).
void draw_slide_settings(AppState& state, core::Slide& slide);

/// While presenting: the current slide's notes in a panel at the bottom left (N hides it). The
/// panel is ImGui's, drawn over the window only: exports and `render --briefing` never show it.
void draw_presenter_notes(AppState& state);

/// Marks the current slide edited: the briefing is dirty and the window recomposes its frame.
void slide_edited(AppState& state);

}  // namespace sitmap::ui
