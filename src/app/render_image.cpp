#include "app/render_image.hpp"

#include "render/offscreen.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::app {

io::RgbaImage render_image(render::Renderer& renderer, const core::Scene& scene, const core::Camera& camera,
                           const render::FrameOptions& options) {
    render::OffscreenTarget target(camera.width(), camera.height());
    target.bind();
    renderer.draw(scene, camera, options);
    io::RgbaImage image{camera.width(), camera.height(), target.read_rgba()};
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image;
}

float auto_ui_scale(int width, int height) {
    const double short_side = std::min(width, height);
    return static_cast<float>(std::max(1.0, std::round(short_side / 1000.0 * 4) / 4));
}

}  // namespace sitmap::app
