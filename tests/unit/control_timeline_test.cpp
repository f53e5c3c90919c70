// ControlTimeline on a tiny synthetic history: stepping through change dates, previous/next, and
// answers that never come from two controllers at once.
#include "core/control_timeline.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

MultiPolygon<LonLat> square(double x0, double y0, double x1, double y1) {
    return {Polygon<LonLat>{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}}};
}

// West half held by Armenians until 2020-10-04 then Azerbaijan; east half Armenian with peacekeepers
// from 2020-11-10 to 2024-06-12, Azerbaijani from 2023-09-20.
ControlTimeline sample() {
    std::vector<ControlPeriod> p;
    p.push_back({.valid_from = ymd(1994, 5, 12),
                 .valid_to = ymd(2020, 10, 4),
                 .controller = Controller::Armenian,
                 .area = square(0, 0, 1, 1)});
    p.push_back({.valid_from = ymd(2020, 10, 4), .controller = Controller::Azerbaijan, .area = square(0, 0, 1, 1)});
    p.push_back({.valid_from = ymd(1994, 5, 12),
                 .valid_to = ymd(2020, 11, 10),
                 .controller = Controller::Armenian,
                 .area = square(1, 0, 2, 1)});
    p.push_back({.valid_from = ymd(2020, 11, 10),
                 .valid_to = ymd(2023, 9, 20),
                 .controller = Controller::Armenian,
                 .kind = ControlKind::Peacekeeping,
                 .area = square(1, 0, 2, 1)});
    p.push_back({.valid_from = ymd(2023, 9, 20),
                 .valid_to = ymd(2024, 6, 12),
                 .controller = Controller::Azerbaijan,
                 .kind = ControlKind::Peacekeeping,
                 .area = square(1, 0, 2, 1)});
    p.push_back({.valid_from = ymd(2024, 6, 12), .controller = Controller::Azerbaijan, .area = square(1, 0, 2, 1)});
    std::vector<ControlBackground> bg{{.controller = Controller::Azerbaijan, .area = square(-5, -5, 5, 5)}};
    return ControlTimeline(std::move(p), {}, std::move(bg), ymd(1994, 5, 12), ymd(2024, 12, 31));
}

}  // namespace

TEST_CASE("change dates are the period boundaries after the first date, sorted and unique", "[core][control]") {
    const auto t = sample();
    const std::vector<Date> expected{ymd(2020, 10, 4), ymd(2020, 11, 10), ymd(2023, 9, 20), ymd(2024, 6, 12)};
    CHECK(t.change_dates() == expected);
    CHECK(t.first_date() == ymd(1994, 5, 12));
    CHECK(t.last_date() == ymd(2024, 12, 31));
    CHECK(t.covers(ymd(2000, 1, 1)));
    CHECK_FALSE(t.covers(ymd(1994, 5, 11)));
    CHECK_FALSE(t.covers(ymd(2025, 1, 1)));
}

TEST_CASE("stepping with next_change from the first date reaches every change date", "[core][control]") {
    const auto t = sample();
    std::vector<Date> reached;
    Date d = t.first_date();
    while (auto n = t.next_change(d)) {
        reached.push_back(*n);
        d = *n;
    }
    CHECK(reached == t.change_dates());
    std::vector<Date> back;
    d = t.last_date();
    while (auto p = t.previous_change(d)) {
        back.push_back(*p);
        d = *p;
    }
    std::reverse(back.begin(), back.end());
    CHECK(back == t.change_dates());
}

TEST_CASE("previous and next change are strict neighbours of a date", "[core][control]") {
    const auto t = sample();
    CHECK(t.next_change(ymd(2020, 10, 4)) == ymd(2020, 11, 10));
    CHECK(t.next_change(ymd(2020, 10, 3)) == ymd(2020, 10, 4));
    CHECK(t.previous_change(ymd(2020, 10, 4)) == std::nullopt);
    CHECK(t.previous_change(ymd(2020, 10, 5)) == ymd(2020, 10, 4));
    CHECK(t.next_change(ymd(2024, 6, 12)) == std::nullopt);
}

TEST_CASE("control_at answers controller and peacekeeping flag, falling back to the background", "[core][control]") {
    const auto t = sample();
    CHECK(t.control_at(ymd(2020, 10, 3), {0.5, 0.5}).controller == Controller::Armenian);
    CHECK(t.control_at(ymd(2020, 10, 4), {0.5, 0.5}).controller == Controller::Azerbaijan);
    const auto pk = t.control_at(ymd(2021, 1, 1), {1.5, 0.5});
    CHECK(pk.controller == Controller::Armenian);
    CHECK(pk.peacekeeping);
    CHECK(t.control_at(ymd(2023, 9, 25), {1.5, 0.5}).controller == Controller::Azerbaijan);
    CHECK(t.control_at(ymd(2023, 9, 25), {1.5, 0.5}).peacekeeping);
    CHECK_FALSE(t.control_at(ymd(2024, 6, 12), {1.5, 0.5}).peacekeeping);
    CHECK(t.control_at(ymd(2021, 1, 1), {3, 3}).controller == Controller::Azerbaijan);
    CHECK(t.control_at(ymd(2021, 1, 1), {30, 30}).controller == Controller::Other);
}

TEST_CASE("no point is held by two controllers on sampled dates", "[core][control]") {
    const auto t = sample();
    for (Date d = t.first_date(); std::chrono::sys_days(d) <= std::chrono::sys_days(t.last_date());
         d = Date(std::chrono::sys_days(d) + std::chrono::days(97))) {
        for (double x = 0.05; x < 2; x += 0.1) {
            const auto hits = t.periods_at(d, {x, 0.5});
            REQUIRE(hits.size() <= 1);
        }
    }
}

TEST_CASE("lon/lat point in multipolygon respects holes", "[core][control]") {
    MultiPolygon<LonLat> a{Polygon<LonLat>{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{{1, 1}, {2, 1}, {2, 2}, {1, 2}}}}};
    CHECK(contains_lonlat(a, {0.5, 0.5}));
    CHECK_FALSE(contains_lonlat(a, {1.5, 1.5}));
    CHECK_FALSE(contains_lonlat(a, {5, 5}));
}
