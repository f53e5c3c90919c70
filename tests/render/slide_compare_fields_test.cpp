// The briefing editor's before/after fields (issue 13): a compare slide's left date is typed in a
// field that says what it expects and keeps the old value on bad input, as "Go to date" does, and
// a slide can be made a compare slide and back. Pure logic (ui::edit_date, ui::set_slide_compare),
// in the gl suite only because it links sitmap_ui.
#include "ui/slide_compare_fields.hpp"
#include "ui/date_field.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {
core::Date day(const char* iso) {
    return *core::parse_iso_date(iso);
}
}  // namespace

TEST_CASE("a date field takes YYYY-MM-DD and keeps the old value on bad input, saying what it expects",
          "[gl][ui][compare]") {
    const std::optional<core::Date> old = day("2020-09-26");
    const auto good = ui::edit_date(" 2020-11-10 ", old, false);
    CHECK(good.error.empty());
    CHECK(good.value == day("2020-11-10"));
    for (const char* bad : {"2020-13-45", "19 Sep 2023", "hello", "2020-02-30"}) {
        INFO(bad);
        const auto e = ui::edit_date(bad, old, false);
        CHECK(e.value == old);  // kept
        CHECK_THAT(e.error, Catch::Contains(std::string("'") + bad + "'") && Catch::Contains("YYYY-MM-DD") &&
                                Catch::Contains("kept 2020-09-26"));
    }
    // Empty: an error where a date is needed (a compare slide's left date), "none" where it may be.
    const auto empty = ui::edit_date("  ", old, false);
    CHECK(empty.value == old);
    CHECK_THAT(empty.error, Catch::Contains("YYYY-MM-DD"));
    const auto cleared = ui::edit_date("", old, true);
    CHECK(cleared.error.empty());
    CHECK_FALSE(cleared.value.has_value());
}

TEST_CASE("a slide becomes a compare slide of an earlier date and back, its date kept as the right one",
          "[gl][ui][compare]") {
    core::Slide s;
    s.date = day("2023-09-20");
    ui::set_slide_compare(s, day("2023-09-18"));
    REQUIRE(s.compare);
    CHECK(s.compare->left == day("2023-09-18"));
    CHECK(s.compare->right == day("2023-09-20"));
    CHECK(s.compare->divider == Approx(0.5));
    CHECK(s.date == day("2023-09-20"));
    s.compare->divider = 0.3;
    ui::set_slide_compare(s, day("2020-09-26"));  // a new left date keeps the divider
    CHECK(s.compare->left == day("2020-09-26"));
    CHECK(s.compare->divider == Approx(0.3));
    ui::set_slide_compare(s, std::nullopt);
    CHECK_FALSE(s.compare);
    CHECK(s.date == day("2023-09-20"));
}
