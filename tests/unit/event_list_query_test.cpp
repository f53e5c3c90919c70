// The events-list query shared by the window's list export and `sitmap events`.
#include "core/event_list_query.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(day)};
}

Event ev(std::string id, Date start, Date end, EventType t, double conf, DatePrecision p = DatePrecision::Day) {
    Event e;
    e.id = std::move(id);
    e.source.document = "x.txt";
    e.date = {start, end, p};
    e.type = t;
    e.confidence = conf;
    return e;
}

std::vector<std::string> ids(const std::vector<Event>& events, const std::vector<std::size_t>& rows) {
    std::vector<std::string> out;
    for (auto i : rows) out.push_back(events[i].id);
    return out;
}

}  // namespace

TEST_CASE("list_events applies date bounds, type and confidence, ordered by date", "[core][list]") {
    const std::vector<Event> events{
        ev("late", d(2020, 11, 10), d(2020, 11, 10), EventType::Ceasefire, 0.9),
        ev("early", d(2020, 9, 27), d(2020, 9, 27), EventType::Strike, 0.8),
        ev("span", d(2020, 10, 1), d(2020, 10, 31), EventType::Strike, 0.6, DatePrecision::Month),
        ev("weak", d(2020, 10, 4), d(2020, 10, 4), EventType::Capture, 0.2),
        ev("edge", d(2020, 9, 30), d(2020, 10, 1), EventType::Capture, 0.7),
    };
    ListQuery all;
    CHECK(ids(events, list_events(events, all)) == std::vector<std::string>{"early", "edge", "weak", "span", "late"});
    ListQuery oct{.from = d(2020, 10, 1), .to = d(2020, 10, 31)};
    CHECK(ids(events, list_events(events, oct)) == std::vector<std::string>{"edge", "weak", "span"});
    // A span counts on its last day: not in the first half of October.
    ListQuery half{.from = d(2020, 10, 1), .to = d(2020, 10, 15)};
    CHECK(ids(events, list_events(events, half)) == std::vector<std::string>{"edge", "weak"});
    ListQuery strong{.filter = {.min_confidence = 0.5}};
    strong.filter.types = {EventType::Capture, EventType::Ceasefire};
    CHECK(ids(events, list_events(events, strong)) == std::vector<std::string>{"edge", "late"});
    ListQuery from_only{.from = d(2020, 11, 1)};
    CHECK(ids(events, list_events(events, from_only)) == std::vector<std::string>{"late"});
}

TEST_CASE("list_events leaves out deleted events and follows the review filter", "[core][list]") {
    const std::vector<Event> events{
        ev("a", d(2020, 10, 1), d(2020, 10, 1), EventType::Strike, 0.9),
        ev("b", d(2020, 10, 2), d(2020, 10, 2), EventType::Strike, 0.9),
        ev("c", d(2020, 10, 3), d(2020, 10, 3), EventType::Strike, 0.9),
    };
    const std::vector<char> deleted{0, 1, 0};
    const std::vector<char> review{static_cast<char>(ReviewState::Accepted), 0, 0};
    ListQuery q;
    q.filter.deleted = deleted;
    q.filter.review_states = review;
    CHECK(ids(events, list_events(events, q)) == std::vector<std::string>{"a", "c"});
    q.filter.review = ReviewFilter::Accepted;
    CHECK(ids(events, list_events(events, q)) == std::vector<std::string>{"a"});
}

TEST_CASE("window_bounds gives the time window's first and last day", "[core][list]") {
    const ListQuery week = window_bounds(TimeWindow{.kind = WindowKind::Week}, d(2020, 10, 10), {});
    CHECK(week.from == d(2020, 10, 4));
    CHECK(week.to == d(2020, 10, 10));
    const ListQuery all = window_bounds(TimeWindow{.kind = WindowKind::All}, d(2020, 10, 10), {});
    CHECK_FALSE(all.from);
    CHECK_FALSE(all.to);
    CHECK(in_date_range(DateRange{d(2020, 10, 3), d(2020, 10, 4), DatePrecision::Day}, week.from, week.to));
    CHECK_FALSE(in_date_range(DateRange{d(2020, 10, 1), d(2020, 10, 3), DatePrecision::Day}, week.from, week.to));
}

TEST_CASE("parse_event_types_arg reads names joined by commas and names the argument", "[core][list]") {
    CHECK(parse_event_types_arg("strike") == std::set<EventType>{EventType::Strike});
    CHECK(parse_event_types_arg("strike, capture") == std::set<EventType>{EventType::Strike, EventType::Capture});
    try {
        parse_event_types_arg("strike,bombing");
        FAIL("no error");
    } catch (const sitmap::UsageError& e) {
        CHECK_THAT(e.what(), Catch::Contains("--type") && Catch::Contains("'bombing'") && Catch::Contains("blockade"));
    }
    CHECK_THROWS_AS(parse_event_types_arg(""), sitmap::UsageError);
}
