// Issue 10 item 2.5: the legend's swatches are filled by the same code as the map's areas, so a
// key looks like the areas it names (it once promised "grey hatching" over orange stripes).
#include "app/render_image.hpp"
#include "core/control_scene.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace sitmap;

namespace {

core::FillPart rect_part(double x0, double y0, double x1, double y1, core::Rgba color) {
    core::FillPart part;
    part.color = color;
    const auto a = static_cast<float>(x0), b = static_cast<float>(y0), c = static_cast<float>(x1),
               d = static_cast<float>(y1);
    part.append({{{a, b}, {c, b}, {a, d}, {c, d}}, {0, 1, 2, 1, 3, 2}});
    return part;
}

constexpr std::int32_t kDay = 18'600;  // the shown day

/// Land everywhere; left half: an Armenian-held peacekeeping area (hatched); right half:
/// Azerbaijani control that changed hands on the shown day (striped); styled as
/// core::build_control_layers styles control periods.
core::Scene control_scene() {
    using core::ControlKind;
    using core::Controller;
    core::Scene scene;
    core::SceneLayer land{.id = "land", .title = "Land", .kind = core::LayerKind::Fill};
    land.fills.push_back(rect_part(-1e6, -1e6, 1e6, 1e6, core::rgb(0xf5f1e6)));
    scene.layers.push_back(std::move(land));
    core::SceneLayer control{.id = "control", .title = "Control", .kind = core::LayerKind::Fill};
    control.highlight_recent_days = 10;
    control.highlight_color = core::rgb(0xffffff, 0.85f);
    auto pk = rect_part(-1e6, -1e6, 0, 1e6, core::control_color(Controller::Armenian, ControlKind::Peacekeeping));
    pk.hatched = true;
    pk.valid = {kDay - 400, core::DaySpan::kMax};
    auto az = rect_part(0, -1e6, 1e6, 1e6, core::control_color(Controller::Azerbaijan, ControlKind::Control));
    az.valid = {kDay, core::DaySpan::kMax};
    control.fills.push_back(std::move(pk));
    control.fills.push_back(std::move(az));
    scene.layers.push_back(std::move(control));
    scene.bounds = {-1e6, -1e6, 1e6, 1e6};
    return scene;
}

struct Mean {
    double r = 0, g = 0, b = 0;
};
Mean mean_in(const io::RgbaImage& img, const core::PxBox& box) {
    Mean m;
    int n = 0;
    // Inside the box by one pixel: its edges are anti-aliased against the white legend panel.
    for (int y = static_cast<int>(std::ceil(box.y0)) + 1; y < static_cast<int>(box.y1) - 1; ++y)
        for (int x = static_cast<int>(std::ceil(box.x0)) + 1; x < static_cast<int>(box.x1) - 1; ++x) {
            const auto* p = img.at(x, y);
            m.r += p[0], m.g += p[1], m.b += p[2], ++n;
        }
    REQUIRE(n > 20);
    return {m.r / n, m.g / n, m.b / n};
}
double distance(const Mean& a, const Mean& b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

/// The swatch of `layers` fills whose area fill (above the land) has `color`, hatched or solid.
const compose::Swatch& swatch_of(const render::Renderer& r, core::Rgba color, std::size_t layers, bool hatched) {
    for (const auto& sw : r.last_layout().swatches)
        if (sw.fills.size() == layers && (sw.fills[1].hatch_px > 0) == hatched && sw.fills[1].color.r == color.r &&
            sw.fills[1].color.g == color.g && sw.fills[1].color.b == color.b)
            return sw;
    FAIL("no legend swatch with that fill");
    static const compose::Swatch none;
    return none;
}

}  // namespace

TEST_CASE("the control legend's swatches look as the map's areas they name", "[gl][legend]") {
    using core::ControlKind;
    using core::Controller;
    auto& world = test::GlWorld::get();
    const core::Scene scene = control_scene();
    world.renderer->upload(scene);
    const core::Camera camera({0, 0}, 100, 800, 600);
    const auto img = app::render_image(*world.renderer, scene, camera, {.day = kDay, .date_label = "shown day"});
    world.renderer->upload(world.scene);  // the other GL tests draw the shipped scene

    // A map area the size of the picture's left and right quarters, away from the furniture.
    const core::PxBox pk_map{60, 250, 300, 450}, az_map{480, 350, 720, 500};
    SECTION("peacekeeping: stripes of the holder's colour on land, in the key as on the map") {
        const auto& key =
            swatch_of(*world.renderer, core::control_color(Controller::Armenian, ControlKind::Peacekeeping), 2, true);
        REQUIRE(key.fills[1].hatch_px > 0);
        const Mean on_map = mean_in(img, pk_map), in_key = mean_in(img, key.box);
        INFO("map " << on_map.r << "," << on_map.g << "," << on_map.b << "; key " << in_key.r << "," << in_key.g << ","
                    << in_key.b);
        CHECK(distance(on_map, in_key) < 10);
        CHECK(on_map.r > on_map.b + 20);  // orange-brown stripes on cream, not grey
    }
    SECTION("changed hands on the shown day: white stripes over the holder's colour, in the key as on the map") {
        const auto& key =
            swatch_of(*world.renderer, core::control_color(Controller::Azerbaijan, ControlKind::Control), 3, false);
        const Mean on_map = mean_in(img, az_map), in_key = mean_in(img, key.box);
        INFO("map " << on_map.r << "," << on_map.g << "," << on_map.b << "; key " << in_key.r << "," << in_key.g << ","
                    << in_key.b);
        CHECK(distance(on_map, in_key) < 10);
    }
    SECTION("no key promises grey hatching") {
        for (const auto& k : compose::control_keys(scene, 1.0f)) CHECK_THAT(k.text, !Catch::Contains("grey"));
    }
}
