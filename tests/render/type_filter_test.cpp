// The events list's type filter (issue 10, 2.13): no type name is cut. Drawn for real by
// ui::draw_type_filter in a headless ImGui frame (no GL: the font atlas is built on the CPU and the
// frame is never rendered) with the window's UI font, at the widths the list panel takes; each
// entry (checkbox, symbol, name) must end before the next one on its row begins, inside the panel.
// In the gl suite only because it links sitmap_ui.
#include "ui/event_panels.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>
#include <string>

using namespace sitmap;

namespace {

/// An ImGui context with the window's UI font (DejaVuSans, 15 px), for one frame at a time.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        static const ImWchar ranges[] = {0x0020, 0x024F, 0x2190, 0x21FF, 0x2295, 0x2298,
                                         0x25A0, 0x25FF, 0x2600, 0x27BF, 0};
        const auto font = (std::filesystem::path(SITMAP_SOURCE_DIR) / "assets" / "fonts" / "DejaVuSans.ttf").string();
        REQUIRE(io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f, nullptr, ranges));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, no GL
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        ImGui::StyleColorsLight();
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

}  // namespace

TEST_CASE("the type filter's names are never cut, whatever the list panel's width", "[gl][ui][events_list]") {
    HeadlessImGui imgui;
    for (const float panel_w : {300.0f, 420.0f, 460.0f, 640.0f, 900.0f}) {
        INFO("panel " << panel_w << " px wide");
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(panel_w, 500));
        ImGui::Begin("Events", nullptr, ImGuiWindowFlags_NoSavedSettings);
        core::EventFilter filter;
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        const auto entries = ui::draw_type_filter(filter);
        ImGui::End();
        ImGui::Render();
        REQUIRE(entries.size() == core::all_event_types.size());
        int rows = 1;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& e = entries[i];
            INFO(core::event_type_name(e.type));
            CHECK(e.x1 <= right + 0.5f);  // inside the panel
            if (i + 1 < entries.size()) {
                const auto& next = entries[i + 1];
                if (next.y0 < e.y1) {
                    CHECK(e.x1 < next.x0);  // the next entry on the row starts after this name ends
                } else {
                    ++rows;
                }
            }
        }
        // The panel's width is used: more than one column where two entries fit.
        if (panel_w >= 640) CHECK(rows < static_cast<int>(entries.size()));
    }
}
