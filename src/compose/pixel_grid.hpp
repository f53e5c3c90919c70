// The pixel grid the map's geometry is drawn on, without GL. Vertices are snapped to 1/16 of a
// pixel of a grid fixed in the world (an anchor every 1024 pixels, at world/pixel size), and the
// view's centre to the same sixteenths; fragments find their place on the grid from their window
// position, and the control layer's hatching is laid on it. So a view moved by whole pixels draws
// every layer on exactly the same pixels, shifted: the renderer's caches (render/layer_cache and
// the base cache) copy drawn layers to a panned view instead of drawing them again, and the
// copy is the frame drawn from scratch, pixel for pixel.
#pragma once
#include "compose/frame.hpp"
#include "core/camera.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace sitmap::compose {

/// Where a camera's image lies on the world's pixel grid.
struct PixelGrid {
    static constexpr double kSnap = 16.0;        ///< vertices and the centre: in 1/16 pixels
    static constexpr std::int64_t kCell = 1024;  ///< the anchor moves in steps of this many pixels
    double metres_per_pixel = 0;
    std::int64_t anchor_x = 0, anchor_y = 0;  ///< grid pixels of the anchor (multiples of kCell)
    double centre_x = 0, centre_y = 0;        ///< the image centre, grid pixels from the anchor (1/16 steps)

    /// The anchor in world metres (the shaders' u_anchor).
    double anchor_world_x() const { return static_cast<double>(anchor_x) * metres_per_pixel; }
    double anchor_world_y() const { return static_cast<double>(anchor_y) * metres_per_pixel; }
    bool operator==(const PixelGrid&) const = default;
};

/// The grid of `camera`'s view: its zoom, the anchor nearest its centre, the centre snapped.
PixelGrid pixel_grid(const core::Camera& camera);

/// A move by whole pixels: x right, y up (the framebuffer's way).
struct PixelShift {
    int dx = 0, dy = 0;
    bool operator==(const PixelShift&) const = default;
};

/// How many whole pixels the image of `to` lies from that of `from` on the same grid (same zoom,
/// same anchor); nullopt when they are not on one grid or the move is not whole pixels.
std::optional<PixelShift> whole_pixel_shift(const PixelGrid& from, const PixelGrid& to);

/// The rectangles of a w x h target whose corner lies at `corner` in an old one of the same size
/// (pixels, y up) that the old one does not cover: none, or one or two strips (overlapping at a
/// corner when the move is diagonal); the whole target when they do not overlap.
std::vector<PixelRect> uncovered_strips(int w, int h, PixelShift corner);

}  // namespace sitmap::compose
