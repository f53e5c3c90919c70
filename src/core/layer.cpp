#include "core/layer.hpp"

#include <charconv>

namespace sitmap::core {

std::string Feature::attr(const std::string& key, const std::string& fallback) const {
    auto it = attributes.find(key);
    return it == attributes.end() || it->second.empty() ? fallback : it->second;
}

double Feature::number(const std::string& key, double fallback) const {
    auto it = attributes.find(key);
    if (it == attributes.end() || it->second.empty()) return fallback;
    double v = 0;
    const auto& s = it->second;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc{} ? v : fallback;
}

}  // namespace sitmap::core
