// Text, symbols and screen-space furniture: a signed-distance-field glyph atlas built lazily with
// stb_truetype (only glyphs actually used are rasterised), and a batch of screen quads drawn in one
// call. Coordinates are pixels, origin top-left, y down. Needs a current GL context; no ImGui.
#pragma once
#include "core/scene.hpp"
#include "render/gl.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::render {

enum class Face { Regular = 0, Bold = 1, Italic = 2 };

/// Private-use code points for map symbols rendered through the glyph atlas.
inline constexpr char32_t kSymbolDot = 0xE000;   ///< filled disc
inline constexpr char32_t kSymbolRing = 0xE001;  ///< annulus

class FontAtlas {
public:
    static constexpr int kBasePx = 32;         ///< glyphs are rasterised at this pixel height
    static constexpr int kPadding = 8;         ///< SDF spread in atlas pixels
    static constexpr float kDistanceScale = 255.0f / (128.0f / kPadding);  ///< value 1.0 in atlas px

    struct Glyph {
        float advance = 0;                    ///< at kBasePx
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0; ///< quad relative to pen/baseline at kBasePx (y down)
        float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
        bool empty = true;
    };

    /// Loads the three faces from `font_dir` (DejaVuSans.ttf, DejaVuSans-Bold.ttf,
    /// DejaVuSerif-Italic.ttf). Throws sitmap::Error naming the missing file.
    explicit FontAtlas(const std::filesystem::path& font_dir);
    ~FontAtlas();
    FontAtlas(const FontAtlas&) = delete;
    FontAtlas& operator=(const FontAtlas&) = delete;

    const Glyph& glyph(Face face, char32_t cp);
    float kerning(Face face, char32_t a, char32_t b) const;  ///< at kBasePx
    float ascent() const { return ascent_; }                  ///< at kBasePx
    /// Atlas UV of an always-inside texel, for solid rectangles.
    float solid_u() const { return 2.0f / kSize; }
    float solid_v() const { return 2.0f / kSize; }
    /// Uploads new glyphs to the texture (if any) and binds it to texture unit 0.
    void bind();

private:
    static constexpr int kSize = 2048;
    struct FontData;
    void rasterise(Face face, char32_t cp, Glyph& g);
    void make_symbol(char32_t cp, Glyph& g);
    bool pack(int w, int h, int& x, int& y);

    std::vector<std::unique_ptr<FontData>> fonts_;
    std::unordered_map<std::uint64_t, Glyph> glyphs_;
    std::vector<std::uint8_t> pixels_;
    gl::Texture texture_;
    bool dirty_ = true;
    int shelf_x_ = 8, shelf_y_ = 0, shelf_h_ = 8;
    float ascent_ = 0;
};

/// Screen-space quads for one frame: text runs, symbols and rectangles, drawn with one call.
class TextBatch {
public:
    explicit TextBatch(FontAtlas& atlas);

    struct Style {
        Face face = Face::Regular;
        float px = 13.0f;  ///< font size: pixel height of the em
        core::Rgba color = core::rgb(0x222222);
        core::Rgba halo = core::rgb(0xffffff, 0.9f);
        float halo_px = 0;      ///< 0 = no halo
        float tracking_px = 0;  ///< extra space between letters
    };

    /// Width in pixels of `text` in `style`.
    float measure(std::string_view text, const Style& style);
    /// Draws `text` with its baseline starting at (x, y). Returns the advance width.
    float add_text(std::string_view text, float x, float y, const Style& style);
    /// Ascent (top of capitals above the baseline) in pixels for `style`.
    float ascent(const Style& style) const;
    void add_rect(float x0, float y0, float x1, float y1, core::Rgba color);
    void add_symbol(char32_t symbol, float cx, float cy, float radius_px, core::Rgba color, core::Rgba halo,
                    float halo_px);
    /// A disc of radius `r` (pixels) filled with `fill`, outlined `outline_px` wide in `outline`.
    void add_circle(float cx, float cy, float r, core::Rgba fill, core::Rgba outline, float outline_px);
    /// A straight line `width` pixels wide (no caps).
    void add_line(float x0, float y0, float x1, float y1, float width, core::Rgba color);
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
};

}  // namespace sitmap::render
