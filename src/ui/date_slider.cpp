#include "ui/date_slider.hpp"
#include "ui/key_bindings.hpp"
#include "ui/panels.hpp"
#include "ui/slider_legend.hpp"
#include "ui/time_axis.hpp"

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

// The day chosen this frame becomes the shown date.
void finish(AppState& state, std::int32_t day, std::int32_t before, std::int32_t first_day, std::int32_t last_day) {
    if (day != before) {
        state.date = core::date_from_day_number(std::clamp(day, first_day, last_day));
        state.map_dirty = true;
    }
    if (state.playing) state.map_dirty = true;
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
        if (pressed(Action::NextChange))
            if (const auto n = timeline.next_change(core::date_from_day_number(day))) day = core::day_number(*n);
        if (pressed(Action::PreviousChange))
            if (const auto p = timeline.previous_change(core::date_from_day_number(day))) day = core::day_number(*p);
        if (pressed(Action::PlayPause) && !state.ev.review.active)  // review mode: Space = next event
            state.playing = !state.playing;
        if (pressed(Action::DayForward)) ++day;
        if (pressed(Action::DayBack)) --day;
    }
    if (state.playing) {
        static double carry = 0;
        carry += static_cast<double>(io.DeltaTime) * state.play_days_per_second;
        const auto whole = static_cast<std::int32_t>(carry);
        carry -= whole;
        // Over the slider's span: the zoomed range when zoomed, else all the data.
        const std::int32_t lo = state.date_zoomed ? day_of(2020, 9, 1) : first_day;
        const std::int32_t hi = state.date_zoomed ? day_of(2024, 6, 30) : last_day;
        if (whole > 0) {
            const PlayStep step = play_step(std::clamp(day, lo, hi), whole, lo, hi, state.play_loop);
            day = step.day;
            state.playing = step.playing;
        }
    }

    const BottomLayout layout = bottom_layout();
    const float h = layout.slider;
    if (begin_bottom_strip("##date", h, bottom_inset, 0.88f)) {
        // Row 1: stepping, playback, typed date, zoom.
        const auto prev = timeline.previous_change(core::date_from_day_number(day));
        ImGui::BeginDisabled(!prev);
        if (ImGui::Button("|< Previous change") && prev) day = core::day_number(*prev);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(state.playing ? "Pause" : "Play")) state.playing = !state.playing;
        ImGui::SameLine();
        ImGui::Checkbox("Loop", &state.play_loop);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play again from the start when the end is reached");
        ImGui::SameLine();
        const auto next = timeline.next_change(core::date_from_day_number(day));
        ImGui::BeginDisabled(!next);
        if (ImGui::Button("Next change >|") && next) day = core::day_number(*next);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(layout.narrow ? 70.0f : 120.0f);
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
        bool submitted = ImGui::InputText(layout.narrow ? "Go to##date" : "Go to date (YYYY-MM-DD)", typed.data(),
                                          typed.size(), ImGuiInputTextFlags_EnterReturnsTrue);
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
        ImGui::Checkbox(layout.narrow ? "2020-24" : "Zoom Sep 2020 - Jun 2024", &state.date_zoomed);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom the slider to Sep 2020 - Jun 2024");
        if (!layout.narrow) {
            ImGui::SameLine(0, 20);
            ImGui::TextDisabled("PageUp/PageDown or [ ] step, Space plays");
        }

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
        // Date ticks with small labels, clear of the shown date in the middle.
        const float small = ImGui::GetFontSize() * 0.75f;
        const float label_w = ImGui::CalcTextSize(shown.c_str()).x + 20;
        const float mid = (slider_min.x + slider_max.x) / 2;
        for (const auto& t : date_ticks(lo, hi, x1 - x0, small * 5)) {
            const float x = x0 + t.x;
            dl->AddLine(ImVec2(x, slider_min.y), ImVec2(x, slider_min.y + 4), IM_COL32(80, 80, 80, 200), 1.0f);
            const float w = ImGui::CalcTextSize(t.label.c_str()).x * 0.75f;
            if (x + 2 + w > mid - label_w / 2 && x < mid + label_w / 2) continue;
            if (x + 2 + w > slider_max.x) continue;
            dl->AddText(ImGui::GetFont(), small, ImVec2(x + 3, slider_min.y + 1), IM_COL32(90, 90, 90, 255),
                        t.label.c_str());
        }

        // Row 3: legend (same colours as the map); compact panels leave it to the map's own legend.
        if (layout.compact) {
            ImGui::End();
            finish(state, day, before, first_day, last_day);
            return h;
        }
        // The keys of what the map shows on this date in this view, as its own date box lists them.
        draw_slider_legend(state);
    }
    ImGui::End();
    finish(state, day, before, first_day, last_day);
    return h;
}

}  // namespace sitmap::ui
