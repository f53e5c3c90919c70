#include "ui/briefing_panel.hpp"
#include "ui/date_field.hpp"
#include "ui/slide_compare_fields.hpp"
#include "ui/slide_editor.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include <algorithm>

namespace sitmap::ui {

void draw_briefing_panel(AppState& state) {
    auto& b = state.brief;
    if (!b.show_panel || b.presenting) return;
    ImGui::SetNextWindowSize(ImVec2(420, 600), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(20, 80), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Briefing", &b.show_panel)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-120);
    ImGui::InputTextWithHint("##path", "briefing file (.json)", &b.path);
    ImGui::SameLine();
    if (ImGui::Button("Load")) b.load_requested = true;
    ImGui::SameLine();
    if (ImGui::Button("Save")) b.save_requested = true;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##title", "briefing title", &b.briefing.title)) b.dirty = true;
    if (ImGui::Button("+ Add current view as slide")) b.add_slide_requested = true;
    ImGui::SameLine();
    ImGui::BeginDisabled(b.briefing.slides.empty());
    if (ImGui::Button("Present (F5)")) {
        b.presenting = true;
        b.go_to = std::max(0, b.current);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("notes window (N)", &b.show_notes);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "During F5, the slide's notes, the next slide and the time in a second window: on a second "
            "monitor by itself, on a single screen when N is pressed");
    ImGui::Separator();
    auto& slides = b.briefing.slides;
    int move_from = -1, move_to = -1, remove = -1;
    // The list scrolls on its own (at most 7 rows), so the selected slide's editor stays in view.
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##slides", ImVec2(0, row_h * std::min(7.0f, static_cast<float>(slides.size())) + 4));
    for (int i = 0; i < static_cast<int>(slides.size()); ++i) {
        auto& s = slides[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string label = fmt::format("{:2d}. {}  {}", i + 1, s.date ? core::format_iso(*s.date) : "latest",
                                              s.title.empty() ? "(untitled)" : s.title);
        if (ImGui::Selectable(label.c_str(), b.current == i, ImGuiSelectableFlags_AllowItemOverlap)) b.go_to = i;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 84);
        if (ImGui::ArrowButton("up", ImGuiDir_Up) && i > 0) move_from = i, move_to = i - 1;
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down) && i + 1 < static_cast<int>(slides.size()))
            move_from = i, move_to = i + 1;
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) remove = i;
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (move_from >= 0) {
        std::swap(slides[static_cast<std::size_t>(move_from)], slides[static_cast<std::size_t>(move_to)]);
        if (b.current == move_from) b.current = move_to;
        b.dirty = true;
    }
    if (remove >= 0) {
        slides.erase(slides.begin() + remove);
        b.selected_annotation.reset();
        b.current = std::min(b.current, static_cast<int>(slides.size()) - 1);
        b.dirty = true;
    }
    if (b.current >= 0 && b.current < static_cast<int>(slides.size())) {
        auto& s = slides[static_cast<std::size_t>(b.current)];
        ImGui::Separator();
        ImGui::TextDisabled("Slide %d", b.current + 1);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##stitle", "title", &s.title)) b.dirty = true;
        // ImGui's multiline input does not wrap: a long caption runs off to the right. Below it the
        // caption is shown wrapped to the panel's width, as the map's title block wraps it.
        ImGui::TextDisabled("caption (Enter for a new line)");
        if (ImGui::InputTextMultiline("##caption", &s.caption, ImVec2(-1, ImGui::GetTextLineHeight() * 3.6f)))
            b.dirty = true;
        if (!s.caption.empty() && ImGui::CalcTextSize(s.caption.c_str()).x > ImGui::GetContentRegionAvail().x - 8) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", s.caption.c_str());
            ImGui::PopStyleColor();
        }
        // Typed dates are applied on Enter; a bad one is refused with what the field expects.
        static DateFieldState date_field_state;
        if (date_field("date", 120, date_field_state, s.date, b.current, true)) {
            if (s.compare && s.date) s.compare->right = *s.date;  // a compare slide's right date
            b.dirty = true;
            state.map_dirty = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Use the map's view")) b.update_view_requested = true;
        draw_slide_compare_fields(state, s, b.current);
        draw_slide_settings(state, s);
    }
    if (!b.message.empty()) ImGui::TextWrapped("%s", b.message.c_str());
    ImGui::End();
}

namespace {

void draw_size_presets(int& width, int& height, bool video) {
    static const struct {
        const char* name;
        int w, h;
    } presets[] = {{"Full HD 1920x1080", 1920, 1080},
                   {"4K 3840x2160", 3840, 2160},
                   {"8K 7680x4320", 7680, 4320},
                   {"A4 300 dpi 3508x2480", 3508, 2480},
                   {"Square 8192x8192", 8192, 8192}};
    static const struct {
        const char* name;
        int w, h;
    } video_presets[] = {{"HD 1280x720", 1280, 720}, {"Full HD 1920x1080", 1920, 1080}, {"4K 3840x2160", 3840, 2160}};
    if (video) {
        for (const auto& p : video_presets) {
            if (ImGui::RadioButton(p.name, width == p.w && height == p.h)) width = p.w, height = p.h;
            ImGui::SameLine();
        }
        ImGui::NewLine();
    } else {
        for (const auto& p : presets)
            if (ImGui::RadioButton(p.name, width == p.w && height == p.h)) width = p.w, height = p.h;
    }
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("width", &width, 0);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("height", &height, 0);
    width = std::clamp(width, 16, video ? 7680 : 16384);
    height = std::clamp(height, 16, video ? 4320 : 16384);
}

void draw_video_settings(AppState& state) {
    auto& b = state.brief;
    auto& v = b.video;
    const auto& p = b.video_progress;
    if (p.running) {
        // Progress and Cancel only: the settings are fixed while frames are written.
        const float f = p.total > 0 ? static_cast<float>(p.done) / static_cast<float>(p.total) : 0.0f;
        const std::string label = fmt::format("frame {} / {}", p.done, p.total);
        ImGui::ProgressBar(f, ImVec2(-1, 0), label.c_str());
        const double left = p.done > 0 ? p.seconds / p.done * (p.total - p.done) : 0;
        ImGui::TextDisabled("%s  (%.0f s, about %.0f s left)", v.path.c_str(), p.seconds, left);
        if (ImGui::Button("Cancel")) b.video_cancel_requested = true;
        return;
    }
    if (ImGui::RadioButton("date range", !v.briefing)) v.briefing = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(fmt::format("the briefing ({} slides)", b.briefing.slides.size()).c_str(), v.briefing))
        v.briefing = true;
    if (!v.briefing) {
        ImGui::SetNextItemWidth(110);
        ImGui::InputTextWithHint("from", "YYYY-MM-DD", &v.from);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::InputTextWithHint("to", "YYYY-MM-DD", &v.to);
        ImGui::SetNextItemWidth(110);
        ImGui::InputTextWithHint("step (1d, 1w, 1m)", "1d", &v.step);
    } else {
        ImGui::SetNextItemWidth(160);
        ImGui::SliderFloat("seconds per slide", &v.hold, 0.5f, 15.0f, "%.1f");
        ImGui::TextDisabled("Each slide with its own title and caption; 1.2 s transitions, as F5 shows them.");
    }
    ImGui::SetNextItemWidth(160);
    ImGui::SliderInt("frames per second", &v.fps, 1, 60);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##videopath", "output .mp4 or .gif", &v.path);
    ImGui::TextDisabled("Same view as the window; frames as exported images show them.");
    if (ImGui::Button("Export video")) b.video_requested = true;
}

}  // namespace

void draw_export_dialog(AppState& state) {
    auto& b = state.brief;
    if (!b.show_export || b.presenting) return;
    auto& e = b.export_settings;
    ImGui::SetNextWindowSize(ImVec2(430, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Export", &b.show_export, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    if (ImGui::RadioButton("Image", !b.export_video) && !b.video_progress.running) b.export_video = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Video (MP4 / GIF)", b.export_video)) b.export_video = true;
    ImGui::Separator();
    const bool busy = b.export_video && b.video_progress.running;
    if (!busy) {
        if (b.export_video)
            draw_size_presets(b.video.width, b.video.height, true);
        else
            draw_size_presets(e.width, e.height, false);
        ImGui::SetNextItemWidth(120);
        ImGui::SliderFloat("text scale (0 = auto)", &e.scale, 0.0f, 6.0f, "%.2f");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##title", "title", &e.title);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##subtitle", "subtitle", &e.subtitle);
        ImGui::Checkbox("legend", &e.legend);
        ImGui::SameLine();
        ImGui::Checkbox("north arrow", &e.north_arrow);
        ImGui::SameLine();
        ImGui::Checkbox("locator map", &e.locator);
    }
    if (b.export_video) {
        draw_video_settings(state);
    } else {
        ImGui::Checkbox("world file (.pgw/.prj) for QGIS", &e.world_file);
        {
            const auto n = state.ev.events.review_counts();
            ImGui::Checkbox("only events accepted in review", &e.reviewed_only);
            ImGui::SameLine();
            ImGui::TextDisabled("(%zu accepted; rejected ones are never drawn)", n[1]);
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##path", "output .png or .tif", &e.path);
        ImGui::TextDisabled("Same view as the window; date, scale bar and attribution always included.");
        if (ImGui::Button("Export")) b.export_requested = true;
    }
    if (!b.message.empty()) ImGui::TextWrapped("%s", b.message.c_str());
    ImGui::End();
}

void draw_presentation_overlay(AppState& state) {
    auto& b = state.brief;
    if (!b.presenting) {
        b.hint_slide = -1;
        return;
    }
    // The bar would cover the map's bottom names on a projector: it shows on a new slide or when
    // the mouse moves, and leaves after a few seconds.
    constexpr double kHintSeconds = 3.0;
    const ImGuiIO& io = ImGui::GetIO();
    const double now = ImGui::GetTime();
    if (b.current != b.hint_slide || io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
        b.hint_slide = b.current;
        b.hint_since = now;
    }
    if (b.hint_hides && now - b.hint_since > kHintSeconds) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y - 12), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    if (ImGui::Begin("##presenting", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::Text("%d / %zu    \u2190 \u2192 slides    Esc ends", b.current + 1, b.briefing.slides.size());
    }
    ImGui::End();
}

}  // namespace sitmap::ui
