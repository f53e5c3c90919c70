// Which events the events list holds, as one query shared by the window's list export and the
// `sitmap events` verb: the event filter (type, actor, documents, text, confidence, review state,
// deleted) plus an optional date range. Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/event_view.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

struct ListQuery {
    EventFilter filter;        ///< deleted/review spans index the events vector, as for select_events
    std::optional<Date> from;  ///< first day (inclusive); none = no lower bound
    std::optional<Date> to;    ///< last day (inclusive); none = no upper bound
};

/// True when an event dated `d` falls in [from, to] as the map's time window counts it: a dated
/// event (day precision, up to kMaxDatedSpanDays) when its range overlaps the bounds, an event
/// known only to a span (is_time_span) when its last day (placed_date) lies inside them.
bool in_date_range(const DateRange& d, const std::optional<Date>& from, const std::optional<Date>& to);

/// Indices of the events passing `query`, ordered by placed_date, then document and id (stable,
/// whatever order the files gave). Linear in the events plus the sort.
std::vector<std::size_t> list_events(const std::vector<Event>& events, const ListQuery& query);

/// The date bounds of the time window `window` ending at `end` (both inclusive); nullopt bounds
/// for WindowKind::All.
ListQuery window_bounds(const TimeWindow& window, Date end, EventFilter filter);

/// Parses a --type value: one event type name or several joined by commas ("strike,capture").
/// Throws sitmap::UsageError quoting the bad name, naming `what` and listing the twelve types.
std::set<EventType> parse_event_types_arg(std::string_view text, std::string_view what = "--type");

}  // namespace sitmap::core
