#include "ui/slide_editor.hpp"

#include "compose/slides.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace sitmap::ui {

namespace {

/// The slide's event settings applied to the window, as showing the slide does.
void apply_events(AppState& state, const core::Slide& slide) {
    state.ev.filter = compose::slide_filter(slide);
    if (const auto w = core::parse_slide_window(slide.events.window)) state.ev.window = *w;
    state.ev.filter_changed = true;
}

void draw_layers(AppState& state, core::Slide& slide) {
    if (!ImGui::TreeNode("Layers")) return;
    if (slide.visible_layers.empty()) ImGui::TextDisabled("(the app's defaults; a tick makes the list explicit)");
    for (auto& layer : state.scene.layers) {
        auto& ids = slide.visible_layers;
        const bool listed = std::find(ids.begin(), ids.end(), layer.id) != ids.end();
        bool on = ids.empty() ? layer.visible : listed;
        if (ImGui::Checkbox(fmt::format("{}##{}", layer.title, layer.id).c_str(), &on)) {
            if (ids.empty())  // first explicit choice: start from what the map shows now
                for (const auto& l : state.scene.layers)
                    if (l.visible) ids.push_back(l.id);
            if (on && std::find(ids.begin(), ids.end(), layer.id) == ids.end()) ids.push_back(layer.id);
            if (!on) std::erase(ids, layer.id);
            compose::apply_slide_layers(state.scene, slide);
            state.map_dirty = true;
            slide_edited(state);
        }
    }
    if (!slide.visible_layers.empty() && ImGui::SmallButton("Use the app's defaults")) {
        slide.visible_layers.clear();
        slide_edited(state);
    }
    ImGui::TreePop();
}

void draw_events(AppState& state, core::Slide& slide) {
    if (!ImGui::TreeNode("Events and time window")) return;
    auto& f = slide.events;
    bool changed = ImGui::Checkbox("show events", &f.show_events);
    static const char* windows[] = {"day", "week", "month", "all"};
    ImGui::SetNextItemWidth(110);
    if (ImGui::BeginCombo("time window", f.window.c_str())) {
        for (const char* w : windows)
            if (ImGui::Selectable(w, f.window == w)) f.window = w, changed = true;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    static std::string custom;
    ImGui::SetNextItemWidth(70);
    if (ImGui::InputTextWithHint("##days", "N days", &custom, ImGuiInputTextFlags_EnterReturnsTrue)) {
        const std::string w = custom + "d";
        if (core::parse_slide_window(w)) f.window = w, changed = true;
    }
    ImGui::TextDisabled("types (none ticked = all)");
    int column = 0;
    for (core::EventType t : core::all_event_types) {
        bool on = f.types.count(t) > 0;
        if (column++ % 3 != 0) ImGui::SameLine(static_cast<float>((column - 1) % 3) * 125 + 8);
        if (ImGui::Checkbox(std::string(core::event_type_name(t)).c_str(), &on)) {
            if (on)
                f.types.insert(t);
            else
                f.types.erase(t);
            changed = true;
        }
    }
    ImGui::SetNextItemWidth(-1);
    changed |= ImGui::InputTextWithHint("##actor", "actor or target contains", &f.actor);
    ImGui::SetNextItemWidth(-1);
    changed |= ImGui::InputTextWithHint("##text", "text contains", &f.text);
    if (changed) {
        apply_events(state, slide);
        slide_edited(state);
    }
    ImGui::TreePop();
}

/// The selected annotation's fields.
void draw_annotation_fields(AppState& state, core::Slide& slide, std::size_t i) {
    auto& b = state.brief;
    core::Annotation& a = slide.annotations[i];
    bool changed = false;
    ImGui::PushID(static_cast<int>(i) + 1000);
    ImGui::TextDisabled("text (Enter for a new line)");
    changed |= ImGui::InputTextMultiline("##atext", &a.text, ImVec2(-1, ImGui::GetTextLineHeight() * 2.8f));
    if (a.kind == core::AnnotationKind::Circle) {
        float r = static_cast<float>(a.radius_km);
        ImGui::SetNextItemWidth(120);
        if (ImGui::DragFloat("radius (km)", &r, 0.2f, 0.5f, 500.0f, "%.1f")) a.radius_km = r, changed = true;
    }
    if (a.kind == core::AnnotationKind::Arrow) {
        changed |= ImGui::Checkbox("curved", &a.curved);
        ImGui::SameLine();
        if (ImGui::Button("Add a bend")) {
            // A new point halfway along the last span: drag it to shape the arrow.
            const auto p = a.points[a.points.size() - 2], q = a.points.back();
            a.points.insert(a.points.end() - 1, core::LonLat{(p.lon + q.lon) / 2, (p.lat + q.lat) / 2});
            changed = true;
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(a.points.size() <= 2);
        if (ImGui::Button("Remove a bend")) {
            a.points.erase(a.points.end() - 2);
            changed = true;
        }
        ImGui::EndDisabled();
    }
    const std::uint32_t c = core::annotation_color(a);
    float rgb[3] = {static_cast<float>((c >> 16) & 0xff) / 255.0f, static_cast<float>((c >> 8) & 0xff) / 255.0f,
                    static_cast<float>(c & 0xff) / 255.0f};
    if (ImGui::ColorEdit3("colour", rgb, ImGuiColorEditFlags_NoInputs)) {
        const auto byte = [](float v) { return static_cast<std::uint32_t>(std::clamp(v, 0.0f, 1.0f) * 255 + 0.5f); };
        a.color = (byte(rgb[0]) << 16) | (byte(rgb[1]) << 8) | byte(rgb[2]);
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Delete annotation")) {
        slide.annotations.erase(slide.annotations.begin() + static_cast<std::ptrdiff_t>(i));
        b.selected_annotation.reset();
        changed = true;
    }
    const std::string problem = i < slide.annotations.size() ? core::annotation_problem(slide.annotations[i]) : "";
    if (!problem.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", problem.c_str());
    ImGui::PopID();
    if (changed) slide_edited(state);
}

void draw_annotations(AppState& state, core::Slide& slide) {
    auto& b = state.brief;
    ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
    if (!ImGui::TreeNode("Annotations")) return;
    if (ImGui::Checkbox("annotate on the map", &b.annotate)) {
        b.add_kind.reset();
        state.ev.filter_changed = true;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("(click to select, drag to move)");
    for (core::AnnotationKind k : core::all_annotation_kinds) {
        const std::string label = fmt::format("+ {}", core::annotation_kind_name(k));
        const bool armed = b.add_kind == k;
        if (armed) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(label.c_str())) {
            b.annotate = true;
            b.add_kind = armed ? std::nullopt : std::optional(k);
            state.ev.filter_changed = true;
        }
        if (armed) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (b.add_kind)
        ImGui::TextColored(ImVec4(0.13f, 0.4f, 0.67f, 1), "Click on the map to place the %s.",
                           std::string(core::annotation_kind_name(*b.add_kind)).c_str());
    for (std::size_t i = 0; i < slide.annotations.size(); ++i) {
        const auto& a = slide.annotations[i];
        std::string text = a.text.substr(0, a.text.find('\n'));
        if (text.size() > 32) text = text.substr(0, 30) + "...";
        const std::string label = fmt::format("{}. {}  {}##ann{}", i + 1, core::annotation_kind_name(a.kind), text, i);
        if (ImGui::Selectable(label.c_str(), b.selected_annotation == i)) {
            b.selected_annotation = i;
            b.annotate = true;
            state.ev.filter_changed = true;
        }
    }
    if (b.selected_annotation && *b.selected_annotation < slide.annotations.size())
        draw_annotation_fields(state, slide, *b.selected_annotation);
    ImGui::TreePop();
}

}  // namespace

void slide_edited(AppState& state) {
    state.brief.dirty = true;
    state.ev.filter_changed = true;  // recompose: the frame carries the slide's annotations
    state.map_dirty = true;
}

void draw_slide_settings(AppState& state, core::Slide& slide) {
    draw_layers(state, slide);
    draw_events(state, slide);
    ImGui::TextDisabled("presenter notes (shown during F5 in the notes window, never on the map)");
    if (ImGui::InputTextMultiline("##notes", &slide.notes, ImVec2(-1, ImGui::GetTextLineHeight() * 3.6f)))
        state.brief.dirty = true;
    draw_annotations(state, slide);
}

}  // namespace sitmap::ui
