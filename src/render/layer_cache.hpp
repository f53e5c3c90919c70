// The map's geometry layers as last drawn (every fill, outline and line, before labels and
// symbols), kept in an offscreen framebuffer with the key they were drawn for
// (compose::GeometryKey). While the key stays the same (a still view while the slider plays and
// no control area, line or stripe changes; an idle redraw), Renderer::draw copies them instead of
// drawing them. Once the view is panned they are kept with a margin all round, and a view moved
// by whole pixels on the same pixel grid (compose/pixel_grid) copies them shifted: every layer is
// drawn on that grid, so the copy is the frame drawn from scratch. When a pan leaves the margin,
// the part still held is moved into a new target centred on the view and only the strips newly
// uncovered are drawn. Any other change of the key (a change day, a fading stripe, the zoom, the
// window's size, a layer toggled or restyled) or of the uploaded geometry (a reload) draws them again.
#pragma once
#include "compose/geometry_key.hpp"
#include "compose/pixel_grid.hpp"
#include "core/camera.hpp"
#include "core/geometry.hpp"
#include "core/scene.hpp"
#include "render/gl.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace sitmap::render {

class OffscreenTarget;
using compose::PixelRect;

/// The cache's rule without GL: what was drawn (key, uploaded geometry, where, with what margin)
/// against what a frame needs.
struct LayerCacheEntry {
    compose::GeometryKey key;      ///< of the camera drawn (the view with `margin` pixels all round)
    std::uint64_t generation = 0;  ///< Renderer::upload count when drawn
    core::WorldXY centre{};        ///< the view's centre when drawn
    compose::PixelGrid grid;       ///< its pixel grid
    int width = 0, height = 0;     ///< the view's size, without the margin
    int margin = 0;                ///< pixels drawn beyond the view on each side

    /// The camera the layers were drawn with.
    core::Camera drawn_camera() const {
        return core::Camera(centre, grid.metres_per_pixel, width + 2 * margin, height + 2 * margin);
    }
    /// Whether the held layers were drawn from `gen` for views of `camera`'s size and zoom.
    bool same_view_kind(std::uint64_t gen, const core::Camera& camera) const {
        return generation == gen && width == camera.width() && height == camera.height() &&
               grid.metres_per_pixel == camera.metres_per_pixel();
    }
    /// Where `camera`'s view lies in the held pixels when they hold it: the same layers (`key`,
    /// the key of drawn_camera() for this frame), moved by whole pixels within the margin. The
    /// corner (x, y up) of the view in the held target; nullopt when they do not hold it.
    std::optional<compose::PixelShift> view_in_held(const compose::GeometryKey& k, std::uint64_t gen,
                                                    const core::Camera& camera) const;
};

class LayerCache {
public:
    LayerCache();
    ~LayerCache();
    LayerCache(const LayerCache&) = delete;
    LayerCache& operator=(const LayerCache&) = delete;

    /// What is held (nullopt: nothing).
    const std::optional<LayerCacheEntry>& entry() const { return entry_; }
    /// Copies the held layers into `target_fbo` (camera's size) when they hold this frame's
    /// (`key`: the key of the entry's drawn camera for this frame); false (nothing touched) when not.
    bool restore(const compose::GeometryKey& key, std::uint64_t generation, const core::Camera& camera,
                 GLuint target_fbo);
    /// Keeps what `source_fbo` (camera's size) now holds as the layers of `key` at `camera`, no margin.
    void store(const compose::GeometryKey& key, std::uint64_t generation, const core::Camera& camera,
               GLuint source_fbo);
    /// Starts holding the layers of `camera`'s view with `margin` pixels all round: the spare
    /// target (view plus margin) gets the part of the held layers that lies in it when they are
    /// the same layers on the same grid (`same_layers`), and the rectangles of it still to be
    /// drawn are returned (framebuffer pixels, y up; the whole target when nothing was kept).
    /// Draw them into padded_fbo() with padded_camera(), then call finish_padded.
    std::vector<PixelRect> begin_padded(const core::Camera& camera, int margin, bool same_layers);
    GLuint padded_fbo() const;
    core::Camera padded_camera() const { return pending_.drawn_camera(); }
    /// The spare target now holds the layers of `key` (the padded camera's): it becomes the held one.
    void finish_padded(const compose::GeometryKey& key, std::uint64_t generation);
    /// Where this frame (`key` at `camera`'s centre) can differ from the held layers, in
    /// framebuffer pixels (y up), when they were drawn at the same centre without a margin from
    /// the same geometry and only some draws changed (compose::changed_area): a width of 0 =
    /// nowhere. nullopt: anywhere, or nothing such held.
    std::optional<PixelRect> changed_rect(const core::Scene& scene, const compose::GeometryKey& key,
                                          std::uint64_t generation, const core::Camera& camera) const;
    /// Copies the held layers, whatever they show, into `target_fbo` (width x height); false
    /// when none of that size without a margin are held.
    bool copy_to(GLuint target_fbo, int width, int height) const;
    /// Forgets what is held (the next restore misses).
    void clear() { entry_.reset(); }

private:
    std::unique_ptr<OffscreenTarget> target_, spare_;
    std::optional<LayerCacheEntry> entry_;
    LayerCacheEntry pending_;  ///< what begin_padded started
};

}  // namespace sitmap::render
