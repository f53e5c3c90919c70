// The event part of AppState: the editable events, what is shown (time window, filter), the
// selection, panel visibility and the hooks through which the app saves and journals edits.
// The UI never does file I/O itself; it raises requests the app loop fulfils.
#pragma once
#include "core/event.hpp"
#include "core/event_edits.hpp"
#include "core/event_view.hpp"
#include "core/gazetteer.hpp"
#include "core/review.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::ui {

/// Title and source of a document, for the details panel.
struct DocumentInfo {
    std::string title;
    std::string source;
    std::string published;  ///< ISO date or empty
    std::string url;        ///< the document's source URL (its URL or Source header), or empty
};

/// One line of the "not on the map" strip, picked to limit the events list to its events.
struct OffMapPick {
    core::OffMapReason reason = core::OffMapReason::Region;
    std::string place;
    std::string label;  ///< as the strip shows it ("somewhere in Karabakh")
};

/// Review mode (R): a compact panel stepping through the events in `order`, one key per decision.
struct ReviewUiState {
    bool active = false;
    core::ReviewOrder order = core::ReviewOrder::Confidence;
    bool skip_reviewed = true;  ///< after a decision, move on to the next unreviewed event
    std::string reviewer;       ///< recorded as each decision's author (core::current_user_name())

    /// The queue: indices into events.events(), rebuilt when the events, the order or the filter
    /// change; `current_key` (an event_key) keeps the place across rebuilds.
    std::vector<std::size_t> queue;
    std::size_t queue_key = static_cast<std::size_t>(-1);
    std::string current_key;

    enum class Editor { None, Place, Date };
    Editor editor = Editor::None;
    bool focus_editor = false;  ///< give the editor's text field the keyboard on the next frame
    int focus_frames = 0;       ///< frames spent waiting for that focus (gives up after a few)
    std::string place_query;
    std::vector<core::PlaceHit> place_hits;
    int place_cursor = 0;  ///< highlighted hit (Up/Down)
    std::string date_text;
    std::string date_error;  ///< what the last bad date input lacked; the old date is kept
    std::string message;     ///< last decision, for the panel

    /// Gazetteer for the place search (loaded by the app; null when it could not be read).
    std::shared_ptr<const core::Gazetteer> gazetteer;
    std::shared_ptr<const core::PlaceSearch> places;
};

/// A floating panel's rectangle in window pixels (ImGui coordinates).
struct PanelRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct EventUiState {
    core::EditableEvents events;
    core::EventFilter filter;
    core::TimeWindow window;
    std::map<std::string, DocumentInfo> documents;  ///< by document file name
    std::vector<std::string> document_names;        ///< sorted, for the filter
    /// Other-side names for places ("Khankendi" -> "Stepanakert"), from the places layer.
    std::map<std::string, std::string> alt_names;

    std::optional<std::size_t> selected;  ///< index into events.events()
    std::vector<std::size_t> fanned;      ///< members of the group spread out by a click

    // Visible events, recomputed by the app when the date, filter, window or edits change.
    std::vector<core::VisibleEvent> visible;
    std::vector<std::vector<std::size_t>> marker_members;  ///< per marker drawn (see app/event_markers)
    /// Visible events with no symbol on the map (region/country only, or not located), per place:
    /// the strip beside the map lists them.
    core::OffMapSummary off_map;
    /// Set by a click on a strip line: the events list shows only that place's events in the window.
    std::optional<OffMapPick> list_off_map;

    bool show_list = false;  ///< E opens it; closed at start so it does not cover the map
    bool show_details = true;
    bool show_off_map = true;  ///< the "not on the map" strip
    bool show_help = false;
    bool add_mode = false;   ///< the next click on the map adds an event there
    PanelRect details_rect;  ///< where the Event panel was last drawn (empty while closed)
    bool list_in_window_only = false;
    bool filter_changed = true;  ///< set by panels; the app recomputes `visible` and redraws
    ReviewUiState review;

    /// `filter` as the map draws it: deleted and rejected events hidden, review states attached
    /// (the spans point into `events`: use the result before the next edit).
    core::EventFilter drawn_filter() const {
        core::EventFilter f = filter;
        f.deleted = events.hidden_flags();
        f.review_states = events.review_states();
        return f;
    }

    /// Called after every applied edit (the app journals it for crash recovery).
    std::function<void(const core::EventEdit&)> on_edit;
    /// Called after undo (journal) and redo (journal the re-applied edit).
    std::function<void()> on_undo;
    bool save_requested = false;
    std::string save_as_requested;  ///< a path to save to instead ("Save as"), empty when none
    bool undo_requested = false;    ///< from the Edit menu (panels cannot call undo_edit themselves)
    bool redo_requested = false;
    std::string edits_path;  ///< where Save writes (GeoPackage)
    std::string message;     ///< last save/recovery message for the status line
};

}  // namespace sitmap::ui
