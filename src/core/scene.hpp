// Scene: the draw list. Projected, triangulated, styled layers as plain vectors; the renderer only
// draws a Scene, which is why the CLI renders exactly what the window shows.
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/geometry.hpp"
#include "core/layer.hpp"

#include <glm/vec2.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::core {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};
/// 0xRRGGBB to colour.
constexpr Rgba rgb(std::uint32_t hex, float alpha = 1.0f) {
    return {static_cast<float>((hex >> 16) & 0xff) / 255.0f, static_cast<float>((hex >> 8) & 0xff) / 255.0f,
            static_cast<float>(hex & 0xff) / 255.0f, alpha};
}

/// Triangles in WorldXY (float metres: +-1000 km keeps ~0.06 m precision).
struct Mesh {
    std::vector<glm::vec2> vertices;
    std::vector<std::uint32_t> indices;  ///< three per triangle
};

/// Day numbers (days since 1970-01-01, see core/date.hpp) bounding a time-dependent item:
/// shown when from_day <= day < to_day. The defaults mean "always" (a static layer).
struct DaySpan {
    static constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
    static constexpr std::int32_t kMax = std::numeric_limits<std::int32_t>::max();
    std::int32_t from_day = kMin;
    std::int32_t to_day = kMax;

    bool timed() const { return from_day != kMin || to_day != kMax; }
    bool contains(std::int32_t day) const { return day >= from_day && day < to_day; }
};

struct FillPart {
    Mesh mesh;
    Rgba color;
    WorldBox box;
    DaySpan valid;         ///< when the part is shown (static by default)
    bool hatched = false;  ///< diagonal stripes instead of a solid fill (e.g. a peacekeeping zone)
    /// The area changed hands on valid.from_day: SceneLayer::highlight_recent_days stripes mark it.
    /// Parts that only continue the same controller (a new period, peacekeepers leaving) stay unmarked.
    bool changed_hands = false;

    /// Adds the triangles of `more` (e.g. one more polygon of a multi-polygon) and grows `box`.
    void append(const Mesh& more);
};

/// One straight piece of a polyline; `along` is the distance in metres from the line's start to `a`
/// (dash patterns continue across segments).
struct LineSegment {
    glm::vec2 a;
    glm::vec2 b;
    float along = 0;
};

/// The same lines simplified for one zoom range: drawn when tolerance < half a pixel.
struct LineLod {
    double tolerance_m = 0;
    std::vector<LineSegment> segments;
};

struct LineStyle {
    float width_px = 1.0f;
    Rgba color;
    float dash_px = 0;  ///< 0 = solid
    float gap_px = 0;
    float casing_px = 0;  ///< width of a wider, fainter band under the line (0 = none)
    Rgba casing_color;
};

/// A populated place: symbol and label candidates.
struct Place {
    WorldXY pos;
    LonLat lonlat;
    std::string name;        ///< English
    std::string name_alt;    ///< the other side's name for contested places ("Stepanakert")
    std::string name_local;  ///< local script
    int rank = 5;            ///< 0 capital .. 5 hamlet; lower shows first
    double population = 0;
};

enum class TextRole { Country, Water, Region };

/// A free-standing label (country, sea) shown between two zoom limits.
struct MapText {
    WorldXY pos;
    std::string text;
    TextRole role = TextRole::Country;
    double min_mpp = 0;    ///< shown when metres-per-pixel >= min_mpp
    double max_mpp = 1e9;  ///< and <= max_mpp
};

enum class LayerKind { Fill, Line, Raster, Places, Texts };

struct SceneLayer {
    std::string id;      ///< stable key ("countries", "rivers")
    std::string title;   ///< shown in the layers panel and legend
    std::string source;  ///< file it came from
    LayerKind kind = LayerKind::Fill;
    bool visible = true;
    float opacity = 1.0f;
    bool land_mask = false;  ///< land fills: relief shading (the Raster layer) is multiplied into them
    bool in_legend = false;

    std::vector<FillPart> fills;
    std::vector<LineStyle> line_styles;       ///< one per line class (e.g. river rank)
    std::vector<std::vector<LineLod>> lines;  ///< [class][lod], finest LOD first
    std::vector<DaySpan> line_valid;          ///< per line class when time-dependent; empty = always
    /// Fill parts that changed hands (FillPart::changed_hands) less than this many days before the shown
    /// date are overlaid with `highlight_color` stripes, fading with age, so recent changes of control
    /// stand out. 0 = off.
    int highlight_recent_days = 0;
    Rgba highlight_color;
    GreyRaster raster;
    Mesh raster_grid;                  ///< projected grid over the raster's extent
    std::vector<glm::vec2> raster_uv;  ///< texture coordinates per grid vertex
    std::vector<Place> places;
    std::vector<MapText> texts;
};

/// How strongly `part` of `layer` is striped as a recent change of control on `day`: 1 on the day it
/// changed hands, fading linearly to 0 over layer.highlight_recent_days; nullopt when it is not
/// striped (it did not change hands, is not shown that day, or the change is older).
std::optional<float> recent_change_strength(const SceneLayer& layer, const FillPart& part, std::int32_t day);

struct Scene {
    std::vector<SceneLayer> layers;
    WorldBox bounds;          ///< the data's extent, for clamping the camera
    std::string attribution;  ///< always drawn on the map

    int find(const std::string& id) const;
    SceneLayer* layer(const std::string& id);
    const SceneLayer* layer(const std::string& id) const;
};

}  // namespace sitmap::core
