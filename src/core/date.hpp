// Civil dates for events and control periods: std::chrono calendar types (no hand-rolled day
// arithmetic), ISO-8601 parsing/formatting, and ranges with a precision. Part of sitmap_core.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitmap::core {

using Date = std::chrono::year_month_day;

enum class DatePrecision { Day, Month, Year, Decade };

std::string_view precision_name(DatePrecision p);  ///< "day", "month", "year", "decade"
std::optional<DatePrecision> parse_precision(std::string_view text);

/// An inclusive range of days with the precision of the evidence it came from.
/// "September 2023" is {2023-09-01, 2023-09-30, Month}; "19 September 2023" is a one-day range.
struct DateRange {
    Date start;
    Date end;
    DatePrecision precision = DatePrecision::Day;

    bool contains(Date d) const {
        return std::chrono::sys_days(d) >= std::chrono::sys_days(start) &&
               std::chrono::sys_days(d) <= std::chrono::sys_days(end);
    }
    bool overlaps(const DateRange& o) const {
        return std::chrono::sys_days(start) <= std::chrono::sys_days(o.end) &&
               std::chrono::sys_days(o.start) <= std::chrono::sys_days(end);
    }
};

/// Days since 1970-01-01 (what the renderer and GPU-side filters use).
inline std::int32_t day_number(Date d) {
    return static_cast<std::int32_t>(std::chrono::sys_days(d).time_since_epoch().count());
}
inline Date date_from_day_number(std::int32_t n) {
    return Date(std::chrono::sys_days(std::chrono::days(n)));
}

/// Strict "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
/// "YYYY-MM-DD".
std::string format_iso(Date d);
/// Parses "YYYY-MM-DD" or throws sitmap::UsageError quoting the value and naming `what` (e.g. "--date").
Date parse_date_arg(std::string_view text, std::string_view what);

}  // namespace sitmap::core
