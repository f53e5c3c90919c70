// EventEdits: the user's corrections, kept apart from extracted events and re-applied after every
// re-extraction (keyed by document + event id, with the quote as a check), with undo/redo. Review
// decisions (accept, reject, back to unreviewed: core/review.hpp) are edits too, so they are
// journalled, saved, re-applied and undone the same way.
// Part of sitmap_core: no GL, GDAL or ImGui (io/event_store saves and recovers them).
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/event_day_index.hpp"
#include "core/geometry.hpp"
#include "core/review.hpp"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::core {

/// One correction. `key` is "document#event_id" of the target event (for Add, the new event's key,
/// "user#N"). Only the fields that the kind uses are meaningful. Relocate moves an event to a
/// gazetteer place (name, position and precision at once, as the review's place search does).
/// Accept, Reject and Unreview set its review state (Unreview: back to not reviewed). SetActor,
/// SetTarget, SetSummary and SetNote set that text field to `note` (empty clears it).
struct EventEdit {
    enum class Kind {
        Move,
        SetDate,
        SetType,
        SetPlace,
        Delete,
        Restore,
        Add,
        Relocate,
        Accept,
        Reject,
        Unreview,
        SetActor,
        SetTarget,
        SetSummary,
        SetNote
    };
    Kind kind = Kind::Move;
    std::string key;
    std::string quote_check;        ///< the target's quote when the edit was made (re-apply check)
    LonLat position;                ///< Move, Add, Relocate
    std::optional<DateRange> date;  ///< SetDate, Add
    std::optional<EventType> type;  ///< SetType, Add
    std::string place;              ///< SetPlace, Add, Relocate
    std::optional<LocationPrecision> location_precision;  ///< Move/SetPlace/Add/Relocate (optional)
    std::string note;       ///< the summary for Add; the new text for SetActor/SetTarget/SetSummary/SetNote
    std::string timestamp;  ///< ISO-8601 UTC when made (for the file; not compared)
    std::string author;     ///< who made it (login name), or empty when unknown
};

/// Who the reviewer is: $SITMAP_USER, else $USER, else $LOGNAME, else empty.
std::string current_user_name();

/// A review decision on one event: its state, and who made it when (empty while unreviewed).
struct ReviewMark {
    ReviewState state = ReviewState::Unreviewed;
    std::string author;
    std::string timestamp;
};

std::string event_key(const Event& e);  ///< "document#id"

/// "move", "set_date", "set_type", "set_place", "delete", "restore", "add", "relocate", "accept",
/// "reject", "unreview", "set_actor", "set_target", "set_summary", "set_note" (the names used in files).
std::string_view edit_kind_name(EventEdit::Kind k);
/// Inverse of edit_kind_name; nullopt for anything else.
std::optional<EventEdit::Kind> parse_edit_kind(std::string_view name);
/// The current time as ISO-8601 UTC ("2024-05-01T12:00:00Z"), for EventEdit::timestamp.
std::string utc_timestamp_now();

/// The merged view: extracted events with edits applied, plus added events, plus a deleted flag.
class EditableEvents {
public:
    /// Replaces the extracted events (e.g. after re-extraction) and re-applies every edit. Edits
    /// whose target no longer exists (or whose quote changed) are kept but reported by orphaned().
    void set_extracted(std::vector<Event> events);
    /// Replaces all edits (e.g. loaded from a file, so they count as saved) and re-applies them;
    /// clears undo/redo.
    void set_edits(std::vector<EventEdit> edits);

    /// Applies a new edit (clears the redo stack). Returns false when `edit.key` is unknown.
    /// Also returns false (and records nothing) when the edit lacks what its kind needs: SetDate
    /// without `date`, SetType without `type`, Add without `date`, Relocate without `place`. For Add an empty `key` is
    /// given the next "user#N" (see next_user_key()); the new event has document "user", id "N", the edit's place,
    /// position, date, type (default Other), precision (default Point) and `note` as summary. An empty `quote_check` is
    /// filled with the target's quote, an empty `timestamp` with the current time. Cost: constant plus the edit (undo
    /// re-applies all edits: linear).
    bool apply(EventEdit edit);
    bool can_undo() const;
    bool can_redo() const;
    void undo();
    void redo();

    const std::vector<Event>& events() const { return merged_; }    ///< extracted + added, edits applied
    bool deleted(std::size_t index) const;                          ///< per events() index
    bool edited(std::size_t index) const;                           ///< any edit applies to it
    const std::vector<EventEdit>& edits() const { return edits_; }  ///< the live edits, in order
    std::vector<std::string> orphaned() const;                      ///< keys of edits that found no event
    /// Index in events() of the event with this key.
    std::optional<std::size_t> find(const std::string& key) const;
    /// Per events() index, nonzero when deleted.
    const std::vector<char>& deleted_flags() const { return deleted_; }
    /// Per events() index, nonzero when deleted or rejected: what the map and exports never draw.
    /// Pass as EventFilter::deleted when drawing.
    const std::vector<char>& hidden_flags() const { return hidden_; }
    /// Per events() index, the ReviewState as a char: pass as EventFilter::review_states.
    const std::vector<char>& review_states() const { return review_; }
    ReviewState review_state(std::size_t index) const;  ///< Unreviewed for an index out of range
    /// The decision in force on event `index`, with the author and time of the edit that made it.
    ReviewMark review(std::size_t index) const;
    /// Counts of events (not deleted) per review state, indexed by ReviewState.
    std::array<std::size_t, 3> review_counts() const;
    /// The key the next Add would get: "user#N", N one more than any used so far.
    std::string next_user_key() const;
    /// Marks the state as unsaved (e.g. after recovering edits from a journal). set_edits and
    /// set_extracted leave dirty() as it was.
    void mark_dirty() { dirty_ = true; }

    /// Increments on every change (apply/undo/redo/set_*): views cache on it.
    std::size_t revision() const { return revision_; }
    /// events() ordered by day (core/event_day_index), built on first use after a change and kept
    /// until the next one, so moving the date selects a window's events without a scan of all.
    /// Not thread-safe: call it from the thread that changes the events.
    const EventDayIndex& day_index() const;
    /// Corrections that differ from the saved ones: edits made since the last save and saved edits
    /// undone since. An edit undone and redone, or made and undone, is no change.
    std::size_t unsaved_changes() const;
    bool dirty() const { return dirty_ || unsaved_changes() > 0; }  ///< changed since mark_saved()
    /// The live edits are what the file now holds.
    void mark_saved() {
        saved_ = edits_;
        dirty_ = false;
    }
    /// The edits the file holds (when more were recovered from a journal than it has).
    void set_saved(std::vector<EventEdit> saved) { saved_ = std::move(saved); }

private:
    void rebuild();
    /// Applies one edit to merged_; false when its target is missing, its quote check fails, or
    /// it lacks a required field. `edit_index` is its place in edits_ (for review_edit_).
    bool apply_to_merged(const EventEdit& edit, std::size_t edit_index);
    void changed();
    /// The extracted events are not kept in a second copy (at 1,000,000 events that copy was
    /// ~0.7 GB): merged_[0, extracted_count_) are they, except the events an edit changed, whose
    /// extracted state is kept here until rebuild() puts it back.
    std::size_t extracted_count_ = 0;
    std::unordered_map<std::size_t, Event> originals_;
    std::vector<EventEdit> edits_;
    std::vector<EventEdit> redo_;
    std::vector<EventEdit> saved_;  ///< as last saved (or loaded)
    std::vector<Event> merged_;
    std::vector<char> deleted_, edited_, hidden_, review_;
    std::vector<std::size_t> review_edit_;  ///< per merged_ index: edits_ index of the decision, or npos
    std::vector<std::string> orphaned_;
    std::unordered_map<std::string, std::size_t> index_;  ///< event_key -> merged_ index
    std::size_t revision_ = 0;
    bool dirty_ = false;
    mutable std::shared_ptr<const EventDayIndex> day_index_;  ///< of merged_ at day_index_revision_
    mutable std::size_t day_index_revision_ = 0;
};

}  // namespace sitmap::core
