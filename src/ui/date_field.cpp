#include "ui/date_field.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

namespace sitmap::ui {

namespace {
std::string shown(const std::optional<core::Date>& d) {
    return d ? core::format_iso(*d) : std::string();
}
}  // namespace

DateEdit edit_date(std::string_view text, std::optional<core::Date> old, bool may_be_empty) {
    const auto first = text.find_first_not_of(" \t");
    const std::string_view trimmed = first == std::string_view::npos
                                         ? std::string_view()
                                         : text.substr(first, text.find_last_not_of(" \t") - first + 1);
    if (trimmed.empty()) {
        if (may_be_empty) return {std::nullopt, {}};
        return {old, fmt::format("a date is needed: type YYYY-MM-DD (for example 2020-11-10); kept {}", shown(old))};
    }
    if (const auto d = core::parse_iso_date(trimmed)) return {*d, {}};
    return {old, fmt::format("'{}' is not a date: type YYYY-MM-DD (for example 2020-11-10); kept {}", trimmed,
                             old ? shown(old) : std::string("no date"))};
}

bool date_field(const char* label, float width, DateFieldState& field, std::optional<core::Date>& value, int owner,
                bool may_be_empty) {
    if (field.owner != owner) {
        field = {shown(value), {}, owner};
    }
    ImGui::SetNextItemWidth(width);
    // The colour pushed this frame is popped this frame, whatever the entry decides.
    const bool red = !field.error.empty();
    if (red) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1.0f, 0.75f, 0.75f, 1.0f));
    const bool enter = ImGui::InputTextWithHint(label, "YYYY-MM-DD", &field.text, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool left = ImGui::IsItemDeactivatedAfterEdit();
    const bool active = ImGui::IsItemActive();
    if (red) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && field.error.empty()) ImGui::SetTooltip("YYYY-MM-DD, then Enter");
    bool changed = false;
    if (enter || left) {
        const DateEdit e = edit_date(field.text, value, may_be_empty);
        field.error = e.error;
        if (e.error.empty()) {
            changed = e.value != value;
            value = e.value;
            field.text = shown(value);
        }
    } else if (!active && field.error.empty()) {
        field.text = shown(value);  // the value changed elsewhere (the map's date, a transition)
    }
    if (!field.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", field.error.c_str());
        ImGui::PopStyleColor();
    }
    return changed;
}

}  // namespace sitmap::ui
