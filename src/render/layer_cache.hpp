// The map's geometry layers as last drawn (every fill, outline and line, before labels and
// symbols), kept in an offscreen framebuffer with the key they were drawn for
// (compose::GeometryKey). While the key stays the same (a still view while the slider plays and
// no control area, line or stripe changes; an idle redraw), Renderer::draw copies them instead of
// drawing them. Any change of the key (a change day, a fading stripe, the view, the window's
// size, a layer toggled or restyled) or of the uploaded geometry (a reload) draws them again.
#pragma once
#include "compose/geometry_key.hpp"
#include "core/camera.hpp"
#include "core/geometry.hpp"
#include "core/scene.hpp"
#include "render/gl.hpp"

#include <cstdint>
#include <memory>
#include <optional>

namespace sitmap::render {

class OffscreenTarget;
using compose::PixelRect;

/// The cache's rule without GL: what was drawn (key, uploaded geometry, view centre) against what
/// a frame needs.
struct LayerCacheEntry {
    compose::GeometryKey key;
    std::uint64_t generation = 0;  ///< Renderer::upload count when drawn
    core::WorldXY centre{};

    /// The cached pixels are this frame's: same key, same geometry, same centre.
    bool holds(const compose::GeometryKey& k, std::uint64_t gen, const core::WorldXY& c) const {
        return generation == gen && centre.x == c.x && centre.y == c.y && key == k;
    }
};

class LayerCache {
public:
    LayerCache();
    ~LayerCache();
    LayerCache(const LayerCache&) = delete;
    LayerCache& operator=(const LayerCache&) = delete;

    /// Copies the cached layers into `target_fbo` (width x height) when they are this frame's;
    /// false (nothing touched) when they are not.
    bool restore(const compose::GeometryKey& key, std::uint64_t generation, const core::WorldXY& centre,
                 GLuint target_fbo, int width, int height);
    /// Keeps what `source_fbo` (width x height) now holds as the layers of `key` at `centre`.
    void store(const compose::GeometryKey& key, std::uint64_t generation, const core::WorldXY& centre,
               GLuint source_fbo, int width, int height);
    /// Where this frame (`key` at `centre`, seen by `camera`) can differ from the cached layers,
    /// in framebuffer pixels (y up), when they were drawn at the same centre from the same
    /// geometry and only some draws changed (compose::changed_area): a width of 0 = nowhere.
    /// nullopt: anywhere, or nothing cached.
    std::optional<PixelRect> changed_rect(const core::Scene& scene, const compose::GeometryKey& key,
                                          std::uint64_t generation, const core::Camera& camera) const;
    /// Copies the cached layers, whatever they show, into `target_fbo` (width x height); false
    /// when none of that size are held.
    bool copy_to(GLuint target_fbo, int width, int height) const;
    /// Forgets what is held (the next restore misses).
    void clear() { entry_.reset(); }

private:
    std::unique_ptr<OffscreenTarget> target_;
    std::optional<LayerCacheEntry> entry_;
};

}  // namespace sitmap::render
