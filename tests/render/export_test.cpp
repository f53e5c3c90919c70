#include "app/render_image.hpp"
#include "compose/event_markers.hpp"
#include "core/base_map.hpp"
#include "core/event_style.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

using namespace sitmap;

namespace {

struct Rgb {
    int r, g, b;
};
Rgb px(const io::RgbaImage& img, int x, int y) {
    const auto* p = img.at(x, y);
    return {p[0], p[1], p[2]};
}
int dist(Rgb a, core::Rgba b) {
    return std::abs(a.r - int(b.r * 255)) + std::abs(a.g - int(b.g * 255)) + std::abs(a.b - int(b.b * 255));
}
/// Pixels within `r` of (cx, cy) whose colour is within `tol` (sum of channel differences) of `c`.
int count_near(const io::RgbaImage& img, double cx, double cy, double r, core::Rgba c, int tol = 60) {
    int n = 0;
    for (int y = std::max(0, int(cy - r)); y <= std::min(img.height - 1, int(cy + r)); ++y)
        for (int x = std::max(0, int(cx - r)); x <= std::min(img.width - 1, int(cx + r)); ++x)
            if (std::hypot(x - cx, y - cy) <= r && dist(px(img, x, y), c) <= tol) ++n;
    return n;
}
int count_dark(const io::RgbaImage& img, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) n += px(img, x, y).r < 90 ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("an event is drawn at its place, in its type's colour", "[gl][events]") {
    auto& world = test::GlWorld::get();
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), 800, 600);
    core::Event e;
    e.id = "t-1";
    e.type = core::EventType::Strike;
    e.position = {46.7536, 39.7585};  // Shusha
    e.has_position = true;
    e.place = "Shusha";
    e.confidence = 0.9;  // drawn at full strength (weaker events are paler: core::confidence_alpha)
    e.date = {core::Date{std::chrono::year(2020), std::chrono::November, std::chrono::day(8)},
              core::Date{std::chrono::year(2020), std::chrono::November, std::chrono::day(8)},
              core::DatePrecision::Day};
    const std::vector<core::Event> events{e};
    const std::vector<core::VisibleEvent> visible{{0, 0.0f}};
    const auto layout =
        compose::layout_events(events, visible, world.projector, {.metres_per_pixel = camera.metres_per_pixel()});
    REQUIRE(layout.markers.size() == 1);
    const auto with = app::render_image(*world.renderer, world.scene, camera, {.events = &layout.markers});
    const auto without = app::render_image(*world.renderer, world.scene, camera, {});
    const auto p = camera.screen(world.projector.forward(e.position));
    const auto red = core::event_type_style(core::EventType::Strike).color;
    CHECK(count_near(with, p.x, p.y, 11, red) >= 20);  // rim and glyph in strike red
    CHECK(count_near(without, p.x, p.y, 11, red) <= 2);
    CHECK(count_near(with, p.x, p.y, 9, core::rgb(0xffffff), 30) >= 20);  // the white disc
    // Far from the symbol nothing changed.
    int changed = 0;
    for (int y = 0; y < 600; y += 7)
        for (int x = 0; x < 800; x += 7)
            if (std::hypot(x - p.x, y - p.y) > 60 &&
                dist(px(with, x, y),
                     core::Rgba{float(px(without, x, y).r) / 255.0f, float(px(without, x, y).g) / 255.0f,
                                float(px(without, x, y).b) / 255.0f}) > 6)
                ++changed;
    CHECK(changed < 400);  // < 4 % of the samples: only labels that moved aside for the symbol
    // Hit testing reports where it went.
    REQUIRE(world.renderer->last_marker_hits().empty());  // the last draw had no events
}

TEST_CASE("exports carry title, date, legend, scale bar, north arrow and locator", "[gl][export]") {
    auto& world = test::GlWorld::get();
    const int W = 1200, H = 800;
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), W, H);
    render::FrameOptions o{
        .day = core::day_number(core::Date{std::chrono::year(2020), std::chrono::October, std::chrono::day(20)}),
        .date_label = "20 October 2020",
        .title = "Test title",
        .subtitle = "subtitle",
        .legend = true,
        .north_arrow = true,
        .locator = true};
    const auto img = app::render_image(*world.renderer, world.scene, camera, o);
    REQUIRE(img.width == W);
    REQUIRE(img.height == H);
    CHECK(count_dark(img, 12, 12, 200, 45) > 150);          // title text, top left
    CHECK(count_dark(img, W - 260, 12, W - 10, 50) > 150);  // the date, top right
    CHECK(count_dark(img, 10, H - 40, 200, H - 10) > 40);   // scale bar
    // Legend box: a white panel at the bottom left above the scale bar, with text in it.
    int white = 0;
    for (int y = H - 200; y < H - 70; ++y)
        for (int x = 12; x < 40; ++x) white += px(img, x, y).r > 245 && px(img, x, y).g > 240 ? 1 : 0;
    CHECK(white > 200);
    // Locator: bottom right, red view box inside a framed inset.
    CHECK(count_near(img, W - 105, H - 100, 60, core::rgb(0xd7301f), 90) > 20);
    // Without furniture those places are plain map.
    const auto plain = app::render_image(*world.renderer, world.scene, camera, {});
    CHECK(count_dark(plain, 12, 12, 200, 45) < 60);
    CHECK(count_near(plain, W - 105, H - 100, 60, core::rgb(0xd7301f), 90) == 0);
}

TEST_CASE("tiled rendering joins without seams and reaches 8192 x 8192", "[gl][export][tiles]") {
    auto& world = test::GlWorld::get();
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), 900, 700);
    const render::FrameOptions o{.title = "Tiles", .legend = true, .locator = true};
    const auto whole = app::render_image(*world.renderer, world.scene, camera, o, 4096);
    const auto tiled = app::render_image(*world.renderer, world.scene, camera, o, 256);  // 4 x 3 tiles
    REQUIRE(tiled.pixels.size() == whole.pixels.size());
    double sum = 0;
    int max_delta = 0;
    for (std::size_t i = 0; i < whole.pixels.size(); ++i) {
        const int d = std::abs(int(whole.pixels[i]) - int(tiled.pixels[i]));
        sum += d;
        max_delta = std::max(max_delta, d);
    }
    INFO("mean " << sum / double(whole.pixels.size()) << " max " << max_delta);
    CHECK(sum / double(whole.pixels.size()) < 0.05);

    const auto big_camera =
        core::Camera::fit(core::project_box(world.projector, *core::named_view("region")), 8192, 8192);
    const auto big = app::render_image(*world.renderer, world.scene, big_camera, {.ui_scale = 6.0f});
    CHECK(big.width == 8192);
    CHECK(big.height == 8192);
    // Baku is land and the Caspian east of it is water, at the right pixels of the big image.
    const auto baku = big_camera.screen(world.projector.forward({49.95, 40.45}));
    const auto sea = big_camera.screen(world.projector.forward({50.4, 39.9}));
    CHECK(px(big, int(baku.x), int(baku.y)).r > px(big, int(baku.x), int(baku.y)).b);
    CHECK(px(big, int(sea.x), int(sea.y)).b > px(big, int(sea.x), int(sea.y)).r + 25);
}

TEST_CASE("images too large to hold are refused before rendering", "[gl][export][errors]") {
    auto& world = test::GlWorld::get();
    const core::Camera camera({0, 0}, 100, 40000, 40000);
    CHECK_THROWS_WITH(app::render_image(*world.renderer, world.scene, camera, {}),
                      Catch::Contains("40000x40000") && Catch::Contains("cannot render"));
}

TEST_CASE("reusing the cached base layers gives the same picture as drawing them", "[gl][cache]") {
    auto& world = test::GlWorld::get();
    const auto camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), 640, 480);
    const auto day = [](int y, unsigned m, unsigned d) {
        return core::day_number(core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
    };
    render::OffscreenTarget target(640, 480);
    target.bind();
    // First frame fills the cache, the second (another date, same view) reuses it.
    auto first = world.renderer->draw(world.scene, camera, {.day = day(2020, 10, 1), .reuse_base = true});
    CHECK(first.base_reused == 0);
    auto second = world.renderer->draw(world.scene, camera, {.day = day(2020, 11, 15), .reuse_base = true});
    CHECK(second.base_reused == 1);
    const auto cached = target.read_rgba();
    target.bind();
    world.renderer->draw(world.scene, camera, {.day = day(2020, 11, 15)});
    const auto drawn = target.read_rgba();
    REQUIRE(cached.size() == drawn.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < cached.size(); ++i) differ += cached[i] != drawn[i] ? 1 : 0;
    CHECK(differ == 0);
    // A moved view does not reuse.
    core::Camera moved = camera;
    moved.pan_pixels(10, 0);
    target.bind();
    CHECK(world.renderer->draw(world.scene, moved, {.day = day(2020, 11, 15), .reuse_base = true}).base_reused == 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
