// Place-name density on the shipped data (issue 10, 2.12): the Karabakh view at 1600x1000 labels
// villages where there is room, and no two names ever overlap. Layout only (compose, no drawing);
// the shipped scene comes from the GL fixture.
#include "gl_fixture.hpp"

#include "compose/layout.hpp"
#include "core/base_map.hpp"
#include "core/date.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace sitmap;

namespace {

compose::FrameLayout layout_at(const core::Camera& camera) {
    auto& world = test::GlWorld::get();
    const compose::FrameOptions options{
        .day = core::day_number(core::Date(std::chrono::year(2023) / 9 / 27)),
        .date_label = "27 September 2023",
        .legend = true,
        .north_arrow = true,
        .locator = true,
    };
    return compose::layout_frame(world.scene, camera, options, world.renderer->font_metrics());
}

void check_no_overlaps(const compose::FrameLayout& layout) {
    const auto& labels = layout.place_labels;
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            INFO(labels[i].name << " and " << labels[j].name);
            CHECK_FALSE(labels[i].box.overlaps(labels[j].box));
        }
}

}  // namespace

TEST_CASE("the Karabakh view at 1600x1000 labels its villages where there is room, never overlapping",
          "[gl][layout][labels]") {
    auto& world = test::GlWorld::get();
    const auto box = core::project_box(world.projector, *core::named_view("karabakh"));
    const auto layout = layout_at(core::Camera::fit(box, 1600, 1000));
    // 58 place names before villages (rank 5) were candidates at this zoom; QGIS fits about 130
    // names of every kind from the same layers.
    INFO(layout.place_labels.size() << " place names");
    CHECK(layout.place_labels.size() >= 100);
    check_no_overlaps(layout);
    // Villages are among them (Karkijahan is rank 5, beside the capital).
    bool village = false;
    for (const auto& l : layout.place_labels) village = village || l.name == "Karkijahan";
    CHECK(village);
}

TEST_CASE("closer in, every village in the view is named, still without overlaps", "[gl][layout][labels]") {
    auto& world = test::GlWorld::get();
    const auto karabakh = core::project_box(world.projector, *core::named_view("karabakh"));
    const core::Camera wide_camera = core::Camera::fit(karabakh, 1600, 1000);
    const auto wide = layout_at(wide_camera);
    // A quarter of the Karabakh view's width, around the capital, at the same size.
    const core::WorldXY capital = world.projector.forward({46.7525, 39.8153});
    const core::Camera close(capital, wide_camera.metres_per_pixel() / 4, 1600, 1000);
    const auto near = layout_at(close);
    check_no_overlaps(near);
    // The shipped places (GeoNames cities500) are sparse here: every one in the view, villages
    // included, has room and is named (before, rank 5 waited for 90 m/px and more).
    std::size_t in_view = 0;
    const auto seen = close.visible_box();
    for (const auto& layer : world.scene.layers)
        if (layer.kind == core::LayerKind::Places)
            for (const auto& p : layer.places) in_view += seen.contains(p.pos.x, p.pos.y) ? 1 : 0;
    INFO(near.place_labels.size() << " of " << in_view << " places in view named");
    CHECK(in_view >= 5);
    CHECK(near.place_labels.size() == in_view);
    // Names per square kilometre rise as the view closes in.
    const double wide_km2 = wide_camera.visible_box().width() * wide_camera.visible_box().height() / 1e6;
    const double near_km2 = seen.width() * seen.height() / 1e6;
    CHECK(static_cast<double>(near.place_labels.size()) / near_km2 >
          static_cast<double>(wide.place_labels.size()) / wide_km2);
}
