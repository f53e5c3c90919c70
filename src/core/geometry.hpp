// Plain geometry types in two coordinate spaces: LonLat (WGS84 degrees) and WorldXY (projected
// metres, see projector.hpp). Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace sitmap::core {

/// WGS84 longitude/latitude in degrees (longitude first, as GIS tools order them).
struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};

/// Projected map coordinates in metres (the regional Lambert conformal conic).
struct WorldXY {
    double x = 0.0;
    double y = 0.0;
};

/// Screen position in pixels, origin top-left, y down.
struct ScreenPx {
    double x = 0.0;
    double y = 0.0;
};

template <typename P>
struct BasicBox {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x || min_y > max_y; }
    void extend(double x, double y) {
        min_x = std::min(min_x, x);
        min_y = std::min(min_y, y);
        max_x = std::max(max_x, x);
        max_y = std::max(max_y, y);
    }
    void extend(const BasicBox& o) {
        if (o.empty()) return;
        extend(o.min_x, o.min_y);
        extend(o.max_x, o.max_y);
    }
    bool intersects(const BasicBox& o) const {
        return !(o.min_x > max_x || o.max_x < min_x || o.min_y > max_y || o.max_y < min_y);
    }
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
};
/// A lon/lat box: x = longitude, y = latitude.
using GeoBox = BasicBox<LonLat>;
/// A projected box in metres.
using WorldBox = BasicBox<WorldXY>;

template <typename P>
using Ring = std::vector<P>;  ///< closed ring; the last point need not repeat the first

template <typename P>
struct Polygon {
    Ring<P> outer;
    std::vector<Ring<P>> holes;
};

template <typename P>
using MultiPolygon = std::vector<Polygon<P>>;
template <typename P>
using LineString = std::vector<P>;
template <typename P>
using MultiLineString = std::vector<LineString<P>>;

/// Signed area of a ring (shoelace): positive when counter-clockwise in a y-up space.
template <typename P>
double signed_area(const Ring<P>& ring) {
    double a = 0.0;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        if constexpr (requires { ring[i].x; })
            a += (ring[j].x * ring[i].y - ring[i].x * ring[j].y);
        else
            a += (ring[j].lon * ring[i].lat - ring[i].lon * ring[j].lat);
    }
    return a * 0.5;
}

/// Area of a polygon: |outer| minus |holes|.
template <typename P>
double polygon_area(const Polygon<P>& p) {
    double a = std::abs(signed_area(p.outer));
    for (const auto& h : p.holes) a -= std::abs(signed_area(h));
    return a;
}

/// Even-odd point-in-ring test.
bool point_in_ring(const Ring<WorldXY>& ring, WorldXY p);
/// Point in polygon (inside outer, outside every hole).
bool point_in_polygon(const Polygon<WorldXY>& poly, WorldXY p);

/// Douglas–Peucker simplification of an open polyline; keeps both end points.
/// `tolerance` is in the coordinate units of the points (metres for WorldXY).
LineString<WorldXY> simplify(const LineString<WorldXY>& line, double tolerance);

}  // namespace sitmap::core
