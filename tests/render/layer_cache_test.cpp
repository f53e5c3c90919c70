// The layer cache (render/layer_cache): while only the date moves and no control area, line or
// stripe changes, a frame copies every geometry layer from the previous one instead of drawing
// them. Those frames must be the very pixels of frames drawn from scratch, through change days,
// fading stripes, layer toggles, a resize and a reload of the geometry.
#include "core/base_map.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

using namespace sitmap;

namespace {

std::int32_t day_of(int y, unsigned m, unsigned d) {
    return core::day_number(core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

/// Pixels differing between two RGBA images of the same size.
std::size_t differing(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    REQUIRE(a.size() == b.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.size(); i += 4)
        n += (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2] || a[i + 3] != b[i + 3]) ? 1 : 0;
    return n;
}

struct Frames {
    test::GlWorld& world = test::GlWorld::get();
    std::unique_ptr<render::OffscreenTarget> target;
    std::size_t partial = 0;  ///< the last cached frame redrew only a changed rectangle

    /// The frame at `day` drawn with the caches (`reused`: whether the layers were copied) and
    /// the same frame drawn from scratch.
    std::pair<std::vector<std::uint8_t>, std::vector<std::uint8_t>> both(const core::Camera& camera, std::int32_t day,
                                                                         std::size_t& reused) {
        if (!target || target->width() != camera.width() || target->height() != camera.height())
            target = std::make_unique<render::OffscreenTarget>(camera.width(), camera.height());
        target->bind();
        const auto stats =
            world.renderer->draw(world.scene, camera, {.day = day, .date_label = "d", .reuse_base = true});
        reused = stats.layers_reused;
        partial = stats.layers_partial;
        auto cached = target->read_rgba();
        target->bind();
        world.renderer->draw(world.scene, camera, {.day = day, .date_label = "d", .reuse_base = false});
        return {std::move(cached), target->read_rgba()};
    }
};

}  // namespace

TEST_CASE("a playing slider copies the layers between change days, pixel for pixel", "[gl][cache]") {
    Frames f;
    const core::Camera camera =
        core::Camera::fit(core::project_box(f.world.projector, *core::named_view("karabakh")), 480, 360);
    // Autumn 2020 (many change days, fading stripes) and a quiet stretch of 2022.
    std::size_t copied = 0, drawn = 0, partly = 0;
    for (const std::int32_t first : {day_of(2020, 10, 25), day_of(2022, 3, 1)}) {
        for (std::int32_t day = first; day < first + 40; ++day) {
            std::size_t reused = 9;
            const auto [cached, fresh] = f.both(camera, day, reused);
            INFO("day " << day);
            REQUIRE(differing(cached, fresh) == 0);
            (reused ? copied : drawn) += 1;
            partly += f.partial;
        }
    }
    // Both kinds happened: change days drew (most of them only where control changed), quiet
    // days copied.
    CHECK(copied >= 20);
    CHECK(drawn >= 3);
    CHECK(partly >= 3);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_CASE("the layer cache is drawn again when a layer, the size, the view or the geometry change", "[gl][cache]") {
    Frames f;
    core::Camera camera =
        core::Camera::fit(core::project_box(f.world.projector, *core::named_view("region")), 400, 300);
    const std::int32_t day = day_of(2022, 6, 1);
    std::size_t reused = 9;
    f.both(camera, day, reused);
    f.both(camera, day + 1, reused);
    CHECK(reused == 1);  // nothing changed
    auto check_redrawn = [&](const char* what) {
        INFO(what);
        auto [cached, fresh] = f.both(camera, day, reused);
        CHECK(reused == 0);
        CHECK(differing(cached, fresh) == 0);
        std::tie(cached, fresh) = f.both(camera, day, reused);
        CHECK(reused == 1);  // and kept again
        CHECK(differing(cached, fresh) == 0);
    };
    const int control = f.world.scene.find("control");
    REQUIRE(control >= 0);
    auto& layer = f.world.scene.layers[static_cast<std::size_t>(control)];
    layer.visible = false;
    check_redrawn("control hidden");
    layer.visible = true;
    check_redrawn("control shown again");
    layer.opacity = 0.5f;
    check_redrawn("control at half opacity");
    layer.opacity = 1.0f;
    camera.pan_pixels(0.5, 0);  // not whole pixels: drawn (a whole-pixel pan is copied: pan_layers_test)
    check_redrawn("panned by half a pixel");
    camera.resize(420, 300);
    check_redrawn("resized");
    f.world.renderer->upload(f.world.scene);
    check_redrawn("geometry uploaded again");
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
