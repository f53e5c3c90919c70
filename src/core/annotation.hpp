// Briefing annotations: text boxes, arrows (straight or curved, with an arrowhead), circles and
// callouts (a text box with a leader line to a point), placed in map coordinates (lon/lat) on a
// slide. Pure data and editing helpers; layout is compose/annotations, files are io/briefing_io.
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

enum class AnnotationKind { Text, Arrow, Circle, Callout };

/// Every kind, in the order the editor offers them.
inline constexpr AnnotationKind all_annotation_kinds[] = {AnnotationKind::Text, AnnotationKind::Arrow,
                                                          AnnotationKind::Circle, AnnotationKind::Callout};

/// "text", "arrow", "circle", "callout" (the briefing file's names).
std::string_view annotation_kind_name(AnnotationKind kind);
/// The inverse of annotation_kind_name; nullopt for anything else.
std::optional<AnnotationKind> parse_annotation_kind(std::string_view name);

/// One annotation. What `points` holds depends on the kind:
///   text:    [the box's centre]
///   circle:  [the centre]
///   callout: [the box's centre, the point the leader line points at]
///   arrow:   [tail, ..., head] (two or more; `curved` draws a smooth curve through them)
struct Annotation {
    AnnotationKind kind = AnnotationKind::Text;
    std::vector<LonLat> points;
    std::string text;                    ///< required for text and callout; a label for arrows and circles
    double radius_km = 0;                ///< circle: ground radius in kilometres (> 0)
    bool curved = false;                 ///< arrow: a smooth curve instead of straight segments
    std::optional<std::uint32_t> color;  ///< 0xRRGGBB; none = the kind's default (annotation_color)
};

bool operator==(const Annotation& a, const Annotation& b);

/// How many points `kind` needs: exactly 1 (text, circle), exactly 2 (callout), at least 2 (arrow).
std::size_t min_points(AnnotationKind kind);
/// True when `kind` takes exactly min_points(kind) points (all but arrows).
bool fixed_point_count(AnnotationKind kind);

/// The colour drawn: `a.color`, or the kind's default (dark red arrows and circles, ink for text).
std::uint32_t annotation_color(const Annotation& a);

/// What is wrong with `a` ("radius_km: 0 is not a positive radius"), field first; empty when it is
/// well formed (the right number of points, each in range; text where needed; a positive radius).
std::string annotation_problem(const Annotation& a);

/// A new annotation of `kind` placed at `at`, sized for a view showing `span_km` kilometres
/// across: an arrow from `at` eastwards, a circle of a twentieth of the span, a callout whose box
/// sits up and to the left of `at`. Text kinds get placeholder text to edit.
Annotation make_annotation(AnnotationKind kind, LonLat at, double span_km);

/// Moves every point of `a` by (dlon, dlat) degrees, latitudes kept within -89..89.
void move_annotation(Annotation& a, double dlon, double dlat);

}  // namespace sitmap::core
