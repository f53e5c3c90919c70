#include "ui/event_panels.hpp"
#include "ui/event_links_panel.hpp"
#include "ui/key_bindings.hpp"
#include "ui/panels.hpp"
#include "ui/time_axis.hpp"

#include "core/date_extract.hpp"
#include "core/event_style.hpp"
#include "core/text_tokens.hpp"
#include "core/utf8.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <string_view>

namespace sitmap::ui {

namespace {

ImVec4 to_imvec(core::Rgba c, float alpha = 1.0f) {
    return ImVec4(c.r, c.g, c.b, c.a * alpha);
}

std::string date_text(const core::DateRange& d) {
    using core::DatePrecision;
    const auto y = static_cast<int>(d.start.year());
    const auto m = static_cast<unsigned>(d.start.month());
    switch (d.precision) {
        case DatePrecision::Decade:
            return fmt::format("the {}s", y / 10 * 10);
        case DatePrecision::Year:
            return fmt::format("{}", y);
        case DatePrecision::Month:
            return fmt::format("{:04d}-{:02d}", y, m);
        case DatePrecision::Day:
            if (d.start == d.end) return core::format_iso(d.start);
            return core::format_iso(d.start) + " \u2013 " + core::format_iso(d.end);
    }
    return core::format_iso(d.start);
}

std::string place_both_sides(const AppState& state, const core::Event& e) {
    if (e.place.empty()) return "(no place stated)";
    auto it = state.ev.alt_names.find(e.place);
    return it == state.ev.alt_names.end() ? e.place : e.place + " / " + it->second;
}

/// Draws `text` wrapped, with the byte ranges in `marks` highlighted (background box).
void text_with_marks(const std::string& text, std::vector<std::pair<std::size_t, std::size_t>> marks,
                     ImU32 mark_color) {
    std::sort(marks.begin(), marks.end());
    // Split into words so wrapping works; a word is highlighted if it lies in a mark.
    const float wrap = ImGui::GetContentRegionAvail().x;
    float x = 0;
    std::size_t i = 0;
    bool first = true;
    while (i < text.size()) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        const std::string word = text.substr(i, j - i);
        bool marked = false;
        for (const auto& [b, e] : marks)
            if (i < e && j > b) marked = true;
        const float w = ImGui::CalcTextSize(word.c_str()).x;
        const float space = ImGui::CalcTextSize(" ").x;
        if (!first) {
            if (x + space + w > wrap) {
                x = 0;
            } else {
                ImGui::SameLine(0, space);
                x += space;
            }
        }
        if (marked) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRectFilled(
                ImVec2(p.x - 1, p.y), ImVec2(p.x + w + 1, p.y + ImGui::GetTextLineHeight()), mark_color, 2.0f);
        }
        ImGui::TextUnformatted(word.c_str());
        x += w;
        first = false;
        i = j + 1;
    }
}

std::vector<std::pair<std::size_t, std::size_t>> find_all(const std::string& hay, const std::string& needle) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (needle.empty()) return out;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size()))
        out.emplace_back(p, p + needle.size());
    return out;
}

const char* kWindowNames[] = {"Day", "Week", "Month", "All", "Custom"};

}  // namespace

void draw_review_mark(const core::ReviewMark& m) {
    switch (m.state) {
        case core::ReviewState::Unreviewed:
            ImGui::TextDisabled("not reviewed");
            return;
        case core::ReviewState::Accepted:
            ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.15f, 1), "\u2713 accepted");
            break;
        case core::ReviewState::Rejected:
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "\u2717 rejected");
            break;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s%s", m.author.empty() ? "by an unknown reviewer" : ("by " + m.author).c_str(),
                          m.timestamp.empty() ? "" : ", ", m.timestamp.c_str());
}

void draw_source_sentence(const core::Event& e, const core::Gazetteer* gazetteer) {
    auto marks = find_all(e.source.quote, e.place_text);
    if (marks.empty()) marks = find_all(e.source.quote, e.place);  // events files may lack the words as written
    if (gazetteer && !e.place.empty()) {
        // Any name of the event's place ("Stepanakert" for Khankendi), in any spelling.
        for (const auto& m : gazetteer->find_mentions(e.source.quote, core::tokenize(e.source.quote)))
            if (gazetteer->place(m.place).name == e.place) marks.emplace_back(m.begin, m.end);
    }
    {
        // Date words: every date expression the extractor's grammar finds in the sentence, resolved
        // against the event's own date so relative ones ("on Tuesday") are found too.
        core::DateContext context{.publication = e.date.start, .narrative = e.date.start};
        for (const auto& m : core::find_dates(e.source.quote, core::tokenize(e.source.quote), context))
            marks.emplace_back(m.begin, m.end);
    }
    ImGui::PushTextWrapPos(0);
    text_with_marks(e.source.quote, marks, IM_COL32(255, 205, 80, 150));
    ImGui::PopTextWrapPos();
}

bool apply_edit(AppState& state, core::EventEdit edit) {
    if (edit.timestamp.empty()) edit.timestamp = core::utc_timestamp_now();
    if (edit.author.empty()) edit.author = state.ev.review.reviewer;
    if (!state.ev.events.apply(std::move(edit))) {
        state.ev.message = "edit not applied: the event no longer exists";
        return false;
    }
    // Journal the edit as applied (apply fills in the quote check used when re-applying).
    if (state.ev.on_edit) state.ev.on_edit(state.ev.events.edits().back());
    state.ev.filter_changed = true;
    state.map_dirty = true;
    return true;
}

void undo_edit(AppState& state) {
    if (!state.ev.events.can_undo()) return;
    state.ev.events.undo();
    if (state.ev.on_undo) state.ev.on_undo();
    state.ev.filter_changed = true;
    state.map_dirty = true;
}

void redo_edit(AppState& state) {
    if (!state.ev.events.can_redo()) return;
    state.ev.events.redo();
    // The journal replays edits in order: the redone edit is the last live one.
    if (state.ev.on_edit && !state.ev.events.edits().empty()) state.ev.on_edit(state.ev.events.edits().back());
    state.ev.filter_changed = true;
    state.map_dirty = true;
}

void select_event(AppState& state, std::size_t index, core::Date& date) {
    const auto& events = state.ev.events.events();
    if (index >= events.size()) return;
    state.ev.selected = index;
    state.ev.fanned.clear();
    const auto& e = events[index];
    if (e.has_position) {
        // Centred in the map the Event panel leaves free, not under the panel.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const float top = state.ui_inset_top, bottom = state.ui_inset_bottom;
        const PanelRect map{vp->Pos.x, vp->Pos.y + top, vp->Size.x, std::max(1.0f, vp->Size.y - top - bottom)};
        // Before the panel was first drawn: where it opens (draw_event_details).
        const PanelRect panel = !state.ev.show_details        ? PanelRect{}
                                : state.ev.details_rect.w > 0 ? state.ev.details_rect
                                                              : PanelRect{350, 60, 460, 520};
        const core::ScreenPx at = free_map_centre(map, panel);
        const double fb = vp->Size.x > 0 ? state.camera.width() / static_cast<double>(vp->Size.x) : 1.0;
        state.camera.set_centre(state.projector.forward(e.position));
        state.camera.pan_pixels((at.x - vp->Pos.x) * fb - state.camera.width() / 2.0,
                                (at.y - vp->Pos.y) * fb - state.camera.height() / 2.0);
    }
    date = e.date.start;
    state.ev.filter_changed = true;
    state.map_dirty = true;
}

std::vector<std::size_t> event_list_rows(const EventUiState& ev) {
    const auto& events = ev.events.events();
    std::vector<std::size_t> rows;
    if (ev.list_off_map) {
        // One line of the "not on the map" strip: its place's events in the time window.
        for (const auto& v : ev.visible) {
            const auto& e = events[v.index];
            const auto reason = core::off_map_reason(e);
            if (!reason || *reason != ev.list_off_map->reason) continue;
            const std::string& place = !e.place.empty() ? e.place : e.place_text;
            if (*reason == core::OffMapReason::NoPosition || place == ev.list_off_map->place) rows.push_back(v.index);
        }
    } else if (ev.list_in_window_only) {
        for (const auto& v : ev.visible) rows.push_back(v.index);
    } else {
        core::EventFilter f = ev.filter;
        f.deleted = ev.events.deleted_flags();
        f.review_states = ev.events.review_states();
        f.include_deleted = true;  // deleted and rejected rows stay listed (greyed) so they can be restored
        // Every date: the slider's date limits the list only with "only events in the time window".
        const core::Date last{std::chrono::year(9999), std::chrono::December, std::chrono::day(31)};
        for (const auto& v : core::select_events(events, f, core::TimeWindow{.kind = core::WindowKind::All}, last))
            rows.push_back(v.index);
    }
    return rows;
}

std::string list_document_label(const EventUiState& ev, const std::string& document) {
    const auto it = ev.documents.find(document);
    return it != ev.documents.end() && !it->second.title.empty() ? core::shorten_at_word(it->second.title, 60)
                                                                 : document;
}

void CorrectionForm::sync(const core::Event& e, std::size_t event_index, std::size_t events_revision) {
    if (event_index == index && events_revision == revision) return;
    index = event_index;
    revision = events_revision;
    lat = e.position.lat;
    lon = e.position.lon;
    start = core::format_iso(e.date.start);
    end = core::format_iso(e.date.end);
    precision = static_cast<int>(e.date.precision);
    type = static_cast<int>(e.type);
    location_precision = static_cast<int>(e.location_precision);
    actor = e.actor;
    target = e.target;
    summary = e.summary;
    note = e.note;
}

std::vector<TypeFilterEntry> draw_type_filter(core::EventFilter& filter, bool* changed_out) {
    // One checkbox each, with the map symbol in its colour, in as many columns as the widest entry
    // leaves room for (names are never cut: fixed 108 px columns ran 'humanitarian' under the next
    // checkbox).
    const ImGuiStyle& style = ImGui::GetStyle();
    float widest = 0;
    for (auto t : core::all_event_types)
        widest =
            std::max(widest, ImGui::GetFrameHeight() + 2 + ImGui::CalcTextSize(core::event_symbol_utf8(t).c_str()).x +
                                 2 + ImGui::CalcTextSize(std::string(core::event_type_name(t)).c_str()).x);
    const float column_w = widest + style.ItemSpacing.x * 2;
    const int columns = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / column_w));
    std::vector<TypeFilterEntry> entries;
    bool changed = false;
    int column = 0;
    for (auto t : core::all_event_types) {
        const auto& st = core::event_type_style(t);
        bool on = filter.types.empty() || filter.types.count(t) > 0;
        ImGui::PushID(static_cast<int>(t));
        if (ImGui::Checkbox("##t", &on)) {
            if (filter.types.empty())
                for (auto u : core::all_event_types) filter.types.insert(u);
            if (on)
                filter.types.insert(t);
            else
                filter.types.erase(t);
            if (filter.types.size() == core::all_event_types.size()) filter.types.clear();
            changed = true;
        }
        const float x0 = ImGui::GetItemRectMin().x, y0 = ImGui::GetItemRectMin().y;
        ImGui::SameLine(0, 2);
        ImGui::TextColored(to_imvec(st.color), "%s", core::event_symbol_utf8(t).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", st.label);
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(std::string(core::event_type_name(t)).c_str());
        entries.push_back({t, x0, y0, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});
        ImGui::PopID();
        if (++column % columns != 0) ImGui::SameLine(static_cast<float>(column % columns) * column_w);
    }
    if (column % columns != 0) ImGui::NewLine();
    if (changed_out) *changed_out = changed;
    return entries;
}

void draw_event_list(AppState& state, core::Date& date) {
    auto& ev = state.ev;
    if (!ev.show_list) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 470, 180), ImGuiCond_FirstUseEver);  // below the date and legend
    ImGui::SetNextWindowSize(ImVec2(460, 380), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Events", &ev.show_list)) {
        ImGui::End();
        return;
    }
    keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
    const auto& events = ev.events.events();
    // --- filters ---
    if (ImGui::CollapsingHeader("Filters", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::SetNextItemWidth(-80);
        if (ImGui::InputTextWithHint("##text", "search place, summary, sentence", &ev.filter.text))
            ev.filter_changed = true;
        ImGui::SameLine();
        if (ImGui::Button("Clear")) {
            ev.filter = core::EventFilter{};
            ev.filter_changed = true;
        }
        ImGui::SetNextItemWidth(-80);
        if (ImGui::InputTextWithHint("##actor", "actor or target", &ev.filter.actor)) ev.filter_changed = true;
        // Confidence threshold: weaker events leave the map, the list, the histogram and exports.
        float min_conf = static_cast<float>(ev.filter.min_confidence);
        ImGui::SetNextItemWidth(-80);
        if (ImGui::SliderFloat("##minconf", &min_conf, 0.0f, 1.0f, "min. confidence %.2f")) {
            ev.filter.min_confidence = std::clamp(static_cast<double>(min_conf), 0.0, 1.0);
            ev.filter_changed = true;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Events below this confidence are not shown (Ctrl+click to type a value).\n"
                "Weaker events above it are drawn paler.");
        bool types_changed = false;
        draw_type_filter(ev.filter, &types_changed);
        if (types_changed) ev.filter_changed = true;
        const std::string docs_label = ev.filter.documents.empty()
                                           ? std::string("all documents")
                                           : fmt::format("{} document(s)", ev.filter.documents.size());
        ImGui::SetNextItemWidth(-80);
        if (ImGui::BeginCombo("##docs", docs_label.c_str())) {
            for (const auto& name : ev.document_names) {
                bool on = ev.filter.documents.count(name) > 0;
                auto it = ev.documents.find(name);
                const std::string label = it != ev.documents.end() && !it->second.title.empty()
                                              ? name + "  \u2014 " + core::shorten_at_word(it->second.title, 60)
                                              : name;
                if (ImGui::Checkbox(label.c_str(), &on)) {
                    if (on)
                        ev.filter.documents.insert(name);
                    else
                        ev.filter.documents.erase(name);
                    ev.filter_changed = true;
                }
            }
            ImGui::EndCombo();
        }
        {
            // Review state: reviewed / unreviewed / accepted / rejected (applies to the map too,
            // where rejected events are never drawn).
            static const char* names[] = {"any review state", "reviewed", "unreviewed", "accepted", "rejected"};
            int current = static_cast<int>(ev.filter.review);
            ImGui::SetNextItemWidth(170);
            if (ImGui::Combo("##review", &current, names, 5)) {
                ev.filter.review = static_cast<core::ReviewFilter>(current);
                ev.filter_changed = true;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Filter by review decision (R starts review mode)");
            ImGui::SameLine();
            const auto n = ev.events.review_counts();
            ImGui::TextDisabled("%zu accepted, %zu rejected, %zu unreviewed", n[1], n[2], n[0]);
        }
        if (ImGui::Checkbox("only events in the time window", &ev.list_in_window_only)) ev.filter_changed = true;
        ImGui::SameLine();
        if (ImGui::SmallButton("Export list...")) state.files.show_export_list = true;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Write the listed events to CSV or GeoJSON, with quotes and sources");
    }
    // --- rows ---
    static std::vector<std::size_t> rows;
    static std::size_t rows_revision = static_cast<std::size_t>(-1);
    static bool rows_dirty = true;
    static std::int32_t rows_day = 0;
    static std::size_t rows_visible = 0;
    // "Only in the time window" follows the date and the window through ev.visible.
    const bool follows_window = ev.list_in_window_only || ev.list_off_map.has_value();
    const bool window_moved =
        follows_window && (rows_day != core::day_number(date) || rows_visible != ev.visible.size());
    // A strip line picked or dropped (the strip is drawn after this list, so its frame's
    // filter_changed is cleared before the list sees it).
    static std::string rows_pick;
    const std::string pick =
        ev.list_off_map ? std::to_string(static_cast<int>(ev.list_off_map->reason)) + ev.list_off_map->place : "";
    if (pick != rows_pick) rows_dirty = true;
    rows_pick = pick;
    if (ev.filter_changed || rows_revision != ev.events.revision() || window_moved) rows_dirty = true;
    rows_day = core::day_number(date);
    rows_visible = ev.visible.size();
    if (rows_dirty) {
        rows = event_list_rows(ev);
        rows_revision = ev.events.revision();
        rows_dirty = false;
    }
    if (ev.list_off_map) {
        if (ImGui::SmallButton("show all")) {
            ev.list_off_map.reset();
            ev.filter_changed = true;
        }
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.35f, 0.3f, 0.55f, 1), "not on the map: %s, %zu in the time window",
                           ev.list_off_map->label.c_str(), rows.size());
    } else {
        ImGui::Text("%zu of %zu events", rows.size(), events.size());
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("events", 6, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed, 82);
        ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 92);
        ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthFixed, 100);
        ImGui::TableSetupColumn("Document", ImGuiTableColumnFlags_WidthFixed, 80);
        ImGui::TableSetupColumn("\u2713", ImGuiTableColumnFlags_WidthFixed, 18);
        ImGui::TableSetupColumn("Summary", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && (sort->SpecsDirty || rows_revision == 0)) {
            if (sort->SpecsCount > 0) {
                const auto& spec = sort->Specs[0];
                const bool asc = spec.SortDirection == ImGuiSortDirection_Ascending;
                auto key_less = [&](std::size_t a, std::size_t b) {
                    const auto& x = events[a];
                    const auto& y = events[b];
                    switch (spec.ColumnIndex) {
                        case 1:
                            return x.type < y.type;
                        case 2:
                            return x.place < y.place;
                        case 3:
                            return list_document_label(ev, x.source.document) <
                                   list_document_label(ev, y.source.document);
                        case 4:
                            return ev.events.review_state(a) < ev.events.review_state(b);
                        default:
                            return std::chrono::sys_days(x.date.start) < std::chrono::sys_days(y.date.start);
                    }
                };
                std::stable_sort(rows.begin(), rows.end(),
                                 [&](std::size_t a, std::size_t b) { return asc ? key_less(a, b) : key_less(b, a); });
            }
            sort->SpecsDirty = false;
        }
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const std::size_t i = rows[static_cast<std::size_t>(r)];
                const auto& e = events[i];
                const core::ReviewState review = ev.events.review_state(i);
                const bool deleted = ev.events.deleted(i) || review == core::ReviewState::Rejected;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (deleted) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.55f, 0.55f, 1));
                const std::string label = date_text(e.date) + "##row" + std::to_string(i);
                if (ImGui::Selectable(label.c_str(), ev.selected == i, ImGuiSelectableFlags_SpanAllColumns))
                    select_event(state, i, date);
                if (ImGui::IsItemHovered() && !e.source.quote.empty()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(420);
                    ImGui::TextUnformatted(e.source.quote.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::TableNextColumn();
                const auto& st = core::event_type_style(e.type);
                ImGui::TextColored(to_imvec(st.color), "%s %s", core::event_symbol_utf8(e.type).c_str(),
                                   std::string(core::event_type_name(e.type)).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(e.place.empty() ? "\u2014" : e.place.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(list_document_label(ev, e.source.document).c_str());
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.source.document.c_str());
                ImGui::TableNextColumn();
                if (review == core::ReviewState::Accepted)
                    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.15f, 1), "\u2713");
                else if (review == core::ReviewState::Rejected)
                    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "\u2717");
                ImGui::TableNextColumn();
                const char* tag = ev.events.deleted(i)                    ? "(deleted) "
                                  : review == core::ReviewState::Rejected ? "(rejected) "
                                                                          : "";
                ImGui::TextUnformatted((tag + e.summary).c_str());
                if (deleted) ImGui::PopStyleColor();
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void draw_event_details(AppState& state, core::Date& date) {
    auto& ev = state.ev;
    if (!ev.show_details || !ev.selected || ev.review.active) return;  // review mode has its own panel
    const auto& events = ev.events.events();
    if (*ev.selected >= events.size()) {
        ev.selected.reset();
        return;
    }
    const std::size_t index = *ev.selected;
    const core::Event e = events[index];  // a copy: edits below rebuild the vector
    ImGui::SetNextWindowSize(ImVec2(460, 520), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(350, 60), ImGuiCond_FirstUseEver);
    bool open = true;
    if (!ImGui::Begin("Event", &open)) {
        ImGui::End();
        return;
    }
    keep_panel_inside(state.ui_inset_top, state.ui_inset_bottom);
    ev.details_rect = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                       ImGui::GetWindowSize().y};
    if (!open) ev.selected.reset();
    const auto& st = core::event_type_style(e.type);
    ImGui::TextColored(to_imvec(st.color), "%s  %s", core::event_symbol_utf8(e.type).c_str(), st.label);
    if (ev.events.deleted(index)) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "(deleted)");
    }
    if (ev.events.edited(index)) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.8f, 0.55f, 0.0f, 1), "(corrected)");
    }
    ImGui::SameLine();
    draw_review_mark(ev.events.review(index));
    if (ImGui::BeginTable("facts", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, 86.0f);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        auto row = [](const char* k, const std::string& v) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", k);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", v.c_str());
        };
        row("Date", fmt::format("{} ({} precision)", date_text(e.date), core::precision_name(e.date.precision)));
        row("Place", place_both_sides(state, e));
        if (!e.place_text.empty() && e.place_text != e.place) row("As written", "\u201c" + e.place_text + "\u201d");
        row("Location", e.has_position ? fmt::format("{:.4f}, {:.4f} ({})", e.position.lat, e.position.lon,
                                                     core::location_precision_name(e.location_precision))
                                       : std::string("not located"));
        if (!e.actor.empty()) row("Actor", e.actor);
        if (!e.target.empty()) row("Target", e.target);
        row("Confidence", fmt::format("{:.0f} %", e.confidence * 100));
        auto doc = ev.documents.find(e.source.document);
        row("Document", e.source.document);
        if (doc != ev.documents.end()) {
            if (!doc->second.title.empty()) row("Title", core::shorten_at_word(doc->second.title, 200));
            if (!doc->second.source.empty()) row("Source", doc->second.source);
            if (!doc->second.published.empty()) row("Published", doc->second.published);
        }
        ImGui::EndTable();
    }
    draw_event_links(state, e);  // the slides showing it, its source URL
    ImGui::Separator();
    ImGui::TextDisabled("Source sentence (bytes %zu\u2013%zu); place and date words highlighted:", e.source.begin,
                        e.source.end);
    draw_source_sentence(e, ev.review.gazetteer.get());
    ImGui::Separator();

    // --- editing ---
    // Open at once for an event added by hand: it has nothing but a place and a day yet.
    if (e.source.document == "user") ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
    if (ImGui::CollapsingHeader("Correct this event")) {
        static CorrectionForm form;
        form.sync(e, index, ev.events.revision());
        auto& [f_index, f_revision, lat, lon, start, end, precision, type, loc_precision, place_query, actor, target,
               summary, note] = form;
        (void)f_index, (void)f_revision;
        const std::string key = core::event_key(e);
        // Place: a gazetteer search in any language or spelling; choosing a hit moves the event there.
        if (const auto& places = ev.review.places) {
            ImGui::SetNextItemWidth(-80);
            ImGui::InputTextWithHint("place", "search the gazetteer: Khankendi, Stepanakert, Xank\u0259ndi...",
                                     &place_query);
            if (!place_query.empty() && ev.review.gazetteer) {
                for (const auto& hit : places->search(place_query, 6)) {
                    const core::NamedPlace& p = ev.review.gazetteer->place(hit.place);
                    const std::string label = hit.matched == p.name ? p.name : p.name + " (" + hit.matched + ")";
                    if (ImGui::Selectable(label.c_str()) && p.has_position) {
                        core::EventEdit edit{.kind = core::EventEdit::Kind::Relocate, .key = key};
                        edit.position = p.position;
                        edit.place = p.name;
                        edit.location_precision = p.precision;
                        if (apply_edit(state, edit)) place_query.clear();
                    }
                }
            }
        }
        ImGui::SetNextItemWidth(110);
        ImGui::InputDouble("lat", &lat, 0, 0, "%.5f");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::InputDouble("lon", &lon, 0, 0, "%.5f");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        const char* loc_names[] = {"point", "district", "region", "country"};
        ImGui::Combo("##locp", &loc_precision, loc_names, 4);
        ImGui::SameLine();
        if (ImGui::Button("Move")) {
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                ev.message = "latitude must be -90..90 and longitude -180..180";
            } else {
                core::EventEdit edit{.kind = core::EventEdit::Kind::Move, .key = key};
                edit.position = {lon, lat};
                edit.location_precision = static_cast<core::LocationPrecision>(loc_precision);
                apply_edit(state, edit);
            }
        }
        ImGui::SetNextItemWidth(110);
        ImGui::InputText("from", &start);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::InputText("to", &end);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        const char* prec_names[] = {"day", "month", "year", "decade"};
        ImGui::Combo("##prec", &precision, prec_names, 4);
        ImGui::SameLine();
        if (ImGui::Button("Set date")) {
            const auto a = core::parse_iso_date(start), b = core::parse_iso_date(end);
            if (!a || !b || std::chrono::sys_days(*b) < std::chrono::sys_days(*a)) {
                ev.message = fmt::format("invalid dates '{}'..'{}' (YYYY-MM-DD, from <= to)", start, end);
            } else {
                core::EventEdit edit{.kind = core::EventEdit::Kind::SetDate, .key = core::event_key(e)};
                edit.date = core::DateRange{*a, *b, static_cast<core::DatePrecision>(precision)};
                if (apply_edit(state, edit)) date = *a;
            }
        }
        ImGui::SetNextItemWidth(200);
        if (ImGui::BeginCombo("##type",
                              std::string(core::event_type_name(static_cast<core::EventType>(type))).c_str())) {
            for (auto t : core::all_event_types)
                if (ImGui::Selectable(
                        (core::event_symbol_utf8(t) + " " + std::string(core::event_type_name(t))).c_str(),
                        static_cast<int>(t) == type))
                    type = static_cast<int>(t);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button("Set type")) {
            core::EventEdit edit{.kind = core::EventEdit::Kind::SetType, .key = key};
            edit.type = static_cast<core::EventType>(type);
            apply_edit(state, edit);
        }
        // Who, whom, what, and the analyst's own note: each applied as its own correction.
        const auto text_field = [&](const char* label, std::string& value, const std::string& current,
                                    core::EventEdit::Kind kind, bool multiline) {
            ImGui::PushID(label);
            const float room = -ImGui::GetFontSize() * 7;  // the label and the Set button
            ImGui::SetNextItemWidth(room);
            if (multiline)
                ImGui::InputTextMultiline(label, &value, ImVec2(room, ImGui::GetTextLineHeight() * 3));
            else
                ImGui::InputText(label, &value);
            ImGui::SameLine();
            ImGui::BeginDisabled(value == current);
            if (ImGui::Button("Set")) {
                core::EventEdit edit{.kind = kind, .key = key};
                edit.note = value;
                apply_edit(state, edit);
            }
            ImGui::EndDisabled();
            ImGui::PopID();
        };
        text_field("actor", actor, e.actor, core::EventEdit::Kind::SetActor, false);
        text_field("target", target, e.target, core::EventEdit::Kind::SetTarget, false);
        text_field("summary", summary, e.summary, core::EventEdit::Kind::SetSummary, true);
        text_field("note", note, e.note, core::EventEdit::Kind::SetNote, true);
        if (ev.events.deleted(index)) {
            if (ImGui::Button("Restore")) apply_edit(state, {.kind = core::EventEdit::Kind::Restore, .key = key});
        } else if (ImGui::Button("Delete")) {
            apply_edit(state, {.kind = core::EventEdit::Kind::Delete, .key = core::event_key(e)});
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(!ev.events.can_undo());
        if (ImGui::Button("Undo")) undo_edit(state);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!ev.events.can_redo());
        if (ImGui::Button("Redo")) redo_edit(state);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Save")) ev.save_requested = true;
    }
    if (!ev.message.empty()) ImGui::TextWrapped("%s", ev.message.c_str());
    ImGui::End();
}

float draw_event_timeline(AppState& state, core::Date& date, core::Date from, core::Date to, float bottom_inset) {
    auto& ev = state.ev;
    const float h = bottom_layout().timeline;
    if (begin_bottom_strip("##event_timeline", h, bottom_inset, 0.9f)) {
        const auto& events = ev.events.events();
        const core::EventFilter f = ev.drawn_filter();
        if (ImGui::Button("\u25c0 event")) {
            if (auto d = core::previous_event_date(events, f, date)) date = *d, ev.filter_changed = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (,)");
        ImGui::SameLine();
        if (ImGui::Button("event \u25b6")) {
            if (auto d = core::next_event_date(events, f, date)) date = *d, ev.filter_changed = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (.)");
        ImGui::SameLine();
        ImGui::TextUnformatted("window:");
        for (int k = 0; k < 5; ++k) {
            ImGui::SameLine();
            int current = static_cast<int>(ev.window.kind);
            if (ImGui::RadioButton(kWindowNames[k], &current, k)) {
                ev.window.kind = static_cast<core::WindowKind>(k);
                ev.filter_changed = true;
            }
        }
        if (ev.window.kind == core::WindowKind::Custom) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(120);
            if (ImGui::SliderInt("days", &ev.window.custom_days, 1, 365)) ev.filter_changed = true;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("| %zu shown", ev.visible.size());
        // Histogram: one bar per bin over [from, to]; the window is shaded, the date marked.
        const int span = static_cast<int>((std::chrono::sys_days(to) - std::chrono::sys_days(from)).count()) + 1;
        const float width = ImGui::GetContentRegionAvail().x;
        const int bins = std::clamp(static_cast<int>(width / 4), 10, 800);
        const int bin_days = std::max(1, (span + bins - 1) / bins);
        static std::vector<int> counts;
        static std::size_t counts_key = 0;
        const std::size_t key = ev.events.revision() * 1000003u + static_cast<std::size_t>(bin_days) * 31u +
                                static_cast<std::size_t>(core::day_number(from)) + std::hash<std::string>{}(f.text) +
                                f.types.size() * 7 + f.documents.size() * 13 +
                                static_cast<std::size_t>(f.min_confidence * 1000) * 17;
        if (key != counts_key || ev.filter_changed) {
            counts = core::event_histogram(events, f, from, to, bin_days);
            counts_key = key;
        }
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float bar_h = ImGui::GetContentRegionAvail().y - 2;
        ImGui::InvisibleButton("##hist", ImVec2(width, std::max(bar_h, 10.0f)));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + bar_h), IM_COL32(240, 240, 240, 255));
        const int max_count = counts.empty() ? 1 : std::max(1, *std::max_element(counts.begin(), counts.end()));
        const float bw = width / static_cast<float>(std::max<std::size_t>(1, counts.size()));
        auto x_of = [&](core::Date d) {
            const double t =
                static_cast<double>((std::chrono::sys_days(d) - std::chrono::sys_days(from)).count()) / span;
            return origin.x + static_cast<float>(t) * width;
        };
        if (auto days = ev.window.days()) {
            const auto start = core::Date(std::chrono::sys_days(date) - std::chrono::days(*days - 1));
            dl->AddRectFilled(ImVec2(x_of(start), origin.y), ImVec2(x_of(date) + 2, origin.y + bar_h),
                              IM_COL32(255, 200, 90, 90));
        }
        for (std::size_t b = 0; b < counts.size(); ++b) {
            if (counts[b] == 0) continue;
            const float hh = bar_h * std::sqrt(static_cast<float>(counts[b]) / static_cast<float>(max_count));
            dl->AddRectFilled(ImVec2(origin.x + static_cast<float>(b) * bw, origin.y + bar_h - hh),
                              ImVec2(origin.x + static_cast<float>(b + 1) * bw - 1, origin.y + bar_h),
                              IM_COL32(70, 90, 130, 220));
        }
        dl->AddLine(ImVec2(x_of(date), origin.y), ImVec2(x_of(date), origin.y + bar_h), IM_COL32(200, 40, 30, 255), 2);
        // Date ticks along the top, labelled small.
        const float small = ImGui::GetFontSize() * 0.75f;
        for (const auto& t : date_ticks(core::day_number(from), core::day_number(to), width, small * 5)) {
            const float x = origin.x + t.x;
            dl->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + bar_h), IM_COL32(0, 0, 0, 28), 1.0f);
            if (x + 2 + ImGui::CalcTextSize(t.label.c_str()).x * 0.75f < origin.x + width)
                dl->AddText(ImGui::GetFont(), small, ImVec2(x + 2, origin.y), IM_COL32(90, 90, 90, 255),
                            t.label.c_str());
        }
        // Dragging across the bars chooses a range: it becomes a custom time window ending on its last day.
        const auto day_at = [&](float mx) {
            const double t = std::clamp(static_cast<double>(mx - origin.x) / width, 0.0, 1.0);
            return core::day_number(from) + static_cast<std::int32_t>(t * (span - 1) + 0.5);
        };
        static std::optional<std::int32_t> drag_from;
        const bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f);
        if (ImGui::IsItemActivated()) drag_from = day_at(ImGui::GetIO().MousePos.x);
        if (dragging && drag_from) {
            const std::int32_t now = day_at(ImGui::GetIO().MousePos.x);
            const float xa = x_of(core::date_from_day_number(std::min(*drag_from, now)));
            const float xb = x_of(core::date_from_day_number(std::max(*drag_from, now))) + 2;
            dl->AddRectFilled(ImVec2(xa, origin.y), ImVec2(xb, origin.y + bar_h), IM_COL32(80, 120, 220, 70));
            ImGui::SetTooltip("%s – %s",
                              core::format_iso(core::date_from_day_number(std::min(*drag_from, now))).c_str(),
                              core::format_iso(core::date_from_day_number(std::max(*drag_from, now))).c_str());
        }
        if (ImGui::IsItemDeactivated() && drag_from) {
            const std::int32_t now = day_at(ImGui::GetIO().MousePos.x);
            if (ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 3.0f).x != 0 && now != *drag_from) {
                const WindowRange r = range_window(*drag_from, now);
                ev.window = r.window;
                date = r.date;
                ev.filter_changed = true;
            }
            drag_from.reset();
        }
        if (ImGui::IsItemHovered() && !dragging) {
            const float mx = ImGui::GetIO().MousePos.x - origin.x;
            const int b = std::clamp(static_cast<int>(mx / bw), 0, static_cast<int>(counts.size()) - 1);
            const core::Date bin_start(std::chrono::sys_days(from) + std::chrono::days(b * bin_days));
            ImGui::SetTooltip("%s: %d event(s)%s", core::format_iso(bin_start).c_str(),
                              counts.empty() ? 0 : counts[static_cast<std::size_t>(b)],
                              bin_days > 1 ? fmt::format(" in {} days", bin_days).c_str() : "");
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 3.0f).x == 0) {
                date = bin_start;
                ev.filter_changed = true;
            }
        }
    }
    ImGui::End();
    return h;
}

void draw_add_mode_banner(AppState& state) {
    if (!state.ev.add_mode) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + state.ui_inset_top + 6), ImGuiCond_Always,
                            ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.93f, 0.6f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##add_mode", nullptr, flags)) {
        ImGui::TextUnformatted("\u271a Add mode: click the map where the event happened");
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel (Esc)")) state.ev.add_mode = false;
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

void draw_event_legend(AppState& state) {
    (void)state;
    ImGui::TextUnformatted("Events");
    for (auto t : core::all_event_types) {
        const auto& st = core::event_type_style(t);
        ImGui::TextColored(to_imvec(st.color), "%s", core::event_symbol_utf8(t).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(st.label);
    }
    ImGui::TextDisabled("A ring = place known only to a district, not an exact point.");
    ImGui::TextDisabled("Known only to a region or country: listed in \"Not on the map\", not drawn.");
    ImGui::TextDisabled("Hollow, dashed = date known only to a span (month, year, war); shown once its span ends.");
    ImGui::TextDisabled("Paler = older in the time window, or less confident.");
    ImGui::TextDisabled("Numbers = events grouped at one place (click to spread).");
}

void draw_off_map_strip(AppState& state, float bottom_inset) {
    auto& ev = state.ev;
    if (!ev.show_off_map || ev.off_map.total() == 0) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Bottom left, above the bottom panels and clear of the map's scale bar and north arrow.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 8, vp->Pos.y + vp->Size.y - bottom_inset - 4 * ImGui::GetFontSize()),
                            ImGuiCond_Always, ImVec2(0, 1));
    const float max_w = vp->Size.x * 0.35f;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(max_w, vp->Size.y * 0.45f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("Not on the map", &ev.show_off_map, flags)) {
        // The sentence wraps inside the strip's widest size rather than running past its edge.
        const std::string sentence = core::off_map_sentence(ev.off_map);
        const float wrap = max_w - 2 * ImGui::GetStyle().WindowPadding.x;
        ImGui::PushTextWrapPos(ImGui::CalcTextSize(sentence.c_str()).x > wrap ? wrap : -1.0f);
        ImGui::TextDisabled("%s", sentence.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Events of the time window whose place is known only to a region or country\n"
                "(or not located) are listed here instead of being drawn over the map.");
        for (std::size_t k = 0; k < ev.off_map.groups.size(); ++k) {
            const auto& g = ev.off_map.groups[k];
            const std::string label = core::off_map_label(g);
            const bool picked =
                ev.list_off_map && ev.list_off_map->reason == g.reason && ev.list_off_map->place == g.place;
            const std::string line = fmt::format("{}: {}##offmap{}", label, g.members.size(), k);
            if (ImGui::Selectable(line.c_str(), picked)) {
                if (picked) {
                    ev.list_off_map.reset();
                } else {
                    ev.list_off_map = OffMapPick{.reason = g.reason, .place = g.place, .label = label};
                    ev.show_list = true;
                    ImGui::SetWindowFocus("Events");
                }
                ev.filter_changed = true;
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Show these %zu event(s) in the events list", g.members.size());
        }
    }
    ImGui::End();
}

void draw_help_overlay(AppState& state) {
    if (!state.ev.show_help) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // As large as the window allows; the whole help scrolls inside it.
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 42, vp->Size.x - 20),
                                    std::min(ImGui::GetFontSize() * 50, vp->Size.y - 40)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowFocus();  // above the other panels (the "not on the map" strip)
    if (ImGui::Begin("Keyboard and mouse (F1)", &state.ev.show_help)) {
        keep_panel_inside(state.ui_inset_top, 0);
        // The mouse first; then every key, from the table that binds them (ui/key_bindings).
        static const char* mouse[][2] = {
            {"drag", "pan the map"},
            {"mouse wheel", "zoom about the pointer"},
            {"click a symbol", "select the event (a number: spread the group)"},
            {"drag the selected symbol", "move the event (saved as a correction)"},
            {"click a histogram bar", "go to that day (drag: choose a range)"},
        };
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& r : mouse) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r[0]);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r[1]);
            }
            std::string_view section;
            for (const auto& b : key_bindings()) {
                if (b.section != section) {
                    section = b.section;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextDisabled("%s", b.section);
                    ImGui::TableNextColumn();
                }
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(keys_text(b.action).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(b.what);
            }
            ImGui::EndTable();
        }
        ImGui::Separator();
        draw_event_legend(state);
    }
    ImGui::End();
}

}  // namespace sitmap::ui
