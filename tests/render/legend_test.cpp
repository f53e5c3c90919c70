// Issue 10 item 2.5: the legend's swatches are filled by the same code as the map's areas, so a
// key looks like the areas it names (it once promised "grey hatching" over orange stripes).
#include "app/render_image.hpp"
#include "core/control_scene.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>

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

/// Land everywhere; left half: an Armenian-held peacekeeping area (its fill, grey hatching on top); right half:
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
    pk.valid = {kDay - 400, core::DaySpan::kMax};
    auto hatch = rect_part(-1e6, -1e6, 0, 1e6, core::peacekeeping_hatch_color());
    hatch.hatched = true;
    hatch.valid = pk.valid;
    auto az = rect_part(0, -1e6, 1e6, 1e6, core::control_color(Controller::Azerbaijan, ControlKind::Control));
    az.valid = {kDay, core::DaySpan::kMax};
    az.changed_hands = true;
    control.fills.push_back(std::move(pk));
    control.fills.push_back(std::move(hatch));
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

/// The swatch of `layers` fills whose area fill (above the land) has `color`, hatched or solid, and
/// (when given) whose top layer has `top` (the white change stripes, not the grey hatching).
const compose::Swatch& swatch_of(const render::Renderer& r, core::Rgba color, std::size_t layers, bool hatched,
                                 std::optional<core::Rgba> top = std::nullopt) {
    auto same = [](core::Rgba a, core::Rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b; };
    for (const auto& sw : r.last_layout().swatches)
        if (sw.fills.size() == layers && (sw.fills[1].hatch_px > 0) == hatched && same(sw.fills[1].color, color) &&
            (!top || same(sw.fills.back().color, *top)))
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
    SECTION("peacekeeping: the holder's fill under grey hatching, in the key as on the map") {
        const auto& key =
            swatch_of(*world.renderer, core::control_color(Controller::Armenian, ControlKind::Peacekeeping), 3, false);
        REQUIRE(key.fills[2].hatch_px > 0);
        const Mean on_map = mean_in(img, pk_map), in_key = mean_in(img, key.box);
        INFO("map " << on_map.r << "," << on_map.g << "," << on_map.b << "; key " << in_key.r << "," << in_key.g << ","
                    << in_key.b);
        CHECK(distance(on_map, in_key) < 10);
        CHECK(on_map.r > on_map.b + 20);  // the holder's orange shows through the hatching
    }
    SECTION("changed hands on the shown day: white stripes over the holder's colour, in the key as on the map") {
        const auto& key = swatch_of(*world.renderer, core::control_color(Controller::Azerbaijan, ControlKind::Control),
                                    3, false, scene.layer("control")->highlight_color);
        REQUIRE(key.fills[2].hatch_px > 0);
        const Mean on_map = mean_in(img, az_map), in_key = mean_in(img, key.box);
        INFO("map " << on_map.r << "," << on_map.g << "," << on_map.b << "; key " << in_key.r << "," << in_key.g << ","
                    << in_key.b);
        CHECK(distance(on_map, in_key) < 10);
    }
    SECTION("the peacekeeping key says what the map shows: grey hatching") {
        bool found = false;
        for (const auto& k : compose::control_keys(scene, 1.0f)) found = found || k.text.starts_with("grey hatching");
        CHECK(found);
    }
    SECTION("Azerbaijani forces inside Armenia have their own key: Azerbaijan's fill under red hatching") {
        const auto keys = compose::control_keys(scene, 1.0f);
        const compose::ControlKey* key = nullptr;
        for (const auto& k : keys)
            if (k.text.starts_with("red hatching")) key = &k;
        REQUIRE(key);
        REQUIRE(key->parts.size() == 1);
        const auto& fills = key->parts[0];
        REQUIRE(fills.size() == 3);  // land, the controller's fill, the hatching
        CHECK(fills[1].color.b == core::control_color(Controller::Azerbaijan, ControlKind::Control).b);
        CHECK(fills[2].hatch_px > 0);
        CHECK(fills[2].color.r == core::azerbaijan_in_armenia_hatch_color().r);
        CHECK(fills[2].color.r != core::peacekeeping_hatch_color().r);
    }
}
