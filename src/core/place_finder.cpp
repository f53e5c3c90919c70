#include "core/place_finder.hpp"

#include <cmath>

namespace sitmap::core {

std::string PlaceMatch::label() const {
    std::string out = name;
    if (!matched.empty() && matched != name) out += " (" + matched + ")";
    if (!kind.empty()) out += " \u00b7 " + kind;
    if (!where.empty()) out += " \u00b7 " + where;
    return out;
}

std::vector<PlaceMatch> find_places(const PlaceSearch& search, const Gazetteer& gazetteer, std::string_view query,
                                    std::size_t limit) {
    std::vector<PlaceMatch> out;
    if (limit == 0) return out;
    // Ask for more than `limit`: some hits (borders, unlocated names) have no position.
    for (const PlaceHit& hit : search.search(query, limit * 3 + 8)) {
        const NamedPlace& p = gazetteer.place(hit.place);
        if (!p.has_position) continue;
        std::string where = p.district;
        if (!p.country.empty() && p.country != p.district) where += (where.empty() ? "" : ", ") + p.country;
        out.push_back({.place = hit.place,
                       .name = p.name,
                       .matched = hit.matched,
                       .kind = p.kind,
                       .where = std::move(where),
                       .position = p.position});
        if (out.size() == limit) break;
    }
    return out;
}

GeoBox place_view_box(const NamedPlace& place) {
    double km = 12;  // village, town, point features
    if (place.kind.starts_with("city")) km = 25;
    switch (place.precision) {
        case LocationPrecision::Point:
            break;
        case LocationPrecision::District:
            km = 60;
            break;
        case LocationPrecision::Region:
            km = 170;
            break;
        case LocationPrecision::Country:
            km = 450;
            break;
    }
    constexpr double kKmPerDegreeLat = 111.32;
    constexpr double kPi = 3.14159265358979323846;
    const double half_lat = km / 2 / kKmPerDegreeLat;
    const double half_lon = half_lat / std::max(0.2, std::cos(place.position.lat * kPi / 180));
    return GeoBox{place.position.lon - half_lon, place.position.lat - half_lat, place.position.lon + half_lon,
                  place.position.lat + half_lat};
}

}  // namespace sitmap::core
