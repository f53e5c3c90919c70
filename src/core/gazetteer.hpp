// Gazetteer: the named places sitmap can geocode (towns, districts, regions, corridors, borders,
// countries) with all their spelling variants, and the matcher that finds them in text.
// Matching is on folded tokens (see text_tokens.hpp): it ignores case, diacritics, hyphenation and
// possessives. Part of sitmap_core: no file reading (io/gazetteer_io does that), no GDAL.
#pragma once
#include "core/flat_string_map.hpp"
#include "core/geometry.hpp"
#include "core/text_tokens.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::core {

/// How precisely an event's position is known: a town, a district seat, a region anchor, a capital.
enum class LocationPrecision { Point, District, Region, Country };

std::string_view location_precision_name(LocationPrecision p);  ///< "point", "district", "region", "country"
std::optional<LocationPrecision> parse_location_precision(std::string_view text);

/// A gazetteer entry (called NamedPlace because core::Place is the map symbol in scene.hpp).
struct NamedPlace {
    std::string name;                   ///< canonical name ("Khankendi", "Aghdam district")
    std::vector<std::string> variants;  ///< other written forms ("Stepanakert", "Xankəndi")
    LonLat position;
    bool has_position = false;
    std::string kind;  ///< "town", "district", "region", "corridor", "country", ...
    LocationPrecision precision = LocationPrecision::Point;
    std::string country;
    std::string district;  ///< the district (or province) the place lies in
    bool curated = false;  ///< from the hand-curated reference list (wins ties)
};

/// A place found in text: token range [first_token, last_token) and byte range [begin, end).
struct PlaceMention {
    std::size_t place = 0;  ///< index into Gazetteer::places()
    std::size_t first_token = 0;
    std::size_t last_token = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::vector<std::size_t> alternatives;  ///< other places with the same name (before resolution)
    bool tolerant = false;                  ///< matched a variant only after transliteration folding or one edit
};

class Gazetteer {
public:
    /// Adds a place; its name and variants become matchable. Returns its index.
    std::size_t add(NamedPlace place);

    const std::vector<NamedPlace>& places() const { return places_; }
    const NamedPlace& place(std::size_t index) const { return places_.at(index); }
    std::size_t size() const { return places_.size(); }

    /// All places whose name or a variant folds to the same key as `name` (curated first).
    std::vector<std::size_t> lookup(std::string_view name) const;
    /// The canonical place named exactly `name` (after folding), preferring curated entries.
    const NamedPlace* find(std::string_view name) const;
    /// The district entry for a town ("Aghdam" -> "Aghdam district"), if there is one.
    std::optional<std::size_t> district_of(std::size_t town) const;

    /// Finds place mentions in `tokens` (from tokenize(text)): longest match wins; a variant written
    /// with a capital letter only matches a capitalised word, so "sus" or "tegh" in running text are
    /// not villages. "X district/region/rayon" and "the districts of X, Y and Z" select district
    /// entries. Ambiguous names are resolved towards `context` (e.g. the places already named in the
    /// document) and then towards curated entries. A capitalised name that matches nothing exactly
    /// is matched tolerantly: transliteration variants fold together (kh/x/h, gh/q/g, sh/ş/s,
    /// dzh/j, doubled letters, y/i: "Agdam", "Xocavənd", "Shushi") and, for names of six letters
    /// or more, one edit ("Lachine", "Stepankert", "Fizuli") is allowed.
    std::vector<PlaceMention> find_mentions(std::string_view text, const std::vector<Token>& tokens,
                                            const std::vector<LonLat>& context = {}) const;

    /// Great-circle distance in kilometres.
    static double distance_km(LonLat a, LonLat b);

private:
    struct Entry {
        std::size_t place;
        bool needs_capital;
    };
    std::vector<NamedPlace> places_;
    FlatStringMap<std::vector<Entry>> index_;  ///< folded key -> places
    FlatStringMap<std::size_t> first_words_;   ///< first word -> max key words
    /// One bit per FoldedHash of every first word (low 18 bits): most words of a text are no
    /// place's first word, and this small table answers that without probing first_words_.
    std::vector<std::uint64_t> first_word_bits_ = std::vector<std::uint64_t>(4096, 0);
    bool maybe_first_word(std::string_view w) const {
        const std::size_t h = FoldedHash{}(w)&0x3FFFF;
        return (first_word_bits_[h >> 6] >> (h & 63)) & 1u;
    }
    /// Tolerant matching: transliteration skeleton of each key -> places; and each skeleton with
    /// one letter deleted -> places (symmetric-delete edit-distance search).
    FlatStringMap<std::vector<std::size_t>> skeletons_;
    FlatStringMap<std::vector<std::size_t>> deletions_;
    std::optional<std::size_t> tolerant_match(const std::vector<Token>& tokens, std::size_t i, std::size_t len,
                                              std::string_view text) const;
    std::optional<std::size_t> tolerant_lookup(const std::string& key) const;
};

/// The transliteration skeleton of a folded key ("khojavend" -> "hojavend", "agdam"/"aghdam" ->
/// "agdam", "shusha" -> "susa").
std::string place_skeleton(std::string_view folded);

}  // namespace sitmap::core
