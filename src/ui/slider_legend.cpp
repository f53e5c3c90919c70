#include "ui/slider_legend.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace sitmap::ui {

namespace {

ImU32 im_colour(const core::Rgba& c, float opacity) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * opacity));
}

/// One stack of fills (land, area, hatching or stripes) in the box from `a` to `b`: solid fills as
/// rectangles, hatched and striped ones as diagonal lines in their colour, roughly as the map's
/// fill program draws them.
void draw_stack(ImDrawList* dl, ImVec2 a, ImVec2 b, const std::vector<compose::FillStyle>& fills, float opacity) {
    for (std::size_t i = 0; i < fills.size(); ++i) {
        const compose::FillStyle& f = fills[i];
        const float alpha = i == 0 ? 1.0f : opacity;  // the land under the area is opaque
        const float step = std::max(f.hatch_px, f.stripe_px);
        if (step <= 0) {
            dl->AddRectFilled(a, b, im_colour(f.color, alpha));
            continue;
        }
        dl->PushClipRect(a, b, true);
        const float h = b.y - a.y, gap = std::max(3.0f, step);
        for (float x = a.x - h; x < b.x; x += gap)
            dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), im_colour(f.color, alpha), f.stripe_px > 0 ? 2.0f : 1.0f);
        dl->PopClipRect();
    }
}

}  // namespace

std::vector<compose::ControlKey> slider_legend_keys(const AppState& state) {
    if (!state.date) return compose::control_keys(state.scene, 1.0f);
    return compose::control_keys(state.scene, core::day_number(*state.date), state.camera.visible_box(), 1.0f);
}

void draw_slider_legend(const AppState& state) {
    const core::SceneLayer* control = state.scene.layer("control");
    const float opacity = control ? control->opacity : 1.0f;
    const float h = ImGui::GetTextLineHeight();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool first = true;
    for (const auto& key : slider_legend_keys(state)) {
        const float swatch_w = key.parts.empty() ? 0.0f : h * 1.2f + 4;
        const float w = swatch_w + ImGui::CalcTextSize(key.text.c_str()).x;
        if (!first) {
            ImGui::SameLine(0, 18);
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();  // wrap before a key that would not fit
        }
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float part_w = h * 1.2f / static_cast<float>(std::max<std::size_t>(1, key.parts.size()));
        for (std::size_t j = 0; j < key.parts.size(); ++j) {
            const float x0 = p.x + part_w * static_cast<float>(j);
            draw_stack(dl, ImVec2(x0, p.y), ImVec2(x0 + part_w, p.y + h), key.parts[j], opacity);
        }
        if (swatch_w > 0) {
            ImGui::Dummy(ImVec2(swatch_w - 4, h));
            ImGui::SameLine(0, 4);
        }
        ImGui::TextUnformatted(key.text.c_str());
    }
}

}  // namespace sitmap::ui
