// Renders a scene into an RGBA image with the current GL context: shared by `sitmap render`, the
// window's export, the golden-image tests and the benchmark.
#pragma once
#include "core/camera.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"
#include "io/image.hpp"
#include "render/renderer.hpp"

#include <filesystem>
#include <span>

namespace sitmap::app {

/// Largest export side in pixels (`sitmap render --size`, the export dialog).
inline constexpr int kMaxExportSide = 16384;

/// Draws `scene` for `camera` offscreen (camera.width() x camera.height()) and reads it back.
/// Images larger than `max_tile` (or the GL limit) per side are rendered in tiles and joined.
/// Throws sitmap::UsageError when the image cannot be held in memory.
io::RgbaImage render_image(render::Renderer& renderer, const core::Scene& scene, const core::Camera& camera,
                           const render::FrameOptions& options, int max_tile = 4096);
/// The same for frames drawn one after another into the same image (each tile): a split view's
/// two clipped halves (compose::ComposedSplit::options).
io::RgbaImage render_frames(render::Renderer& renderer, const core::Scene& scene, const core::Camera& camera,
                            std::span<const render::FrameOptions> frames, int max_tile = 4096);

/// The image formats an export can be written in, chosen by the output's extension.
enum class ImageFormat { Png, Jpeg, GeoTiff };

/// The format for `path` (.png; .jpg/.jpeg; .tif/.tiff). Throws sitmap::UsageError naming the path
/// for any other extension, so `-o map.bmp` fails before rendering instead of writing PNG bytes
/// under another name.
ImageFormat image_format_for(const std::filesystem::path& path);

/// Writes `image` by the extension of `path`: .tif/.tiff as a georeferenced GeoTIFF, .jpg/.jpeg as
/// JPEG, .png as PNG; PNG and JPEG get .pgw/.jgw, .prj and .aux.xml when `world_file` (a GeoTIFF
/// carries its georeferencing: `world_file` adds nothing there). Atomic. Throws sitmap::Error
/// naming the path.
void write_image_file(const std::filesystem::path& path, const io::RgbaImage& image, const core::Camera& camera,
                      const core::Projector& projector, bool world_file);

/// The label/line scale for an export of this size when the user gave none: 1 up to ~1000 px on
/// the short side, then proportionally larger so text stays readable on 4K output.
float auto_ui_scale(int width, int height);

}  // namespace sitmap::app
