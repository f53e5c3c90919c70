// Before/after slides in briefing files: the "compare" field's round trip, and every malformed
// part of it reported with the file and its JSON path.
#include "core/briefing.hpp"
#include "core/error.hpp"
#include "io/briefing_io.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace sitmap;
using namespace std::chrono;

namespace {

std::string error_of(const std::string& text) {
    try {
        io::briefing_from_json(text, "briefing.json");
    } catch (const UsageError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("not a UsageError: ") + e.what();
    }
    return "no error";
}

std::string with_slide(const std::string& slide) {
    return R"({"title":"t","slides":[{"title":"ok"},)" + slide + "]}";
}

}  // namespace

TEST_CASE("a compare slide survives save and load with both dates and its divider", "[io][briefing][compare]") {
    core::Briefing b;
    b.title = "Before and after";
    core::Slide s;
    s.title = "Shusha, before and after 8 November 2020";
    s.compare = core::SlideCompare{year{2020} / September / 26, year{2020} / November / 10, 0.35};
    s.date = s.compare->right;
    s.view.bbox = core::GeoBox{46.3, 39.5, 47.1, 40.0};
    core::Slide plain;
    plain.date = year{2023} / September / 19;
    b.slides = {s, plain};

    const std::string text = io::briefing_to_json(b);
    CHECK(text.find("\"compare\"") != std::string::npos);
    const core::Briefing r = io::briefing_from_json(text, "brief.json");
    REQUIRE(r.slides.size() == 2);
    REQUIRE(r.slides[0].compare);
    CHECK(r.slides[0].compare->left == s.compare->left);
    CHECK(r.slides[0].compare->right == s.compare->right);
    CHECK(r.slides[0].compare->divider == 0.35);
    // The slide's date is the right one (transitions move to it).
    REQUIRE(r.slides[0].date);
    CHECK(*r.slides[0].date == s.compare->right);
    CHECK_FALSE(r.slides[1].compare);
    REQUIRE(r.slides[1].date);
    CHECK(*r.slides[1].date == *plain.date);
    // Saving what was loaded gives the same bytes.
    CHECK(io::briefing_to_json(r) == text);
}

TEST_CASE("the divider defaults to the middle", "[io][briefing][compare]") {
    const auto b = io::briefing_from_json(with_slide(R"({"compare":{"left":"2020-09-26","right":"2020-11-10"}})"),
                                          "briefing.json");
    REQUIRE(b.slides[1].compare);
    CHECK(b.slides[1].compare->divider == 0.5);
}

TEST_CASE("a malformed compare field is reported with the file and its JSON path", "[io][briefing][compare]") {
    SECTION("not an object") {
        const auto msg = error_of(with_slide(R"({"compare":"2020-09-26,2020-11-10"})"));
        CHECK(msg.find("briefing.json: slides[1].compare: expected an object") != std::string::npos);
    }
    SECTION("a missing date") {
        const auto msg = error_of(with_slide(R"({"compare":{"left":"2020-09-26"}})"));
        CHECK(msg.find("briefing.json: slides[1].compare.right: missing") != std::string::npos);
    }
    SECTION("a date that is not a calendar date") {
        const auto msg = error_of(with_slide(R"({"compare":{"left":"2020-02-30","right":"2020-11-10"}})"));
        CHECK(msg.find("briefing.json: slides[1].compare.left: '2020-02-30' is not a date") != std::string::npos);
    }
    SECTION("a divider outside the image") {
        const auto msg =
            error_of(with_slide(R"({"compare":{"left":"2020-09-26","right":"2020-11-10","divider":1.5}})"));
        CHECK(msg.find("briefing.json: slides[1].compare.divider: '1.5' is out of range") != std::string::npos);
        CHECK(error_of(with_slide(R"({"compare":{"left":"2020-09-26","right":"2020-11-10","divider":0}})"))
                  .find("slides[1].compare.divider") != std::string::npos);
    }
    SECTION("a divider that is not a number") {
        const auto msg =
            error_of(with_slide(R"({"compare":{"left":"2020-09-26","right":"2020-11-10","divider":"half"}})"));
        CHECK(msg.find("briefing.json: slides[1].compare.divider: expected a number") != std::string::npos);
    }
    SECTION("an unknown field, such as a typo") {
        const auto msg = error_of(with_slide(R"({"compare":{"left":"2020-09-26","rigth":"2020-11-10"}})"));
        CHECK(msg.find("briefing.json: slides[1].compare.rigth: unknown field") != std::string::npos);
    }
    SECTION("together with a date") {
        const auto msg =
            error_of(with_slide(R"({"date":"2020-11-10","compare":{"left":"2020-09-26","right":"2020-11-10"}})"));
        CHECK(msg.find("briefing.json: slides[1].compare: given with \"date\"") != std::string::npos);
    }
}

TEST_CASE("a compare slide's date, edited in the panel, is saved as its right date", "[io][briefing][compare]") {
    core::Briefing b;
    core::Slide s;
    s.compare = core::SlideCompare{year{2020} / September / 26, year{2020} / November / 10, 0.5};
    s.date = year{2020} / December / 2;  // the briefing panel's date field changed it
    b.slides = {s};
    const core::Briefing r = io::briefing_from_json(io::briefing_to_json(b), "brief.json");
    REQUIRE(r.slides.at(0).compare);
    CHECK(r.slides[0].compare->right == *s.date);
    CHECK(r.slides[0].compare->left == s.compare->left);
    CHECK(*r.slides[0].date == *s.date);
}
