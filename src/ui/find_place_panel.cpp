#include "ui/find_place_panel.hpp"

#include "ui/key_bindings.hpp"
#include "ui/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sitmap::ui {

void open_find_place(AppState& state) {
    auto& f = state.files.find;
    f.open = true;
    f.focus = true;
}

void update_place_matches(AppState& state) {
    auto& f = state.files.find;
    f.listed_query = f.query;
    f.cursor = 0;
    const auto& r = state.ev.review;
    f.matches = r.places && r.gazetteer ? core::find_places(*r.places, *r.gazetteer, f.query, 12, &state.ev.alt_names)
                                        : std::vector<core::PlaceMatch>{};
}

void pick_place(AppState& state, std::size_t k) {
    auto& f = state.files.find;
    if (k >= f.matches.size() || !state.ev.review.gazetteer) return;
    const auto& m = f.matches[k];
    state.files.fly_to = core::place_view_box(state.ev.review.gazetteer->place(m.place));
    state.files.fly_label = m.name;
    f.open = false;
}

void draw_find_place(AppState& state) {
    auto& f = state.files.find;
    if (!f.open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + state.ui_inset_top + 8),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0));
    // Grows with the list (up to 12 lines) at a fixed width.
    ImGui::SetNextWindowSizeConstraints(ImVec2(560, 0), ImVec2(560, vp->Size.y * 0.7f));
    if (!ImGui::Begin("Find a place", &f.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    if (!state.ev.review.places) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "The gazetteer could not be read (see Problems).");
        ImGui::End();
        return;
    }
    if (f.focus) {
        ImGui::SetKeyboardFocusHere();
        f.focus = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint(
        "##find",
        "Khankendi, Stepanakert, \u054d\u057f\u0565\u0583\u0561\u0576\u0561\u056f\u0565\u0580\u057f, Xank\u0259ndi...",
        &f.query, ImGuiInputTextFlags_EnterReturnsTrue);
    if (f.query != f.listed_query) update_place_matches(state);
    const int n = static_cast<int>(f.matches.size());
    if (ImGui::IsItemActive() && n > 0) {
        if (pressed(Action::FindPickDown)) f.cursor = std::min(n - 1, f.cursor + 1);
        if (pressed(Action::FindPickUp)) f.cursor = std::max(0, f.cursor - 1);
    }
    if (ImGui::IsItemActive() && pressed(Action::FindClose)) f.open = false;
    if (enter && n > 0) {
        pick_place(state, static_cast<std::size_t>(std::clamp(f.cursor, 0, n - 1)));
        ImGui::End();
        return;
    }
    if (enter) f.focus = true;  // Enter with nothing to pick: keep typing
    if (f.query.empty()) {
        ImGui::TextDisabled("Type a place name in any spelling or script; Enter flies to the first.");
    } else if (f.matches.empty()) {
        ImGui::TextDisabled("No place of that name in the gazetteer.");
    }
    for (int k = 0; k < n; ++k) {
        ImGui::PushID(k);
        if (ImGui::Selectable(f.matches[static_cast<std::size_t>(k)].label().c_str(), k == f.cursor)) {
            pick_place(state, static_cast<std::size_t>(k));
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace sitmap::ui
