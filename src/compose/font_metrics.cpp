#include "compose/font_metrics.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

#include <stb_truetype.h>  // implementation in libstb.so

#include <fstream>
#include <iterator>

namespace sitmap::compose {

struct FontMetrics::FontData {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    float scale = 1;  // stb scale for kBasePx
};

namespace {
std::vector<unsigned char> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fmt_error("{}: cannot open font file", path.string());
    return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

FontMetrics::FontMetrics(const std::filesystem::path& font_dir) {
    for (const char* name : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif-Italic.ttf"}) {
        auto font = std::make_unique<FontData>();
        font->bytes = read_file(font_dir / name);
        if (!stbtt_InitFont(&font->info, font->bytes.data(), stbtt_GetFontOffsetForIndex(font->bytes.data(), 0)))
            throw fmt_error("{}: not a TrueType font", (font_dir / name).string());
        font->scale = stbtt_ScaleForMappingEmToPixels(&font->info, kBasePx);
        fonts_.push_back(std::move(font));
    }
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&fonts_[0]->info, &ascent, &descent, &gap);
    ascent_ = static_cast<float>(ascent) * fonts_[0]->scale;
}

FontMetrics::~FontMetrics() = default;

FontMetrics::Lookup FontMetrics::lookup(Face face, char32_t cp) const {
    const FontData* font = fonts_[static_cast<std::size_t>(face)].get();
    int index = stbtt_FindGlyphIndex(&font->info, static_cast<int>(cp));
    if (index == 0 && face != Face::Regular) {  // fall back to the regular face (e.g. Armenian italic)
        font = fonts_[0].get();
        index = stbtt_FindGlyphIndex(&font->info, static_cast<int>(cp));
    }
    return {&font->info, index, font->scale};
}

float FontMetrics::advance(Face face, char32_t cp) const {
    if (cp == kSymbolDot || cp == kSymbolRing) return 2.0f * (12 + kSymbolPadding);
    const Lookup l = lookup(face, cp);
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(l.info, l.index, &advance, &lsb);
    return static_cast<float>(advance) * l.scale;
}

float FontMetrics::kerning(Face face, char32_t a, char32_t b) const {
    const FontData* font = fonts_[static_cast<std::size_t>(face)].get();
    return static_cast<float>(stbtt_GetCodepointKernAdvance(&font->info, static_cast<int>(a), static_cast<int>(b))) *
           font->scale;
}

float FontMetrics::measure(std::string_view text, const TextStyle& style) const {
    const float s = style.px / kBasePx;
    float w = 0;
    char32_t prev = 0;
    const auto cps = core::decode_utf8(text);
    for (char32_t cp : cps) {
        if (prev) w += kerning(style.face, prev, cp) * s;
        w += advance(style.face, cp) * s + style.tracking_px;
        prev = cp;
    }
    return cps.empty() ? 0 : w - style.tracking_px;
}

float FontMetrics::ascent(const TextStyle& style) const {
    return ascent_ * style.px / kBasePx * 0.76f;
}

}  // namespace sitmap::compose
