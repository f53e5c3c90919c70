#include "app/render_image.hpp"

#include "core/error.hpp"
#include "io/briefing_io.hpp"
#include "render/offscreen.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace sitmap::app {

io::RgbaImage render_image(render::Renderer& renderer, const core::Scene& scene, const core::Camera& camera,
                           const render::FrameOptions& options, int max_tile) {
    return render_frames(renderer, scene, camera, std::span<const render::FrameOptions>(&options, 1), max_tile);
}

io::RgbaImage render_frames(render::Renderer& renderer, const core::Scene& scene, const core::Camera& camera,
                            std::span<const render::FrameOptions> frames, int max_tile) {
    const int W = camera.width(), H = camera.height();
    if (static_cast<double>(W) * H * 4 > 2.2e9)
        throw usage_error("cannot render {}x{} pixels: the image would need {:.1f} GB (at most {}x{} is supported)", W,
                          H, static_cast<double>(W) * H * 4 / 1e9, kMaxExportSide, kMaxExportSide);
    // Tiles bound the GPU memory and respect GL_MAX_RENDERBUFFER_SIZE; the renderer lays labels out
    // for the whole image each time, so the tiles join without seams.
    const int tile = std::max(256, std::min(max_tile, render::OffscreenTarget::max_size()));
    io::RgbaImage image{W, H, {}};
    if (W <= tile && H <= tile) {  // one piece: the read-back is the image (no second 33 MB buffer at 4K)
        render::OffscreenTarget target(W, H);
        target.bind();
        for (const auto& options : frames) renderer.draw(scene, camera, options);
        image.pixels = target.read_rgba();
        render::OffscreenTarget::unbind();
        return image;
    }
    image.pixels.resize(static_cast<std::size_t>(W) * static_cast<std::size_t>(H) * 4);
    std::unique_ptr<render::OffscreenTarget> target;
    for (int ty = 0; ty < H; ty += tile) {
        for (int tx = 0; tx < W; tx += tile) {
            const int tw = std::min(tile, W - tx), th = std::min(tile, H - ty);
            if (!target || target->width() != tw || target->height() != th)
                target = std::make_unique<render::OffscreenTarget>(tw, th);
            target->bind();
            for (const auto& options : frames) {
                render::FrameOptions o = options;
                if (tw != W || th != H) o.tile = render::PixelRect{tx, ty, tw, th};
                renderer.draw(scene, camera, o);
            }
            const auto px = target->read_rgba();
            const auto row = static_cast<std::size_t>(tw) * 4;
            for (int y = 0; y < th; ++y)
                std::memcpy(image.pixels.data() + (static_cast<std::size_t>(ty + y) * static_cast<std::size_t>(W) +
                                                   static_cast<std::size_t>(tx)) *
                                                      4,
                            px.data() + static_cast<std::size_t>(y) * row, row);
        }
    }
    render::OffscreenTarget::unbind();
    return image;
}

ImageFormat image_format_for(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") return ImageFormat::Png;
    if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::Jpeg;
    if (ext == ".tif" || ext == ".tiff") return ImageFormat::GeoTiff;
    throw usage_error("{}: unknown image format '{}' (expected .png, .jpg or .tif)", path.string(), ext);
}

void write_image_file(const std::filesystem::path& path, const io::RgbaImage& image, const core::Camera& camera,
                      const core::Projector& projector, bool world_file) {
    switch (image_format_for(path)) {
        case ImageFormat::GeoTiff:
            io::write_geotiff(path, image, camera, projector);
            return;
        case ImageFormat::Jpeg:
            io::write_jpeg(path, image);
            break;
        case ImageFormat::Png:
            io::write_png(path, image);
            break;
    }
    if (world_file) io::write_world_file(path, camera, projector);
}

float auto_ui_scale(int width, int height) {
    const double short_side = std::min(width, height);
    return static_cast<float>(std::max(1.0, std::round(short_side / 1000.0 * 4) / 4));
}

}  // namespace sitmap::app
