// The events' day index (core/event_day_index.hpp): a window's events selected through it are
// exactly those, in the same order and with the same ages, that a scan of every event selects,
// for every window kind and date, with filters, deleted flags, and after edits move dates.
#include "core/event_day_index.hpp"
#include "core/event_edits.hpp"
#include "core/event_view.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace sitmap::core;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

// Events of every shape select_events distinguishes: single days, two- and three-day ranges,
// ranges long enough to count as spans, month and year precision, and a few with no position.
std::vector<Event> mixed_events(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> day(0, 600), kind(0, 9), type(0, 11);
    const std::int32_t base = day_number(ymd(2020, 6, 1));
    std::vector<Event> out;
    for (std::size_t i = 0; i < n; ++i) {
        Event e;
        e.id = std::to_string(i);
        e.source.document = i % 3 ? "a.txt" : "b.txt";
        e.source.quote = "Shelling near the town.";
        e.type = all_event_types[static_cast<std::size_t>(type(rng))];
        e.has_position = i % 17 != 0;
        e.position = {46.0 + 0.001 * static_cast<double>(i % 500), 39.5 + 0.001 * static_cast<double>(i % 300)};
        const std::int32_t s = base + day(rng);
        switch (kind(rng)) {
            case 0:
                e.date = {date_from_day_number(s), date_from_day_number(s + 1), DatePrecision::Day};
                break;
            case 1:
                e.date = {date_from_day_number(s), date_from_day_number(s + 2), DatePrecision::Day};
                break;
            case 2:
                e.date = {date_from_day_number(s), date_from_day_number(s + 20), DatePrecision::Day};
                break;
            case 3:
                e.date = {date_from_day_number(s), date_from_day_number(s + 29), DatePrecision::Month};
                break;
            case 4:
                e.date = {date_from_day_number(s), date_from_day_number(s + 364), DatePrecision::Year};
                break;
            default:
                e.date = {date_from_day_number(s), date_from_day_number(s), DatePrecision::Day};
        }
        out.push_back(std::move(e));
    }
    return out;
}

void require_same(const std::vector<VisibleEvent>& a, const std::vector<VisibleEvent>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        REQUIRE(a[k].index == b[k].index);
        REQUIRE(a[k].age == b[k].age);
    }
}

}  // namespace

TEST_CASE("the day index orders events by the day they are placed on", "[core][event_view][day_index]") {
    const auto events = mixed_events(2000, 7);
    const EventDayIndex index(events);
    REQUIRE(index.size() == events.size());
    const auto all = index.placed_until(std::numeric_limits<std::int32_t>::max());
    REQUIRE(all.size() == events.size());
    for (std::size_t k = 1; k < all.size(); ++k) {
        const bool ordered = all[k - 1].placed < all[k].placed ||
                             (all[k - 1].placed == all[k].placed && all[k - 1].index < all[k].index);
        REQUIRE(ordered);
    }
    for (const auto& e : all) CHECK(e.placed == day_number(placed_date(events[e.index].date)));
    CHECK(index.max_lead() == 2);  // a three-day range; longer ones are spans, placed on their last day
    const std::int32_t d = day_number(ymd(2020, 9, 27));
    for (const auto& e : index.placed_between(d, d + 6)) {
        CHECK(e.placed >= d);
        CHECK(e.placed <= d + 6);
    }
    CHECK(index.placed_between(d + 1, d).empty());
    CHECK(EventDayIndex(std::vector<Event>{}).placed_until(d).empty());
}

TEST_CASE("selecting through the day index gives what a scan of every event gives", "[core][event_view][day_index]") {
    const auto events = mixed_events(3000, 11);
    const EventDayIndex index(events);
    std::vector<char> deleted(events.size(), 0);
    for (std::size_t i = 0; i < deleted.size(); i += 13) deleted[i] = 1;
    EventFilter typed;
    typed.types = {EventType::Strike, EventType::Clash, EventType::Statement};
    EventFilter with_deleted;
    with_deleted.deleted = deleted;
    EventFilter text;
    text.text = "shelling";
    text.documents = {"b.txt"};
    const std::int32_t first = day_number(ymd(2020, 5, 20));
    for (const EventFilter* filter : {&typed, &with_deleted, &text})
        for (const TimeWindow window : {TimeWindow{.kind = WindowKind::Day}, TimeWindow{.kind = WindowKind::Week},
                                        TimeWindow{.kind = WindowKind::Month}, TimeWindow{.kind = WindowKind::All},
                                        TimeWindow{.kind = WindowKind::Custom, .custom_days = 90}})
            // The slider stepping one day at a time, as when it plays, over the whole span and beyond.
            for (std::int32_t d = first; d < first + 700; d += 3) {
                const Date date = date_from_day_number(d);
                const auto scanned = select_events(events, *filter, window, date);
                const auto indexed = select_events(events, index, *filter, window, date);
                require_same(indexed, scanned);
            }
}

TEST_CASE("the events' day index follows edits that move dates", "[core][edits][day_index]") {
    EditableEvents ee;
    ee.set_extracted(mixed_events(500, 3));
    const TimeWindow week{.kind = WindowKind::Week};
    const Date date = ymd(2020, 10, 10);
    const std::size_t before = select_events(ee.events(), ee.day_index(), {}, week, date).size();
    const EventDayIndex* first = &ee.day_index();
    CHECK(&ee.day_index() == first);  // unchanged events: the same index, not rebuilt

    // Move an event into the week, and add one there: both are selected through the index.
    EventEdit move;
    move.kind = EventEdit::Kind::SetDate;
    move.key = event_key(ee.events()[1]);
    move.date = DateRange{ymd(2020, 10, 9), ymd(2020, 10, 9), DatePrecision::Day};
    const bool was_in = [&] {
        for (const auto& v : select_events(ee.events(), {}, week, date))
            if (v.index == 1) return true;
        return false;
    }();
    REQUIRE(ee.apply(move));
    EventEdit add;
    add.kind = EventEdit::Kind::Add;
    add.date = DateRange{ymd(2020, 10, 8), ymd(2020, 10, 8), DatePrecision::Day};
    add.position = {46.75, 39.8};
    add.type = EventType::Strike;
    REQUIRE(ee.apply(add));
    const auto after = select_events(ee.events(), ee.day_index(), {}, week, date);
    require_same(after, select_events(ee.events(), {}, week, date));
    CHECK(after.size() == before + (was_in ? 1 : 2));
    ee.undo();
    ee.undo();
    require_same(select_events(ee.events(), ee.day_index(), {}, week, date),
                 select_events(ee.events(), {}, week, date));
    CHECK(select_events(ee.events(), ee.day_index(), {}, week, date).size() == before);
}
