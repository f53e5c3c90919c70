// DrawList: the screen-space primitives of one laid-out frame (text runs, rectangles, symbols,
// discs, lines, triangles, and legend swatches filled as the map fills its areas), in drawing order.
// Pixels, origin top-left, y down. Built by compose/layout without GL; render::TextBatch draws it.
#pragma once
#include "compose/font_metrics.hpp"
#include "core/label_placer.hpp"
#include "core/scene.hpp"

#include <string>
#include <variant>
#include <vector>

namespace sitmap::compose {

struct TextCmd {
    std::string text;
    float x = 0, y = 0;  ///< baseline start
    TextStyle style;
};
struct RectCmd {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    core::Rgba color;
};
struct SymbolCmd {
    char32_t symbol = kSymbolDot;
    float cx = 0, cy = 0, radius = 0;
    core::Rgba color, halo;
    float halo_px = 0;
};
struct CircleCmd {
    float cx = 0, cy = 0, r = 0;
    core::Rgba fill, outline;
    float outline_px = 0;
};
struct LineCmd {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0, width = 1;
    core::Rgba color;
};

/// A filled triangle (arrowheads).
struct TriangleCmd {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    core::Rgba color;
};

using DrawCmd = std::variant<TextCmd, RectCmd, SymbolCmd, CircleCmd, LineCmd, TriangleCmd>;

class DrawList {
public:
    void add_text(std::string text, float x, float y, const TextStyle& style) {
        cmds_.emplace_back(TextCmd{std::move(text), x, y, style});
    }
    void add_rect(float x0, float y0, float x1, float y1, core::Rgba color) {
        cmds_.emplace_back(RectCmd{x0, y0, x1, y1, color});
    }
    void add_symbol(char32_t symbol, float cx, float cy, float radius, core::Rgba color, core::Rgba halo,
                    float halo_px) {
        cmds_.emplace_back(SymbolCmd{symbol, cx, cy, radius, color, halo, halo_px});
    }
    /// A disc of radius `r` filled with `fill`, outlined `outline_px` wide in `outline`.
    void add_circle(float cx, float cy, float r, core::Rgba fill, core::Rgba outline, float outline_px) {
        cmds_.emplace_back(CircleCmd{cx, cy, r, fill, outline, outline_px});
    }
    /// A straight line `width` pixels wide (no caps).
    void add_line(float x0, float y0, float x1, float y1, float width, core::Rgba color) {
        cmds_.emplace_back(LineCmd{x0, y0, x1, y1, width, color});
    }
    /// A filled triangle through three corners.
    void add_triangle(float x0, float y0, float x1, float y1, float x2, float y2, core::Rgba color) {
        cmds_.emplace_back(TriangleCmd{x0, y0, x1, y1, x2, y2, color});
    }
    const std::vector<DrawCmd>& commands() const { return cmds_; }
    bool empty() const { return cmds_.empty(); }
    void clear() { cmds_.clear(); }

    /// The text runs (for tests: which labels were placed, and where).
    std::vector<const TextCmd*> texts() const {
        std::vector<const TextCmd*> out;
        for (const auto& c : cmds_)
            if (const auto* t = std::get_if<TextCmd>(&c)) out.push_back(t);
        return out;
    }

private:
    std::vector<DrawCmd> cmds_;
};

/// How an area is filled, on the map and in the legend alike: a colour, solid or in diagonal
/// stripes `hatch_px` apart (screen space), `stripe_px` wide.
struct FillStyle {
    core::Rgba color;
    float hatch_px = 0;  ///< 0 = solid
    float stripe_px = 0;
};

/// A legend key drawn with the map's fill code: `fills` one over another inside `box`, the first
/// (the land under the area) opaque, the others times `opacity` (their layer's, as on the map).
struct Swatch {
    core::PxBox box;
    std::vector<FillStyle> fills;
    float opacity = 1;
};

}  // namespace sitmap::compose
