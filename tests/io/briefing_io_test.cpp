// Briefing files: round trip through save/load (Unicode titles), every malformed field reported
// with the file and its JSON path, atomic saving, and the shipped sample briefing.
#include "io/briefing_io.hpp"
#include "core/briefing.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sitmap;
namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

const fs::path kSample = fs::path(SITMAP_SOURCE_DIR) / "assets" / "briefings" / "karabakh_2020_2023.json";

/// A fresh empty directory under the system temp dir, removed at scope end.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / ("sitmap_" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

core::Briefing sample_briefing() {
    core::Briefing b;
    b.title = "Լեռնային Ղարաբաղ / Dağlıq Qarabağ / Нагорный Карабах";
    b.author = "Gülər Həsənova";
    core::Slide a;
    a.title = "Şuşa / Շուշի";
    a.caption = "8 ноября 2020 года: «Шуша»\nsecond line";
    a.date = year{2020} / November / 8;
    a.view.centre = core::LonLat{46.7525, 39.7583};
    a.view.metres_per_pixel = 75.5;
    a.visible_layers = {"control", "rivers", "places"};
    a.events.types = {core::EventType::Capture, core::EventType::Strike};
    a.events.actor = "Azərbaycan";
    a.events.documents = {"004_6be9a0828fa861a3.txt"};
    a.events.text = "Ханкенди";
    a.events.window = "14d";
    a.events.show_events = false;
    a.highlighted_events = {"004_6be9a0828fa861a3.txt#3"};
    core::Slide c;  // a slide with only a box and defaults
    c.view.bbox = core::GeoBox{45.6, 38.85, 47.4, 40.45};
    core::Slide d;  // a slide with nothing set at all: no date (= latest), no view (= app default)
    b.slides = {a, c, d};
    return b;
}

/// The message of the UsageError that parsing `text` (named "briefing.json") throws.
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

/// A valid one-slide document with `slide` as its slide.
std::string with_slide(const std::string& slide) {
    return R"({"title":"t","slides":[{"title":"ok"},)" + slide + "]}";
}

}  // namespace

TEST_CASE("a briefing with Unicode titles survives save and load unchanged", "[io][briefing]") {
    TempDir dir("briefing_roundtrip");
    const core::Briefing b = sample_briefing();
    const fs::path file = dir.path / "brief.json";
    io::save_briefing(file, b);
    const core::Briefing r = io::load_briefing(file);

    CHECK(r.title == b.title);
    CHECK(r.author == b.author);
    REQUIRE(r.slides.size() == 3);
    const core::Slide& a = r.slides[0];
    CHECK(a.title == b.slides[0].title);
    CHECK(a.caption == b.slides[0].caption);
    REQUIRE(a.date);
    CHECK(*a.date == *b.slides[0].date);
    REQUIRE(a.view.centre);
    CHECK(a.view.centre->lon == 46.7525);  // exact: JSON keeps the shortest round-trip form
    CHECK(a.view.centre->lat == 39.7583);
    CHECK(a.view.metres_per_pixel == 75.5);
    CHECK_FALSE(a.view.bbox);
    CHECK(a.visible_layers == b.slides[0].visible_layers);
    CHECK(a.events.types == b.slides[0].events.types);
    CHECK(a.events.actor == b.slides[0].events.actor);
    CHECK(a.events.documents == b.slides[0].events.documents);
    CHECK(a.events.text == b.slides[0].events.text);
    CHECK(a.events.window == "14d");
    CHECK_FALSE(a.events.show_events);
    CHECK(a.highlighted_events == b.slides[0].highlighted_events);

    const core::Slide& c = r.slides[1];
    REQUIRE(c.view.bbox);
    CHECK(c.view.bbox->min_x == 45.6);
    CHECK(c.view.bbox->min_y == 38.85);
    CHECK(c.view.bbox->max_x == 47.4);
    CHECK(c.view.bbox->max_y == 40.45);
    CHECK_FALSE(c.view.centre);
    CHECK(c.events.window == "week");
    CHECK(c.events.show_events);

    const core::Slide& d = r.slides[2];
    CHECK_FALSE(d.date);
    CHECK_FALSE(d.view.centre);
    CHECK_FALSE(d.view.bbox);

    // Text is written as UTF-8, not \u escapes, so the file stays readable and diffable.
    const std::string text = read_all(file);
    CHECK(text.find("Şuşa / Շուշի") != std::string::npos);
    CHECK(text.find("\\u") == std::string::npos);
    // Saving what was loaded gives the same bytes.
    CHECK(io::briefing_to_json(r) == text);
}

TEST_CASE("every malformed briefing field is reported with the file and its JSON path", "[io][briefing]") {
    SECTION("a date that is not a calendar date") {
        const auto msg = error_of(with_slide(R"({"date":"2020-13-01"})"));
        CHECK(msg == "briefing.json: slides[1].date: '2020-13-01' is not a date (YYYY-MM-DD)");
    }
    SECTION("a date that is not a string") {
        CHECK(error_of(with_slide(R"({"date":20201108})")) ==
              "briefing.json: slides[1].date: expected a string, got number '20201108'");
    }
    SECTION("no slides at all") {
        CHECK(error_of(R"({"title":"t"})") == "briefing.json: slides: missing (an array of slides)");
    }
    SECTION("slides that are not an array") {
        CHECK(error_of(R"({"slides":{"a":1}})") ==
              "briefing.json: slides: expected an array of slides, got object '{\"a\":1}'");
    }
    SECTION("a title of the wrong type") {
        CHECK(error_of(with_slide(R"({"title":["x"]})")) ==
              "briefing.json: slides[1].title: expected a string, got array '[\"x\"]'");
    }
    SECTION("a slide that is not an object") {
        CHECK(error_of(with_slide("42")) == "briefing.json: slides[1]: expected an object, got number '42'");
    }
    SECTION("a top level that is not an object") {
        CHECK(error_of("[]").starts_with("briefing.json: top level: expected an object"));
    }
    SECTION("a bbox in the wrong order") {
        CHECK(error_of(with_slide(R"({"view":{"bbox":[47.4,38.85,45.6,40.45]}})")) ==
              "briefing.json: slides[1].view.bbox: '[47.4,38.85,45.6,40.45]' (expected [W,S,E,N] in degrees with "
              "W < E and S < N)");
    }
    SECTION("a bbox with three numbers") {
        CHECK(error_of(with_slide(R"({"view":{"bbox":[45.6,38.85,47.4]}})"))
                  .starts_with("briefing.json: slides[1].view.bbox: '[45.6,38.85,47.4]' (expected [W,S,E,N]"));
    }
    SECTION("a bbox with a string in it") {
        CHECK(error_of(with_slide(R"({"view":{"bbox":[45.6,"x",47.4,40]}})")) ==
              "briefing.json: slides[1].view.bbox[1]: expected a number, got string 'x'");
    }
    SECTION("a negative zoom") {
        CHECK(error_of(with_slide(R"({"view":{"centre":{"lat":40,"lon":46},"metres_per_pixel":-5}})")) ==
              "briefing.json: slides[1].view.metres_per_pixel: '-5' is not a positive zoom (metres per pixel > 0)");
    }
    SECTION("a centre without a zoom") {
        CHECK(error_of(with_slide(R"({"view":{"centre":{"lat":40,"lon":46}}})"))
                  .starts_with("briefing.json: slides[1].view.metres_per_pixel: missing"));
    }
    SECTION("a centre latitude out of range") {
        CHECK(error_of(with_slide(R"({"view":{"centre":{"lat":140,"lon":46},"metres_per_pixel":100}})")) ==
              "briefing.json: slides[1].view.centre.lat: '140' is out of range (-90..90)");
    }
    SECTION("an unknown event type") {
        const auto msg = error_of(with_slide(R"({"events":{"types":["capture","invasion"]}})"));
        CHECK(msg.starts_with("briefing.json: slides[1].events.types[1]: 'invasion' is not an event type ("));
        CHECK(msg.find("capture") != std::string::npos);  // lists the valid names
    }
    SECTION("a bad window") {
        for (const char* w : {"fortnight", "0d", "-3d", "14", "4000d", "d", "1.5d"}) {
            INFO(w);
            CHECK(error_of(with_slide(std::string(R"({"events":{"window":")") + w + "\"}}"))
                      .starts_with(std::string("briefing.json: slides[1].events.window: '") + w +
                                   "' is not a time window"));
        }
    }
    SECTION("show that is not a boolean") {
        CHECK(error_of(with_slide(R"({"events":{"show":"yes"}})")) ==
              "briefing.json: slides[1].events.show: expected true or false, got string 'yes'");
    }
    SECTION("a highlight that is not an event key") {
        CHECK(error_of(with_slide(R"({"highlight":["doc.txt#1","doc.txt"]})")) ==
              "briefing.json: slides[1].highlight[1]: 'doc.txt' is not an event key (\"document#id\")");
    }
    SECTION("a layer list holding a number") {
        CHECK(error_of(with_slide(R"({"layers":["control",3]})")) ==
              "briefing.json: slides[1].layers[1]: expected a string, got number '3'");
    }
    SECTION("broken JSON is reported at line and column") {
        CHECK(
            error_of("{\n  \"slides\": [\n    {\"title\": }\n  ]\n}").starts_with("briefing.json:3:15: invalid JSON"));
    }
    SECTION("a missing file") {
        CHECK_THROWS_WITH(io::load_briefing("/nonexistent/dir/b.json"),
                          Catch::StartsWith("/nonexistent/dir/b.json: cannot read briefing"));
        CHECK_THROWS_AS(io::load_briefing("/nonexistent/dir/b.json"), UsageError);
        const fs::path tmp = fs::temp_directory_path();
        CHECK_THROWS_WITH(io::load_briefing(tmp), tmp.string() + ": cannot read briefing (it is a directory)");
    }
    SECTION("the real path is named when loading a file") {
        TempDir dir("briefing_bad");
        const fs::path file = dir.path / "bad.json";
        std::ofstream(file) << with_slide(R"({"date":"2020-02-30"})");
        CHECK_THROWS_WITH(io::load_briefing(file),
                          file.string() + ": slides[1].date: '2020-02-30' is not a date (YYYY-MM-DD)");
    }
}

TEST_CASE("slide windows parse to time windows and back", "[core][briefing]") {
    CHECK(core::parse_slide_window("day")->kind == core::WindowKind::Day);
    CHECK(core::parse_slide_window("all")->kind == core::WindowKind::All);
    const auto w = core::parse_slide_window("21d");
    REQUIRE(w);
    CHECK(w->kind == core::WindowKind::Custom);
    CHECK(w->custom_days == 21);
    CHECK(core::slide_window_name(*w) == "21d");
    CHECK(core::slide_window_name(*core::parse_slide_window("month")) == "month");
    CHECK_FALSE(core::parse_slide_window("+5d"));
    CHECK_FALSE(core::parse_slide_window(""));
}

TEST_CASE("unknown layer ids are listed with their slide", "[core][briefing]") {
    core::Briefing b;
    b.slides.resize(2);
    b.slides[0].visible_layers = {"control", "rivres"};
    b.slides[1].visible_layers = {"rivres", "places"};
    const auto unknown = core::unknown_layer_ids(b, {"control", "rivers", "places"});
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0] == "slides[0].layers[1]: 'rivres'");
}

TEST_CASE("saving a briefing is atomic", "[io][briefing]") {
    TempDir dir("briefing_atomic");
    const fs::path file = dir.path / "brief.json";
    core::Briefing b = sample_briefing();
    io::save_briefing(file, b);
    const std::string before = read_all(file);

    SECTION("a successful save leaves only the file") {
        b.title = "changed";
        io::save_briefing(file, b);
        CHECK(io::load_briefing(file).title == "changed");
        int entries = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
        CHECK(entries == 1);
    }
    SECTION("a failed save keeps the old file and names the path") {
        // Occupy the temporary name with a non-empty directory, so the write fails after the checks
        // (this runs as root in CI, where permission bits do not stop writes).
        const fs::path blocker = dir.path / "brief.json.part";
        fs::create_directories(blocker / "x");
        b.title = "changed";
        CHECK_THROWS_WITH(io::save_briefing(file, b), Catch::StartsWith(file.string() + ": cannot write briefing"));
        CHECK(read_all(file) == before);
        CHECK(fs::is_directory(blocker / "x"));  // not ours: left alone
    }
    SECTION("a missing directory fails before writing anything") {
        CHECK_THROWS_WITH(io::save_briefing(dir.path / "no" / "b.json", b), Catch::Contains("does not exist"));
    }
}

TEST_CASE("the shipped sample briefing loads and tells 1994-2024 in order", "[io][briefing]") {
    const core::Briefing b = io::load_briefing(kSample);
    CHECK_FALSE(b.title.empty());
    REQUIRE(b.slides.size() >= 10);
    REQUIRE(b.slides.size() <= 15);
    const sys_days first = sys_days(year{1994} / January / 1), last = sys_days(year{2024} / December / 31);
    std::optional<sys_days> previous;
    for (std::size_t i = 0; i < b.slides.size(); ++i) {
        const core::Slide& s = b.slides[i];
        INFO("slide " << i << ": " << s.title);
        CHECK_FALSE(s.title.empty());
        CHECK_FALSE(s.caption.empty());
        REQUIRE(s.date);
        const sys_days d = sys_days(*s.date);
        CHECK(d >= first);
        CHECK(d <= last);
        if (previous) CHECK(d >= *previous);  // the story moves forward
        previous = d;
        CHECK((s.view.bbox || s.view.centre));
        CHECK(std::find(s.visible_layers.begin(), s.visible_layers.end(), "control") != s.visible_layers.end());
    }
    // Every layer the sample names exists in the map (ids from base_map.cpp and control_scene.cpp).
    const std::vector<std::string> known = {"land",     "hillshade",  "nk_area_1994", "lakes",        "rivers",
                                            "places",   "names",      "coastline",    "admin1",       "nkao_1991",
                                            "loc_1994", "boundaries", "control",      "control_lines"};
    CHECK(core::unknown_layer_ids(b, known).empty());
}
