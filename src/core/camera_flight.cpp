#include "core/camera_flight.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::core {

namespace {
constexpr double kPi = 3.14159265358979323846;
double smoothstep(double t) {
    return t * t * (3 - 2 * t);
}
}  // namespace

CameraFlight::CameraFlight(const Camera& from, WorldXY to, double to_mpp)
    : from_(from), to_(to), to_mpp_(to_mpp), t_(0) {
    // Halfway, the view should hold both ends: their distance in 80% of the smaller side.
    const double dist = std::hypot(to.x - from.centre().x, to.y - from.centre().y);
    const double side = std::max(1, std::min(from.width(), from.height()));
    const double needed = dist / (0.8 * side);
    const double mid = 0.5 * (std::log(from.metres_per_pixel()) + std::log(to_mpp));
    rise_ = needed > 0 ? std::max(0.0, std::log(needed) - mid) : 0.0;
}

Camera CameraFlight::at(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    const double e = smoothstep(t);
    const WorldXY a = from_.centre();
    const double log_mpp = std::log(from_.metres_per_pixel()) +
                           (std::log(to_mpp_) - std::log(from_.metres_per_pixel())) * e + rise_ * std::sin(kPi * e);
    Camera c = from_;
    c.set_centre({a.x + (to_.x - a.x) * e, a.y + (to_.y - a.y) * e});
    c.set_metres_per_pixel(t >= 1.0 ? to_mpp_ : std::exp(log_mpp));
    return c;
}

Camera CameraFlight::advance(double dt) {
    t_ = std::min(1.0, t_ + std::max(0.0, dt) / kSeconds);
    return at(t_);
}

}  // namespace sitmap::core
