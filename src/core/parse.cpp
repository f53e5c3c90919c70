#include "core/parse.hpp"

#include "core/error.hpp"

#include <charconv>
#include <cmath>
#include <vector>

namespace sitmap::core {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    return out;
}
}  // namespace

bool parse_double(std::string_view text, double& out) {
    text = trim(text);
    if (text.empty()) return false;
    if (text.front() == '+') text.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size() && std::isfinite(out);
}

GeoBox parse_bbox(std::string_view text) {
    const auto parts = split(text, ',');
    double v[4];
    if (parts.size() != 4 || !parse_double(parts[0], v[0]) || !parse_double(parts[1], v[1]) ||
        !parse_double(parts[2], v[2]) || !parse_double(parts[3], v[3]))
        throw usage_error("invalid --bbox '{}' (expected W,S,E,N in degrees, e.g. 44.5,38.8,47.5,40.6)", text);
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90)
        throw usage_error("invalid --bbox '{}' (longitudes must be within -180..180, latitudes within -90..90)", text);
    if (v[0] >= v[2] || v[1] >= v[3]) throw usage_error("invalid --bbox '{}' (need W < E and S < N)", text);
    return GeoBox{v[0], v[1], v[2], v[3]};
}

PixelSize parse_size(std::string_view text, int max_side) {
    const auto t = trim(text);
    const auto x = t.find_first_of("xX");
    int w = 0, h = 0;
    auto parse_int = [](std::string_view s, int& out) {
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return !s.empty() && ec == std::errc{} && ptr == s.data() + s.size();
    };
    if (x == std::string_view::npos || !parse_int(t.substr(0, x), w) || !parse_int(t.substr(x + 1), h))
        throw usage_error("invalid --size '{}' (expected WIDTHxHEIGHT in pixels, e.g. 1920x1080)", text);
    if (w < 1 || h < 1 || w > max_side || h > max_side)
        throw usage_error("invalid --size '{}' (each side must be 1..{} pixels)", text, max_side);
    return {w, h};
}

LonLat parse_lat_lon(std::string_view text) {
    const auto parts = split(text, ',');
    double lat = 0, lon = 0;
    if (parts.size() != 2 || !parse_double(parts[0], lat) || !parse_double(parts[1], lon))
        throw usage_error("invalid coordinate '{}' (expected LAT,LON in degrees, e.g. 39.82,46.75)", text);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
        throw usage_error("invalid coordinate '{}' (latitude must be within -90..90, longitude within -180..180)",
                          text);
    return {lon, lat};
}

double parse_confidence_arg(std::string_view text, std::string_view what) {
    double v = 0;
    if (!parse_double(text, v) || v < 0 || v > 1)
        throw usage_error("invalid {} '{}' (expected a number from 0 to 1)", what, text);
    return v;
}

}  // namespace sitmap::core
