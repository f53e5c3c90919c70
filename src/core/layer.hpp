// Layer: vector features and rasters in LonLat as io loads them, before projection.
// Part of sitmap_core: no GL, GDAL or ImGui (io converts GDAL objects into these types).
#pragma once
#include "core/geometry.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::core {

enum class GeometryKind { Polygon, Line, Point };

struct Feature {
    std::int64_t fid = 0;
    MultiPolygon<LonLat> polygons;  ///< for GeometryKind::Polygon
    MultiLineString<LonLat> lines;  ///< for GeometryKind::Line
    std::vector<LonLat> points;     ///< for GeometryKind::Point
    std::map<std::string, std::string> attributes;

    /// Attribute as text, or `fallback` when absent or empty.
    std::string attr(const std::string& key, const std::string& fallback = {}) const;
    /// Attribute as a number, or `fallback` when absent or not numeric.
    double number(const std::string& key, double fallback = 0.0) const;
};

struct VectorLayer {
    std::string path;  ///< the file it came from (for messages and provenance)
    std::string name;  ///< layer name inside the file
    GeometryKind kind = GeometryKind::Polygon;
    std::vector<Feature> features;
};

/// A single-band 8-bit raster on a lon/lat grid (e.g. the hillshade). Row 0 is the north edge.
struct GreyRaster {
    std::string path;
    int width = 0;
    int height = 0;
    GeoBox extent;  ///< outer pixel edges, degrees
    std::vector<std::uint8_t> pixels;
};

}  // namespace sitmap::core
