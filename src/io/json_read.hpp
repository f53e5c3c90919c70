// Parsing JSON from files (briefings, GeoJSON events) without trusting its shape: nesting is
// bounded before nlohmann-json sees the text (a 100,000-deep array would overflow the stack in
// dump() and in recursive readers), and every failure is located by line:column or JSON path.
// Part of sitmap_io; no GDAL here.
#pragma once
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace sitmap::io {

/// Deepest nesting of arrays and objects accepted. GeoJSON needs 7 (a FeatureCollection of
/// MultiPolygons), a briefing 5; 256 leaves room for any honest file and keeps recursion shallow.
inline constexpr std::size_t kMaxJsonDepth = 256;

/// Parses `text`, read from `source` (a path, named in messages). On failure returns nullopt and
/// sets `problem` to a located message: "b.json:12:5: invalid JSON: ..." (line:column),
/// "b.json:3:9: nesting deeper than 256 levels ..." or "b.json: slides[0].view.bbox[0]: number
/// '-1e400' is out of range ..." (the JSON path of a number too large for a double).
std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& source, std::string& problem,
                                         std::size_t max_depth = kMaxJsonDepth);

}  // namespace sitmap::io
