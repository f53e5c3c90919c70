// The date panel's legend line (issue 10): it lists what the map shows on the slider's date in
// the window's view, as the exported date box does (compose::control_keys), not every key at all
// times. In the gl suite because it links sitmap_ui; no GL call is made.
#include "ui/slider_legend.hpp"
#include "app/user_files.hpp"
#include "core/base_map.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace sitmap;

namespace {

std::vector<std::string> legend_at(const char* date, const core::GeoBox& view) {
    auto& world = test::GlWorld::get();
    ui::AppState state;
    state.scene = world.scene;
    state.projector = world.projector;
    state.camera = core::Camera::fit(core::project_box(state.projector, view), 1600, 1000);
    state.date = core::parse_iso_date(date);
    std::vector<std::string> texts;
    for (const auto& k : ui::slider_legend_keys(state)) texts.push_back(k.text);
    return texts;
}

const core::GeoBox kKarabakh = app::resolve_view("karabakh");
const core::GeoBox kNakhchivanCity{45.2, 39.1, 45.6, 39.35};  // far from Karabakh and the corridor

bool has(const std::vector<std::string>& keys, std::string_view start) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return k.starts_with(start); });
}

}  // namespace

TEST_CASE("the date panel's legend follows the date and the view, as the exported legend does", "[gl][ui][legend]") {
    // Before the war: no corridor, no peacekeepers, no Azerbaijani forces inside Armenia.
    const auto before = legend_at("2020-01-01", kKarabakh);
    INFO("2020-01-01: " << before.size() << " keys");
    CHECK(has(before, "Azerbaijan"));
    CHECK(has(before, "Armenian forces"));
    CHECK_FALSE(has(before, "Lachin corridor"));
    CHECK_FALSE(has(before, "grey hatching"));
    CHECK_FALSE(has(before, "red hatching"));
    CHECK_FALSE(has(before, "white stripes"));
    // After the ceasefire: the corridor and the peacekeepers.
    const auto ceasefire = legend_at("2021-03-01", kKarabakh);
    CHECK(has(ceasefire, "Lachin corridor"));
    CHECK(has(ceasefire, "grey hatching"));
    // On a day of the 2020 war: areas that changed hands lately.
    CHECK(has(legend_at("2020-10-20", kKarabakh), "white stripes"));
    // After September 2023 the Armenian-held area is gone from the Karabakh view.
    const auto after = legend_at("2024-09-01", kKarabakh);
    CHECK_FALSE(has(after, "Armenian forces"));
    CHECK_FALSE(has(after, "grey hatching"));
    // The same date, another view: around Nakhchivan city none of Karabakh's corridor or peacekeepers.
    const auto elsewhere = legend_at("2021-03-01", kNakhchivanCity);
    CHECK_FALSE(has(elsewhere, "Lachin corridor"));
    CHECK_FALSE(has(elsewhere, "grey hatching"));
    // Whatever is shown, the note that the lines are approximate stays.
    CHECK(has(after, "lines approximate"));
    CHECK(has(before, "lines approximate"));
}
