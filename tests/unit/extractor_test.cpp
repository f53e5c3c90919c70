// The extractor on small synthetic paragraphs (not the shipped documents): one event per
// happening and place, types, dates (relative, historical), places, furniture and forecasts.
#include "core/csv.hpp"
#include "core/evaluation.hpp"
#include "core/conflict_calendar.hpp"
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

/// The calendar the episode rules are tested with (the same spans as geodata/conflict_calendar.csv).
ConflictCalendar test_calendar() {
    auto ymd = [](int y, unsigned m, unsigned dd) {
        return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(dd)};
    };
    const LonLat khankendi{46.7528, 39.8177};
    ConflictCalendar c;
    c.spans.push_back({ConflictSpan::Kind::War, "first war", {ymd(1988, 2, 20), ymd(1994, 5, 12), DatePrecision::Year},
                       {}, std::nullopt, 0, "test"});
    c.spans.push_back({ConflictSpan::Kind::War, "44-day war", {ymd(2020, 9, 27), ymd(2020, 11, 10), DatePrecision::Day},
                       {}, std::nullopt, 0, "test"});
    c.spans.push_back({ConflictSpan::Kind::Ongoing, "blockade", {ymd(2022, 12, 12), ymd(2023, 9, 19), DatePrecision::Month},
                       {"blockade", "blockaded", "blocked"}, khankendi, 90, "test"});
    c.spans.push_back({ConflictSpan::Kind::Period, "handovers", {ymd(2020, 11, 10), ymd(2020, 12, 1), DatePrecision::Day},
                       {"returned", "handed", "handover", "handovers"}, khankendi, 90, "test"});
    return c;
}

std::vector<Event> run(const std::string& text, bool with_calendar = true) {
    static const Gazetteer g = test_gazetteer();
    Diagnostics diags;
    const Document doc = parse_document("t.txt", text, diags);
    return Extractor(g, {.calendar = with_calendar ? test_calendar() : ConflictCalendar{}}).extract(doc, diags);
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

// [SECTION] Dating rules that follow the annotation guide (gold_notes.md): the operation frame,
// status reports, run-up periods, causes, present-tense claims.

namespace {

const Event& at(const std::vector<Event>& ev, std::string_view place) {
    const auto it = std::find_if(ev.begin(), ev.end(), [&](const Event& e) { return e.place == place; });
    REQUIRE(it != ev.end());
    return *it;
}

}  // namespace

TEST_CASE("undated happenings during a reported operation get its interval, start to halt", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nOn September 18, troops launched an offensive in Karabakh. "
                        "Troops also shelled Martuni.\n\nThe fighting halted on September 20.\n\n"
                        "Drones struck positions near Fuzuli.\n\nBaku blames Armenia for the fighting near Hadrut.\n");
    const Event& fuzuli = at(ev, "Fuzuli");
    CHECK(fuzuli.date.start == d(2023, 9, 18));
    CHECK(fuzuli.date.end == d(2023, 9, 20));
    CHECK(fuzuli.date.precision == DatePrecision::Day);
    // The same paragraph as a stated day continues on that day.
    CHECK(at(ev, "Martuni").date.start == d(2023, 9, 18));
    CHECK(at(ev, "Martuni").date.end == d(2023, 9, 18));
    // A present-tense claim is made at publication, not during the operation.
    CHECK(at(ev, "Hadrut").date.start == d(2023, 9, 20));
    CHECK(at(ev, "Hadrut").date.end == d(2023, 9, 20));
}

TEST_CASE("a stated length bounds the operation; 'after one day of' counts from its start", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-25\n---\nThe one-day operation, launched on September 19, targeted posts in "
                        "Karabakh.\n\nArtillery shelled Khankendi.\n\nAfter one day of fighting, troops captured Hadrut.\n");
    const Event& k = at(ev, "Khankendi");
    CHECK(k.date.start == d(2023, 9, 19));
    CHECK(k.date.end == d(2023, 9, 20));
    CHECK(at(ev, "Hadrut").date.start == d(2023, 9, 20));
    CHECK(at(ev, "Hadrut").date.end == d(2023, 9, 20));
}

TEST_CASE("an 'As of' status report covers the week up to its date in later paragraphs", "[core][extractor]") {
    const auto ev = run("Date: 2020-10-27\n---\nAs of October 26, fighting continued in Karabakh. Troops advanced "
                        "near Fuzuli.\n\nArtillery shelled Hadrut.\n\nOn October 20, drones struck Martuni.\n");
    CHECK(at(ev, "Fuzuli").date.start == d(2020, 10, 26));
    const Event& h = at(ev, "Hadrut");
    CHECK(h.date.start == d(2020, 10, 19));
    CHECK(h.date.end == d(2020, 10, 26));
    CHECK(at(ev, "Martuni").date.start == d(2020, 10, 20));  // an explicit date closes the report
}

TEST_CASE("the run-up and the cause of an operation are dated against its start", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nOn September 19, the army launched an operation in Karabakh.\n\n"
                        "Recently, troops massed near Fuzuli.\n\nPreceding the operation, Baku accused Armenia of "
                        "shelling Martuni.\n\nThe trigger was a mine blast near Hadrut.\n");
    const Event& f = at(ev, "Fuzuli");
    CHECK(f.date.start == d(2023, 8, 1));
    CHECK(f.date.end == d(2023, 9, 19));  // "recently" stops where the operation began
    CHECK(f.date.precision == DatePrecision::Month);
    const Event& m = at(ev, "Martuni");
    CHECK(m.date.start == d(2023, 8, 1));
    CHECK(m.date.end == d(2023, 9, 18));
    CHECK(m.date.precision == DatePrecision::Month);
    CHECK(at(ev, "Hadrut").date.start == d(2023, 9, 19));
    CHECK(at(ev, "Hadrut").date.end == d(2023, 9, 19));
}

TEST_CASE("places: a scene-setting sentence, a de facto regime's seat, a country's own acts", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-19\n---\nFighting continued in Karabakh.\n\nScenes of panic in the streets of "
                        "Stepanakert. People run for cover as shells explode.\n\nThe de facto regime in Khankendi "
                        "said it was ready.\n\nLater, the de facto authorities appealed for talks.\n\nAzerbaijan "
                        "tested a new air defence system.\n");
    REQUIRE(ev.size() == 5);
    CHECK(ev[1].place == "Khankendi");
    CHECK(ev[1].place_text == "Stepanakert");
    CHECK(ev[1].type == EventType::Strike);
    CHECK(ev[3].place == "Khankendi");
    CHECK(ev[3].place_text == "(not stated)");
    CHECK(ev[4].type == EventType::Other);
    CHECK(ev[4].place == "Azerbaijan");
    CHECK(ev[4].location_precision == LocationPrecision::Country);
}

TEST_CASE("the evaluation pairs the events of the same sentence when several pairings are possible", "[core][evaluation]") {
    auto ev = [](std::string quote) {
        Event e;
        e.date = DateRange{d(2023, 9, 19), d(2023, 9, 20), DatePrecision::Day};
        e.place = "Karabakh";
        e.position = {46.9, 39.8};
        e.has_position = true;
        e.type = EventType::Strike;
        e.source.document = "x.txt";
        e.source.quote = std::move(quote);
        return e;
    };
    const std::vector<Event> pred{ev("Drones struck depots across the region"), ev("Artillery shelled outposts near the town")};
    std::vector<GoldEvent> gold(2);
    for (auto& g : gold) {
        g.doc = "x.txt";
        g.place = "Karabakh";
        g.position = {46.9, 39.8};
        g.event_type = "strike";
    }
    gold[0].date = DateRange{d(2023, 9, 19), d(2023, 9, 19), DatePrecision::Day};
    gold[0].quote = "Artillery shelled outposts near the town";
    gold[1].date = DateRange{d(2023, 9, 19), d(2023, 9, 20), DatePrecision::Day};
    gold[1].quote = "Drones struck depots across the region";
    const auto r = evaluate(pred, gold);
    REQUIRE(r.matched == 2);
    for (auto [p, g] : r.pairs) CHECK(pred[p].source.quote == gold[g].quote);
    CHECK(r.date_exact == Approx(0.5));
}

TEST_CASE("appeals and agreements that end an operation date to the day it halted", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-22\n---\nOn September 19, the army launched an operation in Karabakh.\n\n"
                        "The fighting halted on September 21.\n\nThe separatists appealed for talks in Khankendi.\n");
    const Event& k = at(ev, "Khankendi");
    CHECK(k.date.start == d(2023, 9, 21));
    CHECK(k.date.end == d(2023, 9, 21));
}

TEST_CASE("known episodes: the Lachin corridor blockade and the November 2020 handovers", "[core][extractor]") {
    const auto blocked = run("Date: 2023-06-10\n---\nThe road to Khankendi has been blocked for months.\n");
    REQUIRE(blocked.size() == 1);
    CHECK(blocked[0].date.start == d(2022, 12, 12));
    CHECK(blocked[0].date.end == d(2023, 6, 10));
    CHECK(blocked[0].date.precision == DatePrecision::Month);
    const auto handed = run("Date: 2020-11-28\n---\nThe trilateral statement was signed on November 10, 2020. Under "
                            "it, Armenia returned Fuzuli to Azerbaijan.\n\nOn November 25, Armenia handed Hadrut over.\n");
    REQUIRE(handed.size() == 3);
    const Event& f = handed[1];  // "Under it, Armenia returned Fuzuli"
    CHECK(f.place == "Fuzuli");
    CHECK(f.date.start == d(2020, 11, 10));
    CHECK(f.date.end == d(2020, 12, 1));
    CHECK(at(handed, "Hadrut").date.start == d(2020, 11, 25));  // a day of its own is kept
    CHECK(at(handed, "Hadrut").date.end == d(2020, 11, 25));
}

TEST_CASE("'until the <year> operation', the operation's year, present claims and what they date", "[core][extractor]") {
    const auto ev = run("Date: 2023-10-05\n---\nThe one-day operation, launched on September 19, 2023, targeted posts "
                        "in Karabakh.\n\nThe war ended on 10 November 2020.\n\nTroops had remained near Martuni until "
                        "the 2023 operation.\n\nThe ministry has reported findings near Fuzuli during the 2023 "
                        "operation.\n\nBaku blames Moscow for failing to enforce its 2020 peacekeeping mandate in "
                        "Karabakh.\n");
    const Event& m = at(ev, "Martuni");
    CHECK(m.date.start == d(2020, 11, 10));
    CHECK(m.date.end == d(2023, 9, 19));
    CHECK(m.date.precision == DatePrecision::Year);
    const Event& f = at(ev, "Fuzuli");
    CHECK(f.date.start == d(2023, 1, 1));  // a present-perfect report: some time this year, up to now,
    CHECK(f.date.end == d(2023, 10, 5));   // not the operation's days (its year only names it)
    CHECK(f.date.precision == DatePrecision::Year);
    std::vector<const Event*> blames;
    for (const auto& e : ev)
        if (e.source.quote.starts_with("Baku blames")) blames.push_back(&e);
    REQUIRE(blames.size() == 2);
    CHECK(blames[0]->date.start == d(2023, 10, 5));
    CHECK(blames[1]->date.start == d(2020, 1, 1));
    CHECK(blames[1]->date.end == d(2020, 12, 31));
    CHECK(blames[1]->type == EventType::Deployment);
}

TEST_CASE("a partial list also gives the region; demonyms do not locate; assessments are not events",
          "[core][extractor]") {
    const auto ev = run("Date: 2020-11-12\n---\nFighting continued in Karabakh.\n\nTroops liberated many villages, "
                        "including Fuzuli and Hadrut, on November 9.\n\nTroops remained within Azerbaijani borders "
                        "on November 10.\n\nThe truce seemed a victory for Baku.\n\nThe advance poses a direct threat to "
                        "Martuni. The bloc seeks to settle the war by force.\n");
    REQUIRE(ev.size() == 5);
    CHECK(ev[1].place == "Fuzuli");
    CHECK(ev[2].place == "Hadrut");
    CHECK(ev[3].place == "Karabakh");
    CHECK(ev[3].place_text == "(not stated)");
    CHECK(ev[3].date.start == d(2020, 11, 9));
    CHECK(ev[4].place == "Karabakh");  // not Azerbaijan's capital
    CHECK(ev[4].date.start == d(2020, 11, 10));
}

TEST_CASE("'since August' frames the rest of its paragraph; a released picture shows the war before it",
          "[core][extractor]") {
    const auto ev = run("Date: 2020-10-27\n---\nSince August, foreign instructors have trained troops in Karabakh. "
                        "Jets were deployed at the airfield near Fuzuli.\n\nArtillery fired near Hadrut, in this handout "
                        "picture released October 5, 2020.\n");
    const Event& f = at(ev, "Fuzuli");
    CHECK(f.date.start == d(2020, 8, 1));
    CHECK(f.date.end == d(2020, 10, 27));
    const Event& h = at(ev, "Hadrut");
    CHECK(h.date.start == d(2020, 9, 27));
    CHECK(h.date.end == d(2020, 10, 5));
}

TEST_CASE("sentences end at . ! ? before a capital, not after titles, initials or month abbreviations",
          "[core][extractor]") {
    const auto ev = run("Date: 2020-10-27\n---\nGen. A. Ivanov said troops shelled Fuzuli on Oct. 25, killing two. "
                        "Drones struck Hadrut (officials said so.) Clashes erupted near Martuni at 3.5 km from the "
                        "front!\n");
    REQUIRE(ev.size() == 3);
    CHECK(ev[0].source.quote == "Gen. A. Ivanov said troops shelled Fuzuli on Oct. 25, killing two.");
    CHECK(ev[0].date.start == d(2020, 10, 25));
    CHECK(ev[1].source.quote == "Drones struck Hadrut (officials said so.)");
    CHECK(ev[2].source.quote == "Clashes erupted near Martuni at 3.5 km from the front!");
}

TEST_CASE("in a daily report from a long war an undated sentence is news of the dateline's day", "[core][extractor]") {
    const auto ev = run("Date: 2020-10-20\n---\nFighting has raged in Karabakh since the start of the war on "
                        "September 27.\n\nArtillery shelled Martuni, the ministry said.\n");
    const Event& m = at(ev, "Martuni");
    CHECK(m.date.start == d(2020, 10, 20));
    CHECK(m.date.end == d(2020, 10, 20));
}

TEST_CASE("repeated or earlier acts in an operation report belong to its run-up", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nOn September 19, the army launched an operation in Karabakh.\n\n"
                        "Officials had tried several times to meet the separatists in Khankendi.\n\n"
                        "Troops shelled Hadrut, officials said.\n");
    const Event& k = at(ev, "Khankendi");  // repeated: over the year before the operation
    CHECK(k.date.start == d(2023, 1, 1));
    CHECK(k.date.end == d(2023, 9, 18));
    CHECK(k.date.precision == DatePrecision::Year);
    CHECK(at(ev, "Hadrut").date.end == d(2023, 9, 20));  // no such cue: during the operation
}

TEST_CASE("the speaker's place yields to the reported one; 'overnight' is the night before the dateline",
          "[core][extractor]") {
    const auto ev = run("Date: 2020-10-14\n---\nThe authorities in Stepanakert said drones struck the town of Hadrut "
                        "overnight.\n");
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].place == "Hadrut");
    CHECK(ev[0].date.start == d(2020, 10, 13));
    CHECK(ev[0].date.end == d(2020, 10, 14));
}

TEST_CASE("the date nearest the start word starts the operation; a later one in the sentence may end it",
          "[core][extractor]") {
    const auto ev = run("Baku, September 22, 2023, WIRE\n\nAnti-terror measures in Karabakh, launched on September 19, "
                        "were suspended on September 20.\n\nTroops shelled Hadrut.\n\nEarlier, a mine blast killed "
                        "two workers near Fuzuli.\n");
    const Event& h = at(ev, "Hadrut");
    CHECK(h.date.start == d(2023, 9, 19));
    CHECK(h.date.end == d(2023, 9, 20));
    const Event& f = at(ev, "Fuzuli");
    CHECK(f.date.start == d(2023, 8, 1));
    CHECK(f.date.end == d(2023, 9, 18));
}

TEST_CASE("a dateline city opening the sentence is not where the reported event happened", "[core][extractor]") {
    const auto ev = run("Date: 2023-09-20\n---\nSTEPANAKERT \xE2\x80\x94 Drones struck Fuzuli and Hadrut on Tuesday.\n");
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].place == "Fuzuli");
    CHECK(ev[1].place == "Hadrut");
}

TEST_CASE("a campaign begun inside a past war lasts until that war ended, and its paragraph with it",
          "[core][extractor]") {
    const auto ev = run("Date: 2023-10-01\n---\nThe campaign against Fuzuli began after the dissolution of the Soviet "
                        "Union in 1991. Thousands were killed near Hadrut.\n\nOn 20 October 2020, drones struck "
                        "Martuni.\n");
    const Event& f = at(ev, "Fuzuli");
    CHECK(f.date.start == d(1991, 12, 26));
    CHECK(f.date.end == d(1994, 5, 12));
    CHECK(f.date.precision == DatePrecision::Year);
    const Event& h = at(ev, "Hadrut");
    CHECK(h.date.start == d(1991, 12, 26));
    CHECK(h.date.end == d(1994, 5, 12));
    const Event& m = at(ev, "Martuni");  // no start word: the day it names
    CHECK(m.date.start == d(2020, 10, 20));
    CHECK(m.date.end == d(2020, 10, 20));
}

TEST_CASE("without a conflict calendar, episodes keep the dates the text gives", "[core][extractor]") {
    const std::string text = "Date: 2020-11-28\n---\nThe trilateral statement was signed on November 10, 2020. Under "
                             "it, Armenia returned Fuzuli to Azerbaijan.\n";
    const auto with = run(text, true);
    const auto without = run(text, false);
    REQUIRE(with.size() == without.size());
    REQUIRE(with.size() >= 2);
    // With the calendar the handover stands for the whole handover period; without, it has the
    // date the text gives it.
    CHECK(with[1].date.end == Date{std::chrono::year(2020), std::chrono::December, std::chrono::day(1)});
    CHECK(without[1].date.end != with[1].date.end);
}
