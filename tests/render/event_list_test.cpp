// The events list's rows and columns without drawing (ui::event_list_rows, ui::list_document_label):
// pure logic, in the gl suite only because it links sitmap_ui.
#include "core/event_view.hpp"
#include "ui/event_panels.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {

core::Date ymd(int y, unsigned m, unsigned d) {
    return core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

core::Event dated(const char* doc, const char* id, core::Date d) {
    core::Event e;
    e.id = id;
    e.source.document = doc;
    e.type = core::EventType::Strike;
    e.place = "Shusha";
    e.confidence = 0.9;
    e.date = {d, d, core::DatePrecision::Day};
    return e;
}

}  // namespace

TEST_CASE("the events list hides nothing after the slider's date unless it follows the time window",
          "[gl][ui][events_list]") {
    ui::EventUiState ev;
    ev.events.set_extracted({dated("a1b2c3.txt", "1", ymd(2020, 10, 1)), dated("a1b2c3.txt", "2", ymd(2020, 11, 9)),
                             dated("d4e5f6.txt", "3", ymd(2023, 9, 19))});
    ev.window = {.kind = core::WindowKind::Week};
    const core::Date shown = ymd(2020, 10, 5);
    ev.visible = core::select_events(ev.events.events(), ev.drawn_filter(), ev.window, shown);
    REQUIRE(ev.visible.size() == 1);

    ev.list_in_window_only = false;
    CHECK(ui::event_list_rows(ev) == std::vector<std::size_t>{0, 1, 2});
    ev.list_in_window_only = true;
    CHECK(ui::event_list_rows(ev) == std::vector<std::size_t>{0});
    // The filter still applies to the whole list.
    ev.list_in_window_only = false;
    ev.filter.documents = {"d4e5f6.txt"};
    CHECK(ui::event_list_rows(ev) == std::vector<std::size_t>{2});
}

TEST_CASE("the events list names documents by their titles", "[gl][ui][events_list]") {
    ui::EventUiState ev;
    ev.documents["a1b2c3.txt"] = {.title = "Azerbaijan says it took Shusha"};
    CHECK(ui::list_document_label(ev, "a1b2c3.txt") == "Azerbaijan says it took Shusha");
    CHECK(ui::list_document_label(ev, "untitled.txt") == "untitled.txt");
}
