// Briefing annotations laid out in screen space without GL: text boxes, arrows (polyline or smooth
// curve, arrowhead), circles (true ground radius) and callouts (box + leader line), as draw-list
// primitives the renderer draws over the map, plus the hit areas and handles the editor uses.
// No GL, no ImGui.
#pragma once
#include "compose/draw_list.hpp"
#include "compose/font_metrics.hpp"
#include "core/annotation.hpp"
#include "core/camera.hpp"
#include "core/label_placer.hpp"
#include "core/projector.hpp"

#include <optional>
#include <vector>

namespace sitmap::compose {

/// Where one annotation went on screen (for hit-testing and the editor's handles).
struct AnnotationHit {
    std::size_t index = 0;  ///< into the slide's annotations
    core::AnnotationKind kind = core::AnnotationKind::Text;
    core::PxBox box;                       ///< bounds of everything drawn for it
    std::vector<core::ScreenPx> handles;   ///< one per point of Annotation::points, in order
    std::vector<core::ScreenPx> outline;   ///< arrows: the drawn curve; circles: centre and a rim point
    std::optional<core::PxBox> text_box;   ///< text and callout boxes (labels keep off them)
    std::optional<core::PxBox> label_box;  ///< an arrow's or circle's label (labels keep off it too)
};

struct AnnotationLayout {
    DrawList draw;
    std::vector<AnnotationHit> hits;  ///< in drawing order (topmost last)
};

/// The polyline an arrow follows through `points` (screen pixels): the points themselves, or when
/// `curved` a smooth curve through them (Catmull-Rom; two points bow to the left of tail -> head
/// by a fifth of their distance). Starts at the first point and ends at the last.
std::vector<core::ScreenPx> arrow_path(const std::vector<core::ScreenPx>& points, bool curved);

/// The radius in pixels of a circle of `radius_km` ground kilometres at `centre` (the
/// projection's scale factor there, the camera's zoom).
float circle_radius_px(const core::Annotation& circle, const core::Camera& camera, const core::Projector& projector);

/// Lays out `annotations` for `camera` at `ui_scale`; `selected` gets handles on its points.
AnnotationLayout layout_annotations(const std::vector<core::Annotation>& annotations, const core::Camera& camera,
                                    const core::Projector& projector, const FontMetrics& fonts, float ui_scale,
                                    std::optional<std::size_t> selected);

/// What a click at `p` hits: the topmost annotation and, when within `handle_px` of one of its
/// handles, that point's index. nullopt when nothing is within reach.
struct AnnotationPick {
    std::size_t index = 0;
    std::optional<std::size_t> handle;
};
std::optional<AnnotationPick> pick_annotation(const std::vector<AnnotationHit>& hits, core::ScreenPx p,
                                              double handle_px = 9);

}  // namespace sitmap::compose
