// The PostgreSQL event store against a real server: round trip, bbox and date windows answered by
// the database (counted in rows fetched), two analysts' sessions on two connections, conflicts.
#include "io/pg_store.hpp"
#include "core/error.hpp"
#include "pg_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace sitmap;
using Catch::Contains;

namespace {

core::Date day(int y, unsigned m, unsigned d) {
    return core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

core::Event make_event(const std::string& doc, int n, double lon, double lat, core::Date date) {
    core::Event e;
    e.id = std::to_string(n);
    e.source.document = doc;
    e.source.quote = "Shelling near Şuşa — «Շուշի» " + std::to_string(n);
    e.source.begin = static_cast<std::size_t>(n) * 10;
    e.source.end = e.source.begin + 40;
    e.date = {date, date, core::DatePrecision::Day};
    e.place = "Place " + std::to_string(n);
    e.place_text = "place";
    e.position = {.lon = lon, .lat = lat};
    e.has_position = true;
    e.type = core::EventType::Strike;
    e.actor = "Side A";
    e.summary = "summary\twith tab\nand line";
    e.confidence = 0.75;
    return e;
}

// 10 x 10 events on a grid 44..46.25 E, 39..41.25 N, one day apart from 1 Oct 2020.
std::vector<core::Event> grid() {
    std::vector<core::Event> out;
    for (int i = 0; i < 100; ++i)
        out.push_back(make_event("grid.txt", i, 44.0 + 0.25 * (i % 10), 39.0 + 0.25 * (i / 10),
                                 core::date_from_day_number(core::day_number(day(2020, 10, 1)) + i)));
    return out;
}

void write(io::PgEventStore& store, const std::vector<core::Event>& events) {
    store.begin_writes();
    for (const auto& e : events) store.add(e);
    store.commit_writes();
}

io::PgCorrection correction_from(const io::PgRow& row, const std::string& author) {
    return {.key = core::event_key(row.event),
            .base_version = row.version,
            .event = row.event,
            .review = row.review.state,
            .deleted = row.deleted,
            .author = author};
}

}  // namespace

TEST_CASE("events written to PostgreSQL read back whole, with bbox and dates applied by the server", "[pg]") {
    io::PgEventStore store(test::pg_fresh_schema("t_roundtrip"));
    auto events = grid();
    core::Event unplaced = make_event("grid.txt", 100, 0, 0, day(2020, 10, 5));
    unplaced.has_position = false;
    unplaced.place = "'); DROP TABLE sitmap_events; --";  // values are bound, never spliced into SQL
    events.push_back(unplaced);
    write(store, events);

    const auto all = store.read_all({.include_unplaced = true});
    REQUIRE(all.size() == 101);
    const auto& first = all.front();
    CHECK(first.version == 1);
    CHECK(first.event.source.quote == events.front().source.quote);
    CHECK(first.event.summary == events.front().summary);
    CHECK(first.event.date.start == day(2020, 10, 1));
    CHECK(first.event.position.lon == 44.0);
    CHECK(first.event.confidence == 0.75);
    CHECK(all.back().event.place == unplaced.place);
    CHECK_FALSE(all.back().event.has_position);

    // A bbox around the 3 x 3 events at 44.5..45.0 E, 39.5..40.0 N: only those 9 rows travel.
    const std::size_t before = store.rows_fetched();
    const io::PgQuery box{.bbox = core::GeoBox{44.4, 39.4, 45.1, 40.1}};
    const auto in_box = store.read_all(box);
    CHECK(in_box.size() == 9);
    CHECK(store.rows_fetched() - before == 9);
    CHECK(store.count(box) == 9);
    for (const auto& r : in_box) {
        CHECK(r.event.position.lon >= 44.4);
        CHECK(r.event.position.lat <= 40.1);
    }

    // Dates: 1..10 Oct is the first grid row; with the box, only its 3 events in the box's columns.
    const io::PgQuery dated{.from = day(2020, 10, 1), .to = day(2020, 10, 10)};
    CHECK(store.count(dated) == 10);
    CHECK(store.count({.include_unplaced = true, .from = day(2020, 10, 1), .to = day(2020, 10, 10)}) == 11);
    CHECK(store.count(
              {.bbox = core::GeoBox{44.4, 38.9, 45.1, 39.1}, .from = day(2020, 10, 1), .to = day(2020, 10, 10)}) == 3);
    CHECK(store.count({.from = day(2021, 1, 1)}) == 8);  // 1..8 Jan 2021
    CHECK(store.count({.from = day(2021, 2, 1)}) == 0);

    // Paging: 100 placed events, 30 a page, in id order without repeats.
    io::PgQuery paged{.limit = 30};
    std::size_t seen = 0, pages = 0;
    std::int64_t last = 0;
    for (;;) {
        const auto page = store.read(paged);
        for (const auto& r : page.rows) {
            CHECK(r.id > last);
            last = r.id;
        }
        seen += page.rows.size();
        ++pages;
        if (!page.more) break;
        paged.after_id = page.rows.back().id;
    }
    CHECK(seen == 100);
    CHECK(pages == 4);
    const auto span = store.date_span();
    REQUIRE(span);
    CHECK(span->first == day(2020, 10, 1));
}

TEST_CASE("a re-extraction replaces uncorrected events and keeps corrected ones", "[pg]") {
    io::PgEventStore store(test::pg_fresh_schema("t_reextract"));
    write(store, grid());
    auto row = store.fetch("grid.txt#3");
    REQUIRE(row);
    auto c = correction_from(*row, "ana");
    c.event.place = "Corrected";
    REQUIRE(store.save(c).outcome == io::PgSaveResult::Outcome::Saved);

    auto again = grid();
    for (auto& e : again) e.summary = "re-extracted";
    write(store, again);
    CHECK(store.fetch("grid.txt#3")->event.place == "Corrected");
    CHECK(store.fetch("grid.txt#3")->event.summary != "re-extracted");
    CHECK(store.fetch("grid.txt#4")->event.summary == "re-extracted");
    CHECK(store.count({}) == 100);
}

TEST_CASE("two analysts correcting one event: the stale save is a conflict, nothing is lost", "[pg]") {
    const std::string info = test::pg_fresh_schema("t_conflict");
    io::PgEventStore ana(info), ben(info);  // two connections, two sessions
    write(ana, grid());
    const auto ana_row = ana.fetch("grid.txt#7");
    const auto ben_row = ben.fetch("grid.txt#7");
    REQUIRE(ana_row);
    REQUIRE(ben_row);
    REQUIRE(ana_row->version == 1);

    auto a = correction_from(*ana_row, "ana");
    a.event.place = "Ana's place";
    a.review = core::ReviewState::Accepted;
    a.edits = {{.kind = core::EventEdit::Kind::SetPlace, .key = "grid.txt#7", .place = "Ana's place"}};
    const auto saved = ana.save(a);
    REQUIRE(saved.outcome == io::PgSaveResult::Outcome::Saved);
    CHECK(saved.version == 2);

    // Ben edits his copy of version 1: refused, with Ana's values to show him.
    auto b = correction_from(*ben_row, "ben");
    b.event.place = "Ben's place";
    b.edits = {{.kind = core::EventEdit::Kind::SetPlace, .key = "grid.txt#7", .place = "Ben's place"}};
    const auto refused = ben.save(b);
    REQUIRE(refused.outcome == io::PgSaveResult::Outcome::Conflict);
    REQUIRE(refused.current);
    CHECK(refused.current->event.place == "Ana's place");
    CHECK(refused.current->version == 2);
    CHECK(refused.current->edited_by == "ana");
    CHECK(refused.current->review.state == core::ReviewState::Accepted);
    CHECK(refused.current->review.author == "ana");
    CHECK(ana.fetch("grid.txt#7")->event.place == "Ana's place");  // the refused save changed nothing

    // Ben keeps his: saved on top of version 2, and both corrections are in the log.
    b.base_version = refused.current->version;
    b.review = refused.current->review.state;
    const auto kept = ben.save(b);
    REQUIRE(kept.outcome == io::PgSaveResult::Outcome::Saved);
    CHECK(kept.version == 3);
    const auto now = ana.fetch("grid.txt#7");
    CHECK(now->event.place == "Ben's place");
    CHECK(now->edited_by == "ben");
    CHECK(now->review.author == "ana");  // the decision is still Ana's
    const auto log = ana.history("grid.txt#7");
    REQUIRE(log.size() == 2);
    CHECK(log[0].author == "ana");
    CHECK(log[0].version == 2);
    CHECK(log[1].author == "ben");
    CHECK(log[1].version == 3);
    CHECK_FALSE(log[1].made_at.empty());

    // An event that is not there at all is Missing, not a conflict.
    auto ghost = b;
    ghost.key = "nowhere#1";
    CHECK(ben.save(ghost).outcome == io::PgSaveResult::Outcome::Missing);
}

TEST_CASE("two sessions saving at once on two connections lose no correction", "[pg]") {
    const std::string info = test::pg_fresh_schema("t_concurrent");
    {
        io::PgEventStore setup(info);
        write(setup, grid());
    }
    // Each analyst adds their initial to the summary 40 times, re-reading after every conflict.
    std::atomic<int> conflicts{0};
    auto analyst = [&](const std::string& who) {
        io::PgEventStore store(info);
        for (int i = 0; i < 40; ++i) {
            for (;;) {
                auto row = store.fetch("grid.txt#0");
                auto c = correction_from(*row, who);
                c.event.summary += who.substr(0, 1);
                c.edits = {{.kind = core::EventEdit::Kind::SetSummary, .key = "grid.txt#0", .note = c.event.summary}};
                if (store.save(c).outcome == io::PgSaveResult::Outcome::Saved) break;
                ++conflicts;
            }
        }
    };
    std::thread one(analyst, "ana"), two(analyst, "ben");
    one.join();
    two.join();
    io::PgEventStore check(info);
    const auto row = check.fetch("grid.txt#0");
    CHECK(row->version == 81);
    const std::string& s = row->event.summary;
    const std::string original = grid()[0].summary;
    const auto count_of = [](const std::string& text, char c) { return std::count(text.begin(), text.end(), c); };
    CHECK(count_of(s, 'a') - count_of(original, 'a') == 40);  // every one of ana's 40
    CHECK(count_of(s, 'b') - count_of(original, 'b') == 40);  // and of ben's
    CHECK(check.history("grid.txt#0").size() == 80);
    INFO("conflicts seen: " << conflicts.load());
}

TEST_CASE("an event added by two analysts under one key is stored twice", "[pg]") {
    const std::string info = test::pg_fresh_schema("t_added");
    io::PgEventStore ana(info), ben(info);
    auto added = make_event("user", 1, 46.75, 39.8, day(2020, 11, 9));
    io::PgCorrection c{.key = "user#1", .insert = true, .event = added, .author = "ana"};
    const auto first = ana.save(c);
    REQUIRE(first.outcome == io::PgSaveResult::Outcome::Saved);
    CHECK(first.key == "user#1");
    c.author = "ben";
    c.event.summary = "Ben's";
    const auto second = ben.save(c);
    REQUIRE(second.outcome == io::PgSaveResult::Outcome::Saved);
    CHECK(second.key == "user#2");
    CHECK(ana.fetch("user#2")->event.summary == "Ben's");
    CHECK(ana.fetch("user#1")->event.summary != "Ben's");
}

TEST_CASE("an unreachable server is an error naming the connection, without its password", "[pg]") {
    try {
        io::PgEventStore store("PG:host=/nonexistent-socket-dir port=1 dbname=nothing password=secret");
        FAIL("connected to a server that does not exist");
    } catch (const Error& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Contains("PostgreSQL (host=/nonexistent-socket-dir"));
        CHECK_THAT(what, Contains("cannot connect"));
        CHECK_THAT(what, !Contains("secret"));
    }
}
