// Camera: what part of the projected world a viewport shows (centre and metres per pixel),
// with conversions between WorldXY and ScreenPx and zoom limits. Part of sitmap_core.
#pragma once
#include "core/geometry.hpp"

namespace sitmap::core {

class Camera {
public:
    static constexpr double kMinMetresPerPixel = 20.0;    ///< closest zoom (~1:75,000 on screen)
    static constexpr double kMaxMetresPerPixel = 4000.0;  ///< farthest zoom (whole Caucasus in 400 px)

    Camera() = default;
    Camera(WorldXY centre, double metres_per_pixel, int width, int height);

    /// Shows `box` entirely in a viewport of width x height pixels, with `margin` pixels around it.
    static Camera fit(const WorldBox& box, int width, int height, double margin = 0.0);

    WorldXY world(ScreenPx p) const;
    ScreenPx screen(WorldXY w) const;
    /// The world box the viewport covers.
    WorldBox visible_box() const;
    /// The same view without `top_px` rows at the top and `bottom_px` at the bottom (the window's
    /// panels): a camera of width x (height - top_px - bottom_px) showing exactly the rows between,
    /// at the same scale. Insets are clamped so at least one row remains.
    Camera without_rows(int top_px, int bottom_px) const;

    /// Moves the view by a drag of (dx, dy) pixels (content follows the pointer).
    void pan_pixels(double dx, double dy);
    /// Zooms by `factor` (>1 zooms in) keeping the world point under `anchor` fixed. Clamped.
    void zoom_at(ScreenPx anchor, double factor);
    void resize(int width, int height);
    /// Keeps the centre inside `bounds` (so the map cannot be panned away entirely).
    void clamp_centre(const WorldBox& bounds);

    WorldXY centre() const { return centre_; }
    double metres_per_pixel() const { return mpp_; }
    int width() const { return width_; }
    int height() const { return height_; }
    void set_centre(WorldXY c) { centre_ = c; }
    void set_metres_per_pixel(double mpp);

private:
    WorldXY centre_{};
    double mpp_ = 1000.0;
    int width_ = 1280;
    int height_ = 800;
};

}  // namespace sitmap::core
