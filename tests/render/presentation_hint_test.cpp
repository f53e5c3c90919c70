// The presenter's hint bar (issue 10: a presenter's defects): "n / 14 <- -> slides Esc ends" covered
// the map's bottom names for the whole talk. It now shows on a new slide or when the mouse moves
// and leaves after three seconds. Drawn by ui::draw_presentation_overlay in a headless ImGui frame
// (no GL: the atlas is built on the CPU and the frame is never rendered). In the gl suite as it
// links sitmap_ui.
#include "ui/app_state.hpp"
#include "ui/briefing_panel.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

using namespace sitmap;

namespace {

// Runs frames of `dt` seconds for `seconds` and says whether the bar was drawn in the last one.
bool bar_after(ui::AppState& state, double seconds, float dt = 0.25f) {
    bool shown = false;
    for (double t = 0; t < seconds; t += dt) {
        ImGui::GetIO().DeltaTime = dt;
        ImGui::NewFrame();
        ui::draw_presentation_overlay(state);
        const ImGuiWindow* bar = ImGui::FindWindowByName("##presenting");
        shown = bar && bar->Active;
        ImGui::Render();
    }
    return shown;
}

}  // namespace

TEST_CASE("the presenter's hint bar leaves the audience's view a few seconds after a slide opens", "[gl][ui]") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    unsigned char* pixels = nullptr;
    int aw = 0, ah = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);
    ui::AppState state;
    state.brief.briefing.slides.resize(3);
    state.brief.current = 0;
    state.brief.presenting = true;
    CHECK(bar_after(state, 0.5));   // a new slide: the bar shows
    CHECK(!bar_after(state, 4.0));  // then it goes
    state.brief.current = 1;        // the next slide brings it back
    CHECK(bar_after(state, 0.5));
    CHECK(!bar_after(state, 4.0));
    io.MousePos = ImVec2(100, 100);  // so does moving the mouse
    bar_after(state, 0.25);
    io.MousePos = ImVec2(300, 200);
    CHECK(bar_after(state, 0.5));
    state.brief.hint_hides = false;  // a scripted run keeps it, so its frames do not depend on timing
    CHECK(bar_after(state, 4.0));
    state.brief.hint_hides = true;
    state.brief.presenting = false;  // not presenting: never
    CHECK(!bar_after(state, 0.5));
    ImGui::DestroyContext();
}
