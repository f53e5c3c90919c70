#include "compose/geometry_key.hpp"

#include "compose/layout.hpp"

#include <algorithm>

namespace sitmap::compose {

bool shown_on_day(const core::DaySpan& span, const std::optional<std::int32_t>& day) {
    if (!span.timed()) return true;
    return day && span.contains(*day);
}

std::vector<FillPass> fill_passes(const core::SceneLayer& layer, const core::WorldBox& view,
                                  const std::optional<std::int32_t>& day, float s) {
    std::vector<FillPass> passes;
    for (std::size_t i = 0; i < layer.fills.size(); ++i) {
        const auto& part = layer.fills[i];
        if (!part.box.intersects(view) || !shown_on_day(part.valid, day)) continue;
        passes.push_back({i, part_fill(part, s), false});
    }
    // Recently changed parts: stripes in the highlight colour, fading out over the window.
    if (day) {
        for (std::size_t i = 0; i < layer.fills.size(); ++i) {
            const auto& part = layer.fills[i];
            if (!part.box.intersects(view)) continue;
            if (const auto stripes = recent_change_fill(layer, part, *day, s)) passes.push_back({i, *stripes, true});
        }
    }
    return passes;
}

namespace {

/// The layer's part of the key: what Renderer::draw_layer draws of it.
void add_layer(GeometryKey& key, std::uint32_t index, const core::SceneLayer& layer, const core::WorldBox& view,
               const FrameOptions& options) {
    auto& v = key.layers;
    const bool drawn = layer.visible && layer.opacity > 0 &&
                       (layer.kind == core::LayerKind::Fill || layer.kind == core::LayerKind::Line);
    v.push_back(static_cast<float>(layer.kind));
    v.push_back(drawn ? 1.0f : 0.0f);
    if (!drawn) return;
    v.push_back(layer.opacity);
    v.push_back(layer.land_mask ? 1.0f : 0.0f);
    if (layer.kind == core::LayerKind::Fill) {
        const auto passes = fill_passes(layer, view, options.day, options.ui_scale);
        for (const auto& p : passes) {
            const core::Rgba& c = p.style.color;
            key.items.push_back({.layer = index,
                                 .kind = p.stripes ? DrawnItem::Stripes : DrawnItem::Fill,
                                 .index = static_cast<std::uint32_t>(p.part),
                                 .style = {c.r, c.g, c.b, c.a, p.style.hatch_px, p.style.stripe_px}});
            if (p.style.hatch_px > 0) key.hatched = true;
        }
    }
    for (std::size_t c = 0; c < layer.line_styles.size(); ++c) {
        if (c < layer.line_valid.size() && !shown_on_day(layer.line_valid[c], options.day)) continue;
        const auto& st = layer.line_styles[c];
        const core::Rgba &a = st.color, &b = st.casing_color;
        key.items.push_back(
            {.layer = index,
             .kind = DrawnItem::Line,
             .index = static_cast<std::uint32_t>(c),
             .style = {st.width_px, st.dash_px, st.gap_px, st.casing_px, a.r, a.g, a.b, a.a, b.r, b.g, b.b, b.a}});
    }
}

/// Where `item` draws, grown by `margin_px` (and a line's half width) at `mpp` metres per pixel.
core::WorldBox item_box(const core::Scene& scene, const DrawnItem& item, double mpp, double margin_px, float ui_scale) {
    const auto& layer = scene.layers[item.layer];
    core::WorldBox box;
    double pad_px = margin_px;
    if (item.kind == DrawnItem::Line) {
        if (item.index < layer.lines.size())
            for (const auto& lod : layer.lines[item.index])
                for (const auto& seg : lod.segments) {
                    box.extend(seg.a.x, seg.a.y);
                    box.extend(seg.b.x, seg.b.y);
                }
        pad_px += std::max(item.style[0], item.style[3]) * ui_scale / 2 + 1;
    } else if (item.index < layer.fills.size()) {
        box = layer.fills[item.index].box;
    }
    if (box.empty()) return box;
    const double pad = pad_px * mpp;
    return core::WorldBox{box.min_x - pad, box.min_y - pad, box.max_x + pad, box.max_y + pad};
}

bool before_in_order(const DrawnItem& a, const DrawnItem& b) {
    if (a.layer != b.layer) return a.layer < b.layer;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.index < b.index;
}

}  // namespace

GeometryKey geometry_key(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                         float shade_opacity) {
    GeometryKey key;
    key.metres_per_pixel = camera.metres_per_pixel();
    key.width = camera.width();
    key.height = camera.height();
    key.layers = {options.ui_scale, shade_opacity, static_cast<float>(scene.layers.size())};
    const auto view = camera.visible_box();
    for (std::size_t i = 0; i < scene.layers.size(); ++i)
        add_layer(key, static_cast<std::uint32_t>(i), scene.layers[i], view, options);
    return key;
}

std::optional<core::WorldBox> changed_area(const core::Scene& scene, const GeometryKey& before,
                                           const GeometryKey& after, double margin_px) {
    if (before.metres_per_pixel != after.metres_per_pixel || before.width != after.width ||
        before.height != after.height || before.layers != after.layers || before.layers.empty())
        return std::nullopt;
    // Both lists are in drawing order, which sorts by (layer, kind, index): walk them together.
    // A draw in both with the same style draws the same pixels in the same order relative to the
    // others; the rest (only in one, or restyled) is where the frames can differ.
    const double mpp = after.metres_per_pixel;
    const float ui_scale = after.layers.front();
    core::WorldBox area;
    auto add = [&](const DrawnItem& item) {
        const core::WorldBox b = item_box(scene, item, mpp, margin_px, ui_scale);
        if (!b.empty()) area.extend(b);
    };
    std::size_t i = 0, j = 0;
    const auto &x = before.items, &y = after.items;
    while (i < x.size() || j < y.size()) {
        if (j == y.size() || (i < x.size() && before_in_order(x[i], y[j]))) {
            add(x[i++]);
        } else if (i == x.size() || before_in_order(y[j], x[i])) {
            add(y[j++]);
        } else {
            if (!(x[i] == y[j])) add(x[i]), add(y[j]);
            ++i, ++j;
        }
    }
    return area;
}

}  // namespace sitmap::compose
