// The date grammar: absolute, partial, ranges and expressions relative to a publication date.
#include "core/date_extract.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;
using namespace std::chrono;

namespace {

Date d(int y, unsigned m, unsigned dd) {
    return Date(year(y), month(m), day(dd));
}

DateMention first(std::string_view text, std::optional<Date> pub = {}, std::optional<Date> narrative = {}) {
    auto m = parse_first_date(text, DateContext{pub, narrative});
    REQUIRE(m.has_value());
    return *m;
}

}  // namespace

TEST_CASE("absolute dates in the forms news use", "[core][date]") {
    const auto pub = d(2023, 9, 20);
    CHECK(first("On 19 September 2023 it began").range.start == d(2023, 9, 19));
    CHECK(first("It began on September 19, 2023.").range.end == d(2023, 9, 19));
    CHECK(first("stamp 2023-09-19 here").range.start == d(2023, 9, 19));
    CHECK(first("Tue, 10/27/2020 - 02:00").range.start == d(2020, 10, 27));
    const auto sept = first("fighting on Sept. 19 resumed", pub);
    CHECK(sept.range.start == d(2023, 9, 19));
    CHECK(sept.kind == DateKind::Inferred);
    CHECK(first("as of 13:00, September 20 under", pub).range.start == d(2023, 9, 20));
    CHECK(first("the 29th of October", d(2020, 11, 2)).range.start == d(2020, 10, 29));
}

TEST_CASE("a day and month without a year after the dateline belongs to the year before", "[core][date]") {
    CHECK(first("on December 28", d(2024, 1, 5)).range.start == d(2023, 12, 28));
    CHECK(first("on January 3", d(2024, 1, 5)).range.start == d(2024, 1, 3));
}

TEST_CASE("partial dates carry month, year or decade-wide ranges", "[core][date]") {
    const auto pub = d(2020, 10, 27);
    auto aug = first("drills in August left", pub);
    CHECK(aug.range.start == d(2020, 8, 1));
    CHECK(aug.range.end == d(2020, 8, 31));
    CHECK(aug.range.precision == DatePrecision::Month);
    auto y = first("the 2020 war");
    CHECK(y.range.start == d(2020, 1, 1));
    CHECK(y.range.end == d(2020, 12, 31));
    CHECK(y.range.precision == DatePrecision::Year);
    auto dec = first("won by Armenia in the 1990s");
    CHECK(dec.range.start == d(1990, 1, 1));
    CHECK(dec.range.end == d(1999, 12, 31));
    auto fall = first("in the fall of 2020");
    CHECK(fall.range.start == d(2020, 9, 1));
    CHECK(fall.range.end == d(2020, 11, 30));
    CHECK(first("September 2023 saw").range.end == d(2023, 9, 30));
    // A named war as a whole is its year; only "the 44-day war" counts days.
    auto second = first("after the Second Nagorno-Karabakh War ended");
    CHECK(second.range.start == d(2020, 1, 1));
    CHECK(second.range.end == d(2020, 12, 31));
    CHECK(second.range.precision == DatePrecision::Year);
    auto days44 = first("during the 44-day war");
    CHECK(days44.range.start == d(2020, 9, 27));
    CHECK(days44.range.end == d(2020, 11, 10));
    CHECK(days44.range.precision == DatePrecision::Day);
}

TEST_CASE("named moments of the conflict's history", "[core][date]") {
    auto dissolution = first("war broke out after the dissolution of the Soviet Union");
    CHECK(dissolution.range.start == d(1991, 12, 26));
    CHECK(dissolution.range.end == d(1991, 12, 26));
    CHECK(first("after the collapse of the USSR").range.start == d(1991, 12, 26));
    CHECK_FALSE(parse_first_date("the collapse of the talks").has_value());
}

TEST_CASE("the date prefilter keeps every form that starts with an ordinary word", "[core][date]") {
    const auto pub = d(2023, 9, 20);
    CHECK(first("it happened a week ago", pub).range.start == d(2023, 9, 13));
    CHECK(first("On the 12th, shelling", pub).range.start == d(2023, 9, 12));
    CHECK(first("two days later", pub, d(2023, 9, 10)).range.start == d(2023, 9, 12));
    CHECK(first("the following day", pub, d(2023, 9, 10)).range.start == d(2023, 9, 11));
    CHECK_FALSE(parse_first_date("a week of talks and the army", DateContext{pub, {}}).has_value());
}

TEST_CASE("ranges of days", "[core][date]") {
    auto r = first("on September 19-20, 2023");
    CHECK(r.range.start == d(2023, 9, 19));
    CHECK(r.range.end == d(2023, 9, 20));
    auto r2 = first("between 19-20 September 2023");
    CHECK(r2.range.start == d(2023, 9, 19));
    CHECK(r2.range.end == d(2023, 9, 20));
}

TEST_CASE("expressions relative to the publication date", "[core][date]") {
    const auto tue = d(2023, 9, 19);  // a Tuesday
    CHECK(first("fighting on Tuesday morning", tue).range.start == tue);
    CHECK(first("yesterday", tue).range.start == d(2023, 9, 18));
    auto night = first("shelling last night", tue);
    CHECK(night.range.start == d(2023, 9, 18));
    CHECK(night.range.end == tue);
    const auto mon = d(2020, 10, 26);  // a Monday
    CHECK(first("strikes on Sunday night", mon).range.start == d(2020, 10, 25));
    const auto sat = d(2020, 10, 17);
    auto midnight = first("at midnight on Friday", sat);
    CHECK(midnight.range.start == d(2020, 10, 16));
    CHECK(midnight.range.end == d(2020, 10, 17));
    auto week = first("talks last week", tue);
    CHECK(week.range.start == d(2023, 9, 11));
    CHECK(week.range.end == d(2023, 9, 17));
    auto recently = first("Recently, pressure grew", d(2023, 9, 20));
    CHECK(recently.range.precision == DatePrecision::Month);
    CHECK(recently.range.end == d(2023, 9, 20));
    auto months = first("in the last few months", d(2023, 9, 20));
    CHECK(months.range.start == d(2023, 6, 20));
    CHECK(months.range.end == d(2023, 9, 19));
    CHECK(first("two days ago", tue).range.start == d(2023, 9, 17));
    auto overnight = first("shelled the town overnight", tue);
    CHECK(overnight.range.start == d(2023, 9, 18));
    CHECK(overnight.range.end == d(2023, 9, 19));
}

TEST_CASE("anaphoric expressions follow the previous date in the text", "[core][date]") {
    const std::string text = "On October 25 the talks began. Two days later they ended; the following day nothing.";
    const auto all = find_dates(text, tokenize(text), DateContext{d(2020, 10, 30), {}});
    REQUIRE(all.size() == 3);
    CHECK(all[0].range.start == d(2020, 10, 25));
    CHECK(all[1].range.start == d(2020, 10, 27));
    CHECK(all[1].kind == DateKind::Anaphoric);
    CHECK(all[2].range.start == d(2020, 10, 28));
}

TEST_CASE("numbers, verbs and unanchored words are not dates", "[core][date]") {
    CHECK_FALSE(parse_first_date("over 2000 people may march today").has_value());  // no anchor for "today"
    CHECK_FALSE(parse_first_date("they may march on").has_value());
    CHECK_FALSE(parse_first_date("10,000 armed forces").has_value());
    CHECK(month_from_word("sept") == 9);
    CHECK(month_from_word("sunday") == 0);
}

TEST_CASE("'the Sunday before' and 'the evening of the 16th' count from the narrative, not the dateline",
          "[core][date]") {
    const Date pub = d(2021, 11, 28);        // a Sunday
    const Date narrative = d(2021, 11, 16);  // a Tuesday: the story being told
    CHECK(first("On the Sunday before, the council said", pub, narrative).range.start == d(2021, 11, 14));
    CHECK(first("on the previous Sunday the troops moved", pub, narrative).range.start == d(2021, 11, 14));
    CHECK(first("On the evening of the 16th he asked Moscow", pub, d(2021, 11, 14)).range.start == d(2021, 11, 16));
    // Without a narrative date: from the dateline, as before.
    CHECK(first("On Sunday the council said", pub).range.start == d(2021, 11, 28));
    CHECK(first("On the 16th he asked Moscow", pub).range.start == d(2021, 11, 16));
}

TEST_CASE("slash dates are read in the order the document writes them", "[core][date]") {
    // Decided by a date whose first or second number cannot be a month.
    CHECK(numeric_dates_day_first("Posted 27/10/2020. Then 05/04/2021."));
    CHECK_FALSE(numeric_dates_day_first("Tue, 10/27/2020 - 02:00. Then 05/04/2021."));
    // Else by the weekday the text names near its top: 5 April 2016 was a Tuesday, 4 May a Wednesday.
    CHECK(numeric_dates_day_first("05/04/2016 19:12\n\nYEREVAN, Tuesday - Talks ended."));
    CHECK_FALSE(numeric_dates_day_first("05/04/2016 19:12\n\nYEREVAN, Wednesday - Talks ended."));
    // Else by how it writes dates in words.
    CHECK(numeric_dates_day_first("Monday 5 October\n\n04/10/2020\n\nOn 4 October the city was shelled."));
    CHECK_FALSE(numeric_dates_day_first("On October 4 the city was shelled. 04/10/2020"));
    CHECK_FALSE(numeric_dates_day_first("No numeric dates here."));
    // The context carries the choice.
    const DateContext df{.day_first = true};
    CHECK(parse_first_date("04/10/2020", df)->range.start == Date(year(2020), month(10), day(4)));
    CHECK(parse_first_date("04/10/2020")->range.start == Date(year(2020), month(4), day(10)));
    CHECK(parse_first_date("10/27/2020", df)->range.start == Date(year(2020), month(10), day(27)));
}

TEST_CASE("'since X' runs to the narrative date, or to the publication when that date lies inside X", "[core][date]") {
    const auto pub = d(2020, 10, 20);
    // A background paragraph set the narrative to 1992 ("In 1992-1994, ..."): "since 1992" still
    // runs to the day of writing, not to a one-day span in 1992.
    const auto talks = first("talks have been ongoing since 1992 under the Minsk Group", pub, d(1992, 1, 1));
    CHECK(talks.range.start == d(1992, 1, 1));
    CHECK(talks.range.end == pub);
    const auto blockade = first("the road had been closed since December 2022", d(2023, 9, 1), d(2022, 12, 15));
    CHECK(blockade.range.start == d(2022, 12, 1));
    CHECK(blockade.range.end == d(2023, 9, 1));
    // A narrative date after X closes the span, as before.
    const auto occupied = first("the town had been held since 1993", pub, d(2020, 10, 4));
    CHECK(occupied.range.end == d(2020, 10, 4));
}

TEST_CASE("a Russian outlet's English page writes its dates with Russian month names", "[core][date]") {
    // "15 июля 2021, 09:43" on a news site's English service, "24 декабря 2022" on another's.
    CHECK(first("Posted 15 \xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F 2021, 09:43").range.start == d(2021, 7, 15));
    CHECK(first("Updated 24 \xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F 2022").range.start ==
          d(2022, 12, 24));
    CHECK(first("3 \xD0\xBC\xD0\xB0\xD1\x8F 2024 \xD0\xB3.").range.start == d(2024, 5, 3));
    // A name in Latin letters that folds like a month is no date without its day.
    CHECK_FALSE(parse_first_date("Marta said the road was closed.", DateContext{d(2023, 1, 1)}).has_value());
}

TEST_CASE("'N years ago' and 'N months ago' are that year and that month", "[core][date]") {
    // An Azerbaijani agency's "four years ago" in a 4 October 2020 bulletin and an Armenian weekly's
    // "two months ago".
    const auto years = first("four years ago the heights were freed", d(2020, 10, 4));
    CHECK(years.range.start == d(2016, 1, 1));
    CHECK(years.range.end == d(2016, 12, 31));
    CHECK(years.range.precision == DatePrecision::Year);
    const auto months = first("two months ago the road was closed", d(2023, 2, 14));
    CHECK(months.range.start == d(2022, 12, 1));
    CHECK(months.range.end == d(2022, 12, 31));
    const auto days3 = first("three days ago the village was shelled", d(2023, 2, 14));
    CHECK(days3.range.start == d(2023, 2, 11));
    CHECK(days3.range.end == d(2023, 2, 11));
}
