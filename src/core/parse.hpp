// Parsing of command-line values (--bbox, --size, --at, --min-confidence). Each throws sitmap::Error with a one-line
// message quoting the bad value and saying what was expected. Part of sitmap_core.
#pragma once
#include "core/geometry.hpp"

#include <string>
#include <string_view>

namespace sitmap::core {

/// "W,S,E,N" in degrees, W < E, S < N, within -180..180 / -90..90.
GeoBox parse_bbox(std::string_view text);

struct PixelSize {
    int width = 0;
    int height = 0;
};
/// "WxH", each 1..max_side.
PixelSize parse_size(std::string_view text, int max_side = 16384);

/// "LAT,LON" in degrees (latitude first, as people write it).
LonLat parse_lat_lon(std::string_view text);

/// "--min-confidence": a number from 0 to 1. Throws UsageError quoting the value and naming `what`.
double parse_confidence_arg(std::string_view text, std::string_view what = "--min-confidence");

/// Parses a finite double covering the whole of `text`; false otherwise.
bool parse_double(std::string_view text, double& out);

}  // namespace sitmap::core
