// Renderer::draw's geometry layers through the layer cache (render/layer_cache): which frames
// copy them, which draw only a changed rectangle or the strips a pan uncovered, which draw all.
#include "compose/geometry_key.hpp"
#include "render/layer_cache.hpp"
#include "render/renderer.hpp"

namespace sitmap::render {

void Renderer::draw_cached_layers(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                                  std::size_t base_end, const std::string& base_key, GLuint target_fbo,
                                  FrameStats& stats) {
    LayerCache& cache = *layer_cache_;
    const compose::GeometryKey key = compose::geometry_key(scene, camera, options, shade_opacity_);
    // 1. The held layers are this view's: the same view, or a view moved by whole pixels within
    //    their margin, with the same draws (the key of the camera they were drawn with, today).
    const auto& held = cache.entry();
    std::optional<compose::GeometryKey> held_today;
    if (held && held->same_view_kind(generation_, camera)) {
        const core::Camera drawn = held->drawn_camera();
        const bool same_camera =
            held->margin == 0 && held->centre.x == camera.centre().x && held->centre.y == camera.centre().y;
        held_today = same_camera ? key : compose::geometry_key(scene, drawn, options, shade_opacity_);
        if (cache.restore(*held_today, generation_, camera, target_fbo)) {
            ++stats.layers_reused;
            stats.layers_panned += same_camera ? 0 : 1;
            return;
        }
        // 2. A pan (the same draws, the view moved by whole pixels on the same grid): keep the
        //    layers with a margin all round, from what is held where it still covers them.
        const bool same_layers = *held_today == held->key;
        if (same_layers && !same_camera &&
            compose::whole_pixel_shift(held->grid, compose::pixel_grid(camera)).has_value()) {
            const auto rects = cache.begin_padded(camera, kLayerPanMargin, true);
            const core::Camera padded = cache.padded_camera();
            draw_padded_rects(scene, padded, options, rects, stats);
            const compose::GeometryKey padded_key = compose::geometry_key(scene, padded, options, shade_opacity_);
            cache.finish_padded(padded_key, generation_);
            cache.restore(padded_key, generation_, camera, target_fbo);
            ++stats.layers_reused;
            stats.layers_panned += 2;
            return;
        }
    }
    // 3. Only some draws changed (a control area changing hands, a stripe fading): the cached
    //    layers, with just the rectangle where those draws fall drawn again over them, in full
    //    (every layer in order, so the pixels are those of a whole redraw).
    const auto changed = cache.changed_rect(scene, key, generation_, camera);
    const bool partial = changed && changed->width * changed->height * 10 < tile_.width * tile_.height * 7 &&
                         cache.copy_to(target_fbo, tile_.width, tile_.height);
    if (partial && changed->width > 0) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(changed->x, changed->y, changed->width, changed->height);
        draw_layers(scene, camera, options, base_end, base_key, target_fbo, stats);
        apply_clip();
    } else if (!partial) {
        draw_layers(scene, camera, options, base_end, base_key, target_fbo, stats);
    }
    stats.layers_partial += partial ? 1 : 0;
    cache.store(key, generation_, camera, target_fbo);
}

void Renderer::draw_padded_rects(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                                 const std::vector<PixelRect>& rects, FrameStats& stats) {
    if (rects.empty()) return;
    const PixelRect saved = tile_;
    tile_ = {0, 0, camera.width(), camera.height()};
    glBindFramebuffer(GL_FRAMEBUFFER, layer_cache_->padded_fbo());
    glViewport(0, 0, tile_.width, tile_.height);
    glEnable(GL_SCISSOR_TEST);
    const core::Rgba water = water_color();
    glClearColor(water.r, water.g, water.b, 1.0f);
    for (const PixelRect& r : rects) {
        // Each rectangle from the sea up, so where two overlap the pixels are drawn once over.
        glScissor(r.x, r.y, r.width, r.height);
        glClear(GL_COLOR_BUFFER_BIT);
        for (std::size_t i = 0; i < scene.layers.size(); ++i) draw_layer(scene, i, camera, options, stats);
    }
    tile_ = saved;
    glViewport(0, 0, tile_.width, tile_.height);
    apply_clip();
}

}  // namespace sitmap::render
