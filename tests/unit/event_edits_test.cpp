// Edits kept apart from extracted events, undo/redo, and re-application after re-extraction
// (core/event_edits.hpp).
#include "core/event_edits.hpp"

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
    const char* quotes[] = {"Shelling reported in Şuşa.", "Ceasefire announced in Xankəndi.",
                            "Бои у Степанакерта продолжились.", "Հրադադարը խախտվել է Ստեփանակերտում։"};
    for (int i = 0; i < 4; ++i) {
        Event e;
        e.id = "00" + std::to_string(i);
        e.source.document = i < 2 ? "az.txt" : "ru.txt";
        e.source.quote = quotes[i];
        e.date = {ymd(2023, 9, 19), ymd(2023, 9, 19), DatePrecision::Day};
        e.place = "Khankendi";
        e.position = {46.75, 39.82};
        e.has_position = true;
        e.type = EventType::Clash;
        out.push_back(e);
    }
    return out;
}

EventEdit edit(Kind k, std::string key) {
    EventEdit e;
    e.kind = k;
    e.key = std::move(key);
    return e;
}

const Event& by_key(const EditableEvents& ee, const std::string& key) {
    const auto i = ee.find(key);
    REQUIRE(i.has_value());
    return ee.events()[*i];
}

}  // namespace

TEST_CASE("event keys are document#id", "[core][edits]") {
    CHECK(event_key(extracted()[2]) == "ru.txt#002");
    for (auto k : {Kind::Move, Kind::SetDate, Kind::SetType, Kind::SetPlace, Kind::Delete, Kind::Restore, Kind::Add})
        CHECK(parse_edit_kind(edit_kind_name(k)) == k);
    CHECK_FALSE(parse_edit_kind("teleport").has_value());
}

TEST_CASE("every edit kind changes the merged view and nothing else", "[core][edits]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.events().size() == 4);
    const std::size_t rev0 = ee.revision();
    CHECK_FALSE(ee.dirty());

    SECTION("move") {
        EventEdit e = edit(Kind::Move, "az.txt#000");
        e.position = {46.7594, 39.7603};
        e.location_precision = LocationPrecision::District;
        REQUIRE(ee.apply(e));
        const Event& ev = by_key(ee, "az.txt#000");
        CHECK(ev.position.lon == 46.7594);
        CHECK(ev.position.lat == 39.7603);
        CHECK(ev.location_precision == LocationPrecision::District);
        CHECK(ee.edited(0));
        CHECK_FALSE(ee.edited(1));
        CHECK(ee.edits().back().quote_check == "Shelling reported in Şuşa.");
        CHECK_FALSE(ee.edits().back().timestamp.empty());
    }
    SECTION("set date") {
        EventEdit e = edit(Kind::SetDate, "az.txt#001");
        e.date = DateRange{ymd(2023, 9, 1), ymd(2023, 9, 30), DatePrecision::Month};
        REQUIRE(ee.apply(e));
        CHECK(by_key(ee, "az.txt#001").date.precision == DatePrecision::Month);
        CHECK(by_key(ee, "az.txt#001").date.end == ymd(2023, 9, 30));
        CHECK_FALSE(ee.apply(edit(Kind::SetDate, "az.txt#001")));  // no date given
    }
    SECTION("set type") {
        EventEdit e = edit(Kind::SetType, "ru.txt#002");
        e.type = EventType::Strike;
        REQUIRE(ee.apply(e));
        CHECK(by_key(ee, "ru.txt#002").type == EventType::Strike);
        CHECK_FALSE(ee.apply(edit(Kind::SetType, "ru.txt#002")));  // no type given
    }
    SECTION("set place keeps the source words") {
        EventEdit e = edit(Kind::SetPlace, "ru.txt#003");
        e.place = "Ağdam";
        REQUIRE(ee.apply(e));
        CHECK(by_key(ee, "ru.txt#003").place == "Ağdam");
        CHECK(by_key(ee, "ru.txt#003").source.quote == "Հրադադարը խախտվել է Ստեփանակերտում։");
    }
    SECTION("delete hides, restore un-hides") {
        REQUIRE(ee.apply(edit(Kind::Delete, "az.txt#001")));
        CHECK(ee.deleted(1));
        CHECK(ee.deleted_flags() == std::vector<char>{0, 1, 0, 0});
        CHECK(ee.events().size() == 4);  // still there, only flagged
        REQUIRE(ee.apply(edit(Kind::Restore, "az.txt#001")));
        CHECK_FALSE(ee.deleted(1));
        CHECK(ee.edited(1));
    }
    SECTION("add creates user#N events in document user") {
        EventEdit a = edit(Kind::Add, "");
        a.position = {45.0, 40.0};
        a.date = DateRange{ymd(2024, 1, 2), ymd(2024, 1, 2), DatePrecision::Day};
        a.type = EventType::Humanitarian;
        a.place = "Գորիս";
        a.note = "Convoy of aid seen near Goris";
        REQUIRE(ee.apply(a));
        REQUIRE(ee.apply(a));
        REQUIRE(ee.events().size() == 6);
        CHECK(ee.edits()[0].key == "user#1");
        CHECK(ee.edits()[1].key == "user#2");
        const Event& ev = by_key(ee, "user#2");
        CHECK(ev.source.document == "user");
        CHECK(ev.id == "2");
        CHECK(ev.place == "Գորիս");
        CHECK(ev.summary == "Convoy of aid seen near Goris");
        CHECK(ev.type == EventType::Humanitarian);
        CHECK(ev.has_position);
        CHECK(ee.edited(5));
        CHECK(ee.next_user_key() == "user#3");
        a.key = "user#2";
        CHECK_FALSE(ee.apply(a));  // taken
        a.key = "";
        a.date.reset();
        CHECK_FALSE(ee.apply(a));  // an event needs a date
        // Edits can target added events too.
        EventEdit mv = edit(Kind::Move, "user#1");
        mv.position = {45.5, 40.5};
        REQUIRE(ee.apply(mv));
        CHECK(by_key(ee, "user#1").position.lon == 45.5);
    }
    SECTION("an unknown key is refused and changes nothing") {
        CHECK_FALSE(ee.apply(edit(Kind::Delete, "az.txt#999")));
        CHECK(ee.edits().empty());
        CHECK(ee.revision() == rev0);
        CHECK_FALSE(ee.dirty());
    }
    if (!ee.edits().empty()) {
        CHECK(ee.revision() > rev0);
        CHECK(ee.dirty());
        ee.mark_saved();
        CHECK_FALSE(ee.dirty());
    }
}

TEST_CASE("undo and redo walk the edit history", "[core][edits]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    CHECK_FALSE(ee.can_undo());
    CHECK_FALSE(ee.can_redo());
    EventEdit m1 = edit(Kind::Move, "az.txt#000");
    m1.position = {47.0, 40.0};
    EventEdit m2 = m1;
    m2.position = {48.0, 41.0};
    REQUIRE(ee.apply(m1));
    REQUIRE(ee.apply(m2));
    REQUIRE(ee.apply(edit(Kind::Delete, "ru.txt#002")));
    CHECK(ee.deleted(2));

    ee.undo();  // the delete
    CHECK_FALSE(ee.deleted(2));
    CHECK(ee.events()[0].position.lon == 48.0);
    ee.undo();  // the second move
    CHECK(ee.events()[0].position.lon == 47.0);
    ee.undo();  // the first move: back to the extracted position
    CHECK(ee.events()[0].position.lon == 46.75);
    CHECK_FALSE(ee.edited(0));
    CHECK_FALSE(ee.can_undo());
    ee.undo();  // nothing left: harmless
    CHECK(ee.edits().empty());

    REQUIRE(ee.can_redo());
    ee.redo();
    CHECK(ee.events()[0].position.lon == 47.0);
    ee.redo();
    CHECK(ee.events()[0].position.lon == 48.0);
    const std::size_t rev = ee.revision();
    ee.redo();
    CHECK(ee.deleted(2));
    CHECK(ee.revision() == rev + 1);
    CHECK_FALSE(ee.can_redo());

    ee.undo();
    ee.undo();
    REQUIRE(ee.can_redo());
    EventEdit t = edit(Kind::SetType, "az.txt#001");
    t.type = EventType::Statement;
    REQUIRE(ee.apply(t));  // a new edit forgets the redo stack
    CHECK_FALSE(ee.can_redo());
    REQUIRE(ee.edits().size() == 2);
    CHECK(ee.edits()[0].kind == Kind::Move);
    CHECK(ee.edits()[1].kind == Kind::SetType);
    CHECK(ee.events()[0].position.lon == 47.0);

    SECTION("undo of an add removes the event and frees nothing else") {
        EventEdit a = edit(Kind::Add, "");
        a.date = DateRange{ymd(2024, 1, 2), ymd(2024, 1, 2), DatePrecision::Day};
        REQUIRE(ee.apply(a));
        CHECK(ee.events().size() == 5);
        ee.undo();
        CHECK(ee.events().size() == 4);
        CHECK_FALSE(ee.find("user#1").has_value());
        ee.redo();
        CHECK(ee.find("user#1") == std::size_t{4});
    }
}

TEST_CASE("edits survive re-extraction; lost targets are reported, never dropped", "[core][edits]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    EventEdit mv = edit(Kind::Move, "ru.txt#003");
    mv.position = {46.1, 39.9};
    REQUIRE(ee.apply(mv));
    REQUIRE(ee.apply(edit(Kind::Delete, "az.txt#000")));
    EventEdit st = edit(Kind::SetType, "ru.txt#002");
    st.type = EventType::Casualty;
    REQUIRE(ee.apply(st));
    EventEdit add = edit(Kind::Add, "");
    add.date = DateRange{ymd(2023, 9, 21), ymd(2023, 9, 21), DatePrecision::Day};
    add.place = "Xankəndi";
    REQUIRE(ee.apply(add));

    // Re-extraction: order shuffled, "ru.txt#002" gone.
    auto again = extracted();
    again.erase(again.begin() + 2);
    std::mt19937 rng(7);
    std::shuffle(again.begin(), again.end(), rng);
    ee.set_extracted(again);

    REQUIRE(ee.events().size() == 4);  // 3 extracted + 1 added
    CHECK(by_key(ee, "ru.txt#003").position.lon == 46.1);
    CHECK(ee.deleted(*ee.find("az.txt#000")));
    CHECK_FALSE(ee.deleted(*ee.find("az.txt#001")));
    CHECK(by_key(ee, "user#1").place == "Xankəndi");
    CHECK(ee.orphaned() == std::vector<std::string>{"ru.txt#002"});
    CHECK(ee.edits().size() == 4);  // the orphan is kept

    SECTION("the target comes back: the kept edit applies again") {
        ee.set_extracted(extracted());
        CHECK(ee.orphaned().empty());
        CHECK(by_key(ee, "ru.txt#002").type == EventType::Casualty);
    }
    SECTION("a key reused for another sentence fails the quote check") {
        auto changed = extracted();
        changed[3].source.quote = "A different sentence now has id 003.";
        ee.set_extracted(changed);
        CHECK(by_key(ee, "ru.txt#003").position.lon == 46.75);           // not moved
        CHECK(ee.orphaned() == std::vector<std::string>{"ru.txt#003"});  // 002 is back
        CHECK(by_key(ee, "ru.txt#002").type == EventType::Casualty);
    }
}

TEST_CASE("set_edits replaces the edits and clears undo history", "[core][edits]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.apply(edit(Kind::Delete, "az.txt#000")));
    ee.undo();
    REQUIRE(ee.can_redo());
    EventEdit mv = edit(Kind::Move, "az.txt#001");
    mv.position = {45.0, 41.0};
    EventEdit lost = edit(Kind::Delete, "gone.txt#1");
    ee.set_edits({mv, lost});
    CHECK_FALSE(ee.can_redo());
    CHECK(ee.events()[1].position.lon == 45.0);
    CHECK(ee.orphaned() == std::vector<std::string>{"gone.txt#1"});
    ee.set_edits({});
    CHECK(ee.events()[1].position.lon == 46.75);
    CHECK(ee.orphaned().empty());
}

TEST_CASE("undo and redo are not unsaved corrections; only the difference from the saved edits is",
          "[core][edits][unsaved]") {
    EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.apply(edit(Kind::Delete, "az.txt#000")));
    ee.mark_saved();
    CHECK(ee.unsaved_changes() == 0);
    // Made and undone: nothing to save, the quit prompt does not ask.
    REQUIRE(ee.apply(edit(Kind::Delete, "az.txt#001")));
    CHECK(ee.unsaved_changes() == 1);
    ee.undo();
    CHECK(ee.unsaved_changes() == 0);
    CHECK_FALSE(ee.dirty());
    // Redone: one correction again, not two.
    ee.redo();
    CHECK(ee.unsaved_changes() == 1);
    CHECK(ee.dirty());
    // Undoing a saved edit is a change to save too.
    ee.undo();
    ee.undo();
    CHECK(ee.unsaved_changes() == 1);
    ee.redo();
    CHECK(ee.unsaved_changes() == 0);
    CHECK_FALSE(ee.dirty());
    // A recovered journal: the file holds fewer edits than are live.
    EditableEvents recovered;
    recovered.set_extracted(extracted());
    const std::vector<EventEdit> file{ee.edits()};
    std::vector<EventEdit> journal = file;
    journal.push_back(edit(Kind::Delete, "ru.txt#002"));
    journal.back().timestamp = "2024-01-01T00:00:00Z";
    recovered.set_edits(journal);
    recovered.set_saved(file);
    CHECK(recovered.unsaved_changes() == 1);
}
