#include "compose/pixel_grid.hpp"

#include <cmath>

namespace sitmap::compose {

PixelGrid pixel_grid(const core::Camera& camera) {
    PixelGrid g;
    g.metres_per_pixel = camera.metres_per_pixel();
    const double cx = camera.centre().x / g.metres_per_pixel, cy = camera.centre().y / g.metres_per_pixel;
    const auto cell = static_cast<double>(PixelGrid::kCell);
    g.anchor_x = static_cast<std::int64_t>(std::llround(cx / cell)) * PixelGrid::kCell;
    g.anchor_y = static_cast<std::int64_t>(std::llround(cy / cell)) * PixelGrid::kCell;
    // From the anchor in world metres (as the shaders subtract it), in sixteenths of a pixel.
    g.centre_x =
        std::round((camera.centre().x - g.anchor_world_x()) / g.metres_per_pixel * PixelGrid::kSnap) / PixelGrid::kSnap;
    g.centre_y =
        std::round((camera.centre().y - g.anchor_world_y()) / g.metres_per_pixel * PixelGrid::kSnap) / PixelGrid::kSnap;
    return g;
}

std::optional<PixelShift> whole_pixel_shift(const PixelGrid& from, const PixelGrid& to) {
    if (from.metres_per_pixel != to.metres_per_pixel || from.anchor_x != to.anchor_x || from.anchor_y != to.anchor_y)
        return std::nullopt;
    // Both centres are sixteenths of a pixel: their difference is exact.
    const double dx = to.centre_x - from.centre_x, dy = to.centre_y - from.centre_y;
    if (dx != std::round(dx) || dy != std::round(dy) || std::abs(dx) > 1e6 || std::abs(dy) > 1e6) return std::nullopt;
    return PixelShift{static_cast<int>(dx), static_cast<int>(dy)};
}

std::vector<PixelRect> uncovered_strips(int w, int h, PixelShift corner) {
    const int dx = corner.dx, dy = corner.dy;
    if (std::abs(dx) >= w || std::abs(dy) >= h) return {PixelRect{0, 0, w, h}};
    std::vector<PixelRect> strips;
    // The old target covers x in [-dx, w - dx) and y in [-dy, h - dy) of the new one.
    if (dx > 0) strips.push_back({w - dx, 0, dx, h});
    if (dx < 0) strips.push_back({0, 0, -dx, h});
    if (dy > 0) strips.push_back({0, h - dy, w, dy});
    if (dy < 0) strips.push_back({0, 0, w, -dy});
    return strips;
}

}  // namespace sitmap::compose
