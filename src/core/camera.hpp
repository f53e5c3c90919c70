// Camera: what part of the projected world a viewport shows (centre and metres per pixel),
// with conversions between WorldXY and ScreenPx and zoom limits. Part of sitmap_core.
#pragma once
#include "core/geometry.hpp"

namespace sitmap::core {

/// How far a view may zoom, in metres per pixel: in to `closest`, out to `farthest`.
struct ZoomLimits {
    double closest = 5.0;
    double farthest = 4000.0;
};

class Camera {
public:
    /// Closest zoom: 5 m per pixel (about 1:19,000 on a 96 dpi screen). The data stops meaning
    /// anything beyond it: gazetteer points are good to ~100 m (20 px here), relief cells are 1 km.
    static constexpr double kMinMetresPerPixel = 5.0;
    static constexpr double kMaxMetresPerPixel = 4000.0;  ///< hard ceiling (whole Caucasus in 400 px)
    /// Zooming out stops once `region` fits this many times over into the viewport.
    static constexpr double kOutSlack = 1.25;

    /// The zoom range of a width x height viewport over the data's `region` (Scene::bounds): in to
    /// kMinMetresPerPixel, out until the whole region fits with kOutSlack to spare.
    static ZoomLimits limits_for(const WorldBox& region, int width, int height);

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
    /// Zooms by `factor` (>1 zooms in) keeping the world point under `anchor` fixed, clamped to
    /// `limits` (the anchor stays fixed at the limit too).
    void zoom_at(ScreenPx anchor, double factor, const ZoomLimits& limits = {});
    /// Brings the scale into `limits`, keeping the centre.
    void clamp_zoom(const ZoomLimits& limits);
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
