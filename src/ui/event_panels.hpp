// ImGui panels for events: the list (filters + sortable table), the details panel (source sentence
// with the place and date words highlighted, and editing), the timeline strip (histogram,
// previous/next event, time window), the "not on the map" strip and the F1 help overlay. They edit AppState only.
#pragma once
#include "core/date.hpp"
#include "ui/app_state.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace sitmap::ui {

/// Applies an edit to the events, journals it through ev.on_edit, and marks the map for redraw.
/// An empty author is filled with the reviewer's name (ev.review.reviewer).
bool apply_edit(AppState& state, core::EventEdit edit);
void undo_edit(AppState& state);
void redo_edit(AppState& state);

/// The source sentence of `e`, wrapped, with its place and date words highlighted; with a
/// gazetteer, every name of the event's place is highlighted too.
void draw_source_sentence(const core::Event& e, const core::Gazetteer* gazetteer = nullptr);
/// "✓ accepted" / "✗ rejected" / "not reviewed", with who and when in a tooltip.
void draw_review_mark(const core::ReviewMark& m);

/// Selects event `index`: centres the map on it and moves `date` to its start date.
void select_event(AppState& state, std::size_t index, core::Date& date);

/// The events list's rows (indices into ev.events.events()): with "only events in the time window"
/// (or a "not on the map" line picked) the visible events; otherwise every event passing the filter on
/// any date, deleted and rejected ones included (greyed), so the slider's date hides nothing.
std::vector<std::size_t> event_list_rows(const EventUiState& ev);
/// The Document column: the document's title when known, else its file name.
std::string list_document_label(const EventUiState& ev, const std::string& document);

/// What the "Correct this event" form holds. sync() reloads it from the event whenever the
/// selection or the events changed (a drag, an undo, an edit from elsewhere), so the boxes show the
/// event as it is and pressing Move after a drag does not undo the drag.
struct CorrectionForm {
    std::size_t index = static_cast<std::size_t>(-1);
    std::size_t revision = static_cast<std::size_t>(-1);
    double lat = 0, lon = 0;
    std::string start, end;
    int precision = 0, type = 0, location_precision = 0;
    std::string place_query;
    std::string actor, target, summary, note;
    void sync(const core::Event& e, std::size_t event_index, std::size_t events_revision);
};

/// Filters and the sortable event table (clipped, so 1,000,000 rows stay fast).
void draw_event_list(AppState& state, core::Date& date);

/// Where one entry of the type filter went (screen pixels: checkbox, symbol and name).
struct TypeFilterEntry {
    core::EventType type;
    float x0, y0, x1, y1;
};
/// The events list's type filter, drawn into the current ImGui window: a checkbox per type with its
/// map symbol and name, in as many columns as the widest entry leaves room for, so no name is cut.
/// Sets `*changed` when a box was toggled. Returns where each entry went.
std::vector<TypeFilterEntry> draw_type_filter(core::EventFilter& filter, bool* changed = nullptr);
/// Details and editing of the selected event.
void draw_event_details(AppState& state, core::Date& date);
/// Histogram of events between `from` and `to` with the shown `date` marked; clicking a bar jumps
/// there. Also previous/next event buttons and the time-window selector. Returns its height.
float draw_event_timeline(AppState& state, core::Date& date, core::Date from, core::Date to, float bottom_inset);
/// The strip along the map's left edge, above the bottom panels: visible events that have no symbol
/// on the map (known only to a region or country, or not located), one line per place with its
/// count; a click opens the events list limited to that line's events.
void draw_off_map_strip(AppState& state, float bottom_inset);
/// While add mode is on (A), a banner at the top of the map saying so, with a Cancel button.
void draw_add_mode_banner(AppState& state);
/// The legend of event symbols (also used in exports through the renderer's legend).
void draw_event_legend(AppState& state);
/// F1: every shortcut.
void draw_help_overlay(AppState& state);

}  // namespace sitmap::ui
