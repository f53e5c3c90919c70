#include "render/layer_cache.hpp"

#include "render/offscreen.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::render {

LayerCache::LayerCache() = default;
LayerCache::~LayerCache() = default;

namespace {
/// Copies the w x h rectangle at (sx, sy) of `from` to (dx, dy) of `to`, scissor off meanwhile.
void copy(GLuint from, int sx, int sy, GLuint to, int dx, int dy, int w, int h) {
    GLboolean scissor = GL_FALSE;
    glGetBooleanv(GL_SCISSOR_TEST, &scissor);
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    glBlitFramebuffer(sx, sy, sx + w, sy + h, dx, dy, dx + w, dy + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, to);
    if (scissor) glEnable(GL_SCISSOR_TEST);
}
}  // namespace

std::optional<compose::PixelShift> LayerCacheEntry::view_in_held(const compose::GeometryKey& k, std::uint64_t gen,
                                                                 const core::Camera& camera) const {
    if (!same_view_kind(gen, camera)) return std::nullopt;
    const auto shift = compose::whole_pixel_shift(grid, compose::pixel_grid(camera));
    if (!shift || std::abs(shift->dx) > margin || std::abs(shift->dy) > margin || !(key == k)) return std::nullopt;
    return compose::PixelShift{margin + shift->dx, margin + shift->dy};
}

std::optional<PixelRect> LayerCache::changed_rect(const core::Scene& scene, const compose::GeometryKey& key,
                                                  std::uint64_t generation, const core::Camera& camera) const {
    if (!entry_ || entry_->margin != 0 || !entry_->same_view_kind(generation, camera) ||
        entry_->centre.x != camera.centre().x || entry_->centre.y != camera.centre().y)
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
    if (!entry_ || entry_->margin != 0 || !target_ || target_->width() != width || target_->height() != height)
        return false;
    copy(target_->fbo_id(), 0, 0, target_fbo, 0, 0, width, height);
    return true;
}

bool LayerCache::restore(const compose::GeometryKey& key, std::uint64_t generation, const core::Camera& camera,
                         GLuint target_fbo) {
    if (!entry_ || !target_) return false;
    const auto corner = entry_->view_in_held(key, generation, camera);
    if (!corner) return false;
    copy(target_->fbo_id(), corner->dx, corner->dy, target_fbo, 0, 0, camera.width(), camera.height());
    return true;
}

void LayerCache::store(const compose::GeometryKey& key, std::uint64_t generation, const core::Camera& camera,
                       GLuint source_fbo) {
    const int w = camera.width(), h = camera.height();
    if (spare_ && spare_->width() == w && spare_->height() == h && (!target_ || target_->width() != w))
        std::swap(target_, spare_);  // the padded target stays for the next pan
    if (!target_ || target_->width() != w || target_->height() != h) target_ = std::make_unique<OffscreenTarget>(w, h);
    copy(source_fbo, 0, 0, target_->fbo_id(), 0, 0, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, source_fbo);  // the frame goes on there
    entry_ = LayerCacheEntry{key, generation, camera.centre(), compose::pixel_grid(camera), w, h, 0};
}

std::vector<PixelRect> LayerCache::begin_padded(const core::Camera& camera, int margin, bool same_layers) {
    const int w = camera.width() + 2 * margin, h = camera.height() + 2 * margin;
    if (!spare_ || spare_->width() != w || spare_->height() != h) spare_ = std::make_unique<OffscreenTarget>(w, h);
    pending_ =
        LayerCacheEntry{{}, 0, camera.centre(), compose::pixel_grid(camera), camera.width(), camera.height(), margin};
    // The held layers, when they are these and as large, moved into the new target: only the
    // strips they do not cover are left to draw.
    if (same_layers && entry_ && target_ && entry_->margin == margin && target_->width() == w &&
        target_->height() == h && entry_->width == camera.width() && entry_->height == camera.height()) {
        if (const auto shift = compose::whole_pixel_shift(entry_->grid, pending_.grid)) {
            auto strips = compose::uncovered_strips(w, h, *shift);
            if (strips.size() == 1 && strips[0].width == w && strips[0].height == h) return strips;
            // New pixel (x, y) is old pixel (x + dx, y + dy): copy the overlap.
            const int sx = std::max(0, shift->dx), sy = std::max(0, shift->dy);
            const int tx = std::max(0, -shift->dx), ty = std::max(0, -shift->dy);
            copy(target_->fbo_id(), sx, sy, spare_->fbo_id(), tx, ty, w - std::abs(shift->dx), h - std::abs(shift->dy));
            return strips;
        }
    }
    return {PixelRect{0, 0, w, h}};
}

GLuint LayerCache::padded_fbo() const {
    return spare_ ? spare_->fbo_id() : 0;
}

void LayerCache::finish_padded(const compose::GeometryKey& key, std::uint64_t generation) {
    pending_.key = key;
    pending_.generation = generation;
    entry_ = pending_;
    std::swap(target_, spare_);
}

}  // namespace sitmap::render
