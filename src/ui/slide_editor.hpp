// The briefing editor's per-slide settings, below the slide's title, caption and date: which
// layers, events and time window it shows, its presenter notes, and its annotations (add by kind,
// select, edit text and shape, delete; the map side is app/annotation_editor). The presenter
// notes shown during F5 are ui/presenter_notes. ImGui only: edits AppState, never draws map content.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// The settings of slide `b.current` (call inside the Briefing window).
void draw_slide_settings(AppState& state, core::Slide& slide);

/// Marks the current slide edited: the briefing is dirty and the window recomposes its frame.
void slide_edited(AppState& state);

}  // namespace sitmap::ui
