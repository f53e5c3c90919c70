// Place matching: folding of case, diacritics, hyphens and possessives; variants; district vs town;
// capitalisation guard; ambiguity resolved by context.
#include "core/gazetteer.hpp"
#include "test_places.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

namespace {

Gazetteer small_gazetteer() {
    Gazetteer g;
    auto add = [&](std::string name, std::vector<std::string> variants, double lat, double lon, std::string kind,
                   LocationPrecision p, bool curated = true) {
        NamedPlace np;
        np.name = std::move(name);
        np.variants = std::move(variants);
        np.position = {lon, lat};
        np.has_position = true;
        np.kind = std::move(kind);
        np.precision = p;
        np.curated = curated;
        return g.add(std::move(np));
    };
    add("Khankendi", {"Stepanakert", "Xankəndi"}, 39.8177, 46.7528, "city", LocationPrecision::Point);
    add("Shusha", {"Shushi", "Şuşa"}, 39.76, 46.75, "town", LocationPrecision::Point);
    add("Aghdam", {"Agdam", "Ağdam"}, 39.99, 46.93, "town", LocationPrecision::Point);
    add("Aghdam district", {"Agdam region"}, 39.99, 46.93, "district", LocationPrecision::District);
    add("Kalbajar", {"Kelbajar", "Karvachar"}, 40.11, 46.04, "town", LocationPrecision::Point);
    add("Kalbajar district", {}, 40.11, 46.04, "district", LocationPrecision::District);
    add("Nagorno-Karabakh", {"Artsakh"}, 39.85, 46.75, "region", LocationPrecision::Region);
    add("Baku", {"Bakı"}, 40.38, 49.89, "city (capital)", LocationPrecision::Point);
    add("Sus", {}, 39.63, 46.6, "village", LocationPrecision::Point);
    add("line of contact", {"contact line", "contact lines"}, 39.85, 46.75, "line", LocationPrecision::Region);
    // Two places share a name: one near Karabakh, one far north.
    add("Vank", {}, 40.0, 46.6, "village", LocationPrecision::Point, false);
    add("Vank", {}, 41.2, 44.0, "village", LocationPrecision::Point, false);
    return g;
}

std::vector<std::string> names_in(const Gazetteer& g, std::string_view text, std::vector<LonLat> ctx = {}) {
    std::vector<std::string> out;
    for (const auto& m : g.find_mentions(text, tokenize(text), ctx)) out.push_back(g.place(m.place).name);
    return out;
}

}  // namespace

TEST_CASE("folding ignores case, diacritics, hyphens and apostrophes", "[core][gazetteer]") {
    CHECK(fold_for_match("Şuşa") == "susa");
    CHECK(fold_for_match("Xankəndi") == "xankendi");
    CHECK(fold_for_match("Nagorno-Karabakh") == fold_for_match("nagorno karabakh"));
    CHECK(fold_for_match("Baku's") == "baku");
    CHECK(fold_for_match("Baku’s") == "baku");
    CHECK(fold_for_match("Azerbaijan’s army") == "azerbaijan army");  // ASCII word, typographic apostrophe
    CHECK(fold_for_match("Qubadli—Lachin") == "qubadli lachin");      // ASCII word, non-ASCII dash
    CHECK(fold_for_match("Xank\xC9\x99ndi's") == "xankendi");         // ASCII run continued by a non-ASCII letter
    const auto toks = tokenize("Baku’s 2023 Ağdam");
    REQUIRE(toks.size() == 3);
    CHECK(toks[0].possessive);
    CHECK(toks[0].capitalized);
    CHECK(toks[1].numeric);
    CHECK(toks[2].folded == "agdam");
    CHECK(toks[2].begin == 14);                              // "Baku’s " is 9 bytes, "2023 " 5
    CHECK(fold_for_match("Ստեփանակերտ").find("step") == 0);  // Armenian script transliterated
}

TEST_CASE("variants in any spelling find the canonical place", "[core][gazetteer]") {
    const auto g = small_gazetteer();
    CHECK(names_in(g, "shelling of Stepanakert") == std::vector<std::string>{"Khankendi"});
    CHECK(names_in(g, "in XANKƏNDI today") == std::vector<std::string>{"Khankendi"});
    CHECK(names_in(g, "the fall of Şuşa and Shushi") == std::vector<std::string>{"Shusha", "Shusha"});
    CHECK(names_in(g, "Baku's statement") == std::vector<std::string>{"Baku"});
    CHECK(names_in(g, "clashes along the contact lines") == std::vector<std::string>{"line of contact"});
    CHECK(names_in(g, "the Artsakh government") == std::vector<std::string>{"Nagorno-Karabakh"});
}

TEST_CASE("district versus town", "[core][gazetteer]") {
    const auto g = small_gazetteer();
    CHECK(names_in(g, "troops in the Aghdam district") == std::vector<std::string>{"Aghdam district"});
    CHECK(names_in(g, "troops in the Agdam region") == std::vector<std::string>{"Aghdam district"});
    CHECK(names_in(g, "the ghost town of Aghdam") == std::vector<std::string>{"Aghdam"});
    CHECK(names_in(g, "the occupied districts of Aghdam and Kelbajar were returned") ==
          std::vector<std::string>{"Aghdam district", "Kalbajar district"});
}

TEST_CASE("a capitalised variant does not match a lower-case word", "[core][gazetteer]") {
    const auto g = small_gazetteer();
    CHECK(names_in(g, "the sus of it").empty());
    CHECK(names_in(g, "the village of Sus") == std::vector<std::string>{"Sus"});
}

TEST_CASE("an ambiguous name resolves towards the places around it", "[core][gazetteer]") {
    const auto g = small_gazetteer();
    const auto near = g.find_mentions("Vank", tokenize("Vank"), {LonLat{46.75, 39.8}});
    REQUIRE(near.size() == 1);
    CHECK(g.place(near[0].place).position.lat == Approx(40.0));
    CHECK(near[0].alternatives.size() == 1);
    const auto far = g.find_mentions("Vank", tokenize("Vank"), {LonLat{44.5, 41.7}});
    REQUIRE(far.size() == 1);
    CHECK(g.place(far[0].place).position.lat == Approx(41.2));
}

TEST_CASE("lookup, find and district_of", "[core][gazetteer]") {
    const auto g = small_gazetteer();
    REQUIRE(g.find("karvachar") != nullptr);
    CHECK(g.find("karvachar")->name == "Kalbajar");
    CHECK(g.find("Atlantis") == nullptr);
    const auto town = g.lookup("Aghdam");
    REQUIRE_FALSE(town.empty());
    const auto district = g.district_of(town.front());
    REQUIRE(district.has_value());
    CHECK(g.place(*district).name == "Aghdam district");
    CHECK(Gazetteer::distance_km({46.75, 39.82}, {46.75, 39.76}) == Approx(6.67).epsilon(0.02));
    CHECK(location_precision_name(LocationPrecision::District) == "district");
    CHECK(parse_location_precision("region") == LocationPrecision::Region);
}

TEST_CASE("a curated name placed only at its district's seat does not outrank a real point by curation",
          "[core][gazetteer]") {
    Gazetteer g;
    auto add = [&](std::string name, std::vector<std::string> variants, double lat, double lon, std::string kind,
                   LocationPrecision p, bool curated) {
        NamedPlace np = testing::test_place(std::move(name), std::move(variants), lat, lon, std::move(kind), p);
        np.curated = curated;
        return g.add(std::move(np));
    };
    // A village the reference list could not place, plotted at its district's seat, and a town of
    // the same name with its own coordinate, 130 km apart.
    const std::size_t seat_only =
        add("Tashkend (Jabrayil)", {"Tashkend"}, 39.40, 47.03, "village", LocationPrecision::District, true);
    const std::size_t town = add("Upper Tashkend", {"Tashkend"}, 40.52, 46.08, "city", LocationPrecision::Point, false);
    const std::size_t own_point =
        add("Melikli (Jabrayil)", {"Melikli"}, 39.40, 47.03, "village", LocationPrecision::Point, true);
    const std::size_t melikli_town = add("Melikli", {}, 40.52, 46.08, "city", LocationPrecision::Point, false);
    const LonLat kalbajar{46.04, 40.10};  // the other places of the text: 47 km from the town, 120 from the seat
    auto first = [&](const std::string& text, const std::vector<LonLat>& context) {
        const auto m = g.find_mentions(text, tokenize(text), context);
        REQUIRE_FALSE(m.empty());
        return m.front().place;
    };
    // A wire report and a Russian agency's dispatch on the same sector: the town near the context wins.
    CHECK(first("The ministry said its positions in the Tashkend and Kalbajar directions came under fire.",
                {kalbajar}) == town);
    CHECK(first("BAKU, September 13. /Agency/. Sabotage groups mined roads near Tashkend, the agency reports.",
                {kalbajar}) == town);
    // Near its own district the seat-placed village still wins.
    CHECK(first("Villages such as Tashkend were retaken on Friday.", {LonLat{47.0, 39.42}}) == seat_only);
    // Between the two (86 km from the village, 64 km from the town): a curated entry with its own
    // point keeps the curation bonus; the seat-placed one does not.
    const LonLat between{46.4, 40.0};
    CHECK(first("Shelling was reported near Melikli.", {between}) == own_point);
    CHECK(first("Shelling was reported near Tashkend.", {between}) == town);
    CHECK(melikli_town != own_point);
}
