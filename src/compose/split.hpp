// A before/after (split) view: two composed frames of the same map and camera, one per date, drawn
// one after the other with each clipped to its side of a divider (FrameOptions::clip), plus the
// divider and both date stamps. The window, F5 (a briefing's compare slides), the export dialog
// and `render --compare` all compose it here. No GL, no ImGui.
#pragma once
#include "compose/compose.hpp"

#include <array>

namespace sitmap::compose {

/// What a split view shows: the two sides' frames (the same camera, events and furniture; their
/// dates differ) and where the divider is.
struct SplitRequest {
    FrameRequest left, right;
    double divider = 0.5;  ///< fraction of the width from the left edge, 0..1 (clamped)
};

/// The divider's pixel column in an image `width` pixels wide.
int divider_column(double divider, int width);

/// Both sides composed. `left.furniture` and `right.furniture` are the request's (the right's
/// title block, legend and locator are drawn; the off-map box is never: each half would list
/// other events).
struct ComposedSplit {
    ComposedFrame left, right;
    double divider = 0.5;

    /// The two frames as the renderer takes them for an image `width` x `height`: the left one
    /// clipped to the columns left of the divider, the right one to the rest, both with the
    /// divider and the stamps and one legend. Draw them in order into the same framebuffer.
    /// Points into *this: use while *this lives, unmoved.
    std::array<FrameOptions, 2> options(int width, int height) const;
};

ComposedSplit compose_split(const core::Scene& scene, const core::Projector& projector, const SplitRequest& request);

/// A compare slide's split: `right` (the slide's request, compose::slide_frame, whose date is the
/// slide's: its right date) and the same for its left date; nullopt for an ordinary slide.
std::optional<SplitRequest> slide_split(const core::Slide& slide, const FrameRequest& right);

}  // namespace sitmap::compose
