// The briefing editor's annotation mode on the map: with "annotate on the map" ticked, a click
// selects the annotation under it (a handle: that point), a drag moves it or the point, a click
// with a kind armed (+ text, + arrow, ...) adds one there and drags its second point or radius,
// Delete removes the selected one. Edits go into the slide; saving the briefing writes them
// atomically. Glue between ui and compose; no GL.
#pragma once
#include "compose/annotations.hpp"
#include "compose/compose.hpp"
#include "core/annotation.hpp"
#include "ui/app_state.hpp"

#include <optional>
#include <vector>

namespace sitmap::app {

/// The slide the editor works on (b.current while the briefing panel is open or annotating and
/// not presenting); nullptr when there is none.
core::Slide* edited_slide(ui::AppState& state);
const core::Slide* edited_slide(const ui::AppState& state);

/// Adds the edited slide's annotations (and the selection's handles) to the window's frame.
void add_edited_annotations(const ui::AppState& state, compose::FrameRequest& request);

class AnnotationEditor {
public:
    /// Mouse and keys over the map in annotate mode. `pointer` is in framebuffer pixels, `hits`
    /// the annotations drawn last (Renderer::last_layout). Returns true when it took the mouse
    /// this frame (the event session and panning must leave it alone).
    bool handle_input(ui::AppState& state, core::ScreenPx pointer, bool mouse_over_map, bool keyboard_free,
                      const std::vector<compose::AnnotationHit>& hits);

    /// Adds an annotation of `kind` at the screen point `at` to the edited slide and selects it.
    void add_at(ui::AppState& state, core::AnnotationKind kind, core::ScreenPx at);

private:
    /// Drag from `start_` to `pointer`: the whole annotation, or point `handle_`, or (a new
    /// circle) its radius.
    void drag(ui::AppState& state, core::Slide& slide, core::ScreenPx pointer) const;

    int slide_ = -1;  ///< the slide the selection belongs to
    core::ScreenPx start_{};
    core::Annotation original_;
    std::optional<std::size_t> handle_;
    bool sizing_circle_ = false;
    bool fresh_ = false;        ///< the drag began by adding `created_`
    core::Annotation created_;  ///< a new annotation's default shape (kept when not dragged)
};

}  // namespace sitmap::app
