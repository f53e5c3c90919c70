#include "core/annotation.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace sitmap::core {

std::string_view annotation_kind_name(AnnotationKind kind) {
    switch (kind) {
        case AnnotationKind::Text:
            return "text";
        case AnnotationKind::Arrow:
            return "arrow";
        case AnnotationKind::Circle:
            return "circle";
        case AnnotationKind::Callout:
            return "callout";
    }
    return "text";
}

std::optional<AnnotationKind> parse_annotation_kind(std::string_view name) {
    for (AnnotationKind k : all_annotation_kinds)
        if (annotation_kind_name(k) == name) return k;
    return std::nullopt;
}

bool operator==(const Annotation& a, const Annotation& b) {
    const auto same = [](const LonLat& p, const LonLat& q) { return p.lon == q.lon && p.lat == q.lat; };
    return a.kind == b.kind && a.text == b.text && a.radius_km == b.radius_km && a.curved == b.curved &&
           a.color == b.color && a.points.size() == b.points.size() &&
           std::equal(a.points.begin(), a.points.end(), b.points.begin(), same);
}

std::size_t min_points(AnnotationKind kind) {
    return (kind == AnnotationKind::Text || kind == AnnotationKind::Circle) ? 1 : 2;
}

bool fixed_point_count(AnnotationKind kind) {
    return kind != AnnotationKind::Arrow;
}

std::uint32_t annotation_color(const Annotation& a) {
    if (a.color) return *a.color;
    switch (a.kind) {
        case AnnotationKind::Arrow:
            return 0xb2182b;
        case AnnotationKind::Circle:
            return 0xd6604d;
        case AnnotationKind::Text:
        case AnnotationKind::Callout:
            return 0x1a1a1a;
    }
    return 0x1a1a1a;
}

std::string annotation_problem(const Annotation& a) {
    const std::size_t n = min_points(a.kind);
    if (a.points.size() < n || (fixed_point_count(a.kind) && a.points.size() != n)) {
        switch (a.kind) {
            case AnnotationKind::Arrow:
                return fmt::format("path: {} point(s) (an arrow needs at least 2: tail ... head)", a.points.size());
            case AnnotationKind::Callout:
                return "at/to: a callout needs both \"at\" (the box) and \"to\" (the point it marks)";
            case AnnotationKind::Text:
            case AnnotationKind::Circle:
                return "at: missing (the position, {\"lat\", \"lon\"})";
        }
    }
    for (const LonLat& p : a.points)
        if (!(p.lat >= -89 && p.lat <= 89 && p.lon >= -180 && p.lon <= 180))
            return fmt::format("point ({}, {}) is out of range (lat -89..89, lon -180..180)", p.lat, p.lon);
    const bool needs_text = a.kind == AnnotationKind::Text || a.kind == AnnotationKind::Callout;
    if (needs_text && a.text.empty())
        return fmt::format("text: missing (a {} shows text)", annotation_kind_name(a.kind));
    if (a.kind == AnnotationKind::Circle && !(a.radius_km > 0 && a.radius_km <= 2000))
        return fmt::format("radius_km: '{}' is not a radius (kilometres, 0 < r <= 2000)", a.radius_km);
    if (a.color && *a.color > 0xffffff) return fmt::format("color: '{:#x}' is not #rrggbb", *a.color);
    return {};
}

Annotation make_annotation(AnnotationKind kind, LonLat at, double span_km) {
    // Degrees of longitude per kilometre at this latitude, so shapes look the same size anywhere.
    const double km_lat = 1 / 111.2, km_lon = km_lat / std::max(0.1, std::cos(at.lat * 3.14159265358979 / 180));
    const double d = std::max(1.0, span_km) / 8;  // an eighth of the view
    Annotation a{.kind = kind};
    switch (kind) {
        case AnnotationKind::Text:
            a.points = {at};
            a.text = "Text";
            break;
        case AnnotationKind::Arrow:
            a.points = {at, {at.lon + d * km_lon, at.lat}};
            break;
        case AnnotationKind::Circle:
            a.points = {at};
            a.radius_km = std::max(0.5, std::round(span_km / 20 * 10) / 10);
            break;
        case AnnotationKind::Callout:
            a.points = {{at.lon - d * km_lon, at.lat + d * 0.6 * km_lat}, at};
            a.text = "Callout";
            break;
    }
    return a;
}

void move_annotation(Annotation& a, double dlon, double dlat) {
    for (LonLat& p : a.points) {
        p.lon = std::clamp(p.lon + dlon, -180.0, 180.0);
        p.lat = std::clamp(p.lat + dlat, -89.0, 89.0);
    }
}

}  // namespace sitmap::core
