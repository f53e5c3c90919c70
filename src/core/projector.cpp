#include "core/projector.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

namespace sitmap::core {

namespace {
constexpr double kA = 6378137.0;                // WGS84 semi-major axis, metres
constexpr double kF = 1.0 / 298.257223563;      // WGS84 flattening
const double kE = std::sqrt(2 * kF - kF * kF);  // first eccentricity
constexpr double kDeg = std::numbers::pi / 180.0;

double m_of(double phi) {
    return std::cos(phi) / std::sqrt(1 - kE * kE * std::sin(phi) * std::sin(phi));
}
double t_of(double phi) {
    const double es = kE * std::sin(phi);
    return std::tan(std::numbers::pi / 4 - phi / 2) / std::pow((1 - es) / (1 + es), kE / 2);
}
}  // namespace

Projector::Projector(const LccParams& params) : params_(params) {
    const double p1 = params.lat_1 * kDeg, p2 = params.lat_2 * kDeg, p0 = params.lat_0 * kDeg;
    const double m1 = m_of(p1), m2 = m_of(p2);
    const double t1 = t_of(p1), t2 = t_of(p2), t0 = t_of(p0);
    n_ = std::abs(p1 - p2) < 1e-12 ? std::sin(p1) : (std::log(m1) - std::log(m2)) / (std::log(t1) - std::log(t2));
    f_ = m1 / (n_ * std::pow(t1, n_));
    rho0_ = kA * f_ * std::pow(t0, n_);
}

WorldXY Projector::forward(LonLat p) const {
    const double rho = kA * f_ * std::pow(t_of(p.lat * kDeg), n_);
    const double theta = n_ * (p.lon - params_.lon_0) * kDeg;
    return {rho * std::sin(theta), rho0_ - rho * std::cos(theta)};
}

LonLat Projector::inverse(WorldXY p) const {
    const double dy = rho0_ - p.y;
    double rho = std::copysign(std::sqrt(p.x * p.x + dy * dy), n_);
    const double theta = n_ > 0 ? std::atan2(p.x, dy) : std::atan2(-p.x, -dy);
    const double t = std::pow(rho / (kA * f_), 1.0 / n_);
    double phi = std::numbers::pi / 2 - 2 * std::atan(t);
    for (int i = 0; i < 15; ++i) {  // converges to 1e-12 rad in 4-6 steps at these latitudes
        const double es = kE * std::sin(phi);
        const double next = std::numbers::pi / 2 - 2 * std::atan(t * std::pow((1 - es) / (1 + es), kE / 2));
        if (std::abs(next - phi) < 1e-14) {
            phi = next;
            break;
        }
        phi = next;
    }
    return {theta / n_ / kDeg + params_.lon_0, phi / kDeg};
}

double Projector::scale_factor(double lat_deg) const {
    const double phi = lat_deg * kDeg;
    return n_ * f_ * std::pow(t_of(phi), n_) / m_of(phi);
}

std::string Projector::proj_string() const {
    return fmt::format("+proj=lcc +lat_1={} +lat_2={} +lat_0={} +lon_0={} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                       params_.lat_1, params_.lat_2, params_.lat_0, params_.lon_0);
}

}  // namespace sitmap::core
