// What of the events is shown: the time window ending at the slider's date (with fading by age),
// filters (type, actor, document, free text), grouping of events at the same place, histogram
// bins and previous/next navigation. Pure functions over core::Event; the renderer and the UI use
// them. Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/geometry.hpp"
#include "core/projector.hpp"
#include "core/review.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

enum class WindowKind { Day, Week, Month, All, Custom };

/// The time window: events whose date range overlaps [end - span + 1 day, end] are shown.
struct TimeWindow {
    WindowKind kind = WindowKind::Week;
    int custom_days = 14;  ///< used when kind == Custom (1..3650)
    /// Length in days (Day 1, Week 7, Month 30, Custom custom_days); nullopt for All.
    std::optional<int> days() const;
};

struct EventFilter {
    std::set<EventType> types;          ///< empty = every type
    std::string actor;                  ///< case/diacritic-insensitive substring of actor or target; empty = any
    std::set<std::string> documents;    ///< document file names; empty = every document
    std::string text;                   ///< case/diacritic-insensitive substring of place, summary, quote, actor
    bool include_deleted = false;       ///< deleted events (see event_edits.hpp) are hidden unless set
    /// Which events are deleted, per index of the events vector passed to select_events,
    /// event_histogram and next/previous_event_date (nonzero = deleted); normally
    /// EditableEvents::deleted_flags(). Empty (or shorter than the vector) = the rest are not deleted.
    /// A view: the vector it points into must outlive the calls.
    std::span<const char> deleted;
    /// Which review states pass (see core/review.hpp); Any by default.
    ReviewFilter review = ReviewFilter::Any;
    /// Each event's ReviewState as a char, per index like `deleted` (normally
    /// EditableEvents::review_states()). Empty (or shorter) = the rest are unreviewed. A view.
    std::span<const char> review_states;

    /// True when `e` passes every criterion except the time window. `e` itself carries no deleted
    /// flag or review state, so this overload treats it as not deleted and unreviewed. Folds `e`'s text on every call:
    /// for many events use select_events (which caches folded text).
    bool matches(const Event& e) const;
    /// The same, for an event whose deleted state is known.
    bool matches(const Event& e, bool is_deleted) const;
};

/// Folded (lower-case ASCII, diacritics stripped, scripts transliterated: see fold_for_match) copies
/// of each event's searchable text, so that a text search over 100,000 events is a plain substring
/// scan. update() re-folds only events whose text changed (checked by a 64-bit hash of the fields),
/// so it is cheap to call before every search (refresh() does the same for one event). select_events and friends keep one per thread, per
/// events vector, internally; build one yourself only to search outside those functions.
class FoldedIndex {
public:
    /// Brings the index up to date with `events` (same indices). Linear in the text size.
    void update(const std::vector<Event>& events);
    /// Brings only entry `i` up to date with events[i] (growing the index to events.size() first):
    /// a hash of its fields, and a re-fold only if they changed. Searches call this for the events
    /// that passed the cheap criteria, so a week's window checks a week's events, not all.
    void refresh(const std::vector<Event>& events, std::size_t i);
    /// Folded "place, place_text, summary, quote, actor" of event `i`, fields separated by '\n'.
    std::string_view text(std::size_t i) const { return entries_[i].text; }
    /// Folded "actor\ntarget" of event `i`.
    std::string_view actor(std::size_t i) const { return entries_[i].actor; }
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint64_t hash = 0;
        bool valid = false;
        std::string text;
        std::string actor;
    };
    std::vector<Entry> entries_;
};

/// An event that passes the filter and the window, with its age for fading:
/// 0 = on the window's end date, 1 = at the window's start (always 0 for WindowKind::All).
struct VisibleEvent {
    std::size_t index = 0;  ///< into the events vector
    float age = 0;
};

/// Events passing `filter` and `window` ending at `date`, sorted by date then index.
/// Cost: linear in events; must stay < 50 ms for 100,000 events (bench/bench_events).
std::vector<VisibleEvent> select_events(const std::vector<Event>& events, const EventFilter& filter,
                                        const TimeWindow& window, Date date);

/// Events drawn as one symbol: those within `radius_px` of each other at the given zoom, or at the
/// same named place. `centre` is the members' mean position (projected); `precision` the coarsest.
struct EventGroup {
    WorldXY centre;
    std::vector<std::size_t> members;  ///< indices into the events vector
    LocationPrecision precision = LocationPrecision::Point;
};

/// Groups visible events with a position for display at `metres_per_pixel`. Deterministic.
/// Cost: O(n log n) (grid hashing), < 10 ms for 100,000 events.
std::vector<EventGroup> group_events(const std::vector<Event>& events, const std::vector<VisibleEvent>& visible,
                                     const Projector& projector, double metres_per_pixel, double radius_px);

/// Counts of events passing `filter` per bin of `bin_days` days from `from` (inclusive) to `to`
/// (inclusive); an event counts in the bin of its start date.
std::vector<int> event_histogram(const std::vector<Event>& events, const EventFilter& filter, Date from, Date to,
                                 int bin_days);

/// The first start date of an event passing `filter` strictly after / before `date`.
std::optional<Date> next_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date);
std::optional<Date> previous_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date);

/// Nominal radius in metres drawn for an event's location precision (point 0; district ~15 km;
/// region ~40 km; country ~120 km). The renderer draws a ring of that size, never a dot.
double precision_radius_m(LocationPrecision p);

}  // namespace sitmap::core
