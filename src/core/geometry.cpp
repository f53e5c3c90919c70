#include "core/geometry.hpp"

#include <cmath>

namespace sitmap::core {

bool point_in_ring(const Ring<WorldXY>& ring, WorldXY p) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x;
            if (p.x < x) inside = !inside;
        }
    }
    return inside;
}

bool point_in_polygon(const Polygon<WorldXY>& poly, WorldXY p) {
    if (!point_in_ring(poly.outer, p)) return false;
    for (const auto& h : poly.holes)
        if (point_in_ring(h, p)) return false;
    return true;
}

namespace {
double segment_distance2(WorldXY p, WorldXY a, WorldXY b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}
}  // namespace

LineString<WorldXY> simplify(const LineString<WorldXY>& line, double tolerance) {
    if (line.size() < 3 || tolerance <= 0) return line;
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    // Iterative stack instead of recursion: rivers can have tens of thousands of points.
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, line.size() - 1}};
    const double tol2 = tolerance * tolerance;
    while (!stack.empty()) {
        auto [first, last] = stack.back();
        stack.pop_back();
        double max_d = -1;
        std::size_t index = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const double d = segment_distance2(line[i], line[first], line[last]);
            if (d > max_d) {
                max_d = d;
                index = i;
            }
        }
        if (max_d > tol2) {
            keep[index] = 1;
            stack.emplace_back(first, index);
            stack.emplace_back(index, last);
        }
    }
    LineString<WorldXY> out;
    for (std::size_t i = 0; i < line.size(); ++i)
        if (keep[i]) out.push_back(line[i]);
    return out;
}

}  // namespace sitmap::core
