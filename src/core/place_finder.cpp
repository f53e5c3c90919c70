#include "core/place_finder.hpp"

#include <cmath>

namespace sitmap::core {

std::string PlaceMatch::label() const {
    std::string out = name;
    if (!other_side.empty()) out += " / " + other_side;
    if (!matched.empty() && matched != name && matched != other_side) out += " (" + matched + ")";
    if (!kind.empty()) out += " \u00b7 " + kind;
    if (!where.empty()) out += " \u00b7 " + where;
    return out;
}

std::vector<PlaceMatch> find_places(const PlaceSearch& search, const Gazetteer& gazetteer, std::string_view query,
                                    std::size_t limit, const OtherSideNames* other_side) {
    std::vector<PlaceMatch> out;
    if (limit == 0) return out;
    // Ask for more than `limit`: some hits (borders, unlocated names) have no position.
    for (const PlaceHit& hit : search.search(query, limit * 3 + 8)) {
        const NamedPlace& p = gazetteer.place(hit.place);
        if (!p.has_position) continue;
        std::string where = p.district;
        if (!p.country.empty() && p.country != p.district) where += (where.empty() ? "" : ", ") + p.country;
        std::string alt;
        if (other_side)
            if (const auto it = other_side->find(p.name); it != other_side->end() && it->second != p.name)
                alt = it->second;
        out.push_back({.place = hit.place,
                       .name = p.name,
                       .other_side = std::move(alt),
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
