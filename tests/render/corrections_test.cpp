// The corrections form and where a selected event is put (ui::CorrectionForm, ui::free_map_centre):
// pure logic, in the gl suite only because it links sitmap_ui.
#include "ui/event_panels.hpp"
#include "ui/panels.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {
core::Event located(const char* id, double lat, double lon) {
    core::Event e;
    e.id = id;
    e.source.document = "az.txt";
    e.source.quote = "Shelling reported.";
    e.position = {lon, lat};
    e.has_position = true;
    const core::Date d{std::chrono::year(2020), std::chrono::October, std::chrono::day(4)};
    e.date = {d, d, core::DatePrecision::Day};
    e.summary = "shelling";
    return e;
}
}  // namespace

TEST_CASE("the corrections form shows the event as it is after a drag or another edit", "[gl][ui][corrections]") {
    core::EditableEvents events;
    events.set_extracted({located("1", 39.76, 46.75), located("2", 39.82, 46.75)});
    ui::CorrectionForm form;
    form.sync(events.events()[0], 0, events.revision());
    CHECK(form.lat == Approx(39.76));
    CHECK(form.summary == "shelling");
    // A drag on the map is a Move edit: the boxes follow, so pressing Move does not undo it.
    core::EventEdit move{.kind = core::EventEdit::Kind::Move, .key = "az.txt#1"};
    move.position = {46.70, 39.70};
    REQUIRE(events.apply(move));
    form.sync(events.events()[0], 0, events.revision());
    CHECK(form.lat == Approx(39.70));
    CHECK(form.lon == Approx(46.70));
    // Text corrections: actor, target, summary and note.
    for (const auto& [kind, text] : {std::pair{core::EventEdit::Kind::SetActor, "Azerbaijani army"},
                                     {core::EventEdit::Kind::SetTarget, "Shusha"},
                                     {core::EventEdit::Kind::SetSummary, "artillery fire on Shusha"},
                                     {core::EventEdit::Kind::SetNote, "checked against ACLED"}}) {
        core::EventEdit edit{.kind = kind, .key = "az.txt#1"};
        edit.note = text;
        REQUIRE(events.apply(edit));
        CHECK(core::parse_edit_kind(core::edit_kind_name(kind)) == kind);
    }
    form.sync(events.events()[0], 0, events.revision());
    CHECK(form.actor == "Azerbaijani army");
    CHECK(form.target == "Shusha");
    CHECK(form.summary == "artillery fire on Shusha");
    CHECK(form.note == "checked against ACLED");
    CHECK(events.edited(0));
    // Undo brings the old summary back into the box.
    events.undo();
    events.undo();
    form.sync(events.events()[0], 0, events.revision());
    CHECK(form.summary == "shelling");
}

TEST_CASE("a selected event is centred where the Event panel does not cover it", "[gl][ui][corrections]") {
    const ui::PanelRect map{0, 20, 1280, 560};
    // The panel where it opens, over the map's centre: the event goes to the wider free part, right.
    const ui::PanelRect panel{350, 60, 460, 520};
    const auto at = ui::free_map_centre(map, panel);
    CHECK_FALSE((at.x >= panel.x && at.x <= panel.x + panel.w && at.y >= panel.y && at.y <= panel.y + panel.h));
    CHECK(at.x > panel.x + panel.w);
    // A panel away from the centre, or none: the map's centre.
    const auto clear = ui::free_map_centre(map, {0, 20, 200, 200});
    CHECK(clear.x == Approx(640));
    CHECK(clear.y == Approx(300));
    CHECK(ui::free_map_centre(map, {}).x == Approx(640));
}
