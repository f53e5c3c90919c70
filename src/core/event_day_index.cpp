#include "core/event_day_index.hpp"

#include "core/event_view.hpp"

#include <algorithm>
#include <limits>

namespace sitmap::core {

EventDayIndex::EventDayIndex(const std::vector<Event>& events) {
    const std::size_t n = events.size();
    std::vector<Entry> unsorted(n);
    std::int32_t lo = std::numeric_limits<std::int32_t>::max(), hi = std::numeric_limits<std::int32_t>::min();
    for (std::size_t i = 0; i < n; ++i) {
        const DateRange& d = events[i].date;
        const Entry e{day_number(placed_date(d)), day_number(d.end), static_cast<std::uint32_t>(i)};
        unsorted[i] = e;
        lo = std::min(lo, e.placed);
        hi = std::max(hi, e.placed);
        max_lead_ = std::max(max_lead_, e.last - e.placed);
    }
    if (n == 0) return;
    // Counting sort by day when the days span a sane range (stable, so indices stay ascending
    // within a day); a comparison sort for anything stranger (dates centuries apart).
    const std::int64_t span = static_cast<std::int64_t>(hi) - lo + 1;
    if (span <= static_cast<std::int64_t>(4 * n + 100'000)) {
        std::vector<std::uint32_t> start(static_cast<std::size_t>(span) + 1, 0);
        for (const Entry& e : unsorted) ++start[static_cast<std::size_t>(e.placed - lo) + 1];
        for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
        entries_.resize(n);
        for (const Entry& e : unsorted) entries_[start[static_cast<std::size_t>(e.placed - lo)]++] = e;
    } else {
        entries_ = std::move(unsorted);
        std::stable_sort(entries_.begin(), entries_.end(),
                         [](const Entry& a, const Entry& b) { return a.placed < b.placed; });
    }
}

std::span<const EventDayIndex::Entry> EventDayIndex::placed_between(std::int32_t first, std::int32_t last) const {
    if (last < first) return {};
    const auto by_day = [](const Entry& e, std::int32_t d) { return e.placed < d; };
    const auto b = std::lower_bound(entries_.begin(), entries_.end(), first, by_day);
    const auto e =
        std::lower_bound(b, entries_.end(), last == std::numeric_limits<std::int32_t>::max() ? last : last + 1, by_day);
    if (last == std::numeric_limits<std::int32_t>::max()) return {b, entries_.end()};
    return {b, e};
}

std::span<const EventDayIndex::Entry> EventDayIndex::placed_until(std::int32_t last) const {
    return placed_between(std::numeric_limits<std::int32_t>::min(), last);
}

}  // namespace sitmap::core
