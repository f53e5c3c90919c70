// Panning copies every geometry layer (render/layer_cache): once a drag has started they are kept
// with a margin all round and copied, shifted by whole pixels, into the next frames; when the
// drag leaves the margin, what is held moves into a new target and only the uncovered strips are
// drawn. Every layer is drawn on the world's pixel grid (compose/pixel_grid, the hatching too),
// so those frames must be the very pixels of frames drawn from scratch at the same centre.
#include "core/base_map.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {

std::int32_t day_of(int y, unsigned m, unsigned d) {
    return core::day_number(core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

std::size_t differing(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    REQUIRE(a.size() == b.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.size(); i += 4)
        n += (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2] || a[i + 3] != b[i + 3]) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("a pan copies every layer, hatching included, pixel for pixel", "[gl][cache][pan]") {
    auto& world = test::GlWorld::get();
    const int w = 480, h = 360;
    // Karabakh in 2022: the peacekeepers' hatched zone, control lines, rivers, boundaries.
    core::Camera camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("karabakh")), w, h);
    const std::int32_t day = day_of(2022, 6, 1);
    render::OffscreenTarget target(w, h);
    render::FrameStats stats;
    auto frame = [&](const core::Camera& c, bool cached, std::int32_t d = 0) {
        target.bind();
        stats = world.renderer->draw(world.scene, c, {.day = d ? d : day, .date_label = "d", .reuse_base = cached});
        return target.read_rgba();
    };
    frame(camera, true);  // a new view: drawn and kept, no margin
    CHECK(stats.layers_panned == 0);
    std::size_t copied = 0, strips = 0;
    // A drag: small steps every way, runs that leave the margin (strips drawn), a diagonal one.
    const std::pair<double, double> steps[] = {{7, 0},  {7, 0},   {7, -3}, {-30, 12}, {0, 50},    {60, 0},
                                               {60, 0}, {60, 40}, {-9, 0}, {-9, 0},   {-90, -70}, {1, 1}};
    for (const auto& [dx, dy] : steps) {
        camera.pan_pixels(dx, dy);
        INFO("pan " << dx << "," << dy);
        const auto shifted = frame(camera, true);
        CHECK(stats.layers_reused == 1);
        copied += stats.layers_panned == 1 ? 1 : 0;
        strips += stats.layers_panned == 2 ? 1 : 0;
        const auto fresh = frame(camera, false);
        REQUIRE(differing(shifted, fresh) == 0);
    }
    CHECK(copied >= 4);
    CHECK(strips >= 2);  // the drag's start, and once it left the margin
    // A new day with other draws (the day the peacekeepers' zone ends, a stripe), a sub-pixel
    // move, a zoom: drawn again, and still exact.
    for (const std::int32_t d : {day_of(2023, 9, 20), day_of(2024, 6, 1)}) {
        camera.pan_pixels(5, 0);
        const auto moved = frame(camera, true, d);
        CHECK(stats.layers_panned == 0);
        CHECK(differing(moved, frame(camera, false, d)) == 0);
    }
    camera.pan_pixels(0.25, 0);
    auto a = frame(camera, true);
    CHECK(stats.layers_reused == 0);
    CHECK(differing(a, frame(camera, false)) == 0);
    const core::Camera zoomed(camera.centre(), camera.metres_per_pixel() * 0.8, w, h);
    a = frame(zoomed, true);
    CHECK(stats.layers_reused == 0);
    CHECK(differing(a, frame(zoomed, false)) == 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
