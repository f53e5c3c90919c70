// compose_frame: one frame composed once, without GL: the shown date, the events shown (time
// window, filters, confidence, review state, a slide's settings), their markers, the places they
// name, and the furniture. The window, F5, the export dialog, `sitmap render`, `render --briefing`
// and animation frames all draw a ComposedFrame through the renderer, so they cannot disagree.
// No GL, no ImGui.
#pragma once
#include "compose/event_markers.hpp"
#include "compose/frame.hpp"
#include "core/briefing.hpp"
#include "core/camera.hpp"
#include "core/event_edits.hpp"
#include "core/event_view.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::compose {

/// Which events a frame shows.
struct EventRequest {
    /// The events with their corrections (not owned); nullptr = a frame without events.
    const core::EditableEvents* events = nullptr;
    /// Types, actor, documents, text, minimum confidence. Deleted and rejected events are never
    /// shown (compose_frame adds those flags itself).
    core::EventFilter filter;
    core::TimeWindow window;
    bool reviewed_only = false;           ///< only events accepted in review
    std::optional<std::size_t> selected;  ///< event index drawn highlighted
    std::vector<std::size_t> fanned;      ///< members of the group the user opened
    bool mark_edited = false;             ///< mark the events the user corrected (the window)
};

/// What is drawn around the map.
struct Furniture {
    float ui_scale = 1;
    std::string title, subtitle;
    bool legend = false, north_arrow = false, locator = false;
    /// List the events that are not on the map in a box at the right edge (exports, F5). The
    /// window's own "not on the map" strip replaces it there.
    bool off_map_box = true;
};

struct FrameRequest {
    double metres_per_pixel = 1000;  ///< the camera's zoom (event grouping depends on it)
    std::optional<core::Date> date;  ///< unset = default_date()
    EventRequest events;
    Furniture furniture;
    std::vector<core::Annotation> annotations;       ///< a slide's (drawn in every output)
    std::optional<std::size_t> selected_annotation;  ///< the editor's selection (handles shown)
};

/// One frame, composed: everything the renderer draws over the map layers.
struct ComposedFrame {
    std::optional<core::Date> date;           ///< the shown day (none: only static layers)
    std::vector<core::VisibleEvent> visible;  ///< events shown (on the map or listed beside it)
    core::OffMapSummary off_map;              ///< shown events without a marker
    EventLayout events;                       ///< markers and their members
    std::vector<std::string> named_places;    ///< gazetteer names of the places the markers stand for
    Furniture furniture;
    std::string date_label;                     ///< "19 September 2023"
    std::vector<core::Annotation> annotations;  ///< drawn over the map (compose/annotations)
    std::optional<std::size_t> selected_annotation;

    /// The frame as the renderer takes it. Points into *this: use it while *this lives, unmoved.
    FrameOptions options() const;
};

/// The date shown when none is chosen, one policy for every output: the latest event's start
/// when there are events, else the last change in the control data, else none.
std::optional<core::Date> default_date(const core::Scene& scene, const std::vector<core::Event>& events);

/// Composes the frame `request` asks for over `scene` (layers as they are).
ComposedFrame compose_frame(const core::Scene& scene, const core::Projector& projector, const FrameRequest& request);

/// A slide at `width` x `height`: its camera and its request (date, filter with at least
/// `min_confidence`, time window, highlighted event, events.show, title and caption, and a
/// presentation's furniture: legend, north arrow, locator, off-map box), and its annotations.
/// `events` may be null.
/// Throws UsageError for a bad events.window. Layers: apply_slide_layers (compose/slides.hpp).
struct SlideFrame {
    core::Camera camera;
    FrameRequest request;
};
SlideFrame slide_frame(const core::Slide& slide, const core::Projector& projector, int width, int height,
                       const core::EditableEvents* events, float ui_scale, double min_confidence = 0);

}  // namespace sitmap::compose
