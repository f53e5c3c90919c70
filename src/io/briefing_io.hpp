// Briefing files (JSON) and georeferencing side files for exports.
// Briefings: read with every problem named by file and JSON path ("slides[3].date"); written
// atomically. Georeferencing: world files (.pgw + .prj) and GeoTIFF through GDAL.
#pragma once
#include "core/briefing.hpp"
#include "core/camera.hpp"
#include "core/projector.hpp"
#include "io/image.hpp"

#include <array>
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
/// pixel, in the projection's metres), .prj (the projection as ESRI WKT) and `<png_path>.aux.xml`
/// (GDAL's side file with the CRS: GDAL's PNG and JPEG drivers ignore .prj, so without it
/// gdalinfo/gdalsrsinfo and QGIS see no projection) for an image rendered with `camera`. Each
/// atomic. Throws sitmap::Error naming the path.
void write_world_file(const std::filesystem::path& png_path, const core::Camera& camera,
                      const core::Projector& projector);

/// Writes `image` as a georeferenced GeoTIFF (RGB, DEFLATE, the projection's CRS and geotransform).
/// Atomic. Throws sitmap::Error naming the path.
void write_geotiff(const std::filesystem::path& path, const RgbaImage& image, const core::Camera& camera,
                   const core::Projector& projector);

/// The projection as WKT (for .prj files and tests).
std::string projection_wkt(const core::Projector& projector);

/// The path of the world file for an image: ".png" -> ".pgw" (and ".jpg" -> ".jgw", ".tif" -> ".tfw");
/// other extensions get ".wld".
std::filesystem::path world_file_path(const std::filesystem::path& image_path);

/// What GDAL reads from a raster file (for tests and `sitmap` self-checks): size, band count, the
/// geotransform (origin = top-left pixel CORNER, GDAL's convention) and the CRS as WKT.
struct RasterInfo {
    int width = 0;
    int height = 0;
    int bands = 0;
    bool has_geotransform = false;
    std::array<double, 6> geotransform{};  ///< x0, pixel width, row rotation, y0, column rotation, -pixel height
    std::string wkt;                       ///< empty when the file has no CRS
};

/// Opens `path` with GDAL (GeoTIFF; PNG with its .pgw world file) and reports what it reads.
/// Throws sitmap::Error naming the path when GDAL cannot open it.
RasterInfo read_raster_info(const std::filesystem::path& path);

/// Reads a raster's pixels through GDAL as RGBA8 (bands 1-3 as R, G, B; band 4 as alpha when
/// present, else opaque; a single band as grey). For tests of write_geotiff. Throws sitmap::Error
/// naming the path when GDAL cannot open or read it.
RgbaImage read_raster_rgba(const std::filesystem::path& path);

/// True when the CRS in `wkt` (OGC or ESRI WKT) is the same as the PROJ string `proj_string`
/// according to GDAL (OGRSpatialReference::IsSame). Throws sitmap::Error when either cannot be parsed.
bool same_crs(const std::string& wkt, const std::string& proj_string);

}  // namespace sitmap::io
