// Control areas as scene layers: one time-dependent fill part per control period (shown only on the
// days it is valid) and its outline, coloured by controller. Part of sitmap_core: no GL, GDAL or
// ImGui; triangulation comes in through the Triangulator callback (io supplies GEOS).
#pragma once
#include "core/base_map.hpp"
#include "core/control_timeline.hpp"
#include "core/diagnostics.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::core {

/// Fill colour of a control area. Colour-blind safe and distinct in greyscale: Azerbaijan a light
/// blue-green, the Armenian side a darker warm orange, the Lachin corridor a deep red-brown;
/// peacekeeping areas keep their controller's fill and carry grey hatching on top.
Rgba control_color(Controller controller, ControlKind kind);
/// The hatching drawn over a peacekeeping zone, on top of its controller's fill.
Rgba peacekeeping_hatch_color();
/// The hatching drawn over positions held by Azerbaijani forces inside Armenia, on top of Azerbaijan's fill.
Rgba azerbaijan_in_armenia_hatch_color();

/// Days a period is shown: [valid_from, valid_to) as day numbers (open end = DaySpan::kMax).
DaySpan period_span(const ControlPeriod& period);

/// Builds the layers "control" (fills in the controller's colour per period, split into the part that
/// changed hands when the period began, highlighted for ~10 days, and the rest; peacekeeping periods add
/// a hatched part on top) and "control_lines" (the periods' outlines, one line class per period). `source` is the file
/// the timeline came from. Periods that cannot be triangulated are reported to `diags` and skipped.
std::vector<SceneLayer> build_control_layers(const ControlTimeline& timeline, const Projector& projector,
                                             const Triangulator& triangulate, const std::string& source,
                                             Diagnostics& diags);

/// The last day on which control changes in `scene`'s "control" layer (the start or end of a period),
/// or nullopt when the scene has no control layer. `sitmap render` shows this day by default.
std::optional<std::int32_t> latest_control_day(const Scene& scene);

/// Sorted, unique days on which some control fill of `scene` starts or ends (after the first day):
/// what the date slider steps through. Empty without a control layer.
std::vector<std::int32_t> control_change_days(const Scene& scene);

/// "19 September 2023": the date as shown on the map and in exports.
std::string format_long_date(Date d);

}  // namespace sitmap::core
