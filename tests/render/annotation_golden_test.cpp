// Briefing annotations drawn by the renderer: a slide with a text box, a curved arrow, a circle
// and a callout over the Karabakh view, compared with a committed golden image (its absence is a
// failure), and pixels probed where each kind must show its colour.
#include "app/render_image.hpp"
#include "compose/compose.hpp"
#include "compose/slides.hpp"
#include "gl_fixture.hpp"
#include "image_compare.hpp"
#include "io/image.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

core::Slide annotated_slide() {
    core::Slide s;
    s.view.bbox = core::GeoBox{};
    s.view.bbox->extend(46.0, 39.05);
    s.view.bbox->extend(47.6, 40.15);
    s.date = core::parse_iso_date("2020-11-09");
    s.events.show_events = false;
    s.notes = "never drawn";
    s.annotations = {
        {.kind = core::AnnotationKind::Arrow,
         .points = {{47.33496, 39.45015}, {47.02835, 39.39917}, {47.0319, 39.52003}, {46.74989, 39.76006}},
         .text = "advance",
         .curved = true},
        {.kind = core::AnnotationKind::Circle, .points = {{46.55045, 39.59881}}, .text = "Lachin", .radius_km = 9},
        {.kind = core::AnnotationKind::Callout,
         .points = {{46.35, 39.98}, {46.7528, 39.8177}},
         .text = "Khankendi /\nStepanakert"},
        {.kind = core::AnnotationKind::Text, .points = {{47.38, 39.22}}, .text = "Text box", .color = 0x2166ac},
    };
    return s;
}

bool near_colour(const std::uint8_t* p, std::uint32_t hex, int tol) {
    return std::abs(p[0] - static_cast<int>((hex >> 16) & 0xff)) <= tol &&
           std::abs(p[1] - static_cast<int>((hex >> 8) & 0xff)) <= tol &&
           std::abs(p[2] - static_cast<int>(hex & 0xff)) <= tol;
}

/// Pixels of colour `hex` (within `tol`) in the square of `half` pixels around `c`.
int count_near(const io::RgbaImage& img, core::ScreenPx c, int half, std::uint32_t hex, int tol = 40) {
    int n = 0;
    for (int y = static_cast<int>(c.y) - half; y <= static_cast<int>(c.y) + half; ++y)
        for (int x = static_cast<int>(c.x) - half; x <= static_cast<int>(c.x) + half; ++x)
            if (x >= 0 && y >= 0 && x < img.width && y < img.height) n += near_colour(img.at(x, y), hex, tol) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("a slide's annotations match the golden image", "[gl][golden][annotations]") {
    auto& world = test::GlWorld::get();
    const core::Slide slide = annotated_slide();
    const int w = 900, h = 620;
    const auto before = compose::apply_slide_layers(world.scene, slide);
    auto [camera, request] = compose::slide_frame(slide, world.projector, w, h, nullptr, 1.0f);
    request.furniture.legend = request.furniture.locator = false;
    const compose::ComposedFrame frame = compose::compose_frame(world.scene, world.projector, request);
    const io::RgbaImage img = app::render_image(*world.renderer, world.scene, camera, frame.options());
    compose::restore_layers(world.scene, before);
    REQUIRE(img.width == w);

    // Each kind shows its colour where it is drawn.
    const auto screen = [&](core::LonLat p) { return camera.screen(world.projector.forward(p)); };
    const core::ScreenPx head = screen({46.74989, 39.76006});
    CHECK(count_near(img, head, 8, 0xb2182b) > 15);  // the arrowhead at Shusha
    const core::ScreenPx lachin = screen({46.55045, 39.59881});
    const float r = compose::circle_radius_px(slide.annotations[1], camera, world.projector);
    CHECK(count_near(img, {lachin.x + r, lachin.y}, 3, 0xd6604d) > 3);  // the ring, east of the centre
    CHECK(count_near(img, {lachin.x, lachin.y - r}, 3, 0xd6604d) > 3);  // and north
    const core::ScreenPx box = screen({47.38, 39.22});
    CHECK(count_near(img, box, 22, 0xffffff, 12) > 100);  // the text box's white ground
    CHECK(count_near(img, box, 40, 0x2166ac) > 30);       // its blue frame and text
    const core::ScreenPx target = screen({46.7528, 39.8177});
    CHECK(count_near(img, target, 3, 0x1a1a1a, 50) > 4);  // the callout's dot on Khankendi

    const fs::path dir = fs::path(SITMAP_GOLDEN_DIR) / "annotations_900x620";
    const fs::path expected_path = dir / "expected.png";
    const char* update = std::getenv("SITMAP_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        fs::create_directories(dir);
        io::write_png(expected_path, img);
        WARN("wrote " << expected_path.string() << "; inspect it before committing");
        return;
    }
    // The golden is committed: without it the test fails (SITMAP_UPDATE_GOLDEN=1 writes it).
    REQUIRE(fs::exists(expected_path));
    const auto expected = io::read_png(expected_path);
    REQUIRE(expected.width == img.width);
    REQUIRE(expected.height == img.height);
    const test::ImageDiff d = test::compare_images(img, expected);
    INFO("mean delta " << d.mean << ", max delta " << d.max << ", pixels over 48: " << d.over);
    if (!d.within_tolerance()) {
        io::write_png(dir / "actual.png", img);
        io::write_png(dir / "diff.png", d.diff);
    }
    CHECK(d.within_tolerance());
}
