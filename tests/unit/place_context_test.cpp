// The place model's view of the document around an event (core/extract_place.hpp): which country
// a report's towns and villages lie in, and the candidates and features that follow from it.
// Synthetic sentences in the forms of two outlets (a wire report, a live blog), not corpus text.
#include "core/extract_frames.hpp"
#include "core/extract_place.hpp"
#include "core/extractor.hpp"
#include "test_places.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace sitmap::core;

namespace {

Gazetteer border_gazetteer() {
    Gazetteer g;
    auto add = [&](std::string name, std::vector<std::string> variants, double lat, double lon, std::string kind,
                   LocationPrecision p, std::string country) {
        NamedPlace np = testing::test_place(std::move(name), std::move(variants), lat, lon, std::move(kind), p);
        np.country = std::move(country);
        g.add(std::move(np));
    };
    add("Nagorno-Karabakh", {"Artsakh"}, 39.85, 46.75, "region", LocationPrecision::Region,
        "Azerbaijan (de jure); de facto Artsakh until 2023");
    add("Armenia", {"Armenian"}, 40.18, 44.51, "country", LocationPrecision::Country, "Armenia");
    add("Azerbaijan", {"Azerbaijani"}, 40.377, 49.892, "country", LocationPrecision::Country, "Azerbaijan");
    add("Yerevan", {}, 40.18, 44.51, "city (capital)", LocationPrecision::Point, "Armenia");
    add("Jermuk", {}, 39.84, 45.67, "town", LocationPrecision::Point, "AM");
    add("Sotk", {}, 40.22, 45.93, "village", LocationPrecision::Point, "AM");
    add("Goris", {}, 39.51, 46.34, "town", LocationPrecision::Point, "Armenia");
    add("Shusha", {"Shushi"}, 39.76, 46.75, "town", LocationPrecision::Point, "Azerbaijan");
    add("Fuzuli", {}, 39.6, 47.145, "town", LocationPrecision::Point, "AZ");
    return g;
}

std::size_t index_of(const Gazetteer& g, std::string_view name) {
    return g.lookup(name).front();
}

double feature(const extract::PlaceCandidate& c, std::string_view name) {
    const auto& names = extract::place_feature_names();
    const auto it = std::find(names.begin(), names.end(), name);
    REQUIRE(it != names.end());
    return c.features[static_cast<std::size_t>(it - names.begin())];
}

/// The candidates of the sentence's last frame, in a document that names `counts`.
std::vector<extract::PlaceCandidate> candidates_in(const Gazetteer& g, const std::string& text,
                                                   const std::map<std::size_t, int>& counts) {
    const auto toks = tokenize(text);
    const auto places = g.find_mentions(text, toks);
    const auto frames = extract::find_frames(text, toks);
    REQUIRE_FALSE(frames.empty());
    const extract::SentenceView view = extract::view_of(text, toks, places);
    const std::size_t focus = index_of(g, "Nagorno-Karabakh");
    const auto picks = extract::attach_places(g, view, frames.back(), focus);
    extract::PlaceContext ctx{.focus = focus};
    ctx.document_counts = &counts;
    ctx.passage_counts = &counts;
    return extract::place_candidates(g, view, frames.back(), picks, ctx);
}

const extract::PlaceCandidate* named(const Gazetteer& g, const std::vector<extract::PlaceCandidate>& cands,
                                     std::string_view name) {
    const auto it = std::find_if(cands.begin(), cands.end(),
                                 [&](const extract::PlaceCandidate& c) { return g.place(c.place).name == name; });
    return it == cands.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("country_key reads the gazetteer's country, written out or as an ISO code", "[core][extract]") {
    const Gazetteer g = border_gazetteer();
    CHECK(extract::country_key(g.place(index_of(g, "Jermuk"))) == "Armenia");
    CHECK(extract::country_key(g.place(index_of(g, "Goris"))) == "Armenia");
    CHECK(extract::country_key(g.place(index_of(g, "Fuzuli"))) == "Azerbaijan");
    CHECK(extract::country_key(g.place(index_of(g, "Nagorno-Karabakh"))) == "Azerbaijan");
    CHECK(extract::country_key(g.place(index_of(g, "Armenia"))) == "Armenia");
    // Towns and districts tell where a report is; a capital often stands for its government.
    CHECK(extract::inside_country(g.place(index_of(g, "Sotk"))));
    CHECK_FALSE(extract::inside_country(g.place(index_of(g, "Yerevan"))));
    CHECK_FALSE(extract::inside_country(g.place(index_of(g, "Armenia"))));
}

TEST_CASE("a report whose villages lie in one country offers that country to the place model", "[core][extract]") {
    const Gazetteer g = border_gazetteer();
    // A wire report on shelling inside Armenia: its towns are Armenian, Karabakh is background.
    const std::map<std::size_t, int> border{{index_of(g, "Jermuk"), 3},     {index_of(g, "Sotk"), 2},
                                            {index_of(g, "Goris"), 1},      {index_of(g, "Armenia"), 4},
                                            {index_of(g, "Azerbaijan"), 2}, {index_of(g, "Nagorno-Karabakh"), 1}};
    const auto wire =
        candidates_in(g, "Prime Minister Nikol Pashinyan told parliament that 49 soldiers had been killed.", border);
    const auto* armenia = named(g, wire, "Armenia");
    REQUIRE(armenia != nullptr);  // the sentence names no place: Armenia comes from the document
    CHECK((armenia->sources & extract::kFromDocumentCountry));
    CHECK(feature(*armenia, "from_document_country") == 1.0);
    CHECK(feature(*armenia, "country_share_document") == Approx(1.0));
    const auto* nk = named(g, wire, "Nagorno-Karabakh");
    REQUIRE(nk != nullptr);
    CHECK(feature(*nk, "country_share_document") == 0.0);
    CHECK(feature(*nk, "from_document_country") == 0.0);

    // A live blog of the 2020 war: its towns are in Karabakh, so Azerbaijan is the document's country
    // and Karabakh shares it; Armenia, named as a speaker, shares nothing.
    const std::map<std::size_t, int> war{{index_of(g, "Shusha"), 4},     {index_of(g, "Fuzuli"), 2},
                                         {index_of(g, "Goris"), 1},      {index_of(g, "Armenia"), 3},
                                         {index_of(g, "Azerbaijan"), 3}, {index_of(g, "Nagorno-Karabakh"), 5}};
    const auto blog = candidates_in(g, "10:42 - The Armenian defence ministry says two drones were shot down.", war);
    const auto* az = named(g, blog, "Azerbaijan");
    REQUIRE(az != nullptr);
    CHECK((az->sources & extract::kFromDocumentCountry));
    const auto* nk2 = named(g, blog, "Nagorno-Karabakh");
    REQUIRE(nk2 != nullptr);
    CHECK(feature(*nk2, "country_share_document") == Approx(6.0 / 7.0));
    const auto* am = named(g, blog, "Armenia");
    REQUIRE(am != nullptr);
    CHECK(feature(*am, "country_share_document") == Approx(1.0 / 7.0));
    CHECK_FALSE((am->sources & extract::kFromDocumentCountry));
}

TEST_CASE("a document without towns or districts offers no document country", "[core][extract]") {
    const Gazetteer g = border_gazetteer();
    const std::map<std::size_t, int> vague{{index_of(g, "Armenia"), 2}, {index_of(g, "Nagorno-Karabakh"), 2}};
    const auto c = candidates_in(g, "Armenia said on Monday that talks would resume.", vague);
    for (const auto& k : c) {
        CHECK_FALSE((k.sources & extract::kFromDocumentCountry));
        CHECK(feature(k, "country_share_document") == 0.0);
    }
}

TEST_CASE("country_beside_focus: the country a document's towns lie in, when not its focus region's",
          "[core][extract]") {
    const Gazetteer g = border_gazetteer();
    const std::size_t nk = index_of(g, "Nagorno-Karabakh");
    const std::size_t armenia = index_of(g, "Armenia");
    const std::map<std::size_t, int> border{
        {index_of(g, "Jermuk"), 2}, {index_of(g, "Sotk"), 2}, {index_of(g, "Shusha"), 1}, {armenia, 3}, {nk, 1}};
    CHECK(extract::country_beside_focus(g, border, nk) == armenia);
    // Towns in the focus region's own country: nothing beside it.
    const std::map<std::size_t, int> war{
        {index_of(g, "Shusha"), 3}, {index_of(g, "Fuzuli"), 2}, {index_of(g, "Goris"), 1}, {armenia, 2}, {nk, 4}};
    CHECK_FALSE(extract::country_beside_focus(g, war, nk));
    // Too few towns to tell, or a country the document never names.
    CHECK_FALSE(extract::country_beside_focus(g, {{index_of(g, "Jermuk"), 2}, {armenia, 1}, {nk, 1}}, nk));
    CHECK_FALSE(extract::country_beside_focus(g, {{index_of(g, "Jermuk"), 3}, {index_of(g, "Sotk"), 1}, {nk, 1}}, nk));
}

TEST_CASE("an event without a place in a report on Armenia's border falls back to Armenia, not Karabakh",
          "[core][extract]") {
    static const Gazetteer g = border_gazetteer();
    auto run_doc = [&](const std::string& text) {
        Diagnostics diags;
        const Document doc = parse_document("t.txt", text, diags);
        return Extractor(g, {}).extract(doc, diags);
    };
    auto place_of_claim = [](const std::vector<Event>& ev) {
        const auto it = std::find_if(ev.begin(), ev.end(), [](const Event& e) {
            return e.source.quote.find("Pashinyan") != std::string::npos ||
                   e.source.quote.find("security council") != std::string::npos;
        });
        REQUIRE(it != ev.end());
        return it->place;
    };
    // A wire report: the shelled towns are Armenian; Karabakh is named once, as background.
    const auto wire = run_doc(
        "Date: 2022-09-14\n---\nAzerbaijani artillery shelled Jermuk and Sotk overnight, the Armenian defence ministry "
        "said. "
        "Shells also hit houses in Goris on Tuesday. It is the worst fighting since the 2020 war over "
        "Nagorno-Karabakh.\n\nPrime Minister Nikol Pashinyan asked Russia for military help on Wednesday.\n");
    CHECK(place_of_claim(wire) == "Armenia");
    // A live blog of the same kind of day.
    const auto blog = run_doc(
        "Date: 2021-11-16\n---\n14:05 - Heavy fire is reported near Goris and near Sotk, local officials say.\n\n"
        "14:40 - Armenian officials report shelling near Jermuk as well; Artsakh reports none.\n\n15:10 - The security "
        "council met in an "
        "emergency session, the government said.\n");
    CHECK(place_of_claim(blog) == "Armenia");
    // A report of the 2020 war: the towns are in Karabakh, so the claim stays with the focus.
    const auto war = run_doc(
        "Date: 2020-10-05\n---\nArmenian artillery shelled Shusha and Fuzuli overnight. Fighting went on across "
        "Nagorno-Karabakh, and Armenia said Goris was also hit.\n\nPrime Minister Nikol Pashinyan asked Russia "
        "for help on Monday.\n");
    CHECK(place_of_claim(war) == "Nagorno-Karabakh");
}
