// FrameOptions: everything drawn on top of the map layers for one frame (events, date, furniture),
// and FrameLayout: that frame laid out in screen space without GL (compose/layout). The window,
// F5, the export dialog and `sitmap render` all fill one FrameOptions through compose::compose_frame
// and the renderer draws its layout. No GL, no ImGui.
#pragma once
#include "compose/annotations.hpp"
#include "compose/draw_list.hpp"
#include "core/annotation.hpp"
#include "core/event_marker.hpp"
#include "core/event_view.hpp"
#include "core/label_placer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::compose {

/// A rectangle of the image in pixels (origin top-left, y down).
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

/// What to draw on top of the map layers. Sizes are multiplied by `ui_scale` (exports use >1).
struct FrameOptions {
    float ui_scale = 1.0f;
    bool scale_bar = true;
    bool attribution = true;  ///< the attribution line; always on in the app and exports
    float inset_top = 0;      ///< pixels covered by UI at the top (menu bar): furniture stays clear
    float inset_bottom = 0;   ///< pixels covered by UI at the bottom (status bar)
    /// The shown date as a day number (core::day_number). Time-dependent parts are drawn only when
    /// valid on that day; without a date they are hidden and only static layers show.
    std::optional<std::int32_t> day;
    /// Drawn large at the top right with the control legend ("19 September 2023"); empty = none.
    /// Part of the frame so exports show it too.
    std::string date_label;
    /// Event symbols to draw over the map (not owned; nullptr = none).
    const std::vector<core::EventMarker>* events = nullptr;
    /// Events shown by the window and filters but not drawn (known only to a region or country, or
    /// not located): exports list them in a box at the right edge, or at least state their count
    /// (core::off_map_sentence). Not owned; nullptr or empty = no box (the window has its own strip).
    const core::OffMapSummary* off_map = nullptr;
    /// Gazetteer names of the places the shown events name (Event::place): these towns are always
    /// labelled, like capitals and district seats (not owned; nullptr = none).
    const std::vector<std::string>* named_places = nullptr;
    /// A slide's annotations, drawn over the map and its labels, under the furniture (not owned;
    /// nullptr = none). `selected_annotation` gets the editor's handles.
    const std::vector<core::Annotation>* annotations = nullptr;
    std::optional<std::size_t> selected_annotation;

    // ---- map furniture for exports and presentations ----
    std::string title;  ///< top-left title block (empty = none)
    std::string subtitle;
    bool legend = false;       ///< legend of what is shown: event types, reference lines, areas
    bool north_arrow = false;  ///< true north at the view centre (LCC meridians converge)
    bool locator = false;      ///< inset map of the region with the view's box

    /// Draw only this part of a camera-sized image into the bound framebuffer (tile.width x
    /// tile.height), laying out labels for the whole image so tiles join seamlessly. Unset = all.
    std::optional<PixelRect> tile;

    /// Reuse the static base layers (sea, land, relief) drawn by the previous call when the view
    /// and those layers are unchanged (the window sets this; a playing slider then redraws only
    /// what changes with the date). Ignored when tiling.
    bool reuse_base = false;
};

/// A place name put on the map, for tests and hit-testing.
struct PlacedLabel {
    std::string name;  ///< the place's English name (Place::name)
    core::PxBox box;   ///< the label's text box
};

/// One frame laid out: what to draw over the map layers, in screen pixels of the whole image.
struct FrameLayout {
    DrawList map;                                ///< area rings, event symbols, place and country labels
    DrawList annotations;                        ///< a slide's text boxes, arrows, circles, callouts: over the map
    std::vector<AnnotationHit> annotation_hits;  ///< where each annotation went (the editor picks them)
    DrawList furniture;                          ///< title, date box, legend, scale bar...: drawn last, over the map
    std::vector<Swatch> swatches;                ///< legend keys filled by the map's fill code, over the furniture
    std::vector<core::PxBox> label_boxes;        ///< everything reserved (labels, symbols, furniture)
    std::vector<PlacedLabel> place_labels;
    std::vector<core::MarkerHit> marker_hits;  ///< event symbols, topmost last
    std::vector<std::string> off_map_lines;    ///< the "not on the map" box (empty = none)
    core::PxBox off_map_box{};
    PixelRect locator_rect{};  ///< where the locator inset goes (width 0 = none)
    core::PxBox title_box{};   ///< the title block with the wrapped caption (all 0 = none)
    std::size_t labels = 0;
};

}  // namespace sitmap::compose
