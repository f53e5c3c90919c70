// Layout of the marks some frames carry over the map: a before/after view's divider and date
// stamps (furniture), and the measure tool's line with its running total (map content). Called by
// compose/layout; draw lists only, no GL, no ImGui.
#pragma once
#include "compose/draw_list.hpp"
#include "compose/font_metrics.hpp"
#include "compose/frame.hpp"
#include "core/camera.hpp"
#include "core/label_placer.hpp"

namespace sitmap::compose {

/// A before/after view's divider line from `top` to `bottom` (pixels), drawn before the rest of
/// the furniture so the date box and legend stay whole over it.
void layout_split_divider(const SplitMarks& marks, float ui_scale, float top, float bottom, DrawList& furniture);

/// The divider's handle halfway from `top` to `bottom` (pixels), and the two date stamps
/// beside it on one row near the top: the left one ending just left of the divider, the right one
/// starting just right of it, each kept inside the image's `width`, the row moved down below
/// whatever furniture `placer` holds already (title, date box) and a margin clear of it. The
/// divider and its handle are drawn at `ui_scale` (the window's hit-test uses it), the stamps at
/// `stamp_scale` (the furniture's). The stamps and the divider's column are reserved in `placer`,
/// so no label crosses the divider; drawn into `out.furniture`, the stamps' boxes in `out.stamp_boxes`.
void layout_split_marks(const SplitMarks& marks, float ui_scale, float stamp_scale, float top, float bottom,
                        float width, const FontMetrics& fonts, FrameLayout& out, core::LabelPlacer& placer);

/// The front (when given) with the pointer's leg to it, then the measure line through its points
/// (and on to the pointer while measuring), a dot at each point and the total in a box beside
/// the last one, as `camera` sees them.
void layout_measure(const MeasureMarks& marks, const core::Camera& camera, float ui_scale, const FontMetrics& fonts,
                    DrawList& map);

}  // namespace sitmap::compose
