// Base map: which geodata files and layers sitmap ships, and how they become a styled Scene
// (projection, triangulation, simplification per zoom, colours). Part of sitmap_core.
#pragma once
#include "core/diagnostics.hpp"
#include "core/event.hpp"
#include "core/layer.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::core {

/// One layer the app expects in geodata/: file (relative to the geodata dir), layer name, kind.
struct GeodataLayerSpec {
    std::string key;    ///< key in BaseData::vectors ("countries")
    std::string file;   ///< "admin.gpkg"
    std::string layer;  ///< layer name inside the file
    GeometryKind kind;
};

/// The shipped vector layers, in load order.
const std::vector<GeodataLayerSpec>& base_layer_specs();
/// File name of the hillshade raster inside the geodata dir.
inline constexpr const char* kHillshadeFile = "hillshade.tif";
/// Lon/lat extent of the shipped data (W, S, E, N).
inline constexpr GeoBox kRegionBox{38.0, 36.0, 52.0, 44.0};
/// Line shown on every map and export (geodata/SOURCES.md has the full credits).
std::string default_attribution();

/// True when `p` lies more than `margin_deg` degrees of latitude or longitude outside the map's
/// region (named_view("region")): too far to be an event of this map; usually a speaking capital
/// ("Washington said") taken for the event's place.
bool far_outside_region(LonLat p, double margin_deg = 5.0);

/// Adds one PlaceOutsideRegion warning per event placed far outside the region (the first 10,
/// then one line with the count), naming the event's document and id, the place and position.
void flag_events_outside_region(const std::vector<Event>& events, Diagnostics& diags);

/// Every layer id a map built by build_base_scene and the control scene can have, whether or not
/// its data is present ("land", "rivers", "control", ...): what a briefing's "layers" may name.
const std::vector<std::string>& map_layer_ids();

/// What io loaded; absent keys are layers that failed to load (already reported as diagnostics).
struct BaseData {
    std::map<std::string, VectorLayer> vectors;
    std::optional<GreyRaster> hillshade;
};

/// Triangulates one projected polygon (with holes). Returns false (and leaves `out` untouched) when
/// the polygon cannot be triangulated. Supplied by io (GEOS) so core stays free of GEOS.
using Triangulator = std::function<bool(const Polygon<WorldXY>&, Mesh& out)>;

/// Projects every loaded layer and builds the styled base-map Scene. Layers missing from `data`
/// are simply absent from the scene. Features that fail to triangulate are reported to `diags`.
Scene build_base_scene(const BaseData& data, const Projector& projector, const Triangulator& triangulate,
                       Diagnostics& diags);

/// The built-in named views (core/user_views.hpp builtin_views: "region", "karabakh", "lachin",
/// "syunik", "nakhchivan"). Returns nullopt for others.
std::optional<GeoBox> named_view(const std::string& name);

/// Projects a lon/lat box to the world box that contains it (edges sampled, since lines curve).
WorldBox project_box(const Projector& projector, const GeoBox& box);

/// Projects a ring, dropping repeated points and the closing duplicate.
Ring<WorldXY> project_ring(const Projector& projector, const Ring<LonLat>& ring);
/// Projects a polygon; holes that collapse below three points are dropped.
Polygon<WorldXY> project_polygon(const Projector& projector, const Polygon<LonLat>& polygon);

/// Projects a multi-line into simplified LODs of segments (finest first) with running distances.
std::vector<LineLod> build_line_lods(const MultiLineString<WorldXY>& lines);

}  // namespace sitmap::core
