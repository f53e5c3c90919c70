// Presenter notes during F5: what the presenter's own window shows (the current slide's title and
// notes, the next slide's title, the time since the presentation started, slide n of N) and the
// key that shows or hides that window. The notes are never drawn in the presented window, on the
// map or in exports. ImGui only; the second window itself is app/notes_window.
#pragma once
#include "ui/app_state.hpp"

#include <string>

namespace sitmap::ui {

/// The texts of the notes window for the briefing's current slide, `elapsed_s` seconds into the
/// presentation.
struct PresenterNotesText {
    std::string counter;  ///< "Slide 3 / 9"
    std::string elapsed;  ///< "04:12" (or "1:02:05" past an hour)
    std::string title;    ///< the current slide's title, or "(untitled)"
    std::string notes;    ///< the current slide's notes, or "(no notes for this slide)"
    std::string next;     ///< "Next: <title>", or "Last slide"
};
PresenterNotesText presenter_notes_text(const BriefingUiState& b, double elapsed_s);

/// While presenting: N shows or hides the presenter notes window (brief.show_notes).
void handle_presenter_notes_key(AppState& state);

/// Fills the current ImGui context's whole viewport with presenter_notes_text (call between the
/// notes window's NewFrame and Render).
void draw_presenter_notes_window(const AppState& state, double elapsed_s);

}  // namespace sitmap::ui
