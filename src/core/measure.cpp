#include "core/measure.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sitmap::core {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct Vec3 {
    double x, y, z;
};
Vec3 unit(LonLat p) {
    const double lon = p.lon * kDeg, lat = p.lat * kDeg;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}
double dot(Vec3 a, Vec3 b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
Vec3 cross(Vec3 a, Vec3 b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
double norm(Vec3 a) {
    return std::sqrt(dot(a, a));
}
LonLat lonlat(Vec3 v) {
    return {std::atan2(v.y, v.x) / kDeg, std::atan2(v.z, std::hypot(v.x, v.y)) / kDeg};
}

/// The nearest point of arc a-b to p, as a unit vector.
Vec3 nearest_on_arc(Vec3 p, Vec3 a, Vec3 b) {
    const Vec3 n = cross(a, b);
    const double nn = norm(n);
    if (nn < 1e-10) return dot(p, a) >= dot(p, b) ? a : b;  // a and b (nearly) the same point
    const Vec3 u{n.x / nn, n.y / nn, n.z / nn};
    // p projected into the arc's plane; the foot lies on the arc when it is between a and b.
    const double off = dot(p, u);
    Vec3 f{p.x - off * u.x, p.y - off * u.y, p.z - off * u.z};
    const double fn = norm(f);
    if (fn < 1e-12) return a;  // p is a pole of the arc's great circle: every point is as far
    f = {f.x / fn, f.y / fn, f.z / fn};
    if (dot(cross(a, f), n) >= 0 && dot(cross(f, b), n) >= 0) return f;
    return dot(p, a) >= dot(p, b) ? a : b;
}

double angle_km(Vec3 a, Vec3 b) {
    return std::atan2(norm(cross(a, b)), dot(a, b)) * kEarthRadiusKm;
}

/// Edges of `area` on the front: a few metres to one side of the edge's midpoint the timeline
/// answers Armenian, to the other Azerbaijan (rings may wind either way).
void collect_front_edges(const ControlTimeline& timeline, Date day, const MultiPolygon<LonLat>& area,
                         std::vector<GeoSegment>& out) {
    // ~20 m off the edge: well inside the neighbour, well under the data's own precision.
    constexpr double kStepDeg = 0.0002;
    auto edges_of = [&](const Ring<LonLat>& ring) {
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const LonLat a = ring[i], b = ring[(i + 1) % ring.size()];
            const double dx = (b.lon - a.lon) * std::cos(a.lat * kDeg), dy = b.lat - a.lat;
            const double len = std::hypot(dx, dy);
            if (len <= 0) continue;
            const LonLat mid{(a.lon + b.lon) / 2, (a.lat + b.lat) / 2};
            // The unit normal in local degrees, back to lon/lat.
            const double nx = -dy / len * kStepDeg / std::cos(mid.lat * kDeg), ny = dx / len * kStepDeg;
            const LonLat left{mid.lon + nx, mid.lat + ny}, right{mid.lon - nx, mid.lat - ny};
            const Controller l = timeline.control_at(day, left).controller;
            const Controller r = timeline.control_at(day, right).controller;
            const bool armenian_side = l == Controller::Armenian || r == Controller::Armenian;
            const bool azerbaijani_side = l == Controller::Azerbaijan || r == Controller::Azerbaijan;
            if (armenian_side && azerbaijani_side) out.push_back({a, b});
        }
    };
    for (const auto& poly : area) {
        edges_of(poly.outer);
        for (const auto& hole : poly.holes) edges_of(hole);
    }
}

}  // namespace

double great_circle_km(LonLat a, LonLat b) {
    const double dlat = (b.lat - a.lat) * kDeg, dlon = (b.lon - a.lon) * kDeg;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double polyline_km(const std::vector<LonLat>& points) {
    double km = 0;
    for (std::size_t i = 1; i < points.size(); ++i) km += great_circle_km(points[i - 1], points[i]);
    return km;
}

double distance_to_segment_km(LonLat p, const GeoSegment& s) {
    const Vec3 v = unit(p);
    return angle_km(v, nearest_on_arc(v, unit(s.a), unit(s.b)));
}

std::optional<NearestOnLine> nearest_on_line(LonLat p, const std::vector<GeoSegment>& segments) {
    std::optional<NearestOnLine> best;
    const Vec3 v = unit(p);
    for (const auto& s : segments) {
        const Vec3 f = nearest_on_arc(v, unit(s.a), unit(s.b));
        const double km = angle_km(v, f);
        if (!best || km < best->km) best = NearestOnLine{km, lonlat(f)};
    }
    return best;
}

std::vector<GeoSegment> front_line(const ControlTimeline& timeline, Date day) {
    std::vector<GeoSegment> out;
    // Both sides' edges: Azerbaijani positions inside Armenia (since 2021) are holes in no
    // Armenian polygon, so only their own edges find that stretch of the front.
    for (const ControlPeriod* period : timeline.periods_on(day))
        if (period->controller != Controller::Other) collect_front_edges(timeline, day, period->area, out);
    for (const auto& bg : timeline.background())
        if (bg.controller != Controller::Other) collect_front_edges(timeline, day, bg.area, out);
    return out;
}

}  // namespace sitmap::core
