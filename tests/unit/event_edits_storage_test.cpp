// EditableEvents keeps one copy of the events (the extracted ones with the edits applied) and only
// the extracted state of the events an edit changed: undoing every edit must give back exactly
// the extracted events, redoing them exactly the edited ones, whatever the order of the edits.
#include "core/event_edits.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

std::vector<Event> extracted(std::size_t n) {
    std::vector<Event> out;
    for (std::size_t i = 0; i < n; ++i) {
        Event e;
        e.id = std::to_string(i);
        e.source.document = "doc.txt";
        e.source.quote = "Sentence " + std::to_string(i) + ".";
        e.date = {ymd(2020, 10, 1 + static_cast<unsigned>(i % 28)), ymd(2020, 10, 1 + static_cast<unsigned>(i % 28)),
                  DatePrecision::Day};
        e.place = i % 2 ? "Shusha" : "Aghdam";
        e.position = {46.7 + 0.01 * static_cast<double>(i), 39.8};
        e.has_position = true;
        e.type = EventType::Strike;
        e.actor = "actor " + std::to_string(i);
        e.summary = "summary " + std::to_string(i);
        out.push_back(std::move(e));
    }
    return out;
}

void require_same(const std::vector<Event>& a, const std::vector<Event>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("event " << i);
        REQUIRE(a[i].id == b[i].id);
        REQUIRE(a[i].date.start == b[i].date.start);
        REQUIRE(a[i].date.end == b[i].date.end);
        REQUIRE(a[i].date.precision == b[i].date.precision);
        REQUIRE(a[i].place == b[i].place);
        REQUIRE(a[i].position.lon == b[i].position.lon);
        REQUIRE(a[i].position.lat == b[i].position.lat);
        REQUIRE(a[i].location_precision == b[i].location_precision);
        REQUIRE(a[i].type == b[i].type);
        REQUIRE(a[i].actor == b[i].actor);
        REQUIRE(a[i].summary == b[i].summary);
        REQUIRE(a[i].note == b[i].note);
        REQUIRE(a[i].source.quote == b[i].source.quote);
    }
}

EventEdit edit(EventEdit::Kind kind, std::size_t i) {
    EventEdit e;
    e.kind = kind;
    e.key = "doc.txt#" + std::to_string(i);
    return e;
}

}  // namespace

TEST_CASE("undoing every edit gives back the extracted events exactly", "[core][edits]") {
    const auto original = extracted(12);
    EditableEvents ee;
    ee.set_extracted(original);
    using Kind = EventEdit::Kind;
    auto move = edit(Kind::Move, 3);
    move.position = {47.0, 40.0};
    auto date = edit(Kind::SetDate, 3);  // a second edit of the same event
    date.date = DateRange{ymd(2021, 1, 1), ymd(2021, 1, 31), DatePrecision::Month};
    auto type = edit(Kind::SetType, 5);
    type.type = EventType::Ceasefire;
    auto summary = edit(Kind::SetSummary, 5);
    summary.note = "corrected";
    auto note = edit(Kind::SetNote, 0);
    note.note = "checked against the wire";
    EventEdit add;
    add.kind = Kind::Add;
    add.date = DateRange{ymd(2020, 10, 9), ymd(2020, 10, 9), DatePrecision::Day};
    add.position = {46.75, 39.8};
    auto moved_again = edit(Kind::Move, 3);
    moved_again.position = {47.5, 40.5};
    for (const EventEdit& e :
         {move, date, type, add, summary, note, edit(Kind::Delete, 7), edit(Kind::Accept, 8), moved_again})
        REQUIRE(ee.apply(e));
    const std::vector<Event> edited = ee.events();
    REQUIRE(edited.size() == original.size() + 1);
    CHECK(edited[3].position.lon == 47.5);
    CHECK(edited[3].date.precision == DatePrecision::Month);
    CHECK(edited[5].summary == "corrected");
    CHECK(ee.deleted(7));

    // Undo one at a time (each replays the rest over the extracted state), then redo them all.
    while (ee.can_undo()) ee.undo();
    require_same(ee.events(), original);
    CHECK_FALSE(ee.deleted(7));
    while (ee.can_redo()) ee.redo();
    require_same(ee.events(), edited);
    // Undo half, redo it: the same again.
    for (int k = 0; k < 4; ++k) ee.undo();
    CHECK(ee.events()[3].position.lon == 47.0);                    // the second Move undone, the first kept...
    CHECK(ee.events()[3].date.precision == DatePrecision::Month);  // ...but not the SetDate before it
    while (ee.can_redo()) ee.redo();
    require_same(ee.events(), edited);

    // New extracted events: the edits are re-applied to them, and undoing goes back to them.
    auto second = extracted(12);
    second[5].summary = "re-extracted";
    ee.set_extracted(second);
    CHECK(ee.events()[5].summary == "corrected");
    CHECK(ee.events()[3].position.lon == 47.5);
    while (ee.can_undo()) ee.undo();
    require_same(ee.events(), second);
}
