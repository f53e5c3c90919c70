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
#include "core/geometry.hpp"
#include "core/label_placer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sitmap::compose {

/// A rectangle of the image in pixels (origin top-left, y down).
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

/// A before/after (split) view's marks: the divider at `divider_x` (pixels of the whole image) and
/// each half's date stamp beside it. Both halves' frames carry the same marks, so the two
/// clipped draws join into one image.
struct SplitMarks {
    float divider_x = 0;
    std::string left_label, right_label;  ///< "26 September 2020"
};

/// The measure tool's line: its points in map metres, the pointer's position while measuring
/// (the leg being drawn), and the running total written at its end ("12.4 km").
struct MeasureMarks {
    std::vector<core::WorldXY> points;
    std::optional<core::WorldXY> pointer;
    std::string total_label;
    /// The line of contact the pointer's distance is measured to (core::front_line), as
    /// segments in map metres; and the leg from the pointer to its nearest point (empty = none).
    std::vector<std::pair<core::WorldXY, core::WorldXY>> front;
    std::optional<std::pair<core::WorldXY, core::WorldXY>> to_front;
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

    /// Draw only inside this rectangle of the image (pixels of the whole image, also when tiling):
    /// a before/after view draws its two halves' frames into one framebuffer this way, leaving
    /// the other half as it is. Unset = the whole image. Turns reuse_base off.
    std::optional<PixelRect> clip;
    /// A before/after view's divider and stamps (laid out with the furniture); unset = none.
    /// With it the date box shows the control legend without a date (the stamps carry them).
    std::optional<SplitMarks> split;
    /// The other half's event symbols in a split view (not owned): the legend lists their kinds
    /// too, so both halves draw the same legend. nullptr = none.
    const std::vector<core::EventMarker>* legend_also = nullptr;
    /// The measure tool's line, drawn over the map (not owned; nullptr = none).
    const MeasureMarks* measure = nullptr;
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
    PixelRect locator_rect{};              ///< where the locator inset goes (width 0 = none)
    core::PxBox title_box{};               ///< the title block with the wrapped caption (all 0 = none)
    core::PxBox date_box{};                ///< the date box with the control legend, top right (all 0 = none)
    std::vector<core::PxBox> stamp_boxes;  ///< a split view's two date stamps (empty = none)
    float furniture_scale = 1;             ///< the scale the furniture was laid out at (compose::furniture_scale)
    std::size_t labels = 0;
};

}  // namespace sitmap::compose
