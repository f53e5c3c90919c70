// The frames of an animation, planned without GL: the dates of a date range at a step, and the
// timeline of a briefing played as F5 plays it (each slide held, then the view and date easing to
// the next over the same transition). `sitmap render -o war.mp4`, `render --briefing -o talk.mp4`
// and the export dialog's video use these, and the window's presentation mode uses the same
// transition, so a video shows what the window shows. No GL, no ImGui, no FFmpeg.
#pragma once
#include "core/camera.hpp"
#include "core/date.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sitmap::compose {

/// Seconds a presentation (F5, a briefing video) takes to move from one slide to the next.
inline constexpr double kSlideTransitionSeconds = 1.2;

/// The step between animation frames: `count` days, weeks or months.
struct FrameStep {
    int count = 1;
    char unit = 'd';  ///< 'd', 'w' or 'm'
};

/// "1d", "7d", "2w", "1m" (count 1..3650). Throws UsageError naming `what` otherwise.
FrameStep parse_frame_step(std::string_view text, std::string_view what = "--step");

/// The date `step` after `d` (calendar months; the 31st steps to the last day of shorter months).
core::Date step_date(core::Date d, FrameStep step);

/// About how many frames from..to at `step` gives (counted without listing them, so a typo in a
/// year is refused before millions of dates are made). 0 when `to` is before `from`.
long estimate_frame_count(core::Date from, core::Date to, FrameStep step);

/// Every date from `from` to `to` (inclusive) at `step`.
std::vector<core::Date> frame_dates(core::Date from, core::Date to, FrameStep step);

/// The transitions' ease-in-out curve (smoothstep) of t in 0..1.
double slide_ease(double t);

/// The view `t` (0..1, eased here) of the way from `from` to `to`: centre moves linearly, zoom
/// geometrically (constant speed of scale). The result has `to`'s size.
core::Camera interpolate_view(const core::Camera& from, const core::Camera& to, double t);
/// The date `t` (0..1, eased here) of the way from `from` (unset: `to`) to `to`; unset `to` = unset.
std::optional<core::Date> interpolate_date(std::optional<core::Date> from, std::optional<core::Date> to, double t);

/// One frame of a briefing video: the slide it shows and how far the transition into it has come
/// (1 = arrived: the slide as it is).
struct BriefingShot {
    std::size_t slide = 0;
    double t = 1;
};

/// A briefing of `slides` slides at `fps`: the first slide held `hold_seconds`, then for each next
/// slide kSlideTransitionSeconds of transition (t rising from above 0 to 1) and `hold_seconds` held.
std::vector<BriefingShot> briefing_timeline(std::size_t slides, int fps, double hold_seconds);

}  // namespace sitmap::compose
