// What of the events is shown: the time window ending at the slider's date (with fading by age),
// filters (type, actor, document, free text), grouping of events at the same place, histogram
// bins and previous/next navigation. Pure functions over core::Event; the renderer and the UI use
// them. Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/geometry.hpp"
#include "core/projector.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
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

    /// True when `e` passes every criterion except the time window.
    bool matches(const Event& e) const;
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
