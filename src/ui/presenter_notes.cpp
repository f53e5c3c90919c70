#include "ui/presenter_notes.hpp"

#include "ui/key_bindings.hpp"

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::ui {

PresenterNotesText presenter_notes_text(const BriefingUiState& b, double elapsed_s) {
    PresenterNotesText t;
    const int n = static_cast<int>(b.briefing.slides.size());
    const long total = std::lround(std::max(0.0, elapsed_s));
    t.elapsed = total >= 3600 ? fmt::format("{}:{:02d}:{:02d}", total / 3600, (total / 60) % 60, total % 60)
                              : fmt::format("{:02d}:{:02d}", total / 60, total % 60);
    if (b.current < 0 || b.current >= n) {
        t.counter = fmt::format("Slide - / {}", n);
        return t;
    }
    const core::Slide& slide = b.briefing.slides[static_cast<std::size_t>(b.current)];
    t.counter = fmt::format("Slide {} / {}", b.current + 1, n);
    t.title = slide.title.empty() ? "(untitled)" : slide.title;
    t.notes = slide.notes.empty() ? "(no notes for this slide)" : slide.notes;
    if (b.current + 1 < n) {
        const auto& next = b.briefing.slides[static_cast<std::size_t>(b.current + 1)];
        t.next = "Next: " + (next.title.empty() ? std::string("(untitled)") : next.title);
    } else {
        t.next = "Last slide";
    }
    return t;
}

void handle_presenter_notes_key(AppState& state) {
    auto& b = state.brief;
    if (b.presenting && !ImGui::GetIO().WantCaptureKeyboard && pressed(Action::PresenterNotes))
        b.show_notes = !b.show_notes;
}

void draw_presenter_notes_window(const AppState& state, double elapsed_s) {
    const PresenterNotesText t = presenter_notes_text(state.brief, elapsed_s);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("##notes", nullptr, flags)) {
        ImGui::TextDisabled("%s", t.counter.c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(t.elapsed.c_str()).x);
        ImGui::TextUnformatted(t.elapsed.c_str());
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.1f, 0.1f, 0.35f, 1));
        ImGui::TextWrapped("%s", t.title.c_str());
        ImGui::PopStyleColor();
        ImGui::Spacing();
        // The notes take what is left above the next slide's line, scrolling when long.
        const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("##text", ImVec2(0, -footer));
        ImGui::TextWrapped("%s", t.notes.c_str());
        ImGui::EndChild();
        ImGui::Separator();
        ImGui::TextDisabled("%s", t.next.c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("N hides").x);
        ImGui::TextDisabled("N hides");
    }
    ImGui::End();
}

}  // namespace sitmap::ui
