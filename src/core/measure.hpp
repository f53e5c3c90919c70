// Distances on the ground for the measure tool: great-circle lengths of polylines on a sphere of
// the Earth's mean radius, the distance from a point to a polyline, and the line of contact (the
// front) on a day, as the edges where Armenian-held and Azerbaijani-held control areas meet.
// Part of sitmap_core: pure maths over LonLat and ControlTimeline; no GL, GDAL or ImGui.
#pragma once
#include "core/control_timeline.hpp"
#include "core/date.hpp"
#include "core/geometry.hpp"

#include <optional>
#include <vector>

namespace sitmap::core {

/// The Earth's mean radius (IUGG R1) in kilometres. A sphere of this radius differs from the
/// WGS84 ellipsoid's geodesics by at most about 0.5 % (less in the Caucasus' latitudes).
inline constexpr double kEarthRadiusKm = 6371.0088;

/// Great-circle distance between two points, in kilometres (haversine: stable for short distances).
double great_circle_km(LonLat a, LonLat b);

/// Length of the polyline through `points` in order, in kilometres (0 for fewer than two points).
double polyline_km(const std::vector<LonLat>& points);

/// One straight piece of a line in lon/lat (drawn as a great-circle arc between its ends).
struct GeoSegment {
    LonLat a, b;
};

/// Shortest great-circle distance from `p` to the arc a-b, in kilometres: to the arc's foot when
/// the perpendicular from `p` meets the arc, else to the nearer end. Arcs shorter than a metre
/// count as points.
double distance_to_segment_km(LonLat p, const GeoSegment& s);

/// Shortest distance from `p` to any of `segments`, in kilometres, and the nearest point on them;
/// nullopt when there are no segments.
struct NearestOnLine {
    double km = 0;
    LonLat at;  ///< the nearest point of the line
};
std::optional<NearestOnLine> nearest_on_line(LonLat p, const std::vector<GeoSegment>& segments);

/// The line of contact on `day`: the edges of the control areas valid that day and of the two
/// countries' background areas with Armenian-held ground a few metres to one side and
/// Azerbaijani-held ground to the other (ControlTimeline::control_at). Edges against the same
/// side, a third country or the sea are left out; an edge may appear twice (from both areas).
/// Empty when nothing Armenian-held borders Azerbaijani-held ground that day.
std::vector<GeoSegment> front_line(const ControlTimeline& timeline, Date day);

}  // namespace sitmap::core
