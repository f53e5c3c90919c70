// LabelPlacer: greedy, priority-ordered placement of screen-space boxes that never overlap.
// Callers offer labels in priority order with candidate positions; a uniform grid keeps tests cheap.
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include <vector>

namespace sitmap::core {

/// Axis-aligned screen box in pixels (x0 < x1, y0 < y1).
struct PxBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const PxBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

class LabelPlacer {
public:
    /// `width` x `height` is the viewport; boxes outside it are rejected unless `allow_outside`.
    LabelPlacer(double width, double height, double cell = 64.0);

    /// True when `box` overlaps nothing placed so far.
    bool free(const PxBox& box) const;
    /// Places `box` if it is free and inside the viewport; returns whether it was placed.
    bool try_place(const PxBox& box);
    /// Reserves `box` regardless of overlaps (e.g. symbols of places that must show).
    void reserve(const PxBox& box);
    /// Tries each candidate in order and places the first free one; returns its index or -1.
    int place_first(const std::vector<PxBox>& candidates);
    const std::vector<PxBox>& placed() const { return boxes_; }

private:
    void cells_of(const PxBox& b, int& cx0, int& cy0, int& cx1, int& cy1) const;
    double width_, height_, cell_;
    int cols_, rows_;
    std::vector<std::vector<int>> grid_;
    std::vector<PxBox> boxes_;
};

}  // namespace sitmap::core
