// Time window, filters, grouping, histogram and previous/next navigation (core/event_view.hpp).
#include "core/event_view.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

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
    e.source.quote = "A sentence.";
    e.type = EventType::Strike;
    e.has_position = true;
    e.position = {46.75, 39.82};
    return e;
}

Event day_event(std::string id, Date d) {
    return make_event(std::move(id), d, d);
}

std::vector<std::size_t> indices(const std::vector<VisibleEvent>& v) {
    std::vector<std::size_t> out;
    for (const auto& x : v) out.push_back(x.index);
    return out;
}

}  // namespace

TEST_CASE("time window lengths follow the kind", "[core][event_view]") {
    CHECK(TimeWindow{.kind = WindowKind::Day}.days() == 1);
    CHECK(TimeWindow{.kind = WindowKind::Week}.days() == 7);
    CHECK(TimeWindow{.kind = WindowKind::Month}.days() == 30);
    CHECK_FALSE(TimeWindow{.kind = WindowKind::All}.days().has_value());
    CHECK(TimeWindow{.kind = WindowKind::Custom, .custom_days = 10}.days() == 10);
    CHECK(TimeWindow{.kind = WindowKind::Custom, .custom_days = 0}.days() == 1);
    CHECK(TimeWindow{.kind = WindowKind::Custom, .custom_days = 99999}.days() == 3650);
}

TEST_CASE("the time window shows dated events overlapping it, span events on their last day", "[core][event_view]") {
    const Date end = ymd(2023, 9, 20);
    std::vector<Event> events{
        day_event("on-end", end),                                                      // 0
        day_event("day-before", ymd(2023, 9, 19)),                                     // 1
        day_event("six-days", ymd(2023, 9, 14)),                                       // 2: first day of a week
        day_event("seven-days", ymd(2023, 9, 13)),                                     // 3: just outside a week
        day_event("after", ymd(2023, 9, 21)),                                          // 4: never (after the slider)
        make_event("month", ymd(2023, 9, 1), ymd(2023, 9, 30), DatePrecision::Month),  // 5: ends after the date: never
        make_event("year", ymd(2022, 1, 1), ymd(2022, 12, 31), DatePrecision::Year),   // 6: only All
        make_event("aug", ymd(2023, 8, 1), ymd(2023, 8, 31), DatePrecision::Month),    // 7: its end is within 30 days
        day_event("old", ymd(2020, 10, 1)),                                            // 8: only All
    };
    const EventFilter all;
    SECTION("day") {
        CHECK(indices(select_events(events, all, {.kind = WindowKind::Day}, end)) == std::vector<std::size_t>{0});
    }
    SECTION("week") {
        CHECK(indices(select_events(events, all, {.kind = WindowKind::Week}, end)) ==
              std::vector<std::size_t>{2, 1, 0});
    }
    SECTION("month") {
        // 30 days ending 20 Sep start on 22 Aug: August's last day is inside, 13 Sep too.
        CHECK(indices(select_events(events, all, {.kind = WindowKind::Month}, end)) ==
              std::vector<std::size_t>{7, 3, 2, 1, 0});
    }
    SECTION("custom") {
        CHECK(indices(select_events(events, all, {.kind = WindowKind::Custom, .custom_days = 2}, end)) ==
              std::vector<std::size_t>{1, 0});
    }
    SECTION("all: everything up to the date, ages 0") {
        const auto v = select_events(events, all, {.kind = WindowKind::All}, end);
        CHECK(indices(v) == std::vector<std::size_t>{8, 6, 7, 3, 2, 1, 0});
        CHECK(std::all_of(v.begin(), v.end(), [](const VisibleEvent& x) { return x.age == 0.0f; }));
    }
    SECTION("a year-precision range whose last day is in the window shows, aged from that day") {
        const auto v = select_events(events, all, {.kind = WindowKind::Week}, ymd(2023, 1, 3));
        CHECK(indices(v) == std::vector<std::size_t>{6});
        CHECK(v[0].age == Approx(3.0 / 6.0));  // its last day, 31 Dec, is 3 of the window's 6 days back
    }
}

TEST_CASE("age is 0 on the window's end and 1 at its start", "[core][event_view]") {
    const Date end = ymd(2023, 9, 20);
    std::vector<Event> events{day_event("end", end), day_event("start", ymd(2023, 9, 14)),
                              day_event("mid", ymd(2023, 9, 17)),
                              make_event("range", ymd(2023, 9, 19), ymd(2023, 9, 21))};
    const auto v = select_events(events, {}, {.kind = WindowKind::Week}, end);
    REQUIRE(v.size() == 4);
    auto age_of = [&](std::size_t i) {
        return std::find_if(v.begin(), v.end(), [&](const VisibleEvent& x) { return x.index == i; })->age;
    };
    CHECK(age_of(0) == Approx(0.0));
    CHECK(age_of(1) == Approx(1.0));
    CHECK(age_of(2) == Approx(0.5));
    CHECK(age_of(3) == Approx(0.0));  // still running on the end date
}

TEST_CASE("filters by type, actor, document and free text", "[core][event_view]") {
    std::vector<Event> events(4, day_event("x", ymd(2023, 9, 20)));
    events[0].type = EventType::Strike;
    events[0].actor = "Azerbaijani forces";
    events[0].target = "Armenian positions";
    events[0].place = "Shusha";
    events[0].place_text = "Şuşa";
    events[0].source.document = "a.txt";
    events[1].type = EventType::Ceasefire;
    events[1].actor = "Russia";
    events[1].summary = "Truce announced in Xankəndi";
    events[1].source.document = "b.txt";
    events[2].type = EventType::Clash;
    events[2].actor = "Armenian army";
    events[2].source.quote = "Fighting near Stepanakert (Степанакерт) continued.";
    events[2].source.document = "b.txt";
    events[3].type = EventType::Strike;
    events[3].actor = "unknown";
    events[3].source.document = "c.txt";
    const TimeWindow w{.kind = WindowKind::Day};
    const Date d = ymd(2023, 9, 20);
    auto sel = [&](const EventFilter& f) { return indices(select_events(events, f, w, d)); };

    CHECK(sel({}) == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(sel({.types = {EventType::Strike}}) == std::vector<std::size_t>{0, 3});
    CHECK(sel({.types = {EventType::Ceasefire, EventType::Clash}}) == std::vector<std::size_t>{1, 2});
    CHECK(sel({.actor = "armenian"}) == std::vector<std::size_t>{0, 2});  // target of 0, actor of 2
    CHECK(sel({.actor = "RUSSIA"}) == std::vector<std::size_t>{1});
    CHECK(sel({.documents = {"b.txt"}}) == std::vector<std::size_t>{1, 2});
    CHECK(sel({.documents = {"a.txt", "c.txt"}}) == std::vector<std::size_t>{0, 3});
    CHECK(sel({.text = "susa"}) == std::vector<std::size_t>{0});
    CHECK(sel({.text = "Şuşa"}) == std::vector<std::size_t>{0});
    CHECK(sel({.text = "xankendi"}) == std::vector<std::size_t>{1});
    CHECK(sel({.text = "XANKƏNDI"}) == std::vector<std::size_t>{1});
    CHECK(sel({.text = "stepanakert continued"}) == std::vector<std::size_t>{2});
    CHECK(sel({.text = "nowhere"}).empty());
    CHECK(sel({.types = {EventType::Strike}, .text = "susa"}) == std::vector<std::size_t>{0});
    CHECK(sel({.types = {EventType::Clash}, .text = "susa"}).empty());

    // The single-event form agrees with the cached path.
    CHECK(EventFilter{.text = "susa"}.matches(events[0]));
    CHECK_FALSE(EventFilter{.text = "susa"}.matches(events[1]));
    CHECK(EventFilter{.actor = "armenian"}.matches(events[0]));
    CHECK_FALSE(EventFilter{.actor = "armenian"}.matches(events[3]));

    SECTION("an edited event is searched by its new text, not a stale cache") {
        events[3].summary = "Shelling of Şuşa";
        CHECK(sel({.text = "susa"}) == std::vector<std::size_t>{0, 3});
        events[0].place_text = "Shusha";
        events[0].place = "Shusha";
        CHECK(sel({.text = "susa"}) == std::vector<std::size_t>{3});
    }
}

TEST_CASE("deleted events are hidden unless asked for", "[core][event_view]") {
    std::vector<Event> events(3, day_event("x", ymd(2023, 9, 20)));
    const std::vector<char> deleted{0, 1, 0};
    const TimeWindow w{.kind = WindowKind::Day};
    const Date d = ymd(2023, 9, 20);
    EventFilter f;
    f.deleted = deleted;
    CHECK(indices(select_events(events, f, w, d)) == std::vector<std::size_t>{0, 2});
    CHECK(event_histogram(events, f, d, d, 1) == std::vector<int>{2});
    f.include_deleted = true;
    CHECK(indices(select_events(events, f, w, d)) == std::vector<std::size_t>{0, 1, 2});
    CHECK_FALSE(EventFilter{}.matches(events[0], true));
    CHECK(EventFilter{.include_deleted = true}.matches(events[0], true));
}

TEST_CASE("events at the same place group; far apart they do not", "[core][event_view][group]") {
    const Projector proj;
    const Date d = ymd(2023, 9, 20);
    std::vector<Event> events;
    auto add = [&](std::string place, LonLat p, LocationPrecision prec = LocationPrecision::Point) {
        Event e = day_event(std::to_string(events.size()), d);
        e.place = std::move(place);
        e.position = p;
        e.location_precision = prec;
        events.push_back(e);
    };
    add("Khankendi", {46.7519, 39.8153});                           // 0
    add("Khankendi", {46.7519, 39.8153});                           // 1
    add("Khankendi", {46.80, 39.85}, LocationPrecision::District);  // 2: same name, moved 5 km
    add("Baku", {49.8671, 40.4093});                                // 3: ~280 km away
    add("", {46.7600, 39.8200});                                    // 4: unnamed, 1 km from Khankendi
    Event nowhere = day_event("5", d);
    nowhere.has_position = false;
    events.push_back(nowhere);  // 5: no position: not drawn
    const auto visible = select_events(events, {}, {.kind = WindowKind::Day}, d);
    REQUIRE(visible.size() == 6);

    SECTION("at close zoom only the named place holds together") {
        const auto groups = group_events(events, visible, proj, 10.0, 20.0);  // radius 200 m
        REQUIRE(groups.size() == 3);
        CHECK(groups[0].members == std::vector<std::size_t>{0, 1, 2});
        CHECK(groups[0].precision == LocationPrecision::District);
        CHECK(groups[1].members == std::vector<std::size_t>{3});
        CHECK(groups[2].members == std::vector<std::size_t>{4});
        const WorldXY a = proj.forward({46.7519, 39.8153}), b = proj.forward({46.80, 39.85});
        CHECK(groups[0].centre.x == Approx((2 * a.x + b.x) / 3));
        CHECK(groups[0].centre.y == Approx((2 * a.y + b.y) / 3));
    }
    SECTION("at region zoom nearby events join, distant ones stay apart") {
        const auto groups = group_events(events, visible, proj, 1000.0, 20.0);  // radius 20 km
        REQUIRE(groups.size() == 2);
        CHECK(groups[0].members == std::vector<std::size_t>{0, 1, 2, 4});
        CHECK(groups[1].members == std::vector<std::size_t>{3});
        std::size_t total = 0;
        for (const auto& g : groups) total += g.members.size();
        CHECK(total == 5);
    }
    SECTION("zoomed out far enough everything is one symbol") {
        const auto groups = group_events(events, visible, proj, 50'000.0, 20.0);
        REQUIRE(groups.size() == 1);
        CHECK(groups[0].members.size() == 5);
        CHECK(groups[0].precision == LocationPrecision::District);
    }
}

TEST_CASE("grouping is deterministic and leaves no two symbols within the radius", "[core][event_view][group]") {
    const Projector proj;
    const Date d = ymd(2023, 9, 20);
    std::vector<Event> events;
    std::uint32_t seed = 12345;
    auto rnd = [&] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
    };
    for (int i = 0; i < 3000; ++i) {
        Event e = day_event(std::to_string(i), d);
        e.position = {46.0 + rnd() * 2.0, 39.0 + rnd() * 1.5};
        e.place = i % 3 == 0 ? "Place " + std::to_string(i % 50) : "";
        events.push_back(e);
    }
    const auto visible = select_events(events, {}, {.kind = WindowKind::Day}, d);
    const double mpp = 500.0, radius_px = 18.0;
    const auto g1 = group_events(events, visible, proj, mpp, radius_px);
    const auto g2 = group_events(events, visible, proj, mpp, radius_px);
    REQUIRE(g1.size() == g2.size());
    for (std::size_t k = 0; k < g1.size(); ++k) {
        CHECK(g1[k].members == g2[k].members);
        CHECK(g1[k].centre.x == g2[k].centre.x);
    }
    std::vector<std::size_t> all;
    for (const auto& g : g1) all.insert(all.end(), g.members.begin(), g.members.end());
    std::sort(all.begin(), all.end());
    std::vector<std::size_t> expected(events.size());
    std::iota(expected.begin(), expected.end(), std::size_t{0});
    CHECK(all == expected);  // every event in exactly one group
    CHECK(g1.size() < events.size() / 4);
    // Named places: every member of one name lands in the same group.
    std::map<std::string, std::set<std::size_t>> groups_of_place;
    for (std::size_t k = 0; k < g1.size(); ++k)
        for (std::size_t m : g1[k].members)
            if (!events[m].place.empty()) groups_of_place[events[m].place].insert(k);
    CHECK(groups_of_place.size() == 50);
    for (const auto& [place, gs] : groups_of_place) {
        INFO(place);
        CHECK(gs.size() == 1);
    }
    // Symbols do not sit on top of each other: centres end at least about a radius apart.
    const double r = mpp * radius_px;
    std::size_t close_pairs = 0;
    for (std::size_t a = 0; a < g1.size(); ++a)
        for (std::size_t b = a + 1; b < g1.size(); ++b)
            if (std::hypot(g1[a].centre.x - g1[b].centre.x, g1[a].centre.y - g1[b].centre.y) < 0.5 * r) ++close_pairs;
    CHECK(close_pairs == 0);
}

TEST_CASE("histogram counts by placed date and sums to the filtered total", "[core][event_view]") {
    std::vector<Event> events;
    for (unsigned day = 1; day <= 30; ++day) {
        Event e = day_event(std::to_string(day), ymd(2023, 9, day));
        e.type = day % 2 == 0 ? EventType::Strike : EventType::Clash;
        events.push_back(e);
    }
    events.push_back(make_event("month", ymd(2023, 9, 1), ymd(2023, 9, 30), DatePrecision::Month));
    events.push_back(day_event("outside", ymd(2023, 10, 5)));
    const auto h = event_histogram(events, {}, ymd(2023, 9, 1), ymd(2023, 9, 30), 7);
    REQUIRE(h.size() == 5);                       // 7+7+7+7+2 days
    CHECK(h == std::vector<int>{7, 7, 7, 7, 3});  // the month-long event in its last day's bin
    CHECK(std::accumulate(h.begin(), h.end(), 0) == 31);
    const auto strikes = event_histogram(events, {.types = {EventType::Strike}}, ymd(2023, 9, 1), ymd(2023, 9, 30), 30);
    CHECK(strikes == std::vector<int>{16});  // 15 even days and the month-long strike
    CHECK(event_histogram(events, {}, ymd(2023, 9, 30), ymd(2023, 9, 1), 1).empty());
    CHECK(event_histogram(events, {}, ymd(2023, 9, 1), ymd(2023, 9, 3), 0) == std::vector<int>{1, 1, 1});
}

TEST_CASE("next and previous event dates skip filtered events", "[core][event_view]") {
    std::vector<Event> events{day_event("a", ymd(2023, 9, 10)), day_event("b", ymd(2023, 9, 15)),
                              day_event("c", ymd(2023, 9, 20))};
    events[1].type = EventType::Ceasefire;
    CHECK(next_event_date(events, {}, ymd(2023, 9, 10)) == ymd(2023, 9, 15));
    CHECK(next_event_date(events, {}, ymd(2023, 9, 1)) == ymd(2023, 9, 10));
    CHECK_FALSE(next_event_date(events, {}, ymd(2023, 9, 20)).has_value());
    CHECK(previous_event_date(events, {}, ymd(2023, 9, 20)) == ymd(2023, 9, 15));
    CHECK_FALSE(previous_event_date(events, {}, ymd(2023, 9, 10)).has_value());
    const EventFilter strikes{.types = {EventType::Strike}};
    CHECK(next_event_date(events, strikes, ymd(2023, 9, 10)) == ymd(2023, 9, 20));
    CHECK(previous_event_date(events, strikes, ymd(2023, 9, 20)) == ymd(2023, 9, 10));
    const std::vector<char> deleted{1, 0, 0};
    EventFilter f;
    f.deleted = deleted;
    CHECK_FALSE(previous_event_date(events, f, ymd(2023, 9, 15)).has_value());
}

TEST_CASE("precision radii grow with coarser precision", "[core][event_view]") {
    CHECK(precision_radius_m(LocationPrecision::Point) == 0.0);
    CHECK(precision_radius_m(LocationPrecision::District) == Approx(15'000));
    CHECK(precision_radius_m(LocationPrecision::Region) == Approx(40'000));
    CHECK(precision_radius_m(LocationPrecision::Country) == Approx(120'000));
}

TEST_CASE("grouping no events gives no groups (issue 12 F7: the empty grid's bounds once overflowed)",
          "[core][events]") {
    // The overflow was undefined behaviour only a UBSan build reports (`UBSAN_OPTIONS=halt_on_error=1
    // build-asan/sitmap render --date 2019-01-01` exited 1 at event_view.cpp:341); here the result.
    const std::vector<Event> events;
    const std::vector<VisibleEvent> visible;
    const Projector proj;
    CHECK(group_events(events, visible, proj, 500.0, 20.0).empty());
}
