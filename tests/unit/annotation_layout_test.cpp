// Briefing annotations without GL: a slide's annotations reach the composed frame (compose_frame,
// slide_frame), layout_frame turns each kind into its primitives (text box, arrow shaft and head,
// ring of the true ground radius, callout leader), and the editor's picking and shapes.
#include "compose/annotations.hpp"
#include "compose/compose.hpp"
#include "compose/layout.hpp"
#include "core/annotation.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <variant>

using namespace sitmap;

namespace {

const compose::FontMetrics& fonts() {
    static const compose::FontMetrics metrics(std::filesystem::path(SITMAP_SOURCE_DIR) / "assets" / "fonts");
    return metrics;
}

core::Slide annotated_slide() {
    core::Slide s;
    s.title = "Annotated";
    s.view.bbox = core::GeoBox{};
    s.view.bbox->extend(45.9, 39.0);
    s.view.bbox->extend(47.6, 40.2);
    s.events.show_events = false;
    s.notes = "presenter only";
    s.annotations = {
        {.kind = core::AnnotationKind::Text, .points = {{46.2, 40.0}}, .text = "Text box"},
        {.kind = core::AnnotationKind::Arrow,
         .points = {{47.33, 39.45}, {47.03, 39.40}, {47.03, 39.52}, {46.75, 39.76}},
         .text = "advance",
         .curved = true},
        {.kind = core::AnnotationKind::Circle, .points = {{46.55, 39.60}}, .text = "Lachin", .radius_km = 8},
        {.kind = core::AnnotationKind::Callout, .points = {{46.3, 39.95}, {46.75, 39.82}}, .text = "Khankendi"},
    };
    return s;
}

template <class T>
std::size_t count(const compose::DrawList& list) {
    std::size_t n = 0;
    for (const auto& c : list.commands()) n += std::holds_alternative<T>(c) ? 1 : 0;
    return n;
}

bool has_text(const compose::DrawList& list, const std::string& text) {
    for (const auto* t : list.texts())
        if (t->text == text) return true;
    return false;
}

}  // namespace

TEST_CASE("a slide's annotations are part of its composed frame and laid out as primitives", "[core][compose]") {
    const core::Slide slide = annotated_slide();
    const core::Projector projector;
    const core::Scene scene;
    auto [camera, request] = compose::slide_frame(slide, projector, 1280, 800, nullptr, 1.0f);
    const compose::ComposedFrame frame = compose::compose_frame(scene, projector, request);
    REQUIRE(frame.annotations.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) CHECK(frame.annotations[i] == slide.annotations[i]);
    const compose::FrameOptions options = frame.options();
    REQUIRE(options.annotations == &frame.annotations);

    const compose::FrameLayout layout = compose::layout_frame(scene, camera, options, fonts());
    const compose::DrawList& a = layout.annotations;
    REQUIRE(layout.annotation_hits.size() == 4);
    CHECK(has_text(a, "Text box"));
    CHECK(has_text(a, "advance"));
    CHECK(has_text(a, "Lachin"));
    CHECK(has_text(a, "Khankendi"));
    CHECK(count<compose::TriangleCmd>(a) == 2);  // the arrowhead and its casing
    // The curved shaft: many short segments, not the three spans between its points.
    CHECK(count<compose::LineCmd>(a) > 2 * 3 * 8);
    // The presenter's notes are never drawn.
    CHECK_FALSE(has_text(a, "presenter only"));
    CHECK_FALSE(has_text(layout.furniture, "presenter only"));
    CHECK_FALSE(has_text(layout.map, "presenter only"));

    // The ring has the circle's true ground radius at this zoom.
    const float r = compose::circle_radius_px(slide.annotations[2], camera, projector);
    CHECK(r == Approx(8000 * projector.scale_factor(39.6) / camera.metres_per_pixel()));
    bool ring = false;
    for (const auto& c : a.commands())
        if (const auto* circle = std::get_if<compose::CircleCmd>(&c))
            ring = ring || (std::abs(circle->r - r) < 0.01f && circle->outline_px > 2);
    CHECK(ring);

    // Every handle sits where its point projects.
    const auto& arrow = layout.annotation_hits[1];
    REQUIRE(arrow.handles.size() == 4);
    const core::ScreenPx head = camera.screen(projector.forward({46.75, 39.76}));
    CHECK(arrow.handles[3].x == Approx(head.x));
    CHECK(arrow.handles[3].y == Approx(head.y));
    // The callout's box is a text box that place names keep off.
    const auto& callout = layout.annotation_hits[3];
    REQUIRE(callout.text_box);
    bool reserved = false;
    for (const auto& b : layout.label_boxes)
        reserved = reserved || (b.x0 == callout.text_box->x0 && b.y1 == callout.text_box->y1);
    CHECK(reserved);

    SECTION("no annotations, no primitives") {
        core::Slide plain = slide;
        plain.annotations.clear();
        auto [cam, req] = compose::slide_frame(plain, projector, 1280, 800, nullptr, 1.0f);
        const compose::ComposedFrame f = compose::compose_frame(scene, projector, req);
        CHECK(f.options().annotations == nullptr);
        CHECK(compose::layout_frame(scene, cam, f.options(), fonts()).annotations.empty());
    }
    SECTION("the selected annotation shows its handles") {
        compose::FrameOptions o = options;
        o.selected_annotation = 1;
        const compose::FrameLayout selected = compose::layout_frame(scene, camera, o, fonts());
        // Two squares per handle (frame and fill), four points.
        CHECK(count<compose::RectCmd>(selected.annotations) == count<compose::RectCmd>(a) + 8);
        // A callout: its box framed (four lines), a handle on the point it marks only.
        o.selected_annotation = 3;
        const compose::FrameLayout callout_selected = compose::layout_frame(scene, camera, o, fonts());
        CHECK(count<compose::RectCmd>(callout_selected.annotations) == count<compose::RectCmd>(a) + 2);
        CHECK(count<compose::LineCmd>(callout_selected.annotations) == count<compose::LineCmd>(a) + 4);
    }
    SECTION("picking: a handle, a box, the shaft, the disc, nothing") {
        const auto& hits = layout.annotation_hits;
        const auto on_handle = compose::pick_annotation(hits, {head.x + 3, head.y - 2});
        REQUIRE(on_handle);
        CHECK(on_handle->index == 1);
        CHECK(on_handle->handle == 3u);
        const auto& box = *layout.annotation_hits[0].text_box;
        const auto in_box = compose::pick_annotation(hits, {box.x0 + 3, (box.y0 + box.y1) / 2});
        REQUIRE(in_box);
        CHECK(in_box->index == 0);
        CHECK_FALSE(in_box->handle);
        const auto& curve = arrow.outline;
        const core::ScreenPx mid = curve[curve.size() / 3];
        const auto on_shaft = compose::pick_annotation(hits, {mid.x + 2, mid.y + 2});
        REQUIRE(on_shaft);
        CHECK(on_shaft->index == 1);
        const core::ScreenPx lachin = layout.annotation_hits[2].handles[0];
        const auto in_disc = compose::pick_annotation(hits, {lachin.x + r * 0.6, lachin.y});
        REQUIRE(in_disc);
        CHECK(in_disc->index == 2);
        CHECK_FALSE(compose::pick_annotation(hits, {5, 790}));
    }
}

TEST_CASE("an arrow's path: straight through its points, or a smooth curve through them", "[core][compose]") {
    const std::vector<core::ScreenPx> pts{{0, 0}, {100, 0}, {100, 100}};
    CHECK(compose::arrow_path(pts, false).size() == 3);
    const auto curve = compose::arrow_path(pts, true);
    REQUIRE(curve.size() > 20);
    CHECK(curve.front().x == 0);
    CHECK(curve.back().y == Approx(100));
    // It passes through the middle point.
    bool through = false;
    for (const auto& p : curve) through = through || std::hypot(p.x - 100, p.y) < 1e-6;
    CHECK(through);
    // Two points bow to the left of tail -> head (screen y down: left of eastwards is up).
    const auto bow = compose::arrow_path({{0, 0}, {100, 0}}, true);
    CHECK(bow[bow.size() / 2].y < -10);
    CHECK(bow.back().x == Approx(100));
}

TEST_CASE("new annotations are well formed and move as a whole", "[core][annotation]") {
    for (core::AnnotationKind k : core::all_annotation_kinds) {
        INFO(core::annotation_kind_name(k));
        core::Annotation a = core::make_annotation(k, {46.75, 39.8}, 120);
        CHECK(core::annotation_problem(a).empty());
        CHECK(core::parse_annotation_kind(core::annotation_kind_name(k)) == k);
        const auto before = a.points;
        core::move_annotation(a, 0.1, -0.2);
        for (std::size_t i = 0; i < before.size(); ++i) {
            CHECK(a.points[i].lon == Approx(before[i].lon + 0.1));
            CHECK(a.points[i].lat == Approx(before[i].lat - 0.2));
        }
    }
    CHECK_FALSE(core::parse_annotation_kind("star"));
    core::Annotation circle = core::make_annotation(core::AnnotationKind::Circle, {46.75, 39.8}, 120);
    circle.radius_km = 0;
    CHECK(core::annotation_problem(circle).find("radius_km") == 0);
}
