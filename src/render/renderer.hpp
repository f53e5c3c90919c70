// Renderer: draws a core::Scene for a core::Camera into the currently bound framebuffer (the
// window's or an offscreen one), so the window and `sitmap render` share every pixel rule.
// Owns all GL objects; destroy it before the context. No ImGui, no GLFW.
#pragma once
#include "core/camera.hpp"
#include "core/event_marker.hpp"
#include "core/event_view.hpp"
#include "core/label_placer.hpp"
#include "core/scene.hpp"
#include "render/gl.hpp"
#include "render/text.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::render {

/// A rectangle of the image in pixels (origin top-left, y down).
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

/// What to draw on top of the map layers. Sizes are multiplied by `ui_scale` (exports use >1).
struct FrameOptions {
    float ui_scale = 1.0f;
    bool scale_bar = true;
    bool attribution = true;  ///< the attribution line; always on in the app and exports
    float inset_top = 0;      ///< pixels covered by UI at the top (menu bar): furniture stays clear
    float inset_bottom = 0;   ///< pixels covered by UI at the bottom (status bar)
    /// The shown date as a day number (core::day_number). Time-dependent parts are drawn only when
    /// valid on that day; without a date they are hidden and only static layers show.
    std::optional<std::int32_t> day;
    /// Drawn large at the top right with the control legend ("19 September 2023"); empty = none.
    /// Part of the frame so exports show it too.
    std::string date_label;
    /// Event symbols to draw over the map (not owned; nullptr = none).
    const std::vector<core::EventMarker>* events = nullptr;
    /// Events shown by the window and filters but not drawn (known only to a region or country, or
    /// not located): exports list them in a box at the right edge, or at least state their count
    /// (core::off_map_sentence). Not owned; nullptr or empty = no box (the window has its own strip).
    const core::OffMapSummary* off_map = nullptr;

    // ---- map furniture for exports and presentations ----
    std::string title;  ///< top-left title block (empty = none)
    std::string subtitle;
    bool legend = false;       ///< legend of what is shown: event types, reference lines, areas
    bool north_arrow = false;  ///< true north at the view centre (LCC meridians converge)
    bool locator = false;      ///< inset map of the region with the view's box

    /// Draw only this part of a camera-sized image into the bound framebuffer (tile.width x
    /// tile.height), laying out labels for the whole image so tiles join seamlessly. Unset = all.
    std::optional<PixelRect> tile;

    /// Reuse the static base layers (sea, land, relief) drawn by the previous call when the view
    /// and those layers are unchanged (the window sets this; a playing slider then redraws only
    /// what changes with the date). Ignored when tiling.
    bool reuse_base = false;
};

/// Per-frame figures, for the status bar and the benchmark.
struct FrameStats {
    std::size_t triangles = 0;
    std::size_t line_segments = 0;
    std::size_t labels = 0;
    std::size_t base_reused = 0;  ///< 1 when the base layers came from the cache
};

class Renderer {
public:
    /// Compiles shaders and loads fonts from `font_dir`. Needs a current OpenGL 3.3 core context.
    /// Throws sitmap::Error on shader or font failure.
    explicit Renderer(const std::filesystem::path& font_dir);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Uploads every layer of `scene` to the GPU (once; call again after layers are added).
    void upload(const core::Scene& scene);
    /// Draws `scene` (uploaded before) as seen by `camera` into the bound framebuffer, whose size
    /// must be camera.width() x camera.height(). Sets all GL state it relies on.
    FrameStats draw(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options);

    FontAtlas& fonts() { return *atlas_; }
    /// Screen boxes of the labels and symbols placed by the last draw() (for tests and hit-testing).
    const std::vector<core::PxBox>& last_label_boxes() const { return label_boxes_; }
    /// Screen positions of the event markers drawn by the last draw(), topmost last.
    const std::vector<core::MarkerHit>& last_marker_hits() const { return marker_hits_; }
    /// The lines of the "not on the map" box drawn by the last draw() (empty = no box), and its box.
    const std::vector<std::string>& last_off_map_lines() const { return off_map_lines_; }
    const core::PxBox& last_off_map_box() const { return off_map_box_; }

private:
    struct LayerGpu;
    void draw_fill(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                   const FrameOptions& options, FrameStats& stats);
    void draw_lines(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                    const FrameOptions& options, FrameStats& stats);
    void bake_shade(const core::SceneLayer& layer, LayerGpu& gpu);
    /// Places labels of free texts (country, sea; when `with_texts`) and then of places with
    /// first_rank <= rank <= last_rank.
    void layout_labels(const core::Scene& scene, const core::Camera& camera, float ui_scale, core::LabelPlacer& placer,
                       int first_rank, int last_rank, bool with_texts, FrameStats& stats);
    void layout_events(const core::Camera& camera, const FrameOptions& options, core::LabelPlacer& placer);
    void layout_furniture(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                          core::LabelPlacer& placer);
    void set_view_uniforms(const gl::Program& p, const core::Camera& camera);
    void draw_locator(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options);
    void layout_legend(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                       core::LabelPlacer& placer);
    /// The "not on the map" box at the right edge, from `top` down to at most `bottom`.
    void layout_off_map(const FrameOptions& options, float right, float top, float bottom, core::LabelPlacer& placer);
    PixelRect tile_{};          ///< the part of the image being drawn (whole image unless tiling)
    PixelRect locator_rect_{};  ///< where the locator inset goes this frame (width 0 = none)
    float scale_bar_right_ = 0;
    std::unique_ptr<class OffscreenTarget> base_cache_;  ///< static base layers of the last view
    std::string base_key_;  ///< the view and layer state they show  ///< right end of the scale bar (the north arrow
                            ///< goes beside it)
    core::Camera locator_camera(const core::Scene& scene, const PixelRect& rect) const;

    gl::Program fill_program_, line_program_, raster_program_, text_program_;
    gl::Buffer corner_buffer_;
    std::unique_ptr<FontAtlas> atlas_;
    std::unique_ptr<TextBatch> text_;       ///< labels and event symbols
    std::unique_ptr<TextBatch> furniture_;  ///< title, legend, scale bar...: drawn last, over the map
    std::vector<std::unique_ptr<LayerGpu>> layers_;
    std::vector<core::PxBox> label_boxes_;
    std::vector<core::MarkerHit> marker_hits_;
    std::vector<std::string> off_map_lines_;
    core::PxBox off_map_box_{};
    gl::Texture shade_texture_;  ///< relief factor baked in world space (see bake_shade)
    glm::vec2 shade_origin_{0, 0}, shade_size_{1, 1};
    float shade_opacity_ = 0;
};

/// Background (sea) colour of the map.
core::Rgba water_color();

/// A "nice" scale-bar length in metres (1, 2 or 5 x 10^n) near `target_m`.
double nice_scale_length(double target_m);

}  // namespace sitmap::render
