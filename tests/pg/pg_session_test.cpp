// The window's PostgreSQL session without a display: two analysts' sessions (two connections, two
// AppStates) correct one event; the second save is a conflict, settled either way, nothing lost.
#include "app/pg_session.hpp"
#include "io/pg_store.hpp"
#include "pg_fixture.hpp"

#include <imgui.h>
#include <catch2/catch.hpp>

using namespace sitmap;

namespace {

core::Date day(int y, unsigned m, unsigned d) {
    return core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

void fill(const std::string& info) {
    io::PgEventStore store(info);
    store.begin_writes();
    for (int i = 0; i < 20; ++i) {
        core::Event e;
        e.id = std::to_string(i);
        e.source.document = "s.txt";
        e.source.quote = "quote " + std::to_string(i);
        e.date = {day(2020, 10, 1 + static_cast<unsigned>(i)), day(2020, 10, 1 + static_cast<unsigned>(i)),
                  core::DatePrecision::Day};
        e.place = "Fuzuli";
        e.position = {.lon = 47.15, .lat = 39.6};
        e.has_position = true;
        e.summary = "original";
        store.add(e);
    }
    store.commit_writes();
}

// AppState::notify reads ImGui's clock: a context without any display or GL.
struct ImGuiContextForTests {
    ImGuiContextForTests() { ImGui::CreateContext(); }
    ~ImGuiContextForTests() { ImGui::DestroyContext(); }
};

struct Analyst {
    inline static ImGuiContextForTests imgui;
    ui::AppState state;
    app::PgSession session;
    Analyst(const std::string& info, const std::string& name) : session(info) {
        state.ev.review.reviewer = name;
        session.start(state, {});
    }
    bool edit(core::EventEdit e) {
        e.author = state.ev.review.reviewer;
        return state.ev.events.apply(std::move(e));
    }
};

}  // namespace

TEST_CASE("window sessions: a stale save is a conflict; keeping mine keeps theirs too", "[pg][session]") {
    const std::string info = test::pg_fresh_schema("t_session_keep");
    fill(info);
    Analyst ana(info, "ana"), ben(info, "ben");
    REQUIRE(ana.state.ev.events.events().size() == 20);

    REQUIRE(ana.edit({.kind = core::EventEdit::Kind::Accept, .key = "s.txt#4"}));
    REQUIRE(ana.edit({.kind = core::EventEdit::Kind::SetSummary, .key = "s.txt#4", .note = "ana's summary"}));
    REQUIRE(ana.session.save(ana.state));
    CHECK_FALSE(ana.state.ev.events.dirty());

    REQUIRE(ben.edit({.kind = core::EventEdit::Kind::SetPlace, .key = "s.txt#4", .place = "Jabrayil"}));
    REQUIRE(ben.edit({.kind = core::EventEdit::Kind::SetActor, .key = "s.txt#9", .note = "Side B"}));
    CHECK_FALSE(ben.session.save(ben.state));  // #9 saved, #4 overtaken by ana
    REQUIRE(ben.session.conflicts() == 1);
    CHECK(ben.state.ev.events.dirty());  // his correction of #4 is still pending, not lost

    ben.session.resolve_conflict(ben.state, /*keep_mine=*/true);
    CHECK(ben.session.conflicts() == 0);
    CHECK_FALSE(ben.state.ev.events.dirty());

    io::PgEventStore check(info);
    const auto row = check.fetch("s.txt#4");
    REQUIRE(row);
    CHECK(row->version == 3);
    CHECK(row->event.place == "Jabrayil");         // ben's
    CHECK(row->event.summary == "ana's summary");  // ana's, kept under ben's correction
    CHECK(row->review.state == core::ReviewState::Accepted);
    CHECK(row->review.author == "ana");
    CHECK(check.fetch("s.txt#9")->event.actor == "Side B");
    const auto log = check.history("s.txt#4");
    REQUIRE(log.size() == 3);  // ana's two edits, ben's one
    CHECK(log[2].author == "ben");

    // Ben's window shows the stored event now, with ana's decision.
    const auto at = ben.state.ev.events.find("s.txt#4");
    REQUIRE(at);
    CHECK(ben.state.ev.events.events()[*at].summary == "ana's summary");
    CHECK(ben.state.ev.events.review_state(*at) == core::ReviewState::Accepted);
}

TEST_CASE("window sessions: taking theirs drops mine and shows theirs", "[pg][session]") {
    const std::string info = test::pg_fresh_schema("t_session_take");
    fill(info);
    Analyst ana(info, "ana"), ben(info, "ben");
    REQUIRE(ana.edit({.kind = core::EventEdit::Kind::Delete, .key = "s.txt#2"}));
    REQUIRE(ana.session.save(ana.state));
    REQUIRE(ben.edit({.kind = core::EventEdit::Kind::Reject, .key = "s.txt#2"}));
    CHECK_FALSE(ben.session.save(ben.state));
    REQUIRE(ben.session.conflicts() == 1);
    ben.session.resolve_conflict(ben.state, /*keep_mine=*/false);
    CHECK(ben.session.conflicts() == 0);
    CHECK_FALSE(ben.state.ev.events.dirty());
    io::PgEventStore check(info);
    const auto row = check.fetch("s.txt#2");
    CHECK(row->deleted);
    CHECK(row->review.state == core::ReviewState::Unreviewed);
    CHECK(row->version == 2);
    const auto at = ben.state.ev.events.find("s.txt#2");
    REQUIRE(at);
    CHECK(ben.state.ev.events.deleted(*at));
}

TEST_CASE("a window session holds at most its cap of events, read in pages", "[pg][session]") {
    const std::string info = test::pg_fresh_schema("t_session_cap");
    fill(info);
    io::PgEventStore store(info);
    const auto w = app::read_pg_window(store, {}, 7, 3);
    CHECK(w.events.size() == 7);
    CHECK(w.truncated);
    CHECK(w.pages == 3);
    CHECK(store.rows_fetched() == 8);  // 3 + 3 + 1, and one row to learn there is more
    const auto all = app::read_pg_window(store, {.from = day(2020, 10, 5), .to = day(2020, 10, 6)}, 0, 3);
    CHECK(all.events.size() == 2);
    CHECK_FALSE(all.truncated);
}
