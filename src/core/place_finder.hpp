// Find a place: what the window's search box lists as the user types a place name in any of its
// spellings or scripts (Khankendi, Stepanakert, Ստեփանակերտ, Xankəndi), and the view the map
// flies to when one is picked. Builds on PlaceSearch (core/review.hpp) over the gazetteer.
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/gazetteer.hpp"
#include "core/geometry.hpp"
#include "core/review.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// One line of the search box's list.
struct PlaceMatch {
    std::size_t place = 0;   ///< index into Gazetteer::places()
    std::string name;        ///< canonical name ("Khankendi")
    std::string other_side;  ///< the other side's name, when it differs ("Stepanakert"); else empty
    std::string matched;     ///< the written form that matched ("Xankəndi"); equals name when it did
    std::string kind;        ///< "city", "town", "district", ...
    std::string where;       ///< district or province and country ("Syunik province, Armenia")
    LonLat position;
    /// What the list shows: "Khankendi / Stepanakert · city · Khankendi city, Azerbaijan", with
    /// the form typed in brackets when it is neither name ("Khankendi / Stepanakert (Xankəndi)").
    std::string label() const;
};

/// Other-side names by canonical name ("Khankendi" -> "Stepanakert"), as the places layer has them.
using OtherSideNames = std::map<std::string, std::string>;

/// Places with a position matching `query` (case, diacritics, hyphens ignored; Armenian and
/// Cyrillic transliterated; a prefix of a name or of one of its words matches), best first as
/// PlaceSearch ranks them, at most `limit`. Places without a position are left out (the map
/// cannot fly to them). Empty or blank query: no matches.
/// `other_side` (may be null) gives each match its other-side name.
std::vector<PlaceMatch> find_places(const PlaceSearch& search, const Gazetteer& gazetteer, std::string_view query,
                                    std::size_t limit = 10, const OtherSideNames* other_side = nullptr);

/// The lon/lat box the map shows for a picked place, centred on it, sized by what it is: a
/// village or town about 12 km across, a city about 25 km, a district about 60 km, a region
/// about 170 km, a country about 450 km.
GeoBox place_view_box(const NamedPlace& place);

}  // namespace sitmap::core
