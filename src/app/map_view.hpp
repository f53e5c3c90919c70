// The window's map as one or two composed frames: the before/after view (the window's, or a
// briefing's compare slide while presenting) drawn as two clipped halves, and the measure tool's
// line. Used by the window loop, the F12 screenshot and the export dialog, so all three show
// the same split.
#pragma once
#include "compose/compose.hpp"
#include "compose/split.hpp"
#include "render/renderer.hpp"
#include "ui/app_state.hpp"

#include <optional>

namespace sitmap::app {

/// The split the window shows with `request` as its (right-hand) frame: while presenting a compare
/// slide, the slide's left date against `request`'s (the slide's right date, or the date a
/// transition has reached); else, with the before/after view on, the pinned left date against
/// the slider's. nullopt: one frame.
std::optional<compose::SplitRequest> window_split(const ui::AppState& state, const compose::FrameRequest& request);

/// The measure tool's line in map metres (and the pointer's leg while drawing), with its total,
/// and the front with the pointer's way to it; nullopt when the tool is off.
std::optional<compose::MeasureMarks> measure_marks(const ui::AppState& state);

/// What the window adds to a composed frame: the panels' insets, the cache of static layers,
/// the measure line (not owned; may be null).
struct WindowFrameExtras {
    float inset_top = 0, inset_bottom = 0;
    const compose::MeasureMarks* measure = nullptr;
};

/// Draws the window's map into the bound framebuffer (state.camera's size): `frame` alone, or
/// `split`'s two halves when set.
void draw_window_map(render::Renderer& renderer, const ui::AppState& state, const compose::ComposedFrame& frame,
                     const std::optional<compose::SplitRequest>& split, const WindowFrameExtras& extras);

}  // namespace sitmap::app
