#include "render/text.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

#include <stb_truetype.h>  // implementation in libstb.so

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <utility>
#include <variant>

namespace sitmap::render {

namespace {
std::uint64_t key_of(Face face, char32_t cp) {
    return (static_cast<std::uint64_t>(face) << 32) | cp;
}
}  // namespace

FontAtlas::FontAtlas(const compose::FontMetrics& metrics)
    : metrics_(metrics), pixels_(static_cast<std::size_t>(kSize) * kSize, 0) {
    // A solid block at the origin for rectangles (value 255 = deep inside).
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 6; ++x) pixels_[static_cast<std::size_t>(y * kSize + x)] = 255;
}

FontAtlas::~FontAtlas() = default;

bool FontAtlas::pack(int w, int h, int& x, int& y) {
    if (shelf_x_ + w + 1 > kSize) {
        shelf_y_ += shelf_h_ + 1;
        shelf_x_ = 0;
        shelf_h_ = 0;
    }
    if (shelf_y_ + h + 1 > kSize) return false;
    x = shelf_x_;
    y = shelf_y_;
    shelf_x_ += w + 1;
    shelf_h_ = std::max(shelf_h_, h);
    return true;
}

void FontAtlas::make_symbol(char32_t cp, Glyph& g) {
    // Symbols are distance fields of a disc or ring with radius 12 atlas pixels.
    constexpr int r = 12, size = 2 * (r + kPadding);
    int px = 0, py = 0;
    if (!pack(size, size, px, py)) return;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const float dx = static_cast<float>(x) + 0.5f - size / 2.0f,
                        dy = static_cast<float>(y) + 0.5f - size / 2.0f;
            const float d = std::sqrt(dx * dx + dy * dy);
            float inside = cp == kSymbolDot ? r - d : 3.5f - std::abs(d - (r - 3.5f));  // >0 inside
            const float v = 128.0f + inside * (128.0f / kPadding);
            pixels_[static_cast<std::size_t>((py + y) * kSize + px + x)] =
                static_cast<std::uint8_t>(std::clamp(v, 0.0f, 255.0f));
        }
    }
    g.empty = false;
    g.x0 = g.y0 = -static_cast<float>(size) / 2;
    g.x1 = g.y1 = static_cast<float>(size) / 2;
    g.u0 = static_cast<float>(px) / kSize;
    g.v0 = static_cast<float>(py) / kSize;
    g.u1 = static_cast<float>(px + size) / kSize;
    g.v1 = static_cast<float>(py + size) / kSize;
    g.advance = static_cast<float>(size);
    dirty_ = true;
}

void FontAtlas::rasterise(Face face, char32_t cp, Glyph& g) {
    const auto font = metrics_.lookup(face, cp);
    g.advance = metrics_.advance(face, cp);
    int w = 0, h = 0, xoff = 0, yoff = 0;
    unsigned char* sdf =
        stbtt_GetGlyphSDF(font.info, font.scale, font.index, kPadding, 128, 128.0f / kPadding, &w, &h, &xoff, &yoff);
    if (!sdf) return;  // blank glyph (space)
    int px = 0, py = 0;
    if (pack(w, h, px, py)) {
        for (int y = 0; y < h; ++y)
            std::memcpy(&pixels_[static_cast<std::size_t>((py + y) * kSize + px)], sdf + y * w,
                        static_cast<std::size_t>(w));
        g.empty = false;
        g.x0 = static_cast<float>(xoff);
        g.y0 = static_cast<float>(yoff);
        g.x1 = static_cast<float>(xoff + w);
        g.y1 = static_cast<float>(yoff + h);
        g.u0 = static_cast<float>(px) / kSize;
        g.v0 = static_cast<float>(py) / kSize;
        g.u1 = static_cast<float>(px + w) / kSize;
        g.v1 = static_cast<float>(py + h) / kSize;
        dirty_ = true;
    }
    stbtt_FreeSDF(sdf, nullptr);
}

const FontAtlas::Glyph& FontAtlas::glyph(Face face, char32_t cp) {
    const auto key = key_of(face, cp);
    if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
    Glyph g;
    if (cp == kSymbolDot || cp == kSymbolRing)
        make_symbol(cp, g);
    else
        rasterise(face, cp, g);
    return glyphs_.emplace(key, g).first->second;
}

void FontAtlas::bind() {
    glActiveTexture(GL_TEXTURE0);
    if (!texture_) {
        texture_ = gl::make_texture();
        glBindTexture(GL_TEXTURE_2D, texture_.id());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kSize, kSize, 0, GL_RED, GL_UNSIGNED_BYTE, pixels_.data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        dirty_ = false;
        return;
    }
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    if (dirty_) {
        // Only the rows packed so far can have changed.
        const int rows = std::min(kSize, shelf_y_ + shelf_h_ + 1);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kSize, rows, GL_RED, GL_UNSIGNED_BYTE, pixels_.data());
        dirty_ = false;
    }
}

TextBatch::TextBatch(FontAtlas& atlas) : atlas_(atlas) {}

void TextBatch::add(const compose::DrawList& list) {
    for (const auto& cmd : list.commands()) {
        std::visit(
            [this](const auto& c) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, compose::TextCmd>)
                    add_text(c.text, c.x, c.y, c.style);
                else if constexpr (std::is_same_v<T, compose::RectCmd>)
                    add_rect(c.x0, c.y0, c.x1, c.y1, c.color);
                else if constexpr (std::is_same_v<T, compose::SymbolCmd>)
                    add_symbol(c.symbol, c.cx, c.cy, c.radius, c.color, c.halo, c.halo_px);
                else if constexpr (std::is_same_v<T, compose::CircleCmd>)
                    add_circle(c.cx, c.cy, c.r, c.fill, c.outline, c.outline_px);
                else if constexpr (std::is_same_v<T, compose::TriangleCmd>)
                    add_triangle(c.x0, c.y0, c.x1, c.y1, c.x2, c.y2, c.color);
                else
                    add_line(c.x0, c.y0, c.x1, c.y1, c.width, c.color);
            },
            cmd);
    }
}

float TextBatch::add_text(std::string_view text, float x, float y, const Style& style) {
    const float s = style.px / FontAtlas::kBasePx;
    float pen = x;
    char32_t prev = 0;
    for (char32_t cp : core::decode_utf8(text)) {
        if (prev) pen += atlas_.kerning(style.face, prev, cp) * s;
        const auto& g = atlas_.glyph(style.face, cp);
        if (!g.empty)
            quad(pen + g.x0 * s, y + g.y0 * s, pen + g.x1 * s, y + g.y1 * s, g.u0, g.v0, g.u1, g.v1, style.color,
                 style.halo, s, style.halo_px);
        pen += g.advance * s + style.tracking_px;
        prev = cp;
    }
    return pen - x;
}

void TextBatch::add_rect(float x0, float y0, float x1, float y1, core::Rgba color) {
    const float u = atlas_.solid_u(), v = atlas_.solid_v();
    quad(x0, y0, x1, y1, u, v, u, v, color, color, 1.0f, 0.0f);
}

void TextBatch::add_symbol(char32_t symbol, float cx, float cy, float radius_px, core::Rgba color, core::Rgba halo,
                           float halo_px) {
    const auto& g = atlas_.glyph(Face::Regular, symbol);
    if (g.empty) return;
    const float s = radius_px / 12.0f;  // symbols are drawn with radius 12 in the atlas
    quad(cx + g.x0 * s, cy + g.y0 * s, cx + g.x1 * s, cy + g.y1 * s, g.u0, g.v0, g.u1, g.v1, color, halo, s, halo_px);
}

void TextBatch::add_circle(float cx, float cy, float r, core::Rgba fill, core::Rgba outline, float outline_px) {
    const auto& g = atlas_.glyph(Face::Regular, kSymbolDot);
    if (g.empty || r <= 0) return;
    const float s = r / 12.0f;  // the disc glyph has radius 12 atlas pixels
    // Only the part of the distance field that can be drawn: the disc plus half the rim plus
    // anti-aliasing, not the whole padded glyph (llvmpipe pays for every covered pixel).
    const float extent_px = r + std::max(0.0f, outline_px) * 0.5f + 1.5f;
    const float half = std::min(static_cast<float>(g.x1), extent_px / s);  // atlas pixels from the centre
    const float du = (g.u1 - g.u0) * 0.5f * half / g.x1, dv = (g.v1 - g.v0) * 0.5f * half / g.y1;
    const float uc = (g.u0 + g.u1) * 0.5f, vc = (g.v0 + g.v1) * 0.5f;
    const float e = half * s;
    if (outline.a > 0 && outline_px > 0) {
        // Negative halo width selects the shader's outline mode: the rim over the fill, one quad.
        quad(cx - e, cy - e, cx + e, cy + e, uc - du, vc - dv, uc + du, vc + dv, outline, fill, s, -outline_px);
    } else if (fill.a > 0) {
        quad(cx - e, cy - e, cx + e, cy + e, uc - du, vc - dv, uc + du, vc + dv, fill, fill, s, 0);
    }
}

void TextBatch::add_line(float x0, float y0, float x1, float y1, float width, core::Rgba c) {
    const float dx = x1 - x0, dy = y1 - y0;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len <= 0) return;
    const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    const float u = atlas_.solid_u(), v = atlas_.solid_v();
    auto vert = [&](float x, float y) {
        vertices_.push_back({x, y, u, v, c.r, c.g, c.b, c.a, c.r, c.g, c.b, c.a, 1, 0});
    };
    vert(x0 + nx, y0 + ny);
    vert(x1 + nx, y1 + ny);
    vert(x0 - nx, y0 - ny);
    vert(x1 + nx, y1 + ny);
    vert(x1 - nx, y1 - ny);
    vert(x0 - nx, y0 - ny);
}

void TextBatch::add_triangle(float x0, float y0, float x1, float y1, float x2, float y2, core::Rgba c) {
    const float u = atlas_.solid_u(), v = atlas_.solid_v();
    for (const auto& [x, y] : {std::pair{x0, y0}, std::pair{x1, y1}, std::pair{x2, y2}})
        vertices_.push_back({x, y, u, v, c.r, c.g, c.b, c.a, c.r, c.g, c.b, c.a, 1, 0});
}

void TextBatch::quad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1, core::Rgba c,
                     core::Rgba h, float scale, float halo) {
    auto v = [&](float x, float y, float u, float vv) {
        vertices_.push_back({x, y, u, vv, c.r, c.g, c.b, c.a, h.r, h.g, h.b, h.a, scale, halo});
    };
    v(x0, y0, u0, v0);
    v(x1, y0, u1, v0);
    v(x0, y1, u0, v1);
    v(x1, y0, u1, v0);
    v(x1, y1, u1, v1);
    v(x0, y1, u0, v1);
}

void TextBatch::draw(const gl::Program& program, int x, int y, int viewport_w, int viewport_h) {
    if (vertices_.empty()) return;
    if (!vao_) {
        vao_ = gl::make_vertex_array();
        vbo_ = gl::make_buffer();
        glBindVertexArray(vao_.id());
        glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
        const auto stride = static_cast<GLsizei>(sizeof(Vertex));
        auto attrib = [&](GLuint loc, GLint n, std::size_t offset) {
            glEnableVertexAttribArray(loc);
            glVertexAttribPointer(loc, n, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
        };
        attrib(0, 2, offsetof(Vertex, x));
        attrib(1, 2, offsetof(Vertex, u));
        attrib(2, 4, offsetof(Vertex, r));
        attrib(3, 4, offsetof(Vertex, hr));
        attrib(4, 2, offsetof(Vertex, scale));
    }
    glBindVertexArray(vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(Vertex)), vertices_.data(),
                 GL_STREAM_DRAW);
    glUseProgram(program.id());
    if (program.id() != uniforms_program_) {  // looked up once per program
        uniforms_program_ = program.id();
        u_atlas_ = gl::uniform(program, "u_atlas");
        u_viewport_ = gl::uniform(program, "u_viewport");
        u_tile_origin_ = gl::uniform(program, "u_tile_origin");
        u_distance_scale_ = gl::uniform(program, "u_distance_scale");
    }
    atlas_.bind();
    glUniform1i(u_atlas_, 0);
    glUniform2f(u_viewport_, static_cast<float>(viewport_w), static_cast<float>(viewport_h));
    glUniform2f(u_tile_origin_, static_cast<float>(x), static_cast<float>(y));
    glUniform1f(u_distance_scale_, FontAtlas::kDistanceScale);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    SITMAP_GL_CHECK(glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices_.size())));
    glBindVertexArray(0);
}

}  // namespace sitmap::render
