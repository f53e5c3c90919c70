// Renderer: draws a core::Scene for a core::Camera into the currently bound framebuffer (the
// window's or an offscreen one), so the window and `sitmap render` share every pixel rule.
// Owns all GL objects; destroy it before the context. No ImGui, no GLFW.
#pragma once
#include "compose/frame.hpp"
#include "compose/layout.hpp"
#include "compose/pixel_grid.hpp"
#include "core/camera.hpp"
#include "core/event_marker.hpp"
#include "core/event_view.hpp"
#include "core/label_placer.hpp"
#include "core/scene.hpp"
#include "render/gl.hpp"
#include "render/text.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::render {

using compose::FrameOptions;
using compose::PixelRect;

/// Per-frame figures, for the status bar and the benchmark.
struct FrameStats {
    std::size_t triangles = 0;
    std::size_t line_segments = 0;
    std::size_t labels = 0;
    std::size_t base_reused = 0;     ///< 1 when the base layers came from the cache
    std::size_t layers_reused = 0;   ///< 1 when every geometry layer came from the layer cache
    std::size_t layers_partial = 0;  ///< 1 when they came from it with the changed rectangle redrawn
    std::size_t layers_panned = 0;   ///< 1 when they came from it shifted (a pan), 2 when strips were drawn
};

class Renderer {
public:
    /// Compiles shaders and loads fonts from `font_dir`. Needs a current OpenGL 3.3 core context.
    /// Throws sitmap::Error on shader or font failure.
    explicit Renderer(const std::filesystem::path& font_dir);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Keeps the baked relief texture in `dir` between runs (render/shade_cache: replaced when
    /// what it was baked from changes). Empty (the default): baked at every upload.
    void set_cache_dir(std::filesystem::path dir) { cache_dir_ = std::move(dir); }
    /// Uploads every layer of `scene` to the GPU (once; call again after layers are added).
    void upload(const core::Scene& scene);
    /// Draws `scene` (uploaded before) as seen by `camera` into the bound framebuffer, whose size
    /// must be camera.width() x camera.height() (or the tile's). Sets all GL state it relies on.
    /// With options.clip only that rectangle is touched (a split view's half).
    FrameStats draw(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options);

    /// The font metrics the layout measures with (compose::layout_frame).
    const compose::FontMetrics& font_metrics() const { return *metrics_; }
    /// The layout drawn by the last draw(): labels, symbols, furniture (for tests and hit-testing).
    const compose::FrameLayout& last_layout() const { return layout_; }
    /// Screen boxes of the labels and symbols placed by the last draw() (for tests and hit-testing).
    const std::vector<core::PxBox>& last_label_boxes() const { return layout_.label_boxes; }
    /// Screen positions of the event markers drawn by the last draw(), topmost last.
    const std::vector<core::MarkerHit>& last_marker_hits() const { return layout_.marker_hits; }
    /// The lines of the "not on the map" box drawn by the last draw() (empty = no box), and its box.
    const std::vector<std::string>& last_off_map_lines() const { return layout_.off_map_lines; }
    const core::PxBox& last_off_map_box() const { return layout_.off_map_box; }

    /// Makes the window's default framebuffer (0) the target, `width` x `height`, cleared to the
    /// map's water colour when `clear`.
    static void bind_window_framebuffer(int width, int height, bool clear = false);

private:
    struct LayerGpu;
    /// Uniform locations of one program, looked up once when it is linked.
    struct ViewUniforms {
        GLint centre = -1, mpp = -1, viewport = -1, tile_offset = -1, anchor = -1, grid_centre = -1, frag_grid = -1;
    };
    struct FillUniforms {
        ViewUniforms view;
        GLint color = -1, hatch = -1, hatch_phase = -1, shade = -1, shade_opacity = -1, shade_origin = -1,
              shade_size = -1;
    };
    struct LineUniforms {
        ViewUniforms view;
        GLint half_width = -1, color = -1, dash = -1;
    };
    /// Variants of the fill program (shaders/fill.frag's SITMAP_SHADE): without relief, with the
    /// bilinear relief only, with bilinear or B-spline relief chosen per pixel.
    enum class FillShade { None = 0, Bilinear = 1, Full = 2 };
    struct FillProgram {
        gl::Program program;
        FillUniforms u;
    };
    /// Binds the fill variant `shade`; fill_u_ is then its uniforms.
    void use_fill(FillShade shade);
    /// The cheapest variant that draws `layer` for `camera` as the full one would.
    FillShade fill_shade_for(const core::SceneLayer& layer, const core::Camera& camera) const;
    void draw_fill(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                   const FrameOptions& options, FrameStats& stats);
    /// One fill pass with the fill program bound: `style` times `opacity`.
    void set_fill_style(const compose::FillStyle& style, float opacity);
    void draw_lines(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                    const FrameOptions& options, FrameStats& stats);
    /// The legend keys of the last layout, filled by the fill program exactly as the map's areas.
    void draw_swatches(const core::Camera& camera);
    void bake_shade(const core::SceneLayer& layer, LayerGpu& gpu);
    /// What the baked relief of `layer` depends on (the relief cache's key).
    std::string shade_cache_key(const core::SceneLayer& layer, int w, int h) const;
    /// Layer `i` of `scene` as the frame draws it (fill and outline, or lines; the rest is drawn later).
    void draw_layer(const core::Scene& scene, std::size_t i, const core::Camera& camera, const FrameOptions& options,
                    FrameStats& stats);
    /// Copies the cached base layers into `target_fbo` when the cache holds `camera`'s view (at
    /// its zoom, shifted by whole pixels within its margin); false when it does not.
    bool reuse_base_cache(const core::Camera& camera, GLuint target_fbo);
    /// Draws the base layers (below index `base_end`) into the cache with kPanMargin pixels all
    /// round, then copies the view out of it into `target_fbo`.
    void draw_base_padded(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                          std::size_t base_end, GLuint target_fbo, FrameStats& stats);
    /// The geometry layers into `target_fbo`, the base ones copied from the base cache when it
    /// holds them (`base_key`: the base cache's key for this frame, empty = not cached).
    void draw_layers(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                     std::size_t base_end, const std::string& base_key, GLuint target_fbo, FrameStats& stats);
    /// The geometry layers into `target_fbo` through the layer cache (render/layer_cache; in
    /// renderer_layers.cpp): copied when it holds them (the same view, or a view panned by whole
    /// pixels within its margin), drawn only where they changed, or drawn and kept.
    void draw_cached_layers(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                            std::size_t base_end, const std::string& base_key, GLuint target_fbo, FrameStats& stats);
    /// Every geometry layer of `camera` into the layer cache's padded target, in `rects` only.
    void draw_padded_rects(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                           const std::vector<PixelRect>& rects, FrameStats& stats);
    /// Labels, symbols, annotations, the locator and the furniture over the layers.
    void draw_overlays(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                       FrameStats& stats);
    void set_view_uniforms(const ViewUniforms& u, const core::Camera& camera);
    void draw_locator(const core::Scene& scene);

    /// `image_rect` (whole-image pixels, y down) in the bound framebuffer's pixels (y up), cut to it.
    PixelRect framebuffer_rect(const PixelRect& image_rect) const;
    static PixelRect intersection(const PixelRect& a, const PixelRect& b);
    /// The scissor of the frame being drawn: clip_ when set, else none.
    void apply_clip() const;

    PixelRect tile_{};                     ///< the part of the image being drawn (whole image unless tiling)
    compose::PixelGrid grid_{};            ///< the pixel grid of the view set_view_uniforms set last
    int viewport_x_ = 0, viewport_y_ = 0;  ///< the viewport's corner in the framebuffer (the locator's inset)
    std::optional<PixelRect> clip_;        ///< FrameOptions::clip in framebuffer pixels (unset = none)
    std::unique_ptr<class OffscreenTarget> base_cache_;  ///< static base layers of the last view
    std::string base_key_;                               ///< the zoom, size and layer state they show
    compose::PixelGrid base_grid_{};                     ///< the view (zoom, centre) they were drawn for
    int base_margin_ = 0;                                ///< pixels drawn beyond the view on each side
    /// Margin drawn around the view when a pan leaves the cache: the next ~20 frames of a drag
    /// (7 px a frame) copy the base layers instead of drawing them.
    static constexpr int kPanMargin = 160;
    /// Pixels the layer cache keeps beyond the view on each side once a pan has started.
    static constexpr int kLayerPanMargin = 128;
    /// Every geometry layer of the last frame, while nothing they show changes (render/layer_cache).
    std::unique_ptr<class LayerCache> layer_cache_;
    std::uint64_t generation_ = 0;  ///< upload() count: cached pixels drawn from older geometry are stale
    compose::FrameLayout layout_;

    std::unique_ptr<compose::FontMetrics> metrics_;
    gl::Program line_program_, raster_program_, text_program_;
    std::array<FillProgram, 3> fill_programs_;  ///< by FillShade
    FillUniforms fill_u_;                       ///< those of the variant use_fill bound last
    LineUniforms line_u_;
    ViewUniforms raster_u_;
    GLint raster_texture_u_ = -1;
    gl::Buffer corner_buffer_;
    gl::VertexArray swatch_vao_;
    gl::Buffer swatch_vbo_;
    std::unique_ptr<FontAtlas> atlas_;
    std::unique_ptr<TextBatch> text_;         ///< labels and event symbols
    std::unique_ptr<TextBatch> furniture_;    ///< title, legend, scale bar...: drawn last, over the map
    std::unique_ptr<TextBatch> annotations_;  ///< a slide's annotations: over the labels, under the inset
    std::vector<std::unique_ptr<LayerGpu>> layers_;
    gl::Texture shade_texture_;  ///< relief factor baked in world space (see bake_shade)
    glm::vec2 shade_origin_{0, 0}, shade_size_{1, 1};
    float shade_texel_m_ = 0;          ///< world metres per texel of shade_texture_ (across)
    std::filesystem::path cache_dir_;  ///< where the baked relief is kept between runs (empty: not kept)
    float shade_opacity_ = 0;
};

/// Background (sea) colour of the map.
core::Rgba water_color();

using compose::nice_scale_length;

}  // namespace sitmap::render
