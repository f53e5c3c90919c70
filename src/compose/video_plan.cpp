#include "compose/video_plan.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

namespace sitmap::compose {

FrameStep parse_frame_step(std::string_view text, std::string_view what) {
    if (text.size() >= 2) {
        const char unit = text.back();
        double n = 0;
        if ((unit == 'd' || unit == 'w' || unit == 'm') &&
            core::parse_double(std::string(text.substr(0, text.size() - 1)), n) && n >= 1 && n <= 3650 &&
            n == std::floor(n))
            return {static_cast<int>(n), unit};
    }
    throw usage_error("invalid {} '{}' (expected a count and unit: 1d, 7d, 2w, 1m)", what, text);
}

core::Date step_date(core::Date d, FrameStep step) {
    if (step.unit == 'm') {
        const auto ym = d.year() / d.month() + std::chrono::months(step.count);
        const core::Date next(ym / d.day());
        return next.ok() ? next : core::Date(ym / std::chrono::last);
    }
    return core::Date(std::chrono::sys_days(d) + std::chrono::days(step.count * (step.unit == 'w' ? 7 : 1)));
}

long estimate_frame_count(core::Date from, core::Date to, FrameStep step) {
    const long span_days = (std::chrono::sys_days(to) - std::chrono::sys_days(from)).count();
    if (span_days < 0) return 0;
    const long per_frame = step.unit == 'm' ? 28L * step.count : (step.unit == 'w' ? 7L : 1L) * step.count;
    return span_days / per_frame + 1;
}

std::vector<core::Date> frame_dates(core::Date from, core::Date to, FrameStep step) {
    std::vector<core::Date> out;
    for (core::Date d = from; std::chrono::sys_days(d) <= std::chrono::sys_days(to); d = step_date(d, step))
        out.push_back(d);
    return out;
}

double slide_ease(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

core::Camera interpolate_view(const core::Camera& from, const core::Camera& to, double t) {
    const double e = slide_ease(t);
    core::Camera out = to;
    out.set_centre({from.centre().x + (to.centre().x - from.centre().x) * e,
                    from.centre().y + (to.centre().y - from.centre().y) * e});
    const double a = std::log(from.metres_per_pixel()), z = std::log(to.metres_per_pixel());
    out.set_metres_per_pixel(std::exp(a + (z - a) * e));
    return out;
}

std::optional<core::Date> interpolate_date(std::optional<core::Date> from, std::optional<core::Date> to, double t) {
    if (!to) return std::nullopt;
    const auto a = core::day_number(from.value_or(*to)), z = core::day_number(*to);
    return core::date_from_day_number(a + static_cast<std::int32_t>(std::lround((z - a) * slide_ease(t))));
}

std::vector<BriefingShot> briefing_timeline(std::size_t slides, int fps, double hold_seconds) {
    std::vector<BriefingShot> out;
    const int hold = std::max(1, static_cast<int>(std::lround(hold_seconds * fps)));
    const int move = std::max(1, static_cast<int>(std::lround(kSlideTransitionSeconds * fps)));
    for (std::size_t s = 0; s < slides; ++s) {
        if (s > 0)
            for (int i = 1; i < move; ++i) out.push_back({s, static_cast<double>(i) / move});
        for (int i = 0; i < hold; ++i) out.push_back({s, 1.0});
    }
    return out;
}

}  // namespace sitmap::compose
