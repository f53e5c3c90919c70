// Turns the events the user sees (time window, filter, grouping, selection, fanned-out group)
// into the renderer's EventMarkers. Shared by the window and `sitmap render`, so both draw events
// the same way. Part of sitmap_compose: no GL, no ImGui.
#pragma once
#include "core/event.hpp"
#include "core/event_marker.hpp"
#include "core/event_view.hpp"
#include "core/projector.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace sitmap::compose {

struct EventLayout {
    std::vector<core::EventMarker> markers;         ///< marker.id indexes `members`
    std::vector<std::vector<std::size_t>> members;  ///< event indices per marker
};

struct EventLayoutOptions {
    double metres_per_pixel = 1000;
    float ui_scale = 1;
    std::optional<std::size_t> selected;        ///< event index drawn highlighted
    std::vector<std::size_t> fanned;            ///< members of the group the user opened (drawn around it)
    const std::vector<char>* edited = nullptr;  ///< per event index, nonzero when the user changed it
};

/// Groups `visible` events that would overlap at this zoom into one marker with a count; the group
/// whose members equal `fanned` is spread on a circle around its centre with leader lines.
/// Events known only to a region or country, or not located, get no marker (core::summarize_off_map
/// lists them beside the map). District events carry their uncertainty radius; alpha fades with
/// age and with confidence (core::confidence_alpha); a marker whose events are all dated only to
/// a span is flagged time_span.
EventLayout layout_events(const std::vector<core::Event>& events, const std::vector<core::VisibleEvent>& visible,
                          const core::Projector& projector, const EventLayoutOptions& options);

}  // namespace sitmap::compose
