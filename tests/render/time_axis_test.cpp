// Date ticks, looped playback and histogram ranges (ui/time_axis): pure logic, in the gl suite only
// because it links sitmap_ui.
#include "ui/time_axis.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {
std::int32_t day_of(int y, unsigned m, unsigned d) {
    return core::day_number(core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}
}  // namespace

TEST_CASE("date ticks are labelled at a step that leaves room for the labels", "[gl][ui][time]") {
    // 2018-2024 over 800 px: years.
    const auto years = ui::date_ticks(day_of(2018, 1, 1), day_of(2024, 12, 31), 800, 60);
    REQUIRE(years.size() == 7);
    CHECK(years.front().label == "2018");
    CHECK(years.back().label == "2024");
    CHECK(years[3].x ==
          Approx(800.0 * (day_of(2021, 1, 1) - day_of(2018, 1, 1)) / (day_of(2024, 12, 31) - day_of(2018, 1, 1))));
    // The 44-day war over 800 px: weeks, on Mondays, labelled by day.
    const auto war = ui::date_ticks(day_of(2020, 9, 27), day_of(2020, 11, 10), 800, 60);
    REQUIRE(war.size() >= 6);
    CHECK(war.front().day == day_of(2020, 9, 28));  // the first Monday
    CHECK(war.front().label == "28 Sep");
    for (std::size_t i = 1; i < war.size(); ++i) {
        CHECK(war[i].day - war[i - 1].day == 7);
        CHECK(war[i].x - war[i - 1].x >= 60);
    }
    // Sep 2020 - Jun 2024 over 1900 px: months or quarters, a year's label on January.
    const auto zoomed = ui::date_ticks(day_of(2020, 9, 1), day_of(2024, 6, 30), 1900, 40);
    REQUIRE(zoomed.size() > 4);
    bool has_2022 = false;
    for (const auto& t : zoomed) has_2022 = has_2022 || (t.label == "2022" && t.day == day_of(2022, 1, 1));
    CHECK(has_2022);
    CHECK(ui::date_ticks(5, 5, 800, 60).empty());
    // 1994-2024 on an 800 px slider: every fifth year, labels apart.
    const auto decades = ui::date_ticks(day_of(1994, 5, 12), day_of(2024, 12, 31), 780, 56);
    REQUIRE(decades.size() >= 5);
    CHECK(decades.front().label == "1995");
    for (std::size_t i = 1; i < decades.size(); ++i) CHECK(decades[i].x - decades[i - 1].x >= 56);
}

TEST_CASE("playback stops at the end, or loops back to the start", "[gl][ui][time]") {
    CHECK(ui::play_step(10, 3, 0, 20, false).day == 13);
    const auto stop = ui::play_step(19, 3, 0, 20, false);
    CHECK(stop.day == 20);
    CHECK_FALSE(stop.playing);
    const auto loop = ui::play_step(19, 3, 0, 20, true);
    CHECK(loop.playing);
    CHECK(loop.day == 1);  // 19 + 3 = 22: past 20 by two days, so the second day of the span
}

TEST_CASE("a range dragged on the histogram becomes the time window", "[gl][ui][time]") {
    const auto r = ui::range_window(day_of(2020, 11, 10), day_of(2020, 9, 27));
    CHECK(r.window.kind == core::WindowKind::Custom);
    CHECK(r.window.custom_days == 45);  // 27 Sep to 10 Nov inclusive
    CHECK(core::day_number(r.date) == day_of(2020, 11, 10));
    CHECK(ui::range_window(100, 100).window.custom_days == 1);
}
