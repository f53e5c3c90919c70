// The extractor on small synthetic paragraphs (not the shipped documents): one event per
// happening and place, types, dates (relative, historical), places, furniture and forecasts.
#include "core/csv.hpp"
#include "core/evaluation.hpp"
#include "core/extractor.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace sitmap::core;
using namespace std::chrono;

namespace {

Date d(int y, unsigned m, unsigned dd) { return Date(year(y), month(m), day(dd)); }

Gazetteer test_gazetteer() {
    Gazetteer g;
    auto add = [&](std::string name, std::vector<std::string> variants, double lat, double lon, std::string kind,
                   LocationPrecision p) {
        NamedPlace np;
        np.name = std::move(name);
        np.variants = std::move(variants);
        np.position = {lon, lat};
        np.has_position = true;
        np.kind = std::move(kind);
        np.precision = p;
        np.curated = true;
        g.add(std::move(np));
    };
    add("Karabakh", {"Garabagh"}, 39.8, 46.9, "region", LocationPrecision::Region);
    add("Khankendi", {"Stepanakert"}, 39.8177, 46.7528, "city", LocationPrecision::Point);
    add("Fuzuli", {"Fizuli"}, 39.6, 47.145, "town", LocationPrecision::Point);
    add("Hadrut", {}, 39.52, 47.03, "town", LocationPrecision::Point);
    add("Martuni", {}, 39.79, 47.11, "town", LocationPrecision::Point);
    add("Martuni district", {}, 39.79, 47.11, "district", LocationPrecision::District);
    add("Baku", {}, 40.377, 49.892, "city (capital)", LocationPrecision::Point);
    add("Azerbaijan", {"Azerbaijani"}, 40.377, 49.892, "country", LocationPrecision::Country);
    add("Armenia", {"Armenian"}, 40.18, 44.51, "country", LocationPrecision::Country);
    return g;
}

std::vector<Event> run(const std::string& text) {
    static const Gazetteer g = test_gazetteer();
    Diagnostics diags;
    const Document doc = parse_document("t.txt", text, diags);
    return Extractor(g).extract(doc, diags);
}

}  // namespace

TEST_CASE("a dated strike with a place becomes one event with its sentence", "[core][extractor]") {
    const std::string text = "Date: 2020-10-26\n---\nArmenian artillery shelled Martuni on Sunday night. "
                             "The weather was mild.\n";
    const auto ev = run(text);
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].type == EventType::Strike);
    CHECK(ev[0].place == "Martuni");
    CHECK(ev[0].location_precision == LocationPrecision::Point);
    CHECK(ev[0].date.start == d(2020, 10, 25));
    CHECK(ev[0].date.precision == DatePrecision::Day);
    CHECK(ev[0].source.quote == "Armenian artillery shelled Martuni on Sunday night.");
    CHECK(text.substr(ev[0].source.begin, ev[0].source.end - ev[0].source.begin) == ev[0].source.quote);
    CHECK(ev[0].actor.find("Armenian artillery") != std::string::npos);
    CHECK(ev[0].confidence > 0.5);
}

TEST_CASE("a list of towns gives one event per town; a district keeps district precision", "[core][extractor]") {
    const auto ev = run("Date: 2020-10-27\n---\nThe ministry said the towns of Fuzuli and Hadrut were captured on "
                        "October 17. Two soldiers were killed in the Martuni district yesterday.\n");
    REQUIRE(ev.size() == 3);
    CHECK(ev[0].place == "Fuzuli");
    CHECK(ev[1].place == "Hadrut");
    CHECK(ev[0].type == EventType::Capture);
    CHECK(ev[0].date.start == d(2020, 10, 17));
    CHECK(ev[2].place == "Martuni district");
    CHECK(ev[2].location_precision == LocationPrecision::District);
    CHECK(ev[2].type == EventType::Casualty);
    CHECK(ev[2].date.start == d(2020, 10, 26));
}

TEST_CASE("historical mentions get their own dates, not the publication date", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-19\n---\nThe region was occupied in the 1990s. The war ended with a statement "
                        "signed on 10 November 2020. Fighting resumed in Garabagh today.\n");
    REQUIRE(ev.size() == 3);
    CHECK(ev[0].date.start == d(1990, 1, 1));
    CHECK(ev[0].date.end == d(1999, 12, 31));
    CHECK(ev[0].date.precision == DatePrecision::Year);
    CHECK(ev[1].date.start == d(2020, 11, 10));
    CHECK(ev[1].type == EventType::Agreement);
    CHECK(ev[2].date.start == d(2023, 9, 19));
    CHECK(ev[2].place == "Karabakh");
    CHECK(ev[2].place_text == "Garabagh");
}

TEST_CASE("a sentence without a place falls back to the document's region", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nClashes continued in Karabakh. The defense ministry said 60 positions "
                        "came under control.\n");
    REQUIRE(ev.size() == 2);
    CHECK(ev[1].place == "Karabakh");
    CHECK(ev[1].place_text == "(not stated)");
    CHECK(ev[1].type == EventType::Capture);
}

TEST_CASE("forecasts and page furniture produce no events", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nThe offensive will likely resume in Karabakh next month. "
                        "Analysts say fighting could spread.\n\nRead also\n\nTroops clashed in Hadrut\n\n"
                        "11 December 2023 - 11:34\n\nBaku shelled again, minister says\n\n11 December 2023 - 10:00\n");
    CHECK(ev.empty());
}

TEST_CASE("a capital after 'of' is a government, not the place", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nFighting in Karabakh halted under the terms of Baku.\n");
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].place == "Karabakh");
    CHECK(ev[0].type == EventType::Ceasefire);
}

TEST_CASE("a background date after 'since' gives a second event", "[core][extractor]") {
    const auto ev = run("Date: 2020-10-27\n---\nOn October 25 the sides agreed another ceasefire in Karabakh, the third "
                        "since the start of the war on September 27.\n");
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].date.start == d(2020, 10, 25));
    CHECK(ev[1].date.start == d(2020, 9, 27));
}

TEST_CASE("the evaluation matches one-to-one within 25 km and overlapping dates", "[core][evaluation]") {
    const auto ev = run("Date: 2020-10-26\n---\nArmenian artillery shelled Martuni on Sunday night.\n");
    REQUIRE(ev.size() == 1);
    Diagnostics diags;
    const std::string gold_csv =
        "doc,event_id,date_start,date_end,precision,place,lat,lon,event_type,quote\n"
        "t.txt,G1,2020-10-25,2020-10-25,day,Martuni,39.79,47.11,strike,shelled Martuni\n"
        "t.txt,G2,2020-10-25,2020-10-25,day,Martuni,39.79,47.11,strike,shelled Martuni\n"
        "t.txt,G3,2020-01-01,2020-01-02,day,Martuni,39.79,47.11,strike,other\n"
        "t.txt,bad,2020-13-01,2020-10-25,day,Martuni,39.79,47.11,strike,broken row\n";
    const auto gold = parse_gold_csv(gold_csv, "gold.csv", diags);
    CHECK(gold.size() == 3);
    CHECK(diags.has(DiagCode::RecordInvalid));
    const auto r = evaluate(ev, gold);
    CHECK(r.matched == 1);
    CHECK(r.precision == Approx(1.0));
    CHECK(r.recall == Approx(1.0 / 3));
    CHECK(r.date_exact == Approx(1.0));
    CHECK(r.place_exact == Approx(1.0));
    CHECK(type_compatible(EventType::Clash, "ground_attack/capture"));
    CHECK_FALSE(type_compatible(EventType::Strike, "ground_attack/capture"));
    // 30 km away: no match.
    auto moved = ev;
    moved[0].position.lat += 0.3;
    CHECK(evaluate(moved, gold).matched == 0);
}

TEST_CASE("CSV records: quotes, doubled quotes, newlines in fields", "[core][csv]") {
    const auto recs = parse_csv("a,b,c\n\"x, y\",\"he said \"\"no\"\"\",\"two\nlines\"\n\nlast,,\n");
    REQUIRE(recs.size() == 3);
    CHECK(recs[1].fields[0] == "x, y");
    CHECK(recs[1].fields[1] == "he said \"no\"");
    CHECK(recs[1].fields[2] == "two\nlines");
    CHECK(recs[2].line == 5);
    CHECK(recs[2].fields.size() == 3);
    CHECK(csv_quote("plain") == "plain");
    CHECK(csv_quote("a,\"b\"") == "\"a,\"\"b\"\"\"");
}
