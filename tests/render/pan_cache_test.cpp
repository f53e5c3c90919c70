// Panning reuses the cached base layers (sea, land with relief): once a drag has started, they are
// drawn with a margin around the view and copied, shifted by whole pixels, into the next frames.
// (A pan whose other layers do not change is copied whole by the layer cache: pan_layers_test;
// here the date moves too, through the autumn-2020 change days, so only the base is copied.)
// The copied frames must be the pixels of frames drawn from scratch (every layer is drawn on the
// world's pixel grid, compose/pixel_grid); a zoom, a sub-pixel move or a pan beyond the margin
// draws them again.
#include "core/base_map.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace sitmap;

namespace {

struct Difference {
    std::size_t pixels = 0;  ///< pixels with any channel differing
    int largest = 0;         ///< largest difference of one channel
};

Difference compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    REQUIRE(a.size() == b.size());
    Difference d;
    for (std::size_t i = 0; i < a.size(); i += 4) {
        int px = 0;
        for (std::size_t c = 0; c < 4; ++c) px = std::max(px, std::abs(int(a[i + c]) - int(b[i + c])));
        d.pixels += px > 0 ? 1 : 0;
        d.largest = std::max(d.largest, px);
    }
    return d;
}

}  // namespace

TEST_CASE("panning copies the cached base layers, shifted, and they look as if drawn", "[gl][cache][pan]") {
    auto& world = test::GlWorld::get();
    const int w = 640, h = 480;
    core::Camera camera = core::Camera::fit(core::project_box(world.projector, *core::named_view("region")), w, h);
    std::int32_t day =
        core::day_number(core::Date{std::chrono::year(2020), std::chrono::October, std::chrono::day(20)});
    render::OffscreenTarget target(w, h);
    auto frame = [&](const core::Camera& c, bool reuse, std::size_t* reused = nullptr) {
        if (reuse) ++day;  // the slider plays while the view is dragged
        target.bind();
        const auto stats = world.renderer->draw(world.scene, c, {.day = day, .reuse_base = reuse});
        if (reused) *reused = stats.base_reused;
        return target.read_rgba();
    };
    std::size_t reused = 9;
    frame(camera, true, &reused);  // a new view: drawn, and kept without a margin
    CHECK(reused == 0);
    camera.pan_pixels(7, 0);
    frame(camera, true, &reused);  // the drag starts: drawn again, with a margin
    CHECK(reused == 0);
    // The drag goes on, by whole pixels, every way: copied from the cache.
    for (const auto& [dx, dy] : {std::pair{7, 0}, std::pair{7, -3}, std::pair{-30, 12}, std::pair{0, 50}}) {
        camera.pan_pixels(dx, dy);
        INFO("pan " << dx << "," << dy);
        const auto copied = frame(camera, true, &reused);
        CHECK(reused == 1);
        const auto drawn = frame(camera, false);
        const Difference d = compare(copied, drawn);
        CHECK(d.pixels == 0);
        CHECK(d.largest == 0);
    }
    // A sub-pixel move, a move beyond the margin, and a zoom draw the base layers again.
    camera.pan_pixels(0.5, 0);
    frame(camera, true, &reused);
    CHECK(reused == 0);
    camera.pan_pixels(400, 0);
    frame(camera, true, &reused);
    CHECK(reused == 0);
    const core::Camera zoomed(camera.centre(), camera.metres_per_pixel() * 0.8, w, h);
    frame(zoomed, true, &reused);
    CHECK(reused == 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
