// Review mode (R): a compact panel that steps through the events in a chosen order (lowest
// confidence first, or document order), shows each one's source sentence with its place and date
// words highlighted, centres the map on it, and takes one key per decision: accept, reject, fix the
// place (a search over the gazetteer in any language), fix the date. Decisions are edits
// (core/event_edits.hpp), so they are journalled, saved and undone like every correction.
// Edits AppState only; no file I/O, no map drawing.
#pragma once
#include "core/date.hpp"
#include "core/event_edits.hpp"
#include "ui/app_state.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace sitmap::ui {

/// Starts review mode on the first unreviewed event of the queue (or ends it). `date` is the
/// shown date, moved to each event's date as review steps to it.
void toggle_review(AppState& state, core::Date& date);

/// Rebuilds the queue when the events, their order or the list's filters changed (events the
/// filters leave out, and deleted ones, are not in it; rejected ones stay, so a decision can be
/// changed). Keeps the current event when it is still queued.
void update_review_queue(AppState& state);

/// The current event's index in ev.events.events(), if review is active and the queue not empty.
std::optional<std::size_t> review_current(const AppState& state);

/// Moves `direction` (+1 next, -1 previous) through the queue; with `unreviewed_only`, to the
/// nearest event in that direction not yet reviewed. Selects it, centres the map on it and moves
/// `date` to it. Returns false (and stays) at either end.
bool review_step(AppState& state, core::Date& date, int direction, bool unreviewed_only = false);

/// Records `decision` (Accept, Reject or Unreview) on the current event, by ev.review.reviewer,
/// and (for Accept/Reject, when skip_reviewed is set) moves on to the next unreviewed event.
bool review_decide(AppState& state, core::Date& date, core::EventEdit::Kind decision);

/// Moves the current event to gazetteer place `place` (an index into the gazetteer): its name,
/// position and precision, in one Relocate edit. False without a gazetteer or current event.
bool review_relocate(AppState& state, std::size_t place);

/// Sets the current event's date from what the reviewer typed (core::parse_date_input). On bad
/// input the date stays as it was and ev.review.date_error says what is expected.
bool review_set_date(AppState& state, core::Date& date, std::string_view text);

/// Undoes the last edit (Ctrl+Z); in review mode, goes back to the event it changed.
void review_undo(AppState& state, core::Date& date);

/// Opens the place search (P) or the date field (D) for the current event.
void review_open_place(AppState& state);
void review_open_date(AppState& state);

/// Review keys (call only when no text field has the keyboard): Enter/Y accept, X/N reject,
/// U unreviewed, P place, D date, Space/Right next, Left previous, Esc leaves review mode.
void handle_review_keys(AppState& state, core::Date& date);

/// The compact panel, bottom left above `bottom_inset` (framebuffer pixels of bottom panels).
void draw_review_panel(AppState& state, core::Date& date, float bottom_inset);

}  // namespace sitmap::ui
