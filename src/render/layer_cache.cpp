#include "render/layer_cache.hpp"

#include "render/offscreen.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::render {

LayerCache::LayerCache() = default;
LayerCache::~LayerCache() = default;

namespace {
void copy(GLuint from, GLuint to, int width, int height) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}
}  // namespace

std::optional<PixelRect> LayerCache::changed_rect(const core::Scene& scene, const compose::GeometryKey& key,
                                                  std::uint64_t generation, const core::Camera& camera) const {
    if (!entry_ || !target_ || target_->width() != camera.width() || target_->height() != camera.height() ||
        entry_->generation != generation || entry_->centre.x != camera.centre().x ||
        entry_->centre.y != camera.centre().y)
        return std::nullopt;
    // Two pixels round each changed draw: anti-aliased edges, rounding of the box's corners.
    const auto area = compose::changed_area(scene, entry_->key, key, 2.0);
    if (!area) return std::nullopt;
    if (area->empty()) return PixelRect{};
    const core::ScreenPx a = camera.screen({area->min_x, area->max_y}), b = camera.screen({area->max_x, area->min_y});
    const int w = camera.width(), h = camera.height();
    // Screen pixels (y down) to the framebuffer's (y up), cut to the image.
    const int x0 = std::clamp(static_cast<int>(std::floor(a.x)), 0, w);
    const int x1 = std::clamp(static_cast<int>(std::ceil(b.x)), 0, w);
    const int y0 = std::clamp(h - static_cast<int>(std::ceil(b.y)), 0, h);
    const int y1 = std::clamp(h - static_cast<int>(std::floor(a.y)), 0, h);
    if (x1 <= x0 || y1 <= y0) return PixelRect{};
    return PixelRect{x0, y0, x1 - x0, y1 - y0};
}

bool LayerCache::copy_to(GLuint target_fbo, int width, int height) const {
    if (!target_ || target_->width() != width || target_->height() != height) return false;
    GLboolean scissor = GL_FALSE;
    glGetBooleanv(GL_SCISSOR_TEST, &scissor);
    glDisable(GL_SCISSOR_TEST);
    copy(target_->fbo_id(), target_fbo, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, target_fbo);
    if (scissor) glEnable(GL_SCISSOR_TEST);
    return true;
}

bool LayerCache::restore(const compose::GeometryKey& key, std::uint64_t generation, const core::WorldXY& centre,
                         GLuint target_fbo, int width, int height) {
    return entry_ && entry_->holds(key, generation, centre) && copy_to(target_fbo, width, height);
}

void LayerCache::store(const compose::GeometryKey& key, std::uint64_t generation, const core::WorldXY& centre,
                       GLuint source_fbo, int width, int height) {
    if (!target_ || target_->width() != width || target_->height() != height)
        target_ = std::make_unique<OffscreenTarget>(width, height);
    GLboolean scissor = GL_FALSE;
    glGetBooleanv(GL_SCISSOR_TEST, &scissor);
    glDisable(GL_SCISSOR_TEST);
    copy(source_fbo, target_->fbo_id(), width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, source_fbo);
    if (scissor) glEnable(GL_SCISSOR_TEST);
    entry_ = LayerCacheEntry{key, generation, centre};
}

}  // namespace sitmap::render
