// Layout of one frame without GL: event symbols, place and country labels (core::LabelPlacer, most
// important first), and the furniture (title, date and control legend, legend, scale bar, north
// arrow, locator frame, attribution, off-map box), as draw lists the renderer draws. No GL, no ImGui.
#pragma once
#include "compose/font_metrics.hpp"
#include "compose/frame.hpp"
#include "core/camera.hpp"
#include "core/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::compose {

/// Lays out `options` over `scene` as seen by `camera` (the whole image, also when tiling).
FrameLayout layout_frame(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                         const FontMetrics& fonts);

/// The camera of the locator inset drawn into `rect`: the region without its far margins.
core::Camera locator_camera(const core::Scene& scene, const PixelRect& rect);

/// A "nice" scale-bar length in metres (1, 2 or 5 x 10^n) near `target_m`.
double nice_scale_length(double target_m);

/// How the map fills `part` at `ui_scale` (before the layer's opacity): its colour, hatched when
/// the part is (a peacekeeping zone). The legend's swatches use the same styles.
FillStyle part_fill(const core::FillPart& part, float ui_scale);
/// The "changed hands recently" stripes over `part` on `day`, fading with age; none when the part
/// is older than the layer's highlight window (or the layer has none).
std::optional<FillStyle> recent_change_fill(const core::SceneLayer& layer, const core::FillPart& part, std::int32_t day,
                                            float ui_scale);

/// One key of the control legend in the date box: its text and the swatch's parts side by side,
/// each a stack of fills (the land, then the area's fill, then any stripes), styled by the same
/// functions the map's areas are (part_fill, recent_change_fill).
struct ControlKey {
    std::string text;
    std::vector<std::vector<FillStyle>> parts;  ///< empty = no swatch
};
/// The keys of every state the control data can show.
std::vector<ControlKey> control_keys(const core::Scene& scene, float ui_scale);
/// The keys of the states the map shows on `day` within `view` (world box): a key whose state
/// exists on no visible control area that day (the corridor before Nov 2020, the peacekeepers
/// after Jun 2024, stripes when nothing changed hands lately) is left out. The note on
/// approximate lines stays whenever any control area shows.
std::vector<ControlKey> control_keys(const core::Scene& scene, std::int32_t day, const core::WorldBox& view,
                                     float ui_scale);

/// Rows of map at which the furniture (title aside) is drawn at `ui_scale`; taller frames draw it
/// larger (furniture_scale).
inline constexpr double kFurnitureRows = 1080;
/// The scale of a frame's furniture (date box, control legend, legend, scale bar, north arrow,
/// locator, attribution, compare stamps, off-map box) for `rows` rows of map: `ui_scale`, or
/// rows / kFurnitureRows when that is larger, so that at 3840x2160 it keeps the proportions it has
/// beside the title (which grows with the height too) at 1920x1080. Map labels and event symbols
/// stay at `ui_scale`.
float furniture_scale(float ui_scale, double rows);

/// Place ranks labelled at this zoom (0 capitals .. 5 hamlets).
int max_place_rank(double metres_per_pixel);

}  // namespace sitmap::compose
