#include "app/annotation_editor.hpp"

#include "ui/key_bindings.hpp"
#include "ui/slide_editor.hpp"

#include <imgui.h>

#include <cmath>

namespace sitmap::app {

namespace {

bool editing(const ui::AppState& state) {
    const auto& b = state.brief;
    return !b.presenting && (b.show_panel || b.annotate) && b.current >= 0 &&
           b.current < static_cast<int>(b.briefing.slides.size());
}

/// `p` moved by (dx, dy) world metres.
core::LonLat shifted(const core::Projector& projector, core::LonLat p, double dx, double dy) {
    const core::WorldXY w = projector.forward(p);
    const core::LonLat q = projector.inverse({w.x + dx, w.y + dy});
    return {std::clamp(q.lon, -180.0, 180.0), std::clamp(q.lat, -89.0, 89.0)};
}

}  // namespace

core::Slide* edited_slide(ui::AppState& state) {
    return editing(state) ? &state.brief.briefing.slides[static_cast<std::size_t>(state.brief.current)] : nullptr;
}

const core::Slide* edited_slide(const ui::AppState& state) {
    return editing(state) ? &state.brief.briefing.slides[static_cast<std::size_t>(state.brief.current)] : nullptr;
}

void add_edited_annotations(const ui::AppState& state, compose::FrameRequest& request) {
    const core::Slide* slide = edited_slide(state);
    if (!slide) return;
    request.annotations = slide->annotations;
    if (state.brief.annotate) request.selected_annotation = state.brief.selected_annotation;
}

void AnnotationEditor::drag(ui::AppState& state, core::Slide& slide, core::ScreenPx pointer) const {
    auto& b = state.brief;
    if (!b.selected_annotation || *b.selected_annotation >= slide.annotations.size()) return;
    core::Annotation& a = slide.annotations[*b.selected_annotation];
    const core::WorldXY w0 = state.camera.world(start_), w1 = state.camera.world(pointer);
    const double dx = w1.x - w0.x, dy = w1.y - w0.y;
    if (fresh_ && std::hypot(pointer.x - start_.x, pointer.y - start_.y) < 6) {
        a = created_;  // not dragged (yet): the default shape
        return;
    }
    a = original_;
    if (sizing_circle_ && !a.points.empty()) {
        const core::WorldXY c = state.projector.forward(a.points[0]);
        const double map_m = std::hypot(w1.x - c.x, w1.y - c.y);
        const double km = map_m / state.projector.scale_factor(a.points[0].lat) / 1000;
        a.radius_km = std::max(0.5, std::round(km * 10) / 10);
    } else if (handle_ && *handle_ < a.points.size()) {
        a.points[*handle_] = shifted(state.projector, a.points[*handle_], dx, dy);
    } else {
        for (auto& p : a.points) p = shifted(state.projector, p, dx, dy);
    }
}

void AnnotationEditor::add_at(ui::AppState& state, core::AnnotationKind kind, core::ScreenPx at) {
    core::Slide* slide = edited_slide(state);
    if (!slide) return;
    auto& b = state.brief;
    const core::WorldBox view = state.camera.visible_box();
    const double span_km = (view.max_x - view.min_x) / 1000;
    slide->annotations.push_back(core::make_annotation(kind, state.projector.inverse(state.camera.world(at)), span_km));
    b.annotate = true;
    b.selected_annotation = slide->annotations.size() - 1;
    slide_ = b.current;
    ui::slide_edited(state);
}

bool AnnotationEditor::handle_input(ui::AppState& state, core::ScreenPx pointer, bool over_map, bool keyboard_free,
                                    const std::vector<compose::AnnotationHit>& hits) {
    auto& b = state.brief;
    core::Slide* slide = edited_slide(state);
    if (slide_ != b.current) {  // another slide: its own selection (checked every frame)
        b.selected_annotation.reset();
        slide_ = b.current;
    }
    if (!slide || !b.annotate) {
        b.annotation_drag = false;
        b.add_kind.reset();
        return false;
    }
    if (b.selected_annotation && *b.selected_annotation >= slide->annotations.size()) b.selected_annotation.reset();
    if (!b.annotation_drag) fresh_ = false;
    if (keyboard_free && b.selected_annotation && ui::pressed(ui::Action::DeleteAnnotation)) {
        slide->annotations.erase(slide->annotations.begin() + static_cast<std::ptrdiff_t>(*b.selected_annotation));
        b.selected_annotation.reset();
        ui::slide_edited(state);
    }
    if (b.annotation_drag) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            drag(state, *slide, pointer);
            ui::slide_edited(state);
        } else {
            b.annotation_drag = false;
        }
        return true;
    }
    if (!over_map) return false;
    if (b.add_kind) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return false;
    start_ = pointer;
    handle_.reset();
    sizing_circle_ = false;
    if (b.add_kind) {
        const core::AnnotationKind kind = *b.add_kind;
        add_at(state, kind, pointer);
        b.add_kind.reset();
        // Dragging on from the click shapes the new one: an arrow's head, a callout's box, a
        // circle's radius, a text box's place.
        original_ = slide->annotations.back();
        if (kind == core::AnnotationKind::Arrow) {
            original_.points.back() = original_.points.front();
            handle_ = 1;
        } else if (kind == core::AnnotationKind::Callout) {
            original_.points.front() = original_.points.back();
            handle_ = 0;
        } else if (kind == core::AnnotationKind::Circle) {
            sizing_circle_ = true;
        }
        // A click without a drag keeps the default shape (make_annotation's).
        created_ = slide->annotations.back();
        fresh_ = true;
        b.annotation_drag = true;
        state.ev.selected.reset();
        return true;
    }
    if (const auto pick = compose::pick_annotation(hits, pointer)) {
        b.selected_annotation = pick->index;
        original_ = slide->annotations[pick->index];
        handle_ = pick->handle;
        b.annotation_drag = true;
        state.ev.selected.reset();
        state.ev.filter_changed = true;
        return true;
    }
    if (b.selected_annotation) {  // a click on empty map ends the selection
        b.selected_annotation.reset();
        state.ev.filter_changed = true;
    }
    return false;
}

}  // namespace sitmap::app
