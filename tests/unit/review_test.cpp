// Review of events (core/review.hpp and the review edits of core/event_edits.hpp): decisions,
// their re-application after re-extraction, undo, filters, queue order, typed dates and the
// gazetteer search in every language.
#include "core/review.hpp"
#include "core/event_edits.hpp"
#include "core/event_view.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace sitmap::core;
using Kind = EventEdit::Kind;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

std::vector<Event> extracted() {
    std::vector<Event> out;
    const char* quotes[] = {"Shelling reported in Shusha.", "Ceasefire announced in Stepanakert.",
                            "Fighting near Aghdam continued.", "Troops entered Lachin."};
    const double confidence[] = {0.9, 0.3, 0.6, 0.3};
    const std::size_t begin[] = {400, 10, 200, 0};
    for (int i = 0; i < 4; ++i) {
        Event e;
        e.id = "00" + std::to_string(i);
        e.source.document = i < 2 ? "b.txt" : "a.txt";
        e.source.quote = quotes[i];
        e.source.begin = begin[i];
        e.date = {ymd(2020, 10, 1 + static_cast<unsigned>(i)), ymd(2020, 10, 1 + static_cast<unsigned>(i)),
                  DatePrecision::Day};
        e.place = "Khankendi";
        e.position = {46.75, 39.82};
        e.has_position = true;
        e.type = EventType::Clash;
        e.confidence = confidence[i];
        out.push_back(e);
    }
    return out;
}

EventEdit edit(Kind k, std::string key, std::string author = {}) {
    EventEdit e;
    e.kind = k;
    e.key = std::move(key);
    e.author = std::move(author);
    return e;
}

std::vector<std::size_t> selected(const EditableEvents& ee, ReviewFilter f, bool hide = true) {
    EventFilter filter;
    filter.deleted = hide ? std::span<const char>(ee.hidden_flags()) : std::span<const char>(ee.deleted_flags());
    filter.review_states = ee.review_states();
    filter.review = f;
    std::vector<std::size_t> out;
    for (const auto& v : select_events(ee.events(), filter, TimeWindow{.kind = WindowKind::All}, ymd(2030, 1, 1)))
        out.push_back(v.index);
    return out;
}

Gazetteer caucasus() {
    Gazetteer g;
    auto add = [&](std::string name, std::vector<std::string> variants, double lat, double lon, LocationPrecision p,
                   bool curated = true) {
        NamedPlace np;
        np.name = std::move(name);
        np.variants = std::move(variants);
        np.position = {lon, lat};
        np.has_position = true;
        np.precision = p;
        np.curated = curated;
        g.add(std::move(np));
    };
    add("Khankendi", {"Stepanakert", "Xankəndi", "Степанакерт", "Ստեփանակերտ"}, 39.8177, 46.7528,
        LocationPrecision::Point);
    add("Shusha", {"Shushi", "Şuşa"}, 39.76, 46.75, LocationPrecision::Point);
    add("Aghdam", {"Agdam", "Ağdam"}, 39.99, 46.93, LocationPrecision::Point);
    add("Aghdam district", {"Agdam region"}, 39.99, 46.93, LocationPrecision::District);
    add("Khankendi airport", {}, 39.90, 46.79, LocationPrecision::Point, false);
    return g;
}

}  // namespace

TEST_CASE("review kinds have file names and parse back", "[core][review]") {
    for (auto k : {Kind::Relocate, Kind::Accept, Kind::Reject, Kind::Unreview})
        CHECK(parse_edit_kind(edit_kind_name(k)) == k);
    CHECK(edit_kind_name(Kind::Accept) == "accept");
    CHECK(review_state_name(ReviewState::Rejected) == "rejected");
    CHECK(review_passes(ReviewFilter::Reviewed, ReviewState::Rejected));
    CHECK_FALSE(review_passes(ReviewFilter::Reviewed, ReviewState::Unreviewed));
    CHECK(review_passes(ReviewFilter::Unreviewed, ReviewState::Unreviewed));
    CHECK_FALSE(review_passes(ReviewFilter::Accepted, ReviewState::Rejected));
}

TEST_CASE("accept and reject set the review state with author and time; reject hides", "[core][review]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    CHECK(ee.review_state(0) == ReviewState::Unreviewed);
    CHECK(ee.review(0).author.empty());
    REQUIRE(ee.apply(edit(Kind::Accept, "b.txt#000", "alice")));
    REQUIRE(ee.apply(edit(Kind::Reject, "b.txt#001", "bob")));
    CHECK(ee.review_state(0) == ReviewState::Accepted);
    CHECK(ee.review(0).author == "alice");
    CHECK(ee.review(0).timestamp.size() == 20);  // 2024-05-01T12:00:00Z
    CHECK(ee.review_state(1) == ReviewState::Rejected);
    CHECK(ee.review(1).author == "bob");
    CHECK(ee.review_state(99) == ReviewState::Unreviewed);
    // A decision is not a correction of the content, and a rejected event is hidden, not deleted.
    CHECK_FALSE(ee.edited(0));
    CHECK_FALSE(ee.deleted(1));
    CHECK(ee.hidden_flags() == std::vector<char>{0, 1, 0, 0});
    CHECK(ee.review_counts() == std::array<std::size_t, 3>{2, 1, 1});
    CHECK(ee.dirty());

    // A later decision wins; unreview goes back and un-hides.
    REQUIRE(ee.apply(edit(Kind::Accept, "b.txt#001", "carol")));
    CHECK(ee.review(1).author == "carol");
    CHECK(ee.hidden_flags()[1] == 0);
    REQUIRE(ee.apply(edit(Kind::Unreview, "b.txt#001")));
    CHECK(ee.review_state(1) == ReviewState::Unreviewed);
    CHECK(ee.review(1).author.empty());

    // Deleting a rejected event and restoring it leaves it rejected, hence hidden.
    REQUIRE(ee.apply(edit(Kind::Reject, "a.txt#002")));
    REQUIRE(ee.apply(edit(Kind::Delete, "a.txt#002")));
    REQUIRE(ee.apply(edit(Kind::Restore, "a.txt#002")));
    CHECK(ee.hidden_flags()[2] == 1);
    CHECK_FALSE(ee.apply(edit(Kind::Accept, "a.txt#999")));  // unknown key
}

TEST_CASE("review decisions are undone and redone like edits", "[core][review]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.apply(edit(Kind::Accept, "b.txt#000", "alice")));
    REQUIRE(ee.apply(edit(Kind::Reject, "b.txt#000", "alice")));
    CHECK(ee.review_state(0) == ReviewState::Rejected);
    ee.undo();
    CHECK(ee.review_state(0) == ReviewState::Accepted);
    CHECK(ee.hidden_flags()[0] == 0);
    ee.undo();
    CHECK(ee.review_state(0) == ReviewState::Unreviewed);
    ee.redo();
    ee.redo();
    CHECK(ee.review_state(0) == ReviewState::Rejected);
    CHECK(ee.hidden_flags()[0] == 1);
}

TEST_CASE("review decisions and relocations are re-applied after re-extraction", "[core][review]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.apply(edit(Kind::Accept, "b.txt#000", "alice")));
    REQUIRE(ee.apply(edit(Kind::Reject, "a.txt#003", "alice")));
    EventEdit reloc = edit(Kind::Relocate, "a.txt#002");
    reloc.place = "Aghdam";
    reloc.position = {46.93, 39.99};
    reloc.location_precision = LocationPrecision::Point;
    REQUIRE(ee.apply(reloc));
    CHECK(ee.events()[2].place == "Aghdam");
    CHECK(ee.events()[2].position.lon == 46.93);
    CHECK(ee.edited(2));
    EventEdit no_place = edit(Kind::Relocate, "a.txt#002");
    CHECK_FALSE(ee.apply(no_place));  // a relocation needs the place's name

    auto again = extracted();
    std::mt19937 rng(3);
    std::shuffle(again.begin(), again.end(), rng);
    again[0].source.quote += " ";  // whichever event is first now had its sentence changed
    const std::string changed_key = event_key(again[0]);
    ee.set_extracted(again);
    for (const auto& [key, state] : {std::pair{std::string("b.txt#000"), ReviewState::Accepted},
                                     std::pair{std::string("a.txt#003"), ReviewState::Rejected}}) {
        const auto i = ee.find(key);
        REQUIRE(i);
        // A decision on a sentence that changed must not carry over to the new one.
        CHECK(ee.review_state(*i) == (key == changed_key ? ReviewState::Unreviewed : state));
    }
    const auto moved = ee.find("a.txt#002");
    REQUIRE(moved);
    CHECK(ee.events()[*moved].place == (changed_key == "a.txt#002" ? "Khankendi" : "Aghdam"));
}

TEST_CASE("filters select reviewed, unreviewed, accepted and rejected events", "[core][review]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.apply(edit(Kind::Accept, "b.txt#000")));
    REQUIRE(ee.apply(edit(Kind::Reject, "b.txt#001")));
    REQUIRE(ee.apply(edit(Kind::Delete, "a.txt#003")));
    // As drawn (hidden = deleted or rejected): the rejected event never shows.
    CHECK(selected(ee, ReviewFilter::Any) == std::vector<std::size_t>{0, 2});
    CHECK(selected(ee, ReviewFilter::Accepted) == std::vector<std::size_t>{0});
    CHECK(selected(ee, ReviewFilter::Rejected).empty());
    // As listed (only deleted ones hidden): each filter.
    CHECK(selected(ee, ReviewFilter::Any, false) == std::vector<std::size_t>{0, 1, 2});
    CHECK(selected(ee, ReviewFilter::Reviewed, false) == std::vector<std::size_t>{0, 1});
    CHECK(selected(ee, ReviewFilter::Unreviewed, false) == std::vector<std::size_t>{2});
    CHECK(selected(ee, ReviewFilter::Accepted, false) == std::vector<std::size_t>{0});
    CHECK(selected(ee, ReviewFilter::Rejected, false) == std::vector<std::size_t>{1});
    // Without review states every event is unreviewed.
    EventFilter f;
    f.review = ReviewFilter::Unreviewed;
    CHECK(f.matches(ee.events()[0]));
    f.review = ReviewFilter::Accepted;
    CHECK_FALSE(f.matches(ee.events()[0]));
}

TEST_CASE("the review queue runs by confidence or in document order, skipping deleted events", "[core][review]") {
    const auto events = extracted();
    // Confidence 0.3 (b#001 at byte 10, a#003 at byte 0), 0.6, 0.9; ties in document order.
    CHECK(review_order(events, {}, ReviewOrder::Confidence) == std::vector<std::size_t>{3, 1, 2, 0});
    // a.txt (byte 0, byte 200) before b.txt (byte 10, byte 400).
    CHECK(review_order(events, {}, ReviewOrder::Document) == std::vector<std::size_t>{3, 2, 1, 0});
    const std::vector<char> skip{0, 1};
    CHECK(review_order(events, skip, ReviewOrder::Confidence) == std::vector<std::size_t>{3, 2, 0});
}

TEST_CASE("typed dates: day, month, year and ranges; bad input says what is expected", "[core][review]") {
    auto ok = [](std::string_view t) {
        const auto r = parse_date_input(t);
        INFO(t << ": " << r.error);
        REQUIRE(r.range);
        CHECK(r.error.empty());
        return *r.range;
    };
    const auto d = ok(" 2020-10-04 ");
    CHECK(d.start == ymd(2020, 10, 4));
    CHECK(d.end == ymd(2020, 10, 4));
    CHECK(d.precision == DatePrecision::Day);
    const auto m = ok("2020-02");
    CHECK(m.start == ymd(2020, 2, 1));
    CHECK(m.end == ymd(2020, 2, 29));
    CHECK(m.precision == DatePrecision::Month);
    const auto y = ok("2023");
    CHECK(y.end == ymd(2023, 12, 31));
    CHECK(y.precision == DatePrecision::Year);
    const auto r = ok("2020-09-27..2020-11-10");
    CHECK(r.start == ymd(2020, 9, 27));
    CHECK(r.end == ymd(2020, 11, 10));
    CHECK(r.precision == DatePrecision::Day);
    const auto mixed = ok("2020-09/2020-11-10");
    CHECK(mixed.start == ymd(2020, 9, 1));
    CHECK(mixed.precision == DatePrecision::Month);

    for (std::string_view bad : {"", "tomorrow", "2020-13", "2020-02-30", "20-10-04", "2020-10-04..", "2021..2020"}) {
        const auto b = parse_date_input(bad);
        INFO(bad);
        CHECK_FALSE(b.range);
        CHECK_FALSE(b.error.empty());
    }
    CHECK_THAT(parse_date_input("2020-02-30").error, Catch::Contains("'2020-02-30'") && Catch::Contains("YYYY-MM-DD"));
    CHECK_THAT(parse_date_input("2021..2020").error, Catch::Contains("ends before it starts"));

    for (std::string_view t : {"2020-10-04", "2020-02", "2023", "2020-09-27..2020-11-10"})
        CHECK(format_date_input(ok(t)) == t);
}

TEST_CASE("place search finds a place by any of its names, ignoring case and diacritics", "[core][review]") {
    const Gazetteer g = caucasus();
    const PlaceSearch search(g);
    auto first = [&](std::string_view q) {
        const auto hits = search.search(q);
        INFO(q);
        REQUIRE_FALSE(hits.empty());
        return g.place(hits.front().place).name;
    };
    CHECK(first("Khankendi") == "Khankendi");
    CHECK(first("stepanakert") == "Khankendi");
    CHECK(first("XANKƏNDI") == "Khankendi");
    CHECK(first("xankendi") == "Khankendi");
    CHECK(first("Степанакерт") == "Khankendi");
    CHECK(first("Ստեփանակերտ") == "Khankendi");
    CHECK(first("susa") == "Shusha");
    CHECK(search.search("stepan").front().matched == "Stepanakert");  // says which name matched

    // One hit per place; the exact name ranks before longer names that start with it.
    const auto ag = search.search("agdam");
    REQUIRE(ag.size() == 2);
    CHECK(g.place(ag[0].place).name == "Aghdam");
    CHECK(g.place(ag[1].place).name == "Aghdam district");
    const auto kh = search.search("khankendi");
    REQUIRE(kh.size() == 2);
    CHECK(g.place(kh[1].place).name == "Khankendi airport");
    // A word inside a name is found too ("region" in "Agdam region").
    CHECK(first("region") == "Aghdam district");
    CHECK(search.search("").empty());
    CHECK(search.search("zzz").empty());
    CHECK(search.search("a", 2).size() == 2);
}
