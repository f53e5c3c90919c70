// Honest display of events (core/event_view.hpp): span-dated events are placed on their last day,
// the confidence threshold, and the events known only to a region or country that are listed
// beside the map instead of drawn on it.
#include "core/event_view.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace sitmap::core;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

Event make_event(std::string id, Date start, Date end, DatePrecision p = DatePrecision::Day) {
    Event e;
    e.id = std::move(id);
    e.date = {start, end, p};
    e.source.document = "doc.txt";
    e.type = EventType::Strike;
    e.has_position = true;
    e.position = {46.75, 39.82};
    e.confidence = 0.9;
    return e;
}

Event located(std::string id, Date d, std::string place, LocationPrecision p) {
    Event e = make_event(std::move(id), d, d);
    e.place = std::move(place);
    e.location_precision = p;
    return e;
}

std::vector<std::size_t> indices(const std::vector<VisibleEvent>& v) {
    std::vector<std::size_t> out;
    for (const auto& x : v) out.push_back(x.index);
    return out;
}

}  // namespace

TEST_CASE("a date is a span when coarser than a day or longer than three days", "[core][event_view][span]") {
    CHECK_FALSE(is_time_span({ymd(2020, 10, 4), ymd(2020, 10, 4), DatePrecision::Day}));
    CHECK_FALSE(is_time_span({ymd(2023, 9, 19), ymd(2023, 9, 21), DatePrecision::Day}));  // three days
    CHECK(is_time_span({ymd(2023, 9, 19), ymd(2023, 9, 22), DatePrecision::Day}));        // four
    CHECK(is_time_span({ymd(2020, 9, 27), ymd(2020, 11, 9), DatePrecision::Day}));        // the 44-day war
    CHECK(is_time_span({ymd(2023, 9, 1), ymd(2023, 9, 30), DatePrecision::Month}));
    CHECK(is_time_span({ymd(2022, 1, 1), ymd(2022, 12, 31), DatePrecision::Year}));
    CHECK(is_time_span({ymd(1990, 1, 1), ymd(1999, 12, 31), DatePrecision::Decade}));
    // Even a one-day range at month precision says only "that month".
    CHECK(is_time_span({ymd(2023, 9, 1), ymd(2023, 9, 1), DatePrecision::Month}));
    CHECK(placed_date({ymd(2020, 9, 27), ymd(2020, 11, 9), DatePrecision::Day}) == ymd(2020, 11, 9));
    CHECK(placed_date({ymd(2023, 9, 19), ymd(2023, 9, 20), DatePrecision::Day}) == ymd(2023, 9, 19));
}

TEST_CASE("an event of the 44-day war is not fresh on every day of the war", "[core][event_view][span]") {
    const std::vector<Event> events{
        make_event("war", ymd(2020, 9, 27), ymd(2020, 11, 9)),                           // 0: "during the war"
        make_event("day", ymd(2020, 10, 15), ymd(2020, 10, 15)),                         // 1: a dated event
        make_event("1990s", ymd(1990, 1, 1), ymd(1999, 12, 31), DatePrecision::Decade),  // 2
    };
    const TimeWindow week{.kind = WindowKind::Week};
    // Inside the span, in the default (week) window: only the dated event.
    for (const Date d : {ymd(2020, 9, 28), ymd(2020, 10, 15), ymd(2020, 11, 8)}) {
        INFO(format_iso(d));
        const auto v = select_events(events, {}, week, d);
        CHECK(std::none_of(v.begin(), v.end(), [](const VisibleEvent& x) { return x.index == 0; }));
    }
    // On its last day it appears, fresh; a week later it has aged out like a one-day event.
    auto find = [](const std::vector<VisibleEvent>& v, std::size_t i) {
        return std::find_if(v.begin(), v.end(), [&](const VisibleEvent& x) { return x.index == i; });
    };
    const auto on_end = select_events(events, {}, week, ymd(2020, 11, 9));
    REQUIRE(find(on_end, 0) != on_end.end());
    CHECK(find(on_end, 0)->age == Approx(0.0));
    const auto three_later = select_events(events, {}, week, ymd(2020, 11, 12));
    REQUIRE(find(three_later, 0) != three_later.end());
    CHECK(find(three_later, 0)->age == Approx(0.5));
    CHECK(indices(select_events(events, {}, week, ymd(2020, 11, 16))).empty());
    // "All" shows it from its last day on, and the 1990s once the decade is over.
    CHECK(indices(select_events(events, {}, {.kind = WindowKind::All}, ymd(2020, 10, 15))) ==
          std::vector<std::size_t>{2, 1});
    CHECK(indices(select_events(events, {}, {.kind = WindowKind::All}, ymd(2020, 11, 9))) ==
          std::vector<std::size_t>{2, 1, 0});
    CHECK(indices(select_events(events, {}, {.kind = WindowKind::All}, ymd(1995, 6, 1))).empty());
    // The histogram and previous/next place it on its last day too, so "," "." land where it shows.
    CHECK(next_event_date(events, {}, ymd(2020, 10, 15)) == ymd(2020, 11, 9));
    CHECK(previous_event_date(events, {}, ymd(2020, 10, 15)) == ymd(1999, 12, 31));
    const auto h = event_histogram(events, {}, ymd(2020, 9, 27), ymd(2020, 11, 9), 44);
    CHECK(h == std::vector<int>{2});
    CHECK(event_histogram(events, {}, ymd(2020, 9, 27), ymd(2020, 11, 8), 43) == std::vector<int>{1});
}

TEST_CASE("events below the confidence threshold are not shown, counted or navigated to",
          "[core][event_view][confidence]") {
    std::vector<Event> events{make_event("weak", ymd(2023, 9, 19), ymd(2023, 9, 19)),
                              make_event("strong", ymd(2023, 9, 20), ymd(2023, 9, 20)),
                              make_event("edge", ymd(2023, 9, 18), ymd(2023, 9, 18))};
    events[0].confidence = 0.4;
    events[1].confidence = 0.9;
    events[2].confidence = 0.6;
    const TimeWindow week{.kind = WindowKind::Week};
    const Date d = ymd(2023, 9, 20);
    CHECK(indices(select_events(events, {}, week, d)) == std::vector<std::size_t>{2, 0, 1});
    const EventFilter f{.min_confidence = 0.6};
    CHECK(indices(select_events(events, f, week, d)) == std::vector<std::size_t>{2, 1});  // 0.6 itself passes
    CHECK(indices(select_events(events, {.min_confidence = 0.95}, week, d)).empty());
    CHECK(event_histogram(events, f, ymd(2023, 9, 18), d, 1) == std::vector<int>{1, 0, 1});
    CHECK(previous_event_date(events, f, d) == ymd(2023, 9, 18));
    CHECK_FALSE(f.matches(events[0]));
    CHECK(f.matches(events[2]));
}

TEST_CASE("weaker events are drawn weaker", "[core][event_view][confidence]") {
    CHECK(confidence_alpha(1.0) == Approx(1.0));
    CHECK(confidence_alpha(0.6) == Approx(1.0));
    CHECK(confidence_alpha(0.15) == Approx(0.35));
    CHECK(confidence_alpha(0.0) == Approx(0.35));
    CHECK(confidence_alpha(-3.0) == Approx(0.35));
    CHECK(confidence_alpha(7.0) == Approx(1.0));
    for (int k = 15; k < 60; k += 5) CHECK(confidence_alpha(k / 100.0) < confidence_alpha((k + 5) / 100.0));
}

TEST_CASE("events known only to a region or country are listed per place, not drawn", "[core][event_view][off_map]") {
    const Date d = ymd(2020, 10, 10);
    std::vector<Event> events{
        located("0", d, "Nagorno-Karabakh", LocationPrecision::Region),
        located("1", d, "Shusha", LocationPrecision::Point),
        located("2", d, "Armenia", LocationPrecision::Country),
        located("3", d, "Nagorno-Karabakh", LocationPrecision::Region),
        located("4", d, "Fuzuli district", LocationPrecision::District),
        located("5", d, "Syunik", LocationPrecision::Region),
        located("6", d, "Nagorno-Karabakh", LocationPrecision::Region),
        located("7", d, "", LocationPrecision::Point),
        located("8", ymd(2020, 9, 1), "Syunik", LocationPrecision::Region),  // outside the window
    };
    events[7].has_position = false;
    events[7].place_text = "Khachmaz";
    REQUIRE(off_map_reason(events[1]) == std::nullopt);
    REQUIRE(off_map_reason(events[4]) == std::nullopt);  // districts stay on the map, as an area
    REQUIRE(off_map_reason(events[0]) == OffMapReason::Region);
    REQUIRE(off_map_reason(events[2]) == OffMapReason::Country);
    REQUIRE(off_map_reason(events[7]) == OffMapReason::NoPosition);

    const auto visible = select_events(events, {}, {.kind = WindowKind::Week}, d);
    REQUIRE(visible.size() == 8);
    std::vector<VisibleEvent> on_map;
    const OffMapSummary s = summarize_off_map(events, visible, &on_map);
    CHECK(indices(on_map) == std::vector<std::size_t>{1, 4});
    CHECK(s.region_or_country == 5);
    CHECK(s.no_position == 1);
    CHECK(s.total() == 6);
    REQUIRE(s.groups.size() == 4);
    // Biggest first, ties by label, unlocated last.
    CHECK(off_map_label(s.groups[0]) == "somewhere in Nagorno-Karabakh");
    CHECK(s.groups[0].members == std::vector<std::size_t>{0, 3, 6});
    CHECK(off_map_label(s.groups[1]) == "Armenia (country)");
    CHECK(s.groups[1].members == std::vector<std::size_t>{2});
    CHECK(off_map_label(s.groups[2]) == "somewhere in Syunik");
    CHECK(s.groups[2].members == std::vector<std::size_t>{5});  // not event 8: outside the window
    CHECK(off_map_label(s.groups[3]) == "place not located");
    CHECK(s.groups[3].members == std::vector<std::size_t>{7});
    CHECK(off_map_sentence(s) ==
          "5 events known only to a region or country and 1 without a located place are not drawn");

    SECTION("the counts follow the filters") {
        const auto karabakh = select_events(events, {.text = "karabakh"}, {.kind = WindowKind::Week}, d);
        const auto k = summarize_off_map(events, karabakh);
        REQUIRE(k.groups.size() == 1);
        CHECK(k.groups[0].members.size() == 3);
        CHECK(off_map_sentence(k) == "3 events known only to a region or country are not drawn");
    }
    SECTION("sentences for one event and for nothing") {
        const std::vector<VisibleEvent> one{{2, 0.0f}};
        CHECK(off_map_sentence(summarize_off_map(events, one)) ==
              "1 event known only to a region or country is not drawn");
        const std::vector<VisibleEvent> lost{{7, 0.0f}};
        CHECK(off_map_sentence(summarize_off_map(events, lost)) == "1 event without a located place is not drawn");
        const std::vector<VisibleEvent> drawn{{1, 0.0f}, {4, 0.0f}};
        const auto none = summarize_off_map(events, drawn);
        CHECK(none.total() == 0);
        CHECK(none.groups.empty());
        CHECK(off_map_sentence(none).empty());
    }
    SECTION("linear places read 'along'") {
        CHECK(off_map_label({.reason = OffMapReason::Region, .place = "Lachin corridor"}) ==
              "somewhere along the Lachin corridor");
        CHECK(off_map_label({.reason = OffMapReason::Region, .place = "line of contact"}) ==
              "somewhere along the line of contact");
        CHECK(off_map_label({.reason = OffMapReason::Region, .place = ""}) == "somewhere in an unnamed region");
    }
}
