#include "core/date.hpp"

#include "core/error.hpp"

#include <charconv>

namespace sitmap::core {

std::string_view precision_name(DatePrecision p) {
    switch (p) {
        case DatePrecision::Day:
            return "day";
        case DatePrecision::Month:
            return "month";
        case DatePrecision::Year:
            return "year";
        case DatePrecision::Decade:
            return "decade";
    }
    return "day";
}

std::optional<DatePrecision> parse_precision(std::string_view text) {
    if (text == "day") return DatePrecision::Day;
    if (text == "month") return DatePrecision::Month;
    if (text == "year") return DatePrecision::Year;
    if (text == "decade") return DatePrecision::Decade;
    return std::nullopt;
}

std::optional<Date> parse_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    auto num = [](std::string_view s, auto& out) {
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc{} && p == s.data() + s.size();
    };
    if (!num(t.substr(0, 4), y) || !num(t.substr(5, 2), m) || !num(t.substr(8, 2), d)) return std::nullopt;
    const Date date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string format_iso(Date d) {
    return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

Date parse_date_arg(std::string_view text, std::string_view what) {
    if (auto d = parse_iso_date(text)) return *d;
    throw usage_error("invalid {} '{}' (expected a calendar date YYYY-MM-DD, e.g. 2020-11-10)", what, text);
}

}  // namespace sitmap::core
