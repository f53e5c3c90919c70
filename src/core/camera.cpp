#include "core/camera.hpp"

#include <algorithm>

namespace sitmap::core {

Camera::Camera(WorldXY centre, double metres_per_pixel, int width, int height)
    : centre_(centre), width_(std::max(width, 1)), height_(std::max(height, 1)) {
    set_metres_per_pixel(metres_per_pixel);
}

Camera Camera::fit(const WorldBox& box, int width, int height, double margin) {
    const double w = std::max(1.0, width - 2 * margin), h = std::max(1.0, height - 2 * margin);
    const double mpp = std::max(box.width() / w, box.height() / h);
    Camera c({(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2}, mpp, width, height);
    // fit() is used for exports and --bbox, which may ask for more or less than the UI limits.
    c.mpp_ = std::max(mpp, 1e-3);
    return c;
}

WorldXY Camera::world(ScreenPx p) const {
    return {centre_.x + (p.x - width_ / 2.0) * mpp_, centre_.y - (p.y - height_ / 2.0) * mpp_};
}

ScreenPx Camera::screen(WorldXY w) const {
    return {(w.x - centre_.x) / mpp_ + width_ / 2.0, height_ / 2.0 - (w.y - centre_.y) / mpp_};
}

Camera Camera::without_rows(int top_px, int bottom_px) const {
    const int top = std::clamp(top_px, 0, height_ - 1);
    const int bottom = std::clamp(bottom_px, 0, height_ - 1 - top);
    const int h = height_ - top - bottom;
    Camera c = *this;
    c.height_ = h;
    c.centre_ = world({width_ / 2.0, top + h / 2.0});
    return c;
}

WorldBox Camera::visible_box() const {
    WorldBox b;
    b.extend(centre_.x - width_ / 2.0 * mpp_, centre_.y - height_ / 2.0 * mpp_);
    b.extend(centre_.x + width_ / 2.0 * mpp_, centre_.y + height_ / 2.0 * mpp_);
    return b;
}

void Camera::pan_pixels(double dx, double dy) {
    centre_.x -= dx * mpp_;
    centre_.y += dy * mpp_;
}

ZoomLimits Camera::limits_for(const WorldBox& region, int width, int height) {
    ZoomLimits l{kMinMetresPerPixel, kMaxMetresPerPixel};
    if (region.empty()) return l;
    const double fit_mpp = std::max(region.width() / std::max(width, 1), region.height() / std::max(height, 1));
    l.farthest = std::clamp(fit_mpp * kOutSlack, kMinMetresPerPixel, kMaxMetresPerPixel);
    return l;
}

void Camera::clamp_zoom(const ZoomLimits& limits) {
    mpp_ = std::clamp(mpp_, std::min(limits.closest, limits.farthest), limits.farthest);
}

void Camera::zoom_at(ScreenPx anchor, double factor, const ZoomLimits& limits) {
    if (factor <= 0) return;
    const WorldXY before = world(anchor);
    set_metres_per_pixel(mpp_ / factor);
    clamp_zoom(limits);
    const WorldXY after = world(anchor);
    centre_.x += before.x - after.x;
    centre_.y += before.y - after.y;
}

void Camera::resize(int width, int height) {
    width_ = std::max(width, 1);
    height_ = std::max(height, 1);
}

void Camera::clamp_centre(const WorldBox& bounds) {
    if (bounds.empty()) return;
    centre_.x = std::clamp(centre_.x, bounds.min_x, bounds.max_x);
    centre_.y = std::clamp(centre_.y, bounds.min_y, bounds.max_y);
}

void Camera::set_metres_per_pixel(double mpp) {
    mpp_ = std::clamp(mpp, kMinMetresPerPixel, kMaxMetresPerPixel);
}

}  // namespace sitmap::core
