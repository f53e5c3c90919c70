// The arithmetic behind the time controls, kept apart from drawing so it is tested without a
// display: labelled date ticks for the slider and the histogram, playback steps (looped or not),
// and a range dragged on the histogram as a time window. Part of sitmap_ui; no ImGui, no GL.
#pragma once
#include "core/date.hpp"
#include "core/event_view.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sitmap::ui {

/// One tick of a date axis: its day number, its x offset from the axis start (pixels), and a label
/// ("2021", "Oct 2020", "12 Oct") or empty for a minor tick.
struct DateTick {
    std::int32_t day = 0;
    float x = 0;
    std::string label;
};

/// Ticks for days [from_day, to_day] drawn over `width_px` pixels: the finest of 20, 10, 5, 2 or 1
/// years, quarters, months, weeks (Mondays) or days whose labels stay at least `min_label_px` apart. Empty when
/// to_day <= from_day or the width is not positive.
std::vector<DateTick> date_ticks(std::int32_t from_day, std::int32_t to_day, float width_px, float min_label_px);

/// Playback: `day` advanced by `days`; past `last_day` it goes back to `first_day` when `loop`,
/// else stops on `last_day` (`playing` false).
struct PlayStep {
    std::int32_t day = 0;
    bool playing = true;
};
PlayStep play_step(std::int32_t day, std::int32_t days, std::int32_t first_day, std::int32_t last_day, bool loop);

/// A range dragged on the histogram, either way round, as the time window it shows: a Custom window
/// of its length (at least one day) ending on its last day, which becomes the shown date.
struct WindowRange {
    core::TimeWindow window;
    core::Date date;
};
WindowRange range_window(std::int32_t a_day, std::int32_t b_day);

}  // namespace sitmap::ui
