#include "ui/map_tools.hpp"

#include "core/control_scene.hpp"
#include "core/measure.hpp"
#include "ui/key_bindings.hpp"
#include "ui/panels.hpp"

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sitmap::ui {

namespace {

double divider_px(const AppState& state) {
    return state.compare.divider * state.camera.width();
}

/// The UI scale the map's furniture is drawn at (the UI font is 15 px at scale 1).
float ui_scale() {
    return ImGui::GetFontSize() / 15.0f;
}

void handle_divider(AppState& state, core::ScreenPx pointer, bool over_map) {
    auto& c = state.compare;
    if (!c.active || state.brief.presenting) {
        c.dragging = false;
        return;
    }
    const bool near =
        over_map && divider_hit(divider_px(state), pointer, state.ui_inset_top,
                                static_cast<double>(state.camera.height()) - state.ui_inset_bottom, ui_scale());
    if (near || c.dragging) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (near && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) c.dragging = true;
    if (c.dragging) {
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            c.dragging = false;
        } else if (state.camera.width() > 0) {
            const double d = std::clamp(pointer.x / state.camera.width(), 0.02, 0.98);
            if (d != c.divider) c.divider = d, state.map_dirty = true;
        }
    }
}

void update_front(AppState& state, const std::optional<core::LonLat>& here) {
    auto& m = state.measure;
    m.front_nearest.reset();
    if (!state.timeline || !state.date) return;
    if (m.front_date != state.date) {  // the front moves with the slider
        m.front_segments = core::front_line(*state.timeline, *state.date);
        m.front_date = state.date;
    }
    if (here) m.front_nearest = core::nearest_on_line(*here, m.front_segments);
}

void handle_measure(AppState& state, const std::optional<core::LonLat>& here, bool keyboard_free) {
    const bool over_map = here.has_value();
    auto& m = state.measure;
    if (!m.active || state.brief.presenting) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (here && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        // A click, not the end of a pan: the mouse barely moved since it went down.
        if (io.MouseDragMaxDistanceSqr[0] <= 16.0f) {
            if (m.finished) m.points.clear(), m.finished = false;
            m.points.push_back(*here);
            state.map_dirty = true;
        }
    }
    const bool end = (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) ||
                     (keyboard_free && pressed(Action::ClearSelection));
    if (end && !m.points.empty() && !m.finished) m.finished = true, state.map_dirty = true;
    // The leg being drawn and the way to the front follow the pointer.
    if (over_map && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) state.map_dirty = true;
    update_front(state, here);
}

}  // namespace

bool divider_hit(double divider_x, core::ScreenPx pointer, double top, double bottom, float ui_scale) {
    if (pointer.y < top || pointer.y > bottom) return false;
    // The line, a few pixels either side, from the top of the map to its bottom...
    if (std::abs(pointer.x - divider_x) <= std::max(8.0, 5.0 * ui_scale)) return true;
    // ...and the whole handle halfway down (compose/overlays: radius 15 at the UI scale).
    const double r = 15.0 * ui_scale + 3, dx = pointer.x - divider_x, dy = pointer.y - (top + bottom) / 2;
    return dx * dx + dy * dy <= r * r;
}

PanelRect clear_of_divider(PanelRect panel, double divider_x, PanelRect area) {
    const float x = static_cast<float>(divider_x), gap = 24;
    if (panel.x + panel.w + gap <= x || panel.x >= x + gap) return panel;
    // To the side with more room, `gap` pixels from the line, kept inside the area.
    const bool right = x - area.x < area.x + area.w - x;
    panel.x = right ? x + gap : x - gap - panel.w;
    return keep_inside(panel, area);
}

void toggle_compare(AppState& state) {
    auto& c = state.compare;
    c.active = !c.active;
    c.dragging = false;
    if (c.active) {
        c.left = state.date;  // "before" is what the map showed; the slider then moves "after"
        c.left_text = c.left ? core::format_iso(*c.left) : std::string();
        c.divider = 0.5;
    }
    state.map_dirty = true;
}

void toggle_measure(AppState& state) {
    auto& m = state.measure;
    m.active = !m.active;
    m.points.clear();
    m.finished = false;
    m.front_nearest.reset();
    state.map_dirty = true;
}

void handle_map_tools_input(AppState& state, core::ScreenPx pointer, bool over_map, bool keyboard_free) {
    if (keyboard_free && !state.brief.presenting && !state.ev.review.active) {
        if (pressed(Action::CompareView)) toggle_compare(state);
        if (pressed(Action::MeasureTool)) toggle_measure(state);
    }
    handle_divider(state, pointer, over_map);
    // Where the pointer is now (state.cursor is updated after the tools, by the map's own input).
    std::optional<core::LonLat> here;
    if (over_map && !state.compare.dragging) here = state.projector.inverse(state.camera.world(pointer));
    handle_measure(state, here, keyboard_free);
}

void draw_compare_panel(AppState& state) {
    auto& c = state.compare;
    if (!c.active || state.brief.presenting) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Bottom centre, above the date slider: clear of the stamps and the date box at the top.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - state.ui_inset_bottom - 40),
                            ImGuiCond_FirstUseEver, ImVec2(0.5f, 1));
    bool open = true;
    if (ImGui::Begin("Before / after", &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing)) {
        keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
        // Never over the divider, which must be grabbable along its whole height.
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        const PanelRect area{vp->Pos.x, vp->Pos.y + state.ui_inset_top, vp->Size.x,
                             std::max(1.0f, vp->Size.y - state.ui_inset_top - state.ui_inset_bottom)};
        const double fb_per_window = vp->Size.x > 0 ? static_cast<double>(state.camera.width()) / vp->Size.x : 1.0;
        const PanelRect clear =
            clear_of_divider({pos.x, pos.y, size.x, size.y}, divider_px(state) / fb_per_window, area);
        if (clear.x != pos.x) ImGui::SetWindowPos(ImVec2(clear.x, clear.y));
        ImGui::TextUnformatted("Left (pinned):");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s", c.left_text.c_str());
        if (ImGui::InputText("##left", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue)) {
            c.left_text = buf;
            if (const auto d = core::parse_iso_date(c.left_text))
                c.left = d, state.map_dirty = true;
            else
                state.notify(fmt::format("'{}' is not a date (YYYY-MM-DD)", c.left_text));
        } else if (!ImGui::IsItemActive()) {
            c.left_text = c.left ? core::format_iso(*c.left) : std::string();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Pin the slider's date") && state.date) {
            c.left = state.date;
            state.map_dirty = true;
        }
        ImGui::Text("Right: the date slider (%s)", state.date ? core::format_long_date(*state.date).c_str() : "none");
        float d = static_cast<float>(c.divider);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        if (ImGui::SliderFloat("Divider", &d, 0.02f, 0.98f, "%.2f")) c.divider = d, state.map_dirty = true;
        ImGui::SameLine();
        if (ImGui::SmallButton("Swap dates") && c.left && state.date) {
            std::swap(*c.left, *state.date);
            state.map_dirty = true;
        }
        ImGui::TextDisabled("Drag the divider on the map; C closes.");
    }
    ImGui::End();
    if (!open) toggle_compare(state);
}

std::string format_km(double km) {
    if (km < 1) return fmt::format("{:.0f} m", km * 1000);
    if (km < 100) return fmt::format("{:.1f} km", km);
    return fmt::format("{:.0f} km", km);
}

std::string measure_status(const AppState& state) {
    const auto& m = state.measure;
    if (!m.active) return {};
    std::string out;
    if (m.points.empty()) {
        out = "Measure: click the map";
    } else {
        std::vector<core::LonLat> line = m.points;
        if (!m.finished && state.cursor) line.push_back(*state.cursor);
        out = fmt::format("Measure: {} point{}, {}{}", m.points.size(), m.points.size() == 1 ? "" : "s",
                          format_km(core::polyline_km(line)), m.finished ? "" : " (Esc ends)");
    }
    if (m.front_nearest) out += fmt::format("  \u00b7  front {}", format_km(m.front_nearest->km));
    return out;
}

}  // namespace sitmap::ui
