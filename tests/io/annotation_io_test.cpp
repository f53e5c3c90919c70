// Briefing annotations and presenter notes in the briefing file: a round trip with every kind
// (read -> write -> read equal), each malformed annotation field named by slide and field, and
// the sample briefing's annotations.
#include "core/annotation.hpp"
#include "core/briefing.hpp"
#include "core/error.hpp"
#include "io/briefing_io.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

/// A briefing with one slide holding `annotations_json` (the JSON array's contents).
std::string with_annotations(const std::string& annotations_json) {
    return R"({"title": "t", "slides": [{"title": "a"}, {"title": "b", "annotations": [)" + annotations_json + "]}]}";
}

/// The message briefing_from_json throws for `text` (empty when it does not throw).
std::string error_of(const std::string& text) {
    try {
        (void)io::briefing_from_json(text, "brief.json");
    } catch (const UsageError& e) {
        return e.what();
    }
    return {};
}

core::Briefing every_kind() {
    core::Briefing b;
    b.title = "Annotated";
    core::Slide s;
    s.title = "Every kind";
    s.notes = "Say: the arrow is the southern advance.\nThen: Lachin.";
    s.annotations.push_back({.kind = core::AnnotationKind::Text, .points = {{46.9, 39.7}}, .text = "Two\nlines"});
    s.annotations.push_back({.kind = core::AnnotationKind::Arrow,
                             .points = {{47.33496, 39.45015}, {47.02835, 39.39917}, {46.74989, 39.76006}},
                             .text = "advance",
                             .curved = true,
                             .color = 0x1b7837});
    s.annotations.push_back({.kind = core::AnnotationKind::Arrow, .points = {{46.1, 39.1}, {46.3, 39.2}}});
    s.annotations.push_back(
        {.kind = core::AnnotationKind::Circle, .points = {{46.55045, 39.59881}}, .text = "Lachin", .radius_km = 7.5});
    s.annotations.push_back({.kind = core::AnnotationKind::Callout,
                             .points = {{46.5, 40.0}, {46.7528, 39.8177}},
                             .text = "Khankendi / Stepanakert"});
    b.slides.push_back(s);
    b.slides.push_back(core::Slide{.title = "plain"});
    return b;
}

}  // namespace

TEST_CASE("annotations of every kind and presenter notes survive a round trip", "[io][briefing]") {
    const core::Briefing b = every_kind();
    for (const auto& a : b.slides[0].annotations) REQUIRE(core::annotation_problem(a).empty());
    const std::string json = io::briefing_to_json(b);
    const core::Briefing back = io::briefing_from_json(json, "mem.json");
    REQUIRE(back.slides.size() == 2);
    CHECK(back.slides[0].notes == b.slides[0].notes);
    REQUIRE(back.slides[0].annotations.size() == b.slides[0].annotations.size());
    for (std::size_t i = 0; i < b.slides[0].annotations.size(); ++i) {
        INFO("annotation " << i);
        CHECK(back.slides[0].annotations[i] == b.slides[0].annotations[i]);
    }
    CHECK(back.slides[1].annotations.empty());
    CHECK(back.slides[1].notes.empty());
    // Written again, the text is the same: nothing was lost or invented on the way.
    CHECK(io::briefing_to_json(back) == json);
    // The file names kinds and fields as documented.
    CHECK(json.find("\"kind\": \"callout\"") != std::string::npos);
    CHECK(json.find("\"radius_km\": 7.5") != std::string::npos);
    CHECK(json.find("\"color\": \"#1b7837\"") != std::string::npos);
    CHECK(json.find("\"notes\"") != std::string::npos);

    SECTION("and through a file saved atomically") {
        const fs::path p = fs::temp_directory_path() / "sitmap_annotation_round_trip.json";
        io::save_briefing(p, b);
        const core::Briefing loaded = io::load_briefing(p);
        fs::remove(p);
        REQUIRE(loaded.slides[0].annotations.size() == 5);
        CHECK(loaded.slides[0].annotations[3] == b.slides[0].annotations[3]);
    }
}

TEST_CASE("bad annotation fields are named by slide, annotation and field", "[io][briefing]") {
    const std::string at = R"("at": {"lat": 39.8, "lon": 46.7})";
    const struct {
        std::string annotation, where, what;
    } cases[] = {
        {R"({"at": {"lat": 39.8, "lon": 46.7}, "text": "x"})", "slides[1].annotations[0].kind", "missing"},
        {R"({"kind": "star", )" + at + "}", "slides[1].annotations[0].kind", "'star' is not an annotation kind"},
        {R"({"kind": "text"})", "slides[1].annotations[0].at", "missing"},
        {R"({"kind": "text", )" + at + "}", "slides[1].annotations[0].text", "missing"},
        {R"({"kind": "text", "at": {"lat": 95, "lon": 46}, "text": "x"})", "slides[1].annotations[0].at.lat",
         "out of range"},
        {R"({"kind": "text", "at": {"lon": 46}, "text": "x"})", "slides[1].annotations[0].at.lat", "missing"},
        {R"({"kind": "circle", )" + at + "}", "slides[1].annotations[0].radius_km", "missing"},
        {R"({"kind": "circle", "radius_km": -3, )" + at + "}", "slides[1].annotations[0].radius_km",
         "'-3' is not a radius"},
        {R"({"kind": "circle", "radius_km": "big", )" + at + "}", "slides[1].annotations[0].radius_km",
         "expected a number"},
        {R"({"kind": "callout", "text": "x", )" + at + "}", "slides[1].annotations[0].to", "missing"},
        {R"({"kind": "arrow", "path": [{"lat": 39, "lon": 46}]})", "slides[1].annotations[0].path",
         "1 point(s) (an arrow needs at least 2"},
        {R"({"kind": "arrow", "path": [{"lat": 39, "lon": 46}, "x"]})", "slides[1].annotations[0].path[1]",
         "expected an object"},
        {R"({"kind": "arrow", "path": [{"lat": 39, "lon": 46}, {"lat": 39, "lon": 47}], "curved": "yes"})",
         "slides[1].annotations[0].curved", "true or false"},
        {R"({"kind": "arrow", )" + at + "}", "slides[1].annotations[0].at", "'at' is not a field of arrow annotations"},
        {R"({"kind": "text", "text": "x", "color": "red", )" + at + "}", "slides[1].annotations[0].color",
         "'red' is not a colour"},
    };
    for (const auto& c : cases) {
        INFO(c.annotation);
        const std::string message = error_of(with_annotations(c.annotation));
        CHECK(message.find("brief.json: " + c.where + ": ") == 0);
        CHECK(message.find(c.what) != std::string::npos);
    }
    // The second annotation of the list is the one named.
    const std::string second =
        error_of(with_annotations(R"({"kind": "text", "text": "ok", )" + at + R"(}, {"kind": "circle", )" + at + "}"));
    CHECK(second.find("slides[1].annotations[1].radius_km") != std::string::npos);
    CHECK(error_of(R"({"slides": [{"notes": 3}]})").find("slides[0].notes: expected a string") != std::string::npos);
}

TEST_CASE("the sample briefing annotates the 2020 advance, Lachin and Khankendi", "[io][briefing]") {
    const core::Briefing b =
        io::load_briefing(fs::path(SITMAP_SOURCE_DIR) / "assets" / "briefings" / "karabakh_2020_2023.json");
    std::size_t arrows = 0, circles = 0, callouts = 0, notes = 0;
    for (const auto& s : b.slides) {
        if (!s.notes.empty()) ++notes;
        for (const auto& a : s.annotations) {
            CHECK(core::annotation_problem(a).empty());
            arrows += a.kind == core::AnnotationKind::Arrow;
            circles += a.kind == core::AnnotationKind::Circle && a.text.find("Lachin") != std::string::npos;
            callouts += a.kind == core::AnnotationKind::Callout && a.text.find("Khankendi") != std::string::npos;
        }
    }
    CHECK(arrows >= 1);
    CHECK(circles >= 1);
    CHECK(callouts >= 1);
    CHECK(notes >= 3);
}
