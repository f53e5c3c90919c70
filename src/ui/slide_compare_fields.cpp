#include "ui/slide_compare_fields.hpp"

#include "ui/date_field.hpp"
#include "ui/slide_editor.hpp"

#include <imgui.h>

#include <algorithm>

namespace sitmap::ui {

void set_slide_compare(core::Slide& slide, std::optional<core::Date> left) {
    if (!left) {
        if (slide.compare) slide.date = slide.compare->right;
        slide.compare.reset();
        return;
    }
    const core::Date right = slide.date.value_or(*left);
    slide.compare = core::SlideCompare{*left, right, slide.compare ? slide.compare->divider : 0.5};
    slide.date = right;
}

void draw_slide_compare_fields(AppState& state, core::Slide& slide, int index) {
    bool on = slide.compare.has_value();
    if (ImGui::Checkbox("before / after (swipe)", &on)) {
        // Before: the window's pinned left date when its swipe view is on, else the slide's date.
        const auto left = state.compare.active && state.compare.left ? state.compare.left : slide.date;
        if (!on)
            set_slide_compare(slide, std::nullopt);
        else if (left)
            set_slide_compare(slide, left);
        else
            state.notify("Give the slide a date first: a before/after slide compares it with an earlier one");
        slide_edited(state);
    }
    if (!slide.compare) return;
    ImGui::SameLine();
    ImGui::TextDisabled("right: the slide's date");
    static DateFieldState left_field;
    std::optional<core::Date> left = slide.compare->left;
    if (date_field("left (before) date", 120, left_field, left, index, false) && left) {
        slide.compare->left = *left;
        slide_edited(state);
    }
    float divider = static_cast<float>(slide.compare->divider);
    ImGui::SetNextItemWidth(160);
    if (ImGui::SliderFloat("divider", &divider, 0.02f, 0.98f, "%.2f of the width")) {
        slide.compare->divider = std::clamp(static_cast<double>(divider), 0.02, 0.98);
        slide_edited(state);
    }
}

}  // namespace sitmap::ui
