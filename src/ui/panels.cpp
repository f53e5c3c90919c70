#include "ui/panels.hpp"

#include "ui/file_menu.hpp"
#include "ui/map_tools.hpp"

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::ui {

namespace {
std::string format_dms(double v, char pos, char neg) {
    const char hemi = v >= 0 ? pos : neg;
    v = std::abs(v);
    int d = static_cast<int>(v);
    double m = (v - d) * 60;
    int mi = static_cast<int>(m);
    double s = (m - mi) * 60;
    return fmt::format("{}\u00b0{:02d}\u2032{:04.1f}\u2033{}", d, mi, s, hemi);
}
}  // namespace

bool begin_bottom_strip(const char* id, float height, float bottom_inset, float bg_alpha) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - bottom_inset - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::SetNextWindowBgAlpha(bg_alpha);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    return ImGui::Begin(id, nullptr, flags);
}

BottomLayout bottom_layout(float viewport_w, float viewport_h, float frame_h, float line_h) {
    BottomLayout l;
    l.narrow = viewport_w < 1500;
    l.status = frame_h + 6;
    l.slider = 4 * line_h + 12;
    l.timeline = 92;
    if (l.total() > 0.25f * viewport_h) {
        l.compact = true;
        l.slider = 2 * line_h + 10;  // stepping row and the slider
        l.timeline = line_h + 26;    // buttons and a short histogram
    }
    return l;
}

BottomLayout bottom_layout() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    return bottom_layout(vp->Size.x, vp->Size.y, ImGui::GetFrameHeight(), ImGui::GetFrameHeightWithSpacing());
}

PanelRect keep_inside(PanelRect p, PanelRect area) {
    p.w = std::min(p.w, area.w);
    p.h = std::min(p.h, area.h);
    p.x = std::clamp(p.x, area.x, area.x + area.w - p.w);
    p.y = std::clamp(p.y, area.y, area.y + area.h - p.h);
    return p;
}

core::ScreenPx free_map_centre(PanelRect map, PanelRect panel) {
    const float cx = map.x + map.w / 2, cy = map.y + map.h / 2;
    const bool covers = panel.w > 0 && panel.h > 0 && cx >= panel.x && cx <= panel.x + panel.w && cy >= panel.y &&
                        cy <= panel.y + panel.h;
    if (!covers) return {cx, cy};
    // The four free bands around the panel, clipped to the map; the largest wins.
    const float left = std::max(0.0f, panel.x - map.x), right = std::max(0.0f, map.x + map.w - (panel.x + panel.w));
    const float top = std::max(0.0f, panel.y - map.y), bottom = std::max(0.0f, map.y + map.h - (panel.y + panel.h));
    const float areas[] = {left * map.h, right * map.h, top * map.w, bottom * map.w};
    const int best = static_cast<int>(std::max_element(std::begin(areas), std::end(areas)) - std::begin(areas));
    switch (best) {
        case 0:
            return {map.x + left / 2, cy};
        case 1:
            return {map.x + map.w - right / 2, cy};
        case 2:
            return {cx, map.y + top / 2};
        default:
            return {cx, map.y + map.h - bottom / 2};
    }
}

void keep_panel_inside(float top, float bottom) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const PanelRect area{vp->Pos.x, vp->Pos.y + top, vp->Size.x, std::max(1.0f, vp->Size.y - top - bottom)};
    const PanelRect r = keep_inside({pos.x, pos.y, size.x, size.y}, area);
    if (r.w != size.x || r.h != size.y) ImGui::SetWindowSize(ImVec2(r.w, r.h));
    if (r.x != pos.x || r.y != pos.y) ImGui::SetWindowPos(ImVec2(r.x, r.y));
}

float draw_menu_bar(AppState& state) {
    float height = 0;
    if (ImGui::BeginMainMenuBar()) {
        if (ImGui::BeginMenu("File")) {
            draw_file_menu_items(state);
            ImGui::MenuItem("Export image or video...", "Ctrl+E", &state.brief.show_export);
            if (ImGui::MenuItem("Screenshot", "F12")) state.brief.screenshot_requested = true;
            ImGui::MenuItem("Briefing...", "B", &state.brief.show_panel);
            if (ImGui::MenuItem("Present briefing", "F5", false, !state.brief.briefing.slides.empty())) {
                state.brief.presenting = true;
                state.brief.go_to = std::max(0, state.brief.current);
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit")) {
            if (ImGui::MenuItem("Undo", "Ctrl+Z", false, state.ev.events.can_undo())) state.ev.undo_requested = true;
            if (ImGui::MenuItem("Redo", "Ctrl+Y", false, state.ev.events.can_redo())) state.ev.redo_requested = true;
            ImGui::Separator();
            ImGui::MenuItem("Add event (then click the map)", "A", &state.ev.add_mode);
            if (ImGui::MenuItem("Save corrections", "Ctrl+S", false, state.ev.events.dirty()))
                state.ev.save_requested = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("View")) {
            ImGui::MenuItem("Layers", "L", &state.show_layers);
            ImGui::MenuItem("Events list", "E", &state.ev.show_list);
            ImGui::MenuItem("Event details", nullptr, &state.ev.show_details);
            ImGui::MenuItem("Problems", nullptr, &state.show_diagnostics);
            if (ImGui::MenuItem("Reset view", "Home")) state.reset_view();
            draw_view_menu_items(state);
            if (ImGui::MenuItem("Before / after (swipe)", "C", state.compare.active)) toggle_compare(state);
            if (ImGui::MenuItem("Measure distance", "M", state.measure.active)) toggle_measure(state);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            ImGui::MenuItem("Keyboard and mouse", "F1", &state.ev.show_help);
            ImGui::MenuItem("About sitmap", nullptr, &state.show_about);
            ImGui::EndMenu();
        }
        height = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    return height;
}

void draw_layers_panel(AppState& state) {
    if (!state.show_layers) return;
    ImGui::SetNextWindowPos(ImVec2(10, 34), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);  // the map first; one click opens it
    if (ImGui::Begin("Layers", &state.show_layers, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::BeginTable("layers", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthFixed, 90.0f);
            // Top of the list is drawn on top, as in GIS tools.
            for (auto it = state.scene.layers.rbegin(); it != state.scene.layers.rend(); ++it) {
                auto& layer = *it;
                ImGui::PushID(layer.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ImGui::Checkbox(layer.title.c_str(), &layer.visible)) state.map_dirty = true;
                if (ImGui::IsItemHovered() && !layer.source.empty())
                    ImGui::SetTooltip("Source: %s", layer.source.c_str());
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-1);
                if (ImGui::SliderFloat("##opacity", &layer.opacity, 0.0f, 1.0f, "%.2f")) state.map_dirty = true;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Opacity of %s", layer.title.c_str());
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

float draw_status_bar(AppState& state) {
    const float h = bottom_layout().status;
    if (begin_bottom_strip("##status", h, 0, 0.85f)) {
        if (state.cursor) {
            ImGui::Text("%s  %s   (%.5f, %.5f)", format_dms(state.cursor->lat, 'N', 'S').c_str(),
                        format_dms(state.cursor->lon, 'E', 'W').c_str(), state.cursor->lat, state.cursor->lon);
        } else {
            ImGui::TextDisabled("move the pointer over the map");
        }
        if (const std::string m = measure_status(state); !m.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "   %s", m.c_str());
        }
        // The scale at 55 % of the width, or after a long measure readout.
        const float after = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetFontSize();
        ImGui::SameLine(std::max(ImGui::GetWindowWidth() * 0.55f, after));
        // Nominal map scale at 96 dpi: metres per pixel / 0.0002646 m per pixel.
        ImGui::Text("1:%s  %.0f m/px  %.1f ms",
                    fmt::format("{:.0f}", state.camera.metres_per_pixel() / 0.0002646).c_str(),
                    state.camera.metres_per_pixel(), state.frame_ms);
        if (!state.notice.empty() && ImGui::GetTime() < state.notice_until) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.15f, 1), "  %s", state.notice.c_str());
        }
        const auto problems = state.diagnostics.count();
        if (problems > 0) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.35f, 0.2f, 1));
            if (ImGui::SmallButton(fmt::format("{} problem(s)", problems).c_str())) state.show_diagnostics = true;
            ImGui::PopStyleColor();
        }
    }
    ImGui::End();
    return h;
}

void draw_about_panel(AppState& state) {
    if (!state.show_about) return;
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("About sitmap", &state.show_about)) {
        keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
        ImGui::TextWrapped("sitmap: a situation map of the South Caucasus. Version %s.", SITMAP_VERSION);
        ImGui::Separator();
        ImGui::TextUnformatted("Data");
        ImGui::BulletText("Natural Earth 1:10m cultural and physical vectors (public domain).");
        ImGui::BulletText("GeoNames populated places (CC BY 4.0), www.geonames.org.");
        ImGui::BulletText("ETOPO5 relief, NOAA National Geophysical Data Center (public domain).");
        ImGui::TextWrapped(
            "Boundaries are approximate; the NKAO boundary (1991) and the 1994 line of contact "
            "are shown for reference. Full credits: geodata/SOURCES.md.");
        ImGui::Separator();
        ImGui::TextUnformatted("Software");
        ImGui::BulletText("Dear ImGui %s (MIT), GLFW (zlib), GDAL/PROJ/GEOS (MIT/LGPL), glm (MIT),", IMGUI_VERSION);
        ImGui::BulletText("stb_truetype / stb_image_write (public domain), DejaVu fonts (free licence).");
        ImGui::Separator();
        ImGui::TextWrapped(
            "Place names are given in both sides' forms where they differ "
            "(e.g. Khankendi / Stepanakert).");
    }
    ImGui::End();
}

void draw_diagnostics_panel(AppState& state) {
    if (!state.show_diagnostics) return;
    ImGui::SetNextWindowSize(ImVec2(700, 240), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Problems", &state.show_diagnostics)) {
        keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
        const auto all = state.diagnostics.all();
        if (all.empty()) ImGui::TextDisabled("No problems.");
        for (const auto& d : all) ImGui::TextWrapped("%s", d.format().c_str());
    }
    ImGui::End();
}

}  // namespace sitmap::ui
