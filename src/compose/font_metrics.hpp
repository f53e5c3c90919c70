// Font metrics without GL: the three map faces loaded with stb_truetype, for measuring text while a
// frame is laid out (compose/layout) and for rasterising glyphs (render::FontAtlas reads the same
// faces). Coordinates are pixels. No GL, no ImGui.
#pragma once
#include "core/scene.hpp"

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

struct stbtt_fontinfo;

namespace sitmap::compose {

enum class Face { Regular = 0, Bold = 1, Italic = 2 };

/// Private-use code points for map symbols rendered through the glyph atlas.
inline constexpr char32_t kSymbolDot = 0xE000;   ///< filled disc
inline constexpr char32_t kSymbolRing = 0xE001;  ///< annulus

/// How a run of text looks.
struct TextStyle {
    Face face = Face::Regular;
    float px = 13.0f;  ///< font size: pixel height of the em
    core::Rgba color = core::rgb(0x222222);
    core::Rgba halo = core::rgb(0xffffff, 0.9f);
    float halo_px = 0;      ///< 0 = no halo
    float tracking_px = 0;  ///< extra space between letters
};

class FontMetrics {
public:
    static constexpr int kBasePx = 32;        ///< metrics (and the atlas's glyphs) are at this pixel height
    static constexpr int kSymbolPadding = 8;  ///< SDF spread of the symbol glyphs (render::FontAtlas)

    /// Loads DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSerif-Italic.ttf from `font_dir`. Throws
    /// sitmap::Error naming the missing or unreadable file.
    explicit FontMetrics(const std::filesystem::path& font_dir);
    ~FontMetrics();
    FontMetrics(const FontMetrics&) = delete;
    FontMetrics& operator=(const FontMetrics&) = delete;

    /// Width in pixels of `text` in `style`.
    float measure(std::string_view text, const TextStyle& style) const;
    /// Ascent (top of capitals above the baseline) in pixels for `style`.
    float ascent(const TextStyle& style) const;

    /// The face that has `cp` (falls back to Regular, e.g. Armenian in italic) and its glyph index.
    struct Lookup {
        const stbtt_fontinfo* info = nullptr;
        int index = 0;
        float scale = 1;  ///< stb scale for kBasePx
    };
    Lookup lookup(Face face, char32_t cp) const;
    /// Advance at kBasePx (symbols: their atlas cell).
    float advance(Face face, char32_t cp) const;
    float kerning(Face face, char32_t a, char32_t b) const;  ///< at kBasePx
    float base_ascent() const { return ascent_; }            ///< at kBasePx, regular face

private:
    struct FontData;
    std::vector<std::unique_ptr<FontData>> fonts_;
    float ascent_ = 0;
};

}  // namespace sitmap::compose
