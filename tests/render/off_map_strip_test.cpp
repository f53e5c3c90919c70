// The window's "Not on the map" strip (issue 10, 2.13: no text cut): its sentence wraps inside the
// strip, which the window caps at 35 % of its width, instead of running past its edge (at 800x600
// "2 events known only to a region or country are not drawn" was cut after "countr"). Drawn for
// real by ui::draw_off_map_strip in a headless ImGui frame (no GL: the atlas is built on the CPU
// and the frame is never rendered) with the window's UI font. In the gl suite as it links sitmap_ui.
#include "ui/app_state.hpp"
#include "ui/event_panels.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>

using namespace sitmap;

TEST_CASE("the Not on the map strip wraps its sentence inside the strip at every window width", "[gl][ui]") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    const auto font = (std::filesystem::path(SITMAP_SOURCE_DIR) / "assets" / "fonts" / "DejaVuSans.ttf").string();
    REQUIRE(io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f));
    unsigned char* pixels = nullptr;
    int aw = 0, ah = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);
    io.DeltaTime = 1.0f / 60;
    ui::AppState state;
    state.ev.show_off_map = true;
    core::OffMapGroup group;
    group.reason = core::OffMapReason::Region;
    group.place = "Karabakh";
    group.members = {0, 1};
    state.ev.off_map.groups.push_back(group);
    state.ev.off_map.region_or_country = 2;
    for (const ImVec2 size : {ImVec2(800, 600), ImVec2(1024, 768), ImVec2(1920, 1080)}) {
        INFO(size.x << "x" << size.y);
        io.DisplaySize = size;
        for (int frame = 0; frame < 3; ++frame) {  // auto-resizing windows settle after a frame or two
            ImGui::NewFrame();
            ui::draw_off_map_strip(state, 150);
            ImGui::Render();
        }
        const ImGuiWindow* strip = ImGui::FindWindowByName("Not on the map");
        REQUIRE(strip);
        const float inner = strip->Size.x - 2 * ImGui::GetStyle().WindowPadding.x;
        INFO("strip " << strip->Size.x << " px wide, content " << strip->ContentSize.x << " px");
        CHECK(strip->Size.x <= size.x * 0.35f + 1);
        CHECK(strip->ContentSize.x <= inner + 1);  // nothing runs past the strip's edge
        CHECK(strip->Pos.x + strip->Size.x <= size.x);
    }
    ImGui::DestroyContext();
}
