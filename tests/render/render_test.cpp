#include "app/render_image.hpp"
#include "core/base_map.hpp"
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

io::RgbaImage render_view(const core::GeoBox& box, int w, int h, float scale = 1.0f) {
    auto& world = test::GlWorld::get();
    const auto camera = core::Camera::fit(core::project_box(world.projector, box), w, h);
    return app::render_image(*world.renderer, world.scene, camera, {.ui_scale = scale});
}

core::ScreenPx pixel_of(const core::GeoBox& box, int w, int h, core::LonLat p) {
    auto& world = test::GlWorld::get();
    const auto camera = core::Camera::fit(core::project_box(world.projector, box), w, h);
    return camera.screen(world.projector.forward(p));
}

struct Rgb {
    int r, g, b;
};
Rgb at(const io::RgbaImage& img, core::ScreenPx p) {
    const auto* px = img.at(static_cast<int>(p.x), static_cast<int>(p.y));
    return {px[0], px[1], px[2]};
}
bool is_water(Rgb c) {
    return c.b > c.r + 25 && c.b > 180;
}
bool is_land(Rgb c) {
    return c.r >= c.b && c.r > 150;
}

/// Compares with expected.png: max per-channel delta and mean delta thresholds (robust to small
/// driver differences). Writes actual.png and diff.png beside it on failure; SITMAP_UPDATE_GOLDEN=1
/// rewrites expected.png (inspect it before committing).
void check_golden(const std::string& name, const io::RgbaImage& actual) {
    const fs::path dir = fs::path(SITMAP_GOLDEN_DIR) / name;
    fs::create_directories(dir);
    const fs::path expected_path = dir / "expected.png";
    const char* update = std::getenv("SITMAP_UPDATE_GOLDEN");
    const bool updating = update && std::string(update) == "1";
    if (!updating && !fs::exists(expected_path) && std::getenv("SITMAP_REQUIRE_GL")) {
        // In CI a missing golden image is a failure, not a pass that writes one.
        io::write_png(dir / "actual.png", actual);
        FAIL("missing golden image " << expected_path.string() << " (actual.png written beside it)");
    }
    if (updating || !fs::exists(expected_path)) {
        io::write_png(expected_path, actual);
        WARN("wrote " << expected_path.string() << "; inspect it before committing");
        return;
    }
    const auto expected = io::read_png(expected_path);
    REQUIRE(expected.width == actual.width);
    REQUIRE(expected.height == actual.height);
    const test::ImageDiff d = test::compare_images(actual, expected);
    INFO("golden " << name << ": mean delta " << d.mean << ", max delta " << d.max << ", pixels over 48: " << d.over);
    const bool ok = d.within_tolerance();  // < 0.2 % of pixels differ visibly
    if (!ok) {
        io::write_png(dir / "actual.png", actual);
        io::write_png(dir / "diff.png", d.diff);
    }
    CHECK(ok);
}

}  // namespace

TEST_CASE("whole-region render matches the golden image and probes land and water", "[gl][golden]") {
    const core::GeoBox box = *core::named_view("region");
    const int w = 800, h = 500;
    const auto img = render_view(box, w, h);
    REQUIRE(img.width == w);
    check_golden("region_800x500", img);
    // Lake Sevan is water, Baku's peninsula and Yerevan are land, the Caspian is water.
    CHECK(is_water(at(img, pixel_of(box, w, h, {45.30, 40.30}))));
    CHECK(is_water(at(img, pixel_of(box, w, h, {50.5, 40.0}))));
    CHECK(is_water(at(img, pixel_of(box, w, h, {39.5, 42.5}))));
    CHECK(is_land(at(img, pixel_of(box, w, h, {49.95, 40.45}))));
    CHECK(is_land(at(img, pixel_of(box, w, h, {46.0, 41.0}))));
}

TEST_CASE("Karabakh view matches the golden image", "[gl][golden]") {
    const core::GeoBox box = *core::named_view("karabakh");
    const auto img = render_view(box, 800, 600);
    check_golden("karabakh_800x600", img);
    CHECK(is_land(at(img, pixel_of(box, 800, 600, {46.75, 39.6}))));
}

TEST_CASE("the attribution line and scale bar are drawn in the corners", "[gl][furniture]") {
    const int w = 900, h = 600;
    const auto img = render_view(*core::named_view("region"), w, h);
    // Attribution: dark text pixels on a light box in the bottom-right corner.
    int dark = 0;
    for (int y = h - 16; y < h; ++y)
        for (int x = w - 300; x < w; ++x) dark += img.at(x, y)[0] < 110 ? 1 : 0;
    CHECK(dark > 40);
    // Scale bar: black and white alternating blocks at the bottom left.
    int black = 0, white = 0;
    for (int x = 14; x < 100; ++x) {
        const auto* p = img.at(x, h - 16 - 2);
        black += p[0] < 60 ? 1 : 0;
        white += p[0] > 240 ? 1 : 0;
    }
    CHECK(black > 10);
    CHECK(white > 10);
}

TEST_CASE("scale factor enlarges text and strokes", "[gl][scale]") {
    const core::GeoBox box = *core::named_view("karabakh");
    const auto a = render_view(box, 600, 400, 1.0f);
    const auto b = render_view(box, 600, 400, 2.0f);
    auto dark_count = [](const io::RgbaImage& img) {
        int n = 0;
        for (std::size_t i = 0; i < img.pixels.size(); i += 4) n += img.pixels[i] < 90 ? 1 : 0;
        return n;
    };
    CHECK(dark_count(b) > dark_count(a) * 1.3);
}

TEST_CASE("labels never overlap each other", "[gl][labels]") {
    auto& world = test::GlWorld::get();
    for (const char* view : {"region", "karabakh"}) {
        const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view(view)), 1280, 800);
        render::OffscreenTarget target(1280, 800);
        target.bind();
        const auto stats = world.renderer->draw(world.scene, camera, {});
        CHECK(stats.labels > 20);
        const auto& boxes = world.renderer->last_label_boxes();
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j) REQUIRE_FALSE(boxes[i].overlaps(boxes[j]));
    }
}

TEST_CASE("offscreen targets larger than the GL limit are refused with a clear message", "[gl][errors]") {
    test::GlWorld::get();
    const int limit = render::OffscreenTarget::max_size();
    CHECK(limit >= 4096);
    CHECK_THROWS_WITH(render::OffscreenTarget(limit + 1, 10), Catch::Contains("cannot render"));
}
