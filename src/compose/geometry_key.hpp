// What the map's geometry layers (fills, outlines, lines: everything Renderer::draw draws before
// the labels) look like in one frame, without GL: the fill passes of each layer on a day and a
// key of everything those layers' pixels depend on. The renderer draws the passes listed here
// and keeps the drawn layers in a cache while the key stays the same (render/layer_cache), so a
// playing slider redraws the control areas only when a pass changes: a change day, or a day of
// the fading "changed hands" stripes. No GL, no ImGui.
#pragma once
#include "compose/draw_list.hpp"
#include "compose/frame.hpp"
#include "core/camera.hpp"
#include "core/scene.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace sitmap::compose {

/// Whether something valid over `span` shows on `day` (no day: only what is not time-dependent).
bool shown_on_day(const core::DaySpan& span, const std::optional<std::int32_t>& day);

/// One fill draw: part `part` of a layer in `style` (before the layer's opacity).
struct FillPass {
    std::size_t part = 0;
    FillStyle style;
    bool stripes = false;  ///< the "changed hands" stripes over the part (drawn after all parts)
};

/// The fill passes of `layer` in the world box `view` on `day` at `ui_scale`, in drawing order:
/// every part shown that day (part_fill), then the "changed hands" stripes over the recent ones
/// (recent_change_fill).
std::vector<FillPass> fill_passes(const core::SceneLayer& layer, const core::WorldBox& view,
                                  const std::optional<std::int32_t>& day, float ui_scale);

/// One draw of the geometry layers: a fill pass over a part, or one line class of a layer, with
/// everything its pixels depend on and where they can fall (world box; lines: empty, see
/// changed_area).
struct DrawnItem {
    enum Kind : std::uint32_t { Fill = 0, Stripes = 1, Line = 2 };
    std::uint32_t layer = 0;
    Kind kind = Fill;
    std::uint32_t index = 0;        ///< the part, or the line class
    std::array<float, 12> style{};  ///< colours, widths, hatching
    bool operator==(const DrawnItem&) const = default;
};

/// Everything the geometry layers' pixels depend on, but the view's centre (kept apart so that a
/// cache can tell a pan from any other change): the zoom and image size, the relief's opacity,
/// each layer's kind, visibility and opacity, and every fill pass and shown line class with its
/// style. Equal keys at the same centre draw the same pixels (for the same uploaded geometry).
struct GeometryKey {
    double metres_per_pixel = 0;
    int width = 0, height = 0;
    /// ui_scale, relief opacity, and per layer its kind, whether drawn, opacity, land mask.
    std::vector<float> layers;
    /// The draws, in drawing order (layer by layer: fills, then stripes, then line classes).
    std::vector<DrawnItem> items;
    /// Some fill pass is hatched. (The stripes are laid on the world's pixel grid,
    /// compose/pixel_grid, so a pan by whole pixels copies hatched layers like any other.)
    bool hatched = false;

    bool operator==(const GeometryKey&) const = default;
};

/// The key of `scene`'s geometry layers seen by `camera` with `options` (its day and ui_scale),
/// with relief at `shade_opacity`. Places and texts are not geometry (laid out per frame).
GeometryKey geometry_key(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                         float shade_opacity);

/// Where the pixels of frames keyed `before` and `after` (same centre) can differ: the world box
/// of every draw one has and the other has not (a part shown or hidden, a stripe fading, a line
/// class appearing), grown by `margin_px` pixels; everywhere else both draw the same sequence of
/// the same draws. An empty box: the same pixels. nullopt: anywhere (the zoom, the size, a
/// layer's visibility or opacity, the relief changed).
std::optional<core::WorldBox> changed_area(const core::Scene& scene, const GeometryKey& before,
                                           const GeometryKey& after, double margin_px);

}  // namespace sitmap::compose
