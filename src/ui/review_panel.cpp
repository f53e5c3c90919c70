#include "ui/review_panel.hpp"

#include "core/event_style.hpp"
#include "ui/event_panels.hpp"
#include "ui/key_bindings.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace sitmap::ui {

namespace {

using Kind = core::EventEdit::Kind;

constexpr double kReviewMetresPerPixel = 500;

// What the queue depends on: the events (revision), the order and the list's filters.
std::size_t queue_key(const AppState& state) {
    const auto& ev = state.ev;
    std::size_t key = ev.events.revision() * 1000003u + static_cast<std::size_t>(ev.review.order) * 7u;
    auto mix = [&key](std::size_t v) { key ^= v + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2); };
    mix(std::hash<std::string>{}(ev.filter.text));
    mix(std::hash<std::string>{}(ev.filter.actor));
    for (auto t : ev.filter.types) mix(static_cast<std::size_t>(t) + 101);
    for (const auto& d : ev.filter.documents) mix(std::hash<std::string>{}(d));
    return key;
}

std::optional<std::size_t> queue_position(const AppState& state) {
    const auto& r = state.ev.review;
    const auto at = state.ev.events.find(r.current_key);
    if (!at) return std::nullopt;
    const auto it = std::find(r.queue.begin(), r.queue.end(), *at);
    if (it == r.queue.end()) return std::nullopt;
    return static_cast<std::size_t>(it - r.queue.begin());
}

// Makes queue[pos] the current event: selected, centred, its date shown; editors closed.
void go_to(AppState& state, core::Date& date, std::size_t pos) {
    auto& r = state.ev.review;
    if (pos >= r.queue.size()) return;
    const std::size_t index = r.queue[pos];
    r.current_key = core::event_key(state.ev.events.events()[index]);
    r.editor = ReviewUiState::Editor::None;
    r.date_error.clear();
    // Review reads one event at a time: close enough to tell villages apart (~5 km per 10 px).
    if (state.camera.metres_per_pixel() > kReviewMetresPerPixel)
        state.camera.set_metres_per_pixel(kReviewMetresPerPixel);
    select_event(state, index, date);
}

std::string short_date(const core::DateRange& d) {
    return core::format_date_input(d);
}

}  // namespace

void update_review_queue(AppState& state) {
    auto& ev = state.ev;
    auto& r = ev.review;
    const std::size_t key = queue_key(state);
    if (key == r.queue_key) return;
    r.queue_key = key;
    // The list's filters (type, actor, document, text) choose what is reviewed; the review filter
    // itself does not, or each decision would pull the current event out of the queue.
    core::EventFilter f = ev.filter;
    f.review = core::ReviewFilter::Any;
    f.deleted = ev.events.deleted_flags();
    const auto& events = ev.events.events();
    std::vector<char> skip(events.size(), 1);
    for (const auto& v :
         core::select_events(events, f, core::TimeWindow{.kind = core::WindowKind::All},
                             core::Date{std::chrono::year(9999), std::chrono::December, std::chrono::day(31)}))
        skip[v.index] = 0;
    const auto old_pos = queue_position(state);
    r.queue = core::review_order(events, skip, r.order);
    if (r.queue.empty()) {
        r.current_key.clear();
        return;
    }
    if (!queue_position(state)) {
        // The current event left the queue (deleted, filtered out): stay at the same place in it.
        const std::size_t pos = std::min(old_pos.value_or(0), r.queue.size() - 1);
        r.current_key = core::event_key(events[r.queue[pos]]);
    }
}

std::optional<std::size_t> review_current(const AppState& state) {
    if (!state.ev.review.active) return std::nullopt;
    const auto pos = queue_position(state);
    if (!pos) return std::nullopt;
    return state.ev.review.queue[*pos];
}

void toggle_review(AppState& state, core::Date& date) {
    auto& r = state.ev.review;
    r.active = !r.active;
    r.editor = ReviewUiState::Editor::None;
    if (!r.active) return;
    if (r.reviewer.empty()) r.reviewer = core::current_user_name();
    state.playing = false;  // Space steps the review now
    const bool resume = !r.current_key.empty();
    r.queue_key = static_cast<std::size_t>(-1);
    update_review_queue(state);
    if (r.queue.empty()) {
        r.message = "No events to review (check the list's filters).";
        return;
    }
    // Resume where the reviewer was, else at the first event not yet reviewed.
    if (auto pos = queue_position(state); pos && resume) return go_to(state, date, *pos);
    for (std::size_t p = 0; p < r.queue.size(); ++p)
        if (state.ev.events.review_state(r.queue[p]) == core::ReviewState::Unreviewed) return go_to(state, date, p);
    go_to(state, date, 0);
}

bool review_step(AppState& state, core::Date& date, int direction, bool unreviewed_only) {
    auto& r = state.ev.review;
    update_review_queue(state);
    if (r.queue.empty()) return false;
    const auto pos = queue_position(state);
    if (!pos) {
        go_to(state, date, 0);
        return true;
    }
    for (long p = static_cast<long>(*pos) + direction; p >= 0 && p < static_cast<long>(r.queue.size());
         p += direction) {
        const auto idx = static_cast<std::size_t>(p);
        if (unreviewed_only && state.ev.events.review_state(r.queue[idx]) != core::ReviewState::Unreviewed) continue;
        go_to(state, date, idx);
        return true;
    }
    r.message = unreviewed_only ? "No unreviewed event after this one."
                : direction > 0 ? "This is the last event."
                                : "This is the first event.";
    // Keep the current event selected and in view.
    go_to(state, date, *pos);
    return false;
}

bool review_decide(AppState& state, core::Date& date, Kind decision) {
    auto& r = state.ev.review;
    const auto index = review_current(state);
    if (!index) return false;
    const core::Event& e = state.ev.events.events()[*index];
    const std::string key = core::event_key(e);
    if (!apply_edit(state, {.kind = decision, .key = key, .author = r.reviewer})) return false;
    r.message = fmt::format("{} {}",
                            decision == Kind::Accept   ? "Accepted"
                            : decision == Kind::Reject ? "Rejected"
                                                       : "Back to not reviewed:",
                            key);
    update_review_queue(state);
    if (decision != Kind::Unreview) {
        if (!review_step(state, date, +1, r.skip_reviewed) && r.skip_reviewed) {
            const auto n = state.ev.events.review_counts();
            if (n[0] == 0)
                r.message += fmt::format(" \u2014 every event is reviewed ({} accepted, {} rejected).", n[1], n[2]);
        }
    }
    return true;
}

bool review_relocate(AppState& state, std::size_t place) {
    auto& r = state.ev.review;
    const auto index = review_current(state);
    if (!index || !r.gazetteer || place >= r.gazetteer->size()) return false;
    const core::NamedPlace& p = r.gazetteer->place(place);
    if (!p.has_position) {
        r.message = fmt::format("'{}' has no position in the gazetteer; choose another place.", p.name);
        return false;
    }
    const std::string key = core::event_key(state.ev.events.events()[*index]);
    core::EventEdit edit{.kind = Kind::Relocate, .key = key, .position = p.position, .place = p.name};
    edit.location_precision = p.precision;
    if (!apply_edit(state, edit)) return false;
    r.message = fmt::format("Moved {} to {}", key, p.name);
    r.editor = ReviewUiState::Editor::None;
    state.camera.set_centre(state.projector.forward(p.position));
    state.map_dirty = true;
    return true;
}

bool review_set_date(AppState& state, core::Date& date, std::string_view text) {
    auto& r = state.ev.review;
    const auto index = review_current(state);
    if (!index) return false;
    const auto parsed = core::parse_date_input(text);
    const core::Event& e = state.ev.events.events()[*index];
    if (!parsed.range) {
        r.date_error = fmt::format("{}. The date stays {}.", parsed.error, short_date(e.date));
        return false;
    }
    const std::string key = core::event_key(e);
    core::EventEdit edit{.kind = Kind::SetDate, .key = key, .date = parsed.range};
    if (!apply_edit(state, edit)) return false;
    date = parsed.range->start;
    r.message = fmt::format("Dated {} {}", key, short_date(*parsed.range));
    r.date_error.clear();
    r.editor = ReviewUiState::Editor::None;
    return true;
}

void review_undo(AppState& state, core::Date& date) {
    auto& ev = state.ev;
    if (!ev.events.can_undo()) return;
    const std::string key = ev.events.edits().back().key;
    undo_edit(state);
    if (!ev.review.active) return;
    // Back to the event whose decision or correction was taken back.
    ev.review.current_key = key;
    update_review_queue(state);
    if (auto pos = queue_position(state)) go_to(state, date, *pos);
    ev.review.message = fmt::format("Undone: the last change to {}", key);
}

void review_open_place(AppState& state) {
    auto& r = state.ev.review;
    const auto index = review_current(state);
    if (!index) return;
    r.editor = ReviewUiState::Editor::Place;
    r.focus_editor = true;
    r.place_query = state.ev.events.events()[*index].place;
    r.place_hits = r.places ? r.places->search(r.place_query) : std::vector<core::PlaceHit>{};
    r.place_cursor = 0;
}

void review_open_date(AppState& state) {
    auto& r = state.ev.review;
    const auto index = review_current(state);
    if (!index) return;
    r.editor = ReviewUiState::Editor::Date;
    r.focus_editor = true;
    r.date_text = short_date(state.ev.events.events()[*index].date);
    r.date_error.clear();
}

void handle_review_keys(AppState& state, core::Date& date) {
    auto& r = state.ev.review;
    const ImGuiIO& io = ImGui::GetIO();
    if (pressed(Action::Review)) {
        toggle_review(state, date);
        return;
    }
    if (!r.active || io.KeyCtrl) return;
    if (pressed(Action::ReviewClose)) {
        if (r.editor != ReviewUiState::Editor::None)
            r.editor = ReviewUiState::Editor::None;
        else
            r.active = false;
        return;
    }
    if (pressed(Action::ReviewAccept))
        review_decide(state, date, Kind::Accept);
    else if (pressed(Action::ReviewReject))
        review_decide(state, date, Kind::Reject);
    else if (pressed(Action::ReviewUnreview))
        review_decide(state, date, Kind::Unreview);
    else if (pressed(Action::ReviewPlace))
        review_open_place(state);
    else if (pressed(Action::ReviewDate))
        review_open_date(state);
    else if (pressed(Action::ReviewNext))
        review_step(state, date, +1);
    else if (pressed(Action::ReviewPrevious))
        review_step(state, date, -1);
}

namespace {

// A focus request (SetKeyboardFocusHere) takes effect a frame or two later in ImGui 1.86, and an
// idle window draws frames only on input: ask for frames until the field has the keyboard, so the
// first key typed lands in it (draw_review_panel asks while focus_editor is set). Call right after
// the field.
void keep_focus_request(AppState& state) {
    auto& r = state.ev.review;
    if (!r.focus_editor) return;
    if (ImGui::IsItemActive() || ++r.focus_frames > 8) {
        r.focus_editor = false;
        r.focus_frames = 0;
    }
}

void draw_place_editor(AppState& state) {
    auto& r = state.ev.review;
    ImGui::TextUnformatted("Fix the place: search the gazetteer in any language or spelling");
    if (!r.places) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "The gazetteer could not be read (see Problems).");
        return;
    }
    if (r.focus_editor) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint(
        "##place",
        "Khankendi, Stepanakert, Xank\u0259ndi, \u0421\u0442\u0435\u043f\u0430\u043d\u0430\u043a\u0435\u0440\u0442...",
        &r.place_query, ImGuiInputTextFlags_EnterReturnsTrue);
    keep_focus_request(state);
    if (ImGui::IsItemEdited()) {
        r.place_hits = r.places->search(r.place_query);
        r.place_cursor = 0;
    }
    const bool typing = ImGui::IsItemActive();
    if (typing && !r.place_hits.empty()) {
        const int n = static_cast<int>(r.place_hits.size());
        if (pressed(Action::ReviewPickDown)) r.place_cursor = std::min(n - 1, r.place_cursor + 1);
        if (pressed(Action::ReviewPickUp)) r.place_cursor = std::max(0, r.place_cursor - 1);
    }
    if (typing && pressed(Action::ReviewClose)) r.editor = ReviewUiState::Editor::None;
    if (r.place_hits.empty()) {
        ImGui::TextDisabled(r.place_query.empty() ? "Type a name." : "No place of that name in the gazetteer.");
        return;
    }
    std::optional<std::size_t> chosen;
    if (enter)
        chosen = r.place_hits[static_cast<std::size_t>(
                                  std::clamp(r.place_cursor, 0, static_cast<int>(r.place_hits.size()) - 1))]
                     .place;
    for (std::size_t k = 0; k < r.place_hits.size() && k < 8; ++k) {
        const auto& hit = r.place_hits[k];
        const auto& p = r.gazetteer->place(hit.place);
        std::string label = p.name;
        if (hit.matched != p.name) label += " (" + hit.matched + ")";
        label += fmt::format("  \u00b7 {}{}{}",
                             p.kind.empty() ? std::string(core::location_precision_name(p.precision)) : p.kind,
                             p.district.empty() ? "" : ", ", p.district.substr(0, 40));
        label += "##hit" + std::to_string(k);
        if (ImGui::Selectable(label.c_str(), static_cast<int>(k) == r.place_cursor)) chosen = hit.place;
    }
    ImGui::TextDisabled("\u2191/\u2193 choose, Enter moves the event there, Esc cancels");
    if (chosen) review_relocate(state, *chosen);
}

void draw_date_editor(AppState& state, core::Date& date) {
    auto& r = state.ev.review;
    ImGui::TextUnformatted("Fix the date:");
    ImGui::SameLine();
    ImGui::TextDisabled("YYYY-MM-DD, YYYY-MM, YYYY, or START..END");
    if (r.focus_editor) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(220);
    const bool enter = ImGui::InputTextWithHint("##date", "2020-10-04 or 2020-09-27..2020-11-10", &r.date_text,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    keep_focus_request(state);
    if (ImGui::IsItemActive() && pressed(Action::ReviewClose)) r.editor = ReviewUiState::Editor::None;
    ImGui::SameLine();
    if (ImGui::Button("Set date") || enter) {
        if (!review_set_date(state, date, r.date_text)) {
            r.focus_editor = true;  // keep typing
        }
    }
    if (!r.date_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", r.date_error.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_review_panel(AppState& state, core::Date& date, float bottom_inset) {
    auto& ev = state.ev;
    auto& r = ev.review;
    if (!r.active) return;
    update_review_queue(state);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Docked bottom left above the timeline, growing upwards as the place or date field opens.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 10, vp->Pos.y + vp->Size.y - bottom_inset - 10), ImGuiCond_Always,
                            ImVec2(0, 1));
    const float width = std::min(560.0f * ImGui::GetFontSize() / 15.0f, vp->Size.x - 20);  // 15 px: the UI font at 1x
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->Size.y * 0.8f));
    bool open = true;
    if (!ImGui::Begin("Review (R)", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    if (!open) r.active = false;
    int order = static_cast<int>(r.order);
    ImGui::TextDisabled("order:");
    ImGui::SameLine();
    bool reorder = ImGui::RadioButton("lowest confidence first", &order, 0);
    ImGui::SameLine();
    reorder |= ImGui::RadioButton("document order", &order, 1);
    if (reorder) r.order = static_cast<core::ReviewOrder>(order);
    ImGui::SameLine();
    ImGui::Checkbox("skip reviewed", &r.skip_reviewed);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("After a decision, move on to the next event not yet reviewed");

    const auto pos = queue_position(state);
    const auto counts = ev.events.review_counts();
    const auto index = review_current(state);
    if (!index || !pos) {
        ImGui::TextWrapped("%s",
                           r.queue.empty() ? "No events to review: the list's filters leave none." : r.message.c_str());
        ImGui::End();
        return;
    }
    const float done = counts[0] + counts[1] + counts[2] > 0 ? static_cast<float>(counts[1] + counts[2]) /
                                                                   static_cast<float>(counts[0] + counts[1] + counts[2])
                                                             : 0.0f;
    ImGui::ProgressBar(done, ImVec2(-1, 0),
                       fmt::format("event {} of {}  \u00b7  {} accepted, {} rejected, {} to go", *pos + 1,
                                   r.queue.size(), counts[1], counts[2], counts[0])
                           .c_str());

    const core::Event e = ev.events.events()[*index];  // a copy: decisions below rebuild the vector
    const auto& st = core::event_type_style(e.type);
    ImGui::TextColored(ImVec4(st.color.r, st.color.g, st.color.b, 1), "%s %s", core::event_symbol_utf8(e.type).c_str(),
                       st.label);
    ImGui::SameLine();
    ImGui::Text("\u00b7 %s \u00b7 %s", short_date(e.date).c_str(), e.place.empty() ? "(no place)" : e.place.c_str());
    if (auto alt = ev.alt_names.find(e.place); alt != ev.alt_names.end()) {
        ImGui::SameLine(0, 0);
        ImGui::Text(" / %s", alt->second.c_str());
    }
    ImGui::TextDisabled("%s \u00b7 confidence %.0f %% \u00b7", core::event_key(e).c_str(), e.confidence * 100);
    ImGui::SameLine();
    draw_review_mark(ev.events.review(*index));
    if (ev.events.edited(*index)) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.8f, 0.55f, 0.0f, 1), "(corrected)");
    }
    ImGui::Separator();
    draw_source_sentence(e, r.gazetteer.get());
    ImGui::Separator();

    if (ImGui::Button("\u2713 Accept (Enter)")) review_decide(state, date, Kind::Accept);
    ImGui::SameLine();
    if (ImGui::Button("\u2717 Reject (X)")) review_decide(state, date, Kind::Reject);
    ImGui::SameLine();
    if (ImGui::Button("Place (P)")) review_open_place(state);
    ImGui::SameLine();
    if (ImGui::Button("Date (D)")) review_open_date(state);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) review_step(state, date, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (\u2190)");
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) review_step(state, date, +1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Space or \u2192)");
    ImGui::SameLine();
    ImGui::BeginDisabled(!ev.events.can_undo());
    if (ImGui::Button("Undo")) review_undo(state, date);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Undo the last decision or correction (Ctrl+Z)");

    if (r.editor == ReviewUiState::Editor::Place) {
        ImGui::Separator();
        draw_place_editor(state);
    } else if (r.editor == ReviewUiState::Editor::Date) {
        ImGui::Separator();
        draw_date_editor(state, date);
    }
    if (!r.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", r.message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::End();
    if (r.focus_editor) state.map_dirty = true;  // another frame, soon: see keep_focus_request
}

}  // namespace sitmap::ui
