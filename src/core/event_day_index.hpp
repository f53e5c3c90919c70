// EventDayIndex: the events ordered by the day they are placed on (placed_date), so that the
// events of a time window are one contiguous run found by binary search instead of a scan of
// every event. With it, moving the date costs in proportion to the window's events (a week's
// few thousand at 1,000,000 events), not to all of them. Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/event.hpp"
#include "core/event_view.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace sitmap::core {

class EventDayIndex {
public:
    /// One event as the window test needs it: 12 bytes, so a window's candidates are read
    /// without touching the (several hundred byte) Events themselves.
    struct Entry {
        std::int32_t placed;  ///< day_number of placed_date
        std::int32_t last;    ///< day_number of the date range's last day
        std::uint32_t index;  ///< into the events vector
    };

    EventDayIndex() = default;
    /// Orders `events` by (placed day, index). Linear (a counting sort over the days).
    explicit EventDayIndex(const std::vector<Event>& events);

    /// Entries whose placed day lies in [first, last], in (placed day, index) order.
    std::span<const Entry> placed_between(std::int32_t first, std::int32_t last) const;
    /// Entries placed on or before `last` (the All window), in the same order.
    std::span<const Entry> placed_until(std::int32_t last) const;
    /// The longest (last - placed) of any event: a window starting on day s sees events placed
    /// from s - max_lead() on.
    std::int32_t max_lead() const { return max_lead_; }
    std::size_t size() const { return entries_.size(); }

private:
    std::vector<Entry> entries_;
    std::int32_t max_lead_ = 0;
};

/// select_events over the window's run of `index` (built from `events`, unchanged since): the
/// same events in the same order as select_events(events, filter, window, date), at a cost in
/// proportion to the events placed in the window rather than to all events.
std::vector<VisibleEvent> select_events(const std::vector<Event>& events, const EventDayIndex& index,
                                        const EventFilter& filter, const TimeWindow& window, Date date);

}  // namespace sitmap::core
