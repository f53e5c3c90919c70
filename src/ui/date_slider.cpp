#include "ui/date_slider.hpp"
#include "ui/panels.hpp"

#include "compose/compose.hpp"
#include "core/control_scene.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>

namespace sitmap::ui {

namespace {

using core::Date;

std::int32_t day_of(int y, unsigned m, unsigned d) {
    return core::day_number(Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

// Legend swatch: the same colours as the map (core::control_color), opaque.
void swatch(core::Rgba c, const char* text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h, p.y + h),
                                              ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1.0f)));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(0, 18);
}

}  // namespace

float draw_date_slider(AppState& state, float bottom_inset) {
    // The timeline's change dates, computed once when it was loaded; stepping uses its tested
    // next_change/previous_change.
    if (!state.timeline || state.timeline->change_dates().empty()) return 0;
    const core::ControlTimeline& timeline = *state.timeline;
    const std::vector<Date>& changes = timeline.change_dates();
    const std::int32_t first_day = core::day_number(timeline.first_date());
    // The data run to the end of the year of the last change (control.gpkg's coverage).
    const std::int32_t last_day = day_of(static_cast<int>(changes.back().year()), 12, 31);
    if (!state.date) {  // the window sets it at start; the same policy otherwise
        state.date = compose::default_date(state.scene, state.ev.events.events());
        if (!state.date) return 0;
        state.map_dirty = true;
    }
    std::int32_t day = core::day_number(*state.date);
    const std::int32_t before = day;

    ImGuiIO& io = ImGui::GetIO();
    // Keys (ImGui 1.86 takes GLFW key codes); not while typing in a text field.
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN) || ImGui::IsKeyPressed(GLFW_KEY_RIGHT_BRACKET))
            if (const auto n = timeline.next_change(core::date_from_day_number(day))) day = core::day_number(*n);
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP) || ImGui::IsKeyPressed(GLFW_KEY_LEFT_BRACKET))
            if (const auto p = timeline.previous_change(core::date_from_day_number(day))) day = core::day_number(*p);
        if (ImGui::IsKeyPressed(GLFW_KEY_SPACE) && !state.ev.review.active)  // review mode: Space = next event
            state.playing = !state.playing;
    }
    if (state.playing) {
        static double carry = 0;
        carry += static_cast<double>(io.DeltaTime) * state.play_days_per_second;
        const auto whole = static_cast<std::int32_t>(carry);
        carry -= whole;
        day += whole;
        if (day >= last_day) day = last_day, state.playing = false;
    }

    const float line = ImGui::GetFrameHeightWithSpacing();
    const float h = 4 * line + 12;
    if (begin_bottom_strip("##date", h, bottom_inset, 0.88f)) {
        // Row 1: stepping, playback, typed date, zoom.
        const auto prev = timeline.previous_change(core::date_from_day_number(day));
        ImGui::BeginDisabled(!prev);
        if (ImGui::Button("|< Previous change") && prev) day = core::day_number(*prev);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(state.playing ? "Pause" : "Play")) state.playing = !state.playing;
        ImGui::SameLine();
        const auto next = timeline.next_change(core::date_from_day_number(day));
        ImGui::BeginDisabled(!next);
        if (ImGui::Button("Next change >|") && next) day = core::day_number(*next);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        ImGui::SliderFloat("days/s", &state.play_days_per_second, 0.5f, 120.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
        ImGui::SameLine(0, 20);
        static std::array<char, 16> typed{};
        static bool typed_bad = false;
        static bool editing = false;  // the field keeps what the user types until Enter
        if (!editing || before != day)
            std::snprintf(typed.data(), typed.size(), "%s", core::format_iso(core::date_from_day_number(day)).c_str());
        ImGui::SetNextItemWidth(110);
        // The colour pushed for this frame is popped for this frame, whatever Enter decides (a bad
        // date used to change the flag in between and abort on ImGui's style-stack check).
        const bool pushed = typed_bad;
        if (pushed) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1.0f, 0.75f, 0.75f, 1.0f));
        bool submitted = ImGui::InputText("Go to date (YYYY-MM-DD)", typed.data(), typed.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue);
        if (!state.goto_date_text.empty()) {  // a scripted entry, as if typed and Enter pressed
            std::snprintf(typed.data(), typed.size(), "%s", state.goto_date_text.c_str());
            state.goto_date_text.clear();
            submitted = true;
        }
        if (submitted) {
            const auto d = core::parse_iso_date(typed.data());
            typed_bad = !d;
            if (d) day = std::clamp(core::day_number(*d), first_day, last_day);
        }
        editing = ImGui::IsItemActive();
        if (pushed) ImGui::PopStyleColor();
        if (typed_bad && ImGui::IsItemHovered())
            ImGui::SetTooltip("Not a date: type YYYY-MM-DD (for example 2020-11-10); the map stays on %s",
                              core::format_iso(core::date_from_day_number(day)).c_str());
        ImGui::SameLine(0, 20);
        ImGui::Checkbox("Zoom Sep 2020 - Jun 2024", &state.date_zoomed);
        ImGui::SameLine(0, 20);
        ImGui::TextDisabled("PageUp/PageDown or [ ] step, Space plays");

        // Row 2: the slider, with a tick for every change of control.
        const std::int32_t lo = state.date_zoomed ? day_of(2020, 9, 1) : first_day;
        const std::int32_t hi = state.date_zoomed ? day_of(2024, 6, 30) : last_day;
        int value = std::clamp(day, lo, hi);
        const std::string shown = core::format_long_date(core::date_from_day_number(day));
        ImGui::SetNextItemWidth(-1);
        const ImVec2 slider_min = ImGui::GetCursorScreenPos();
        if (ImGui::SliderInt("##day", &value, lo, hi, shown.c_str(), ImGuiSliderFlags_NoInput)) day = value;
        const ImVec2 slider_max = ImGui::GetItemRectMax();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float x0 = slider_min.x + 6, x1 = slider_max.x - 6;
        for (const Date& change : changes) {
            const std::int32_t c = core::day_number(change);
            if (c < lo || c > hi) continue;
            const float x = x0 + (x1 - x0) * static_cast<float>(c - lo) / static_cast<float>(std::max(1, hi - lo));
            dl->AddLine(ImVec2(x, slider_max.y - 4), ImVec2(x, slider_max.y), IM_COL32(90, 60, 30, 200), 1.0f);
        }

        // Row 3: legend (same colours as the map).
        swatch(core::control_color(core::Controller::Azerbaijan, core::ControlKind::Control), "Azerbaijan");
        swatch(core::control_color(core::Controller::Armenian, core::ControlKind::Control),
               "Armenian forces / Nagorno-Karabakh authorities");
        swatch(core::control_color(core::Controller::Armenian, core::ControlKind::Corridor), "Lachin corridor");
        ImGui::NewLine();
        ImGui::TextUnformatted(
            "Hatched: Russian peacekeeping zone (Nov 2020 - Jun 2024).  White stripes: changed hands "
            "in the last 10 days.  Lines are approximate (settlement areas, see SOURCES.md).");
    }
    ImGui::End();

    if (day != before) {
        state.date = core::date_from_day_number(std::clamp(day, first_day, last_day));
        state.map_dirty = true;
    }
    if (state.playing) state.map_dirty = true;
    return h;
}

}  // namespace sitmap::ui
