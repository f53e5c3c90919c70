// Text, symbols and screen-space furniture: a signed-distance-field glyph atlas built lazily with
// stb_truetype (only glyphs actually used are rasterised), and a batch of screen quads drawn in one
// call. Coordinates are pixels, origin top-left, y down. Needs a current GL context; no ImGui.
#pragma once
#include "compose/draw_list.hpp"
#include "compose/font_metrics.hpp"
#include "core/scene.hpp"
#include "render/gl.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::render {

using compose::Face;
using compose::kSymbolDot;
using compose::kSymbolRing;

class FontAtlas {
public:
    static constexpr int kBasePx = compose::FontMetrics::kBasePx;          ///< glyphs are rasterised at this height
    static constexpr int kPadding = compose::FontMetrics::kSymbolPadding;  ///< SDF spread in atlas pixels
    static constexpr float kDistanceScale = 255.0f / (128.0f / kPadding);  ///< value 1.0 in atlas px

    struct Glyph {
        float advance = 0;                     ///< at kBasePx
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< quad relative to pen/baseline at kBasePx (y down)
        float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
        bool empty = true;
    };

    /// Rasterises glyphs of the faces `metrics` loaded (not owned; must outlive the atlas).
    explicit FontAtlas(const compose::FontMetrics& metrics);
    ~FontAtlas();
    FontAtlas(const FontAtlas&) = delete;
    FontAtlas& operator=(const FontAtlas&) = delete;

    const Glyph& glyph(Face face, char32_t cp);
    float kerning(Face face, char32_t a, char32_t b) const { return metrics_.kerning(face, a, b); }  ///< at kBasePx
    /// Atlas UV of an always-inside texel, for solid rectangles.
    float solid_u() const { return 2.0f / kSize; }
    float solid_v() const { return 2.0f / kSize; }
    /// Uploads new glyphs to the texture (if any) and binds it to texture unit 0.
    void bind();

private:
    static constexpr int kSize = 2048;
    void rasterise(Face face, char32_t cp, Glyph& g);
    void make_symbol(char32_t cp, Glyph& g);
    bool pack(int w, int h, int& x, int& y);

    const compose::FontMetrics& metrics_;
    std::unordered_map<std::uint64_t, Glyph> glyphs_;
    std::vector<std::uint8_t> pixels_;
    gl::Texture texture_;
    bool dirty_ = true;
    int shelf_x_ = 8, shelf_y_ = 0, shelf_h_ = 8;
};

/// Screen-space quads for one frame: text runs, symbols and rectangles, drawn with one call.
class TextBatch {
public:
    explicit TextBatch(FontAtlas& atlas);

    using Style = compose::TextStyle;

    /// Adds every primitive of `list`, in its order.
    void add(const compose::DrawList& list);
    /// Draws `text` with its baseline starting at (x, y). Returns the advance width.
    float add_text(std::string_view text, float x, float y, const Style& style);
    void add_rect(float x0, float y0, float x1, float y1, core::Rgba color);
    void add_symbol(char32_t symbol, float cx, float cy, float radius_px, core::Rgba color, core::Rgba halo,
                    float halo_px);
    /// A disc of radius `r` (pixels) filled with `fill`, outlined `outline_px` wide in `outline`.
    void add_circle(float cx, float cy, float r, core::Rgba fill, core::Rgba outline, float outline_px);
    /// A straight line `width` pixels wide (no caps).
    void add_line(float x0, float y0, float x1, float y1, float width, core::Rgba color);
    /// A filled triangle (arrowheads).
    void add_triangle(float x0, float y0, float x1, float y1, float x2, float y2, core::Rgba color);
    void clear() { vertices_.clear(); }
    bool empty() const { return vertices_.empty(); }
    /// Draws everything added since clear() into the bound framebuffer, which shows the image
    /// rectangle (x, y, w, h) (the whole image, or one tile of it). Sets its own GL state.
    void draw(const gl::Program& program, int x, int y, int w, int h);

private:
    struct Vertex {
        float x, y, u, v;
        float r, g, b, a;
        float hr, hg, hb, ha;
        float scale, halo;
    };
    void quad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1, core::Rgba c,
              core::Rgba h, float scale, float halo);

    FontAtlas& atlas_;
    std::vector<Vertex> vertices_;
    gl::Buffer vbo_;
    gl::VertexArray vao_;
    GLuint uniforms_program_ = 0;  ///< the program the locations below belong to
    GLint u_atlas_ = -1, u_viewport_ = -1, u_tile_origin_ = -1, u_distance_scale_ = -1;
};

}  // namespace sitmap::render
