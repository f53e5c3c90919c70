#include "ui/time_axis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace sitmap::ui {

namespace {

using namespace std::chrono;

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

enum class Step { Year, Quarter, Month, Week, Day };

// The first of the month `n` months after `d`'s month.
core::Date add_months(core::Date d, int n) {
    const year_month ym = d.year() / d.month() + months(n);
    return core::Date{ym.year(), ym.month(), std::chrono::day(1)};
}

// The first tick of a step on or after `d`.
core::Date first_tick(Step s, core::Date d) {
    const core::Date month_start{d.year(), d.month(), std::chrono::day(1)};
    const core::Date month = month_start == d ? d : add_months(d, 1);
    switch (s) {
        case Step::Year: {
            const core::Date y{d.year(), January, std::chrono::day(1)};
            return y == d ? y : core::Date{d.year() + years(1), January, std::chrono::day(1)};
        }
        case Step::Quarter: {
            core::Date m = month;
            while ((static_cast<unsigned>(m.month()) - 1) % 3 != 0) m = add_months(m, 1);
            return m;
        }
        case Step::Month:
            return month;
        case Step::Week:
            return core::Date{sys_days(d) + (Monday - weekday{sys_days(d)})};
        case Step::Day:
            return d;
    }
    return d;
}

core::Date next_tick(Step s, core::Date d) {
    switch (s) {
        case Step::Year:
            return core::Date{d.year() + years(1), January, std::chrono::day(1)};
        case Step::Quarter:
            return add_months(d, 3);
        case Step::Month:
            return add_months(d, 1);
        case Step::Week:
            return core::Date{sys_days(d) + days(7)};
        case Step::Day:
            return core::Date{sys_days(d) + days(1)};
    }
    return d;
}

// "2021" on a year's first tick, "Oct" for months and quarters, "12 Oct" for weeks and days.
std::string label_of(Step s, core::Date d) {
    const unsigned m = static_cast<unsigned>(d.month());
    const bool new_year = m == 1 && static_cast<unsigned>(d.day()) == 1;
    switch (s) {
        case Step::Year:
            return fmt::format("{}", static_cast<int>(d.year()));
        case Step::Quarter:
        case Step::Month:
            return new_year ? fmt::format("{}", static_cast<int>(d.year())) : kMonths[m - 1];
        case Step::Week:
        case Step::Day:
            return fmt::format("{} {}", static_cast<unsigned>(d.day()), kMonths[m - 1]);
    }
    return {};
}

// Typical spacing of a step in days, to pick the finest that leaves room for labels.
double step_days(Step s) {
    switch (s) {
        case Step::Year:
            return 365.25;
        case Step::Quarter:
            return 91.3;
        case Step::Month:
            return 30.4;
        case Step::Week:
            return 7;
        case Step::Day:
            return 1;
    }
    return 1;
}

}  // namespace

std::vector<DateTick> date_ticks(std::int32_t from_day, std::int32_t to_day, float width_px, float min_label_px) {
    std::vector<DateTick> out;
    if (to_day <= from_day || width_px <= 0) return out;
    const double px_per_day = width_px / static_cast<double>(to_day - from_day);
    Step step = Step::Year;
    for (Step s : {Step::Day, Step::Week, Step::Month, Step::Quarter, Step::Year}) {
        step = s;
        if (step_days(s) * px_per_day >= min_label_px) break;
    }
    // Decades of data on a narrow slider: every 2nd, 5th or 10th year (years divisible by it).
    int stride = 1;
    if (step == Step::Year)
        for (int k : {1, 2, 5, 10, 20}) {
            stride = k;
            if (step_days(Step::Year) * k * px_per_day >= min_label_px) break;
        }
    const core::Date last = core::date_from_day_number(to_day);
    for (core::Date d = first_tick(step, core::date_from_day_number(from_day)); sys_days(d) <= sys_days(last);
         d = next_tick(step, d)) {
        if (stride > 1 && static_cast<int>(d.year()) % stride != 0) continue;
        const std::int32_t day = core::day_number(d);
        out.push_back({day, static_cast<float>((day - from_day) * px_per_day), label_of(step, d)});
        if (out.size() > 4000) break;  // a guard; the spacing rule keeps counts to width / min_label_px
    }
    return out;
}

PlayStep play_step(std::int32_t day, std::int32_t days_on, std::int32_t first_day, std::int32_t last_day, bool loop) {
    const std::int32_t next = day + days_on;
    if (next <= last_day) return {next, true};
    if (loop) return {first_day + (next - last_day - 1) % std::max(1, last_day - first_day + 1), true};
    return {last_day, false};
}

WindowRange range_window(std::int32_t a_day, std::int32_t b_day) {
    const std::int32_t lo = std::min(a_day, b_day), hi = std::max(a_day, b_day);
    WindowRange r;
    r.window.kind = core::WindowKind::Custom;
    r.window.custom_days = std::clamp(hi - lo + 1, 1, 3650);
    r.date = core::date_from_day_number(hi);
    return r;
}

}  // namespace sitmap::ui
