#include "ui/file_menu.hpp"

#include "core/open_kind.hpp"
#include "ui/find_place_panel.hpp"
#include "ui/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace sitmap::ui {

namespace fs = std::filesystem;

namespace {

/// One entry of the Open dialog's folder listing.
struct DirEntry {
    std::string name;
    bool directory = false;
};

/// The folders and openable files in `dir`, folders first, each sorted by name. Unlistable
/// folders give an empty list (the dialog says so).
std::vector<DirEntry> list_dir(const std::string& dir, bool& ok) {
    std::vector<DirEntry> out;
    std::error_code ec;
    ok = true;
    fs::directory_iterator it(dir.empty() ? "." : dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        ok = false;
        return out;
    }
    for (const auto& e : it) {
        const std::string name = e.path().filename().string();
        if (name.starts_with(".")) continue;
        const bool is_dir = e.is_directory(ec);
        if (!is_dir && !core::opened_kind_for(name, false, "")) continue;
        out.push_back({name, is_dir});
    }
    std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) {
        return a.directory != b.directory ? a.directory : a.name < b.name;
    });
    return out;
}

void draw_open_dialog(AppState& state) {
    auto& f = state.files;
    if (!f.show_open) return;
    ImGui::SetNextWindowSize(ImVec2(620, 460), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Open", &f.show_open)) {
        ImGui::End();
        return;
    }
    keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
    ImGui::TextWrapped("Open %s. The current data stays loaded if the file cannot be read.",
                       std::string(core::openable_kinds_text()).c_str());
    ImGui::SetNextItemWidth(-90);
    const bool enter = ImGui::InputTextWithHint("##path", "path to a file or a folder of documents", &f.open_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Open", ImVec2(-1, 0)) || enter) && !f.open_path.empty()) {
        f.open_requested.push_back(f.open_path);
        f.show_open = false;
    }
    // Folder browser: click a folder to enter it, a file to pick it; "Open this folder" takes
    // every document in the folder listed.
    ImGui::Separator();
    const std::string shown = f.browse_dir.empty() ? fs::current_path().string() : f.browse_dir;
    ImGui::TextDisabled("%s", shown.c_str());
    if (ImGui::SmallButton("Up")) f.browse_dir = fs::path(shown).parent_path().string();
    ImGui::SameLine();
    if (ImGui::SmallButton("Open this folder")) {
        f.open_requested.push_back(shown);
        f.show_open = false;
    }
    bool ok = true;
    const auto entries = list_dir(shown, ok);
    if (ImGui::BeginChild("##entries", ImVec2(0, 0), true)) {
        if (!ok) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: cannot list this folder", shown.c_str());
        for (const auto& e : entries) {
            const std::string label = e.directory ? e.name + "/" : e.name;
            const std::string full = (fs::path(shown) / e.name).string();
            if (ImGui::Selectable(label.c_str(), f.open_path == full, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (e.directory && ImGui::IsMouseDoubleClicked(0)) {
                    f.browse_dir = full;
                } else {
                    f.open_path = full;
                    if (!e.directory && ImGui::IsMouseDoubleClicked(0)) {
                        f.open_requested.push_back(full);
                        f.show_open = false;
                    }
                }
            }
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

void draw_export_list_dialog(AppState& state) {
    auto& f = state.files;
    if (!f.show_export_list) return;
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Export events list", &f.show_export_list)) {
        ImGui::End();
        return;
    }
    keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
    ImGui::TextWrapped(
        "The events the Events panel lists, with its filters (text, actor, confidence, types, documents, "
        "review state%s), each with its quote and source. The format follows the extension: .csv, .geojson "
        "or .gpkg.",
        state.ev.list_in_window_only ? ", only the time window" : "");
    ImGui::SetNextItemWidth(-90);
    const bool enter = ImGui::InputText("##listpath", &f.export_list_path, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Export", ImVec2(-1, 0)) || enter) f.export_list_requested = true;
    ImGui::End();
}

void draw_save_view_prompt(AppState& state) {
    auto& f = state.files;
    if (f.save_view_prompt) {
        ImGui::OpenPopup("Save current view");
        f.save_view_prompt = false;
    }
    if (!ImGui::BeginPopupModal("Save current view", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Name of the view (View menu; `sitmap render --view NAME`):");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(360);
    const bool enter = ImGui::InputText("##viewname", &f.save_view_name, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool can = !f.save_view_name.empty();
    if ((ImGui::Button("Save") || enter) && can) {
        f.save_view_requested = f.save_view_name;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_error_modal(AppState& state) {
    auto& f = state.files;
    if (f.error_popup) {
        ImGui::OpenPopup("Cannot open");
        f.error_popup = false;
    }
    ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Cannot open", nullptr)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
    ImGui::TextWrapped("%s", f.error.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("The data loaded before is still shown.");
    if (ImGui::Button("OK", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void open_file_dialog(AppState& state, const std::string& dir) {
    state.files.show_open = true;
    if (!dir.empty()) state.files.browse_dir = dir;
}

void draw_file_menu_items(AppState& state) {
    auto& f = state.files;
    if (ImGui::MenuItem("Open...", "Ctrl+O")) open_file_dialog(state);
    if (ImGui::BeginMenu("Open recent", !f.user.recent.empty())) {
        for (const auto& r : f.user.recent) {
            const std::string label = fmt::format("{}  ({})", r.path, core::opened_kind_name(r.kind));
            if (ImGui::MenuItem(label.c_str())) f.open_requested.push_back(r.path);
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Export events list...")) f.show_export_list = true;
    ImGui::Separator();
}

void draw_view_menu_items(AppState& state) {
    auto& f = state.files;
    ImGui::Separator();
    if (ImGui::MenuItem("Find a place...", "Ctrl+F")) open_find_place(state);
    if (ImGui::BeginMenu("Named views")) {
        for (const auto& v : core::builtin_views())
            if (ImGui::MenuItem(v.title.c_str())) {
                f.fly_to = v.box;
                f.fly_label = v.title;
            }
        if (!f.user.saved.empty()) ImGui::Separator();
        for (const auto& v : f.user.saved)
            if (ImGui::MenuItem(v.title.c_str())) {
                f.fly_to = v.box;
                f.fly_label = v.title;
            }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save current view as...")) {
        f.save_view_prompt = true;
        f.save_view_name.clear();
    }
}

void draw_file_dialogs(AppState& state) {
    draw_open_dialog(state);
    draw_export_list_dialog(state);
    draw_save_view_prompt(state);
    draw_error_modal(state);
}

}  // namespace sitmap::ui
