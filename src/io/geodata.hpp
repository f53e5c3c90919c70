// Geodata loading through GDAL: vector layers and the hillshade raster, returned as core types.
// Every problem (missing file, corrupt file, missing layer, bad feature) becomes a located
// Diagnostic and the remaining layers still load. The only place besides io/*.cpp that sees GDAL
// is nowhere: no GDAL type leaves this module.
#pragma once
#include "core/base_map.hpp"
#include "core/diagnostics.hpp"
#include "core/layer.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace sitmap::io {

/// Registers GDAL drivers once (thread-safe, idempotent) and routes GDAL's messages to nowhere:
/// callers report failures through Diagnostics or sitmap::Error instead.
void init_gdal();

/// Reads `layer` of the vector file `path` (any OGR format) in lon/lat (EPSG:4326, lon first).
/// On failure adds a diagnostic naming the path and layer and returns nullopt. Features with empty
/// or unusable geometry are skipped with a diagnostic naming the feature id.
std::optional<core::VectorLayer> load_vector_layer(const std::filesystem::path& path, const std::string& layer,
                                                   core::GeometryKind kind, core::Diagnostics& diags);

/// Reads band 1 of a georeferenced lon/lat raster as 8-bit grey (values clamped to 0..255).
std::optional<core::GreyRaster> load_grey_raster(const std::filesystem::path& path, core::Diagnostics& diags);

/// Loads every layer of core::base_layer_specs() and the hillshade from `geodata_dir`.
core::BaseData load_base_data(const std::filesystem::path& geodata_dir, core::Diagnostics& diags);

/// Triangulates a projected polygon with GEOS constrained Delaunay (after MakeValid when needed).
bool triangulate_polygon(const core::Polygon<core::WorldXY>& polygon, core::Mesh& out);

/// Reprojects lon/lat to the CRS given as a PROJ string through PROJ (for tests of core::Projector).
core::WorldXY proj_transform(const std::string& proj_string, core::LonLat p);

}  // namespace sitmap::io
