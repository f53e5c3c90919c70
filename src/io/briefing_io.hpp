// Briefing files (JSON) and georeferencing side files for exports.
// Briefings: read with every problem named by file and JSON path ("slides[3].date"); written
// atomically. Georeferencing: world files (.pgw + .prj) and GeoTIFF through GDAL.
#pragma once
#include "core/briefing.hpp"
#include "core/camera.hpp"
#include "core/projector.hpp"
#include "io/image.hpp"

#include <filesystem>
#include <string>

namespace sitmap::io {

/// Parses a briefing file. Throws sitmap::UsageError naming the file and the field at fault
/// ("briefing.json: slides[2].view.bbox: expected [W,S,E,N] with W < E and S < N") for any
/// malformed or unknown-typed field; unknown keys are ignored.
core::Briefing load_briefing(const std::filesystem::path& path);

/// Writes a briefing as pretty JSON atomically (temp file + rename). Throws sitmap::Error naming the path.
void save_briefing(const std::filesystem::path& path, const core::Briefing& briefing);

/// The same as JSON text (for tests and the UI's copy).
std::string briefing_to_json(const core::Briefing& briefing);
/// Parses JSON text; `source` names it in messages.
core::Briefing briefing_from_json(const std::string& text, const std::string& source);

/// Writes `png_path` with extension .pgw (the world file: pixel size and the centre of the top-left
/// pixel, in the projection's metres) and .prj (the projection as ESRI WKT) for an image rendered
/// with `camera`, so QGIS opens the PNG in place. Atomic. Throws sitmap::Error naming the path.
void write_world_file(const std::filesystem::path& png_path, const core::Camera& camera,
                      const core::Projector& projector);

/// Writes `image` as a georeferenced GeoTIFF (RGB, DEFLATE, the projection's CRS and geotransform).
/// Atomic. Throws sitmap::Error naming the path.
void write_geotiff(const std::filesystem::path& path, const RgbaImage& image, const core::Camera& camera,
                   const core::Projector& projector);

/// The projection as WKT (for .prj files and tests).
std::string projection_wkt(const core::Projector& projector);

}  // namespace sitmap::io
