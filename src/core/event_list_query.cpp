#include "core/event_list_query.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

namespace sitmap::core {

bool in_date_range(const DateRange& d, const std::optional<Date>& from, const std::optional<Date>& to) {
    using std::chrono::sys_days;
    if (is_time_span(d)) {
        const sys_days p = sys_days(placed_date(d));
        return (!from || p >= sys_days(*from)) && (!to || p <= sys_days(*to));
    }
    return (!from || sys_days(d.end) >= sys_days(*from)) && (!to || sys_days(d.start) <= sys_days(*to));
}

std::vector<std::size_t> list_events(const std::vector<Event>& events, const ListQuery& query) {
    // select_events over every date applies the filter with its deleted and review spans (and its
    // cached folded text); the date bounds are applied here.
    const Date last{std::chrono::year(9999), std::chrono::December, std::chrono::day(31)};
    std::vector<std::size_t> out;
    for (const VisibleEvent& v : select_events(events, query.filter, TimeWindow{.kind = WindowKind::All}, last))
        if (in_date_range(events[v.index].date, query.from, query.to)) out.push_back(v.index);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        const auto da = day_number(placed_date(events[a].date)), db = day_number(placed_date(events[b].date));
        return std::tie(da, events[a].source.document, events[a].id) <
               std::tie(db, events[b].source.document, events[b].id);
    });
    return out;
}

ListQuery window_bounds(const TimeWindow& window, Date end, EventFilter filter) {
    ListQuery q{.filter = std::move(filter)};
    if (const auto days = window.days()) {
        q.to = end;
        q.from = date_from_day_number(day_number(end) - (*days - 1));
    }
    return q;
}

std::set<EventType> parse_event_types_arg(std::string_view text, std::string_view what) {
    std::set<EventType> out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const std::size_t comma = std::min(text.find(',', begin), text.size());
        std::string_view name = text.substr(begin, comma - begin);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        const auto t = parse_event_type(name);
        if (!t) {
            std::string names;
            for (EventType k : all_event_types) names += (names.empty() ? "" : ", ") + std::string(event_type_name(k));
            throw usage_error("invalid {} '{}' (expected one of: {}; several joined by commas)", what, name, names);
        }
        out.insert(*t);
        begin = comma + 1;
    }
    return out;
}

}  // namespace sitmap::core
