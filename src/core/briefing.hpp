// Briefing: an ordered list of slides (title, caption, date, view, visible layers, event filter,
// highlighted events, annotations, presenter notes), saved as JSON. Pure data + validation;
// reading/writing files is io's job (io/briefing_io). Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/annotation.hpp"
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/event_view.hpp"
#include "core/geometry.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// What a slide looks at: either a centre and zoom, or a lon/lat box to fit.
struct SlideView {
    std::optional<LonLat> centre;  ///< with `metres_per_pixel`
    double metres_per_pixel = 0;   ///< zoom: map metres per screen pixel at 1x UI scale
    std::optional<GeoBox> bbox;    ///< alternative to centre+zoom (fit the box)
};

/// The event filter a slide applies (a subset of core::EventFilter that can be stored).
struct SlideEventFilter {
    std::set<EventType> types;  ///< empty = all
    std::string actor;
    std::set<std::string> documents;
    std::string text;
    std::string window = "week";  ///< "day" | "week" | "month" | "all" | "<N>d"
    bool show_events = true;
};

/// A before/after slide: the same view on two dates side by side, split by a divider. The
/// slide's `date` is the right one (the date a transition moves to); when the two differ (the
/// date edited in the briefing panel), `date` wins and is saved as "right".
struct SlideCompare {
    Date left, right;
    double divider = 0.5;  ///< fraction of the width from the left edge, strictly between 0 and 1
};

struct Slide {
    std::string title;
    std::string caption;
    std::optional<Date> date;  ///< control situation / event window end; none = latest
    SlideView view;
    /// Layer ids shown (Scene layer ids such as "control", "rivers"); empty = the app's defaults.
    std::vector<std::string> visible_layers;
    SlideEventFilter events;
    std::vector<std::string> highlighted_events;  ///< event keys "document#id" drawn selected
    std::optional<SlideCompare> compare;          ///< set: a before/after slide (date == compare->right)
    /// Text boxes, arrows, circles and callouts over the map, in drawing order.
    std::vector<Annotation> annotations;
    /// Presenter notes: shown to the presenter during F5 (a notes panel), never on the map.
    std::string notes;
};

struct Briefing {
    std::string title;
    std::string author;
    std::vector<Slide> slides;
};

/// The time window a slide's `events.window` names: "day", "week", "month", "all" or "<N>d" with
/// N in 1..3650 (e.g. "14d"). nullopt for anything else (the briefing reader reports it).
std::optional<TimeWindow> parse_slide_window(std::string_view text);

/// The inverse of parse_slide_window ("day", "week", "month", "all", "<N>d").
std::string slide_window_name(const TimeWindow& window);

/// Layer ids named by the slides that are not in `known_ids` (e.g. the Scene's layer ids), each
/// once, in first-seen order, prefixed with the slide ("slides[3].layers[1]: 'rivres'"), so the
/// app can warn about typos instead of silently showing fewer layers.
std::vector<std::string> unknown_layer_ids(const Briefing& briefing, const std::vector<std::string>& known_ids);

}  // namespace sitmap::core
