// What of the events is shown: the time window ending at the slider's date (with fading by age),
// filters (type, actor, document, free text, confidence), grouping of events at the same place,
// events known only to a region or country (listed beside the map, never drawn on it), events
// dated only to a span, histogram bins and previous/next navigation. Pure functions over
// core::Event; the renderer and the UI use them. Part of sitmap_core: no GL, GDAL or ImGui.
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

/// Longest day-precision range (in days) still drawn as dated: "19-20 September" is, "27 September
/// - 9 November" (the 44-day war) is not.
inline constexpr int kMaxDatedSpanDays = 3;

/// True when `d` says only that something happened within a span: month, year or decade
/// precision, or a day-precision range longer than kMaxDatedSpanDays days.
bool is_time_span(const DateRange& d);

/// The day an event is placed on for the time window, the histogram and previous/next: its first
/// day, or for a span (is_time_span) its last day, because only then do we know it had happened.
/// So "during the 44-day war" shows once, when the slider reaches 9 November 2020, and ages from
/// there; it is never "fresh" on every day of the war.
Date placed_date(const DateRange& d);

/// The time window: events whose date range overlaps [end - span + 1 day, end] are shown; an event
/// dated only to a span (is_time_span) is shown when the window contains its last day.
struct TimeWindow {
    WindowKind kind = WindowKind::Week;
    int custom_days = 14;  ///< used when kind == Custom (1..3650)
    /// Length in days (Day 1, Week 7, Month 30, Custom custom_days); nullopt for All.
    std::optional<int> days() const;
};

struct EventFilter {
    std::set<EventType> types;        ///< empty = every type
    std::string actor;                ///< case/diacritic-insensitive substring of actor or target; empty = any
    std::set<std::string> documents;  ///< document file names; empty = every document
    std::string text;                 ///< case/diacritic-insensitive substring of place, summary, quote, actor
    double min_confidence = 0;        ///< events with a lower confidence are not shown (0 = all)
    bool include_deleted = false;     ///< deleted events (see event_edits.hpp) are hidden unless set
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
/// so it is cheap to call before every search (refresh() does the same for one event). select_events and friends keep
/// one per thread, per events vector, internally; build one yourself only to search outside those functions.
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

/// Events passing `filter` and `window` ending at `date`, sorted by placed_date then index.
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
/// (inclusive); an event counts in the bin of its placed_date.
std::vector<int> event_histogram(const std::vector<Event>& events, const EventFilter& filter, Date from, Date to,
                                 int bin_days);

/// The nearest placed_date of an event passing `filter` strictly after / before `date`.
std::optional<Date> next_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date);
std::optional<Date> previous_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date);

/// Nominal radius in metres of an event's location precision (point 0; district ~15 km; region
/// ~40 km; country ~120 km). District events are drawn with a ring of that size; region and
/// country events are not drawn on the map at all (see OffMapSummary).
double precision_radius_m(LocationPrecision p);

/// How strongly an event of this confidence (0..1) is drawn: 1 from 0.6 up, falling linearly to
/// 0.35 at 0.15 and below, so weak events look weak on screen and in exports alike. The range is
/// that of the confidence model's calibrated values (docs/confidence_model.md): few extracted
/// events are right more often than three times in five.
float confidence_alpha(double confidence);

// ---- events not drawn on the map --------------------------------------------------------------

/// Why an event that passes the window and the filters has no symbol on the map.
enum class OffMapReason {
    Region,      ///< its place is known only to a region ("somewhere in Karabakh")
    Country,     ///< known only to a country ("Armenia")
    NoPosition,  ///< no place could be located
};

/// Nullopt when `e` is drawn on the map (a position known to a point or a district).
std::optional<OffMapReason> off_map_reason(const Event& e);

/// Visible events of one place that are not on the map.
struct OffMapGroup {
    OffMapReason reason = OffMapReason::Region;
    std::string place;                 ///< the event's place (or its words when unnamed); empty for NoPosition
    std::vector<std::size_t> members;  ///< indices into the events vector, in visible order
};

/// What the strip beside the map lists: the visible events not drawn, per place.
struct OffMapSummary {
    std::vector<OffMapGroup> groups;  ///< most members first, then by label
    std::size_t region_or_country = 0;
    std::size_t no_position = 0;
    std::size_t total() const { return region_or_country + no_position; }
};

/// Splits `visible` (from select_events) into what is drawn and what is not: returns the summary
/// of those not drawn, and when `on_map` is given fills it with the rest (in visible order).
OffMapSummary summarize_off_map(const std::vector<Event>& events, const std::vector<VisibleEvent>& visible,
                                std::vector<VisibleEvent>* on_map = nullptr);

/// "somewhere in Karabakh", "Armenia (country)", "place not located".
std::string off_map_label(const OffMapGroup& g);

/// The line every export carries: "14 events known only to a region or country are not drawn"
/// (and "2 without a located place" when there are such). Empty when every event is drawn.
std::string off_map_sentence(const OffMapSummary& s);

}  // namespace sitmap::core
