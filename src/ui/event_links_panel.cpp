#include "ui/event_links_panel.hpp"

#include "core/event_edits.hpp"
#include "core/event_links.hpp"

#include <imgui.h>

#include <fmt/format.h>

namespace sitmap::ui {

namespace {

/// Text drawn as a link: blue, underlined, a hand cursor; true when clicked.
bool link_text(const std::string& text) {
    const ImVec4 blue(0.10f, 0.35f, 0.80f, 1);
    ImGui::PushStyleColor(ImGuiCol_Text, blue);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), b, ImGui::GetColorU32(blue));
    if (!ImGui::IsItemHovered()) return false;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("Open %s in the browser", text.c_str());
    return ImGui::IsMouseClicked(ImGuiMouseButton_Left);
}

}  // namespace

void draw_event_links(AppState& state, const core::Event& e) {
    const auto doc = state.ev.documents.find(e.source.document);
    if (doc != state.ev.documents.end() && !doc->second.url.empty()) {
        ImGui::TextDisabled("Source:");
        ImGui::SameLine();
        if (link_text(doc->second.url)) state.files.open_url_requested = doc->second.url;
    }
    const auto& b = state.brief.briefing;
    if (b.slides.empty()) return;
    const auto links =
        core::slides_showing(b, e, core::event_key(e), state.projector, state.camera.width(), state.camera.height());
    if (links.empty()) {
        ImGui::TextDisabled("Not shown in any slide of the briefing.");
        return;
    }
    ImGui::TextDisabled("Briefing:");
    ImGui::SameLine();
    ImGui::TextUnformatted(core::slide_links_sentence(links).c_str());
    for (const auto& l : links) {
        ImGui::SameLine();
        const auto& slide = b.slides[l.slide];
        if (ImGui::SmallButton(fmt::format("{}##slide{}", l.slide + 1, l.slide).c_str())) {
            state.brief.go_to = static_cast<int>(l.slide);
            state.brief.show_panel = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to slide %zu: %s", l.slide + 1, slide.title.c_str());
    }
}

}  // namespace sitmap::ui
