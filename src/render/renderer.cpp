#include "render/renderer.hpp"

#include "core/control_scene.hpp"
#include "core/error.hpp"
#include "core/event_style.hpp"
#include "core/event_view.hpp"
#include "core/label_placer.hpp"
#include "core/projector.hpp"
#include "core/utf8.hpp"
#include "render/offscreen.hpp"
#include "render/shader_sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::render {

using core::Rgba;

core::Rgba water_color() {
    return core::rgb(0xb5d0e2);
}

double nice_scale_length(double target_m) {
    if (target_m <= 0) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(target_m)));
    const double f = target_m / p;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

struct Renderer::LayerGpu {
    // fills: one VBO/IBO, one draw range per part
    gl::VertexArray fill_vao;
    gl::Buffer fill_vbo, fill_ibo;
    std::vector<std::pair<std::size_t, std::size_t>> fill_ranges;  // (first index, count)
    // lines: [class][lod]
    struct Lines {
        gl::VertexArray vao;
        gl::Buffer vbo;
        std::size_t count = 0;
        double tolerance = 0;
    };
    std::vector<std::vector<Lines>> lines;
    // raster
    gl::VertexArray raster_vao;
    gl::Buffer raster_vbo, raster_ibo;
    gl::Texture raster_texture;
    std::size_t raster_indices = 0;
};

Renderer::Renderer(const std::filesystem::path& font_dir) {
    auto program = [](const char* name) {
        return gl::make_program(name, shader_source(std::string(name) + ".vert"),
                                shader_source(std::string(name) + ".frag"));
    };
    fill_program_ = program("fill");
    line_program_ = program("line");
    raster_program_ = program("raster");
    text_program_ = program("text");
    atlas_ = std::make_unique<FontAtlas>(font_dir);
    text_ = std::make_unique<TextBatch>(*atlas_);
    furniture_ = std::make_unique<TextBatch>(*atlas_);
    static const float corners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    corner_buffer_ = gl::make_buffer();
    glBindBuffer(GL_ARRAY_BUFFER, corner_buffer_.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    gl::check("Renderer setup");
}

Renderer::~Renderer() = default;

void Renderer::upload(const core::Scene& scene) {
    layers_.clear();
    for (const auto& layer : scene.layers) {
        auto gpu = std::make_unique<LayerGpu>();
        if (!layer.fills.empty()) {
            std::vector<glm::vec2> vertices;
            std::vector<std::uint32_t> indices;
            for (const auto& part : layer.fills) {
                const auto base = static_cast<std::uint32_t>(vertices.size());
                vertices.insert(vertices.end(), part.mesh.vertices.begin(), part.mesh.vertices.end());
                gpu->fill_ranges.emplace_back(indices.size(), part.mesh.indices.size());
                for (auto i : part.mesh.indices) indices.push_back(base + i);
            }
            gpu->fill_vao = gl::make_vertex_array();
            gpu->fill_vbo = gl::make_buffer();
            gpu->fill_ibo = gl::make_buffer();
            glBindVertexArray(gpu->fill_vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, gpu->fill_vbo.id());
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(glm::vec2)), vertices.data(),
                         GL_STATIC_DRAW);
            glEnableVertexAttribArray(0);
            glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr);
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu->fill_ibo.id());
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                         indices.data(), GL_STATIC_DRAW);
        }
        for (const auto& lods : layer.lines) {
            std::vector<LayerGpu::Lines> per_class;
            for (const auto& lod : lods) {
                LayerGpu::Lines l;
                l.count = lod.segments.size();
                l.tolerance = lod.tolerance_m;
                l.vao = gl::make_vertex_array();
                l.vbo = gl::make_buffer();
                glBindVertexArray(l.vao.id());
                glBindBuffer(GL_ARRAY_BUFFER, corner_buffer_.id());
                glEnableVertexAttribArray(0);
                glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
                glBindBuffer(GL_ARRAY_BUFFER, l.vbo.id());
                glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lod.segments.size() * sizeof(core::LineSegment)),
                             lod.segments.data(), GL_STATIC_DRAW);
                const auto stride = static_cast<GLsizei>(sizeof(core::LineSegment));
                glEnableVertexAttribArray(1);
                glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                                      reinterpret_cast<const void*>(offsetof(core::LineSegment, a)));
                glEnableVertexAttribArray(2);
                glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride,
                                      reinterpret_cast<const void*>(offsetof(core::LineSegment, b)));
                glEnableVertexAttribArray(3);
                glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride,
                                      reinterpret_cast<const void*>(offsetof(core::LineSegment, along)));
                for (GLuint a = 1; a <= 3; ++a) glVertexAttribDivisor(a, 1);
                per_class.push_back(std::move(l));
            }
            gpu->lines.push_back(std::move(per_class));
        }
        if (layer.kind == core::LayerKind::Raster && !layer.raster.pixels.empty()) {
            const auto& r = layer.raster;
            gpu->raster_texture = gl::make_texture();
            glBindTexture(GL_TEXTURE_2D, gpu->raster_texture.id());
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, r.width, r.height, 0, GL_RED, GL_UNSIGNED_BYTE, r.pixels.data());
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            std::vector<float> interleaved;
            for (std::size_t i = 0; i < layer.raster_grid.vertices.size(); ++i) {
                interleaved.insert(interleaved.end(), {layer.raster_grid.vertices[i].x, layer.raster_grid.vertices[i].y,
                                                       layer.raster_uv[i].x, layer.raster_uv[i].y});
            }
            gpu->raster_vao = gl::make_vertex_array();
            gpu->raster_vbo = gl::make_buffer();
            gpu->raster_ibo = gl::make_buffer();
            glBindVertexArray(gpu->raster_vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, gpu->raster_vbo.id());
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(float)),
                         interleaved.data(), GL_STATIC_DRAW);
            glEnableVertexAttribArray(0);
            glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
            glEnableVertexAttribArray(1);
            glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                                  reinterpret_cast<const void*>(2 * sizeof(float)));
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu->raster_ibo.id());
            glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                         static_cast<GLsizeiptr>(layer.raster_grid.indices.size() * sizeof(std::uint32_t)),
                         layer.raster_grid.indices.data(), GL_STATIC_DRAW);
            gpu->raster_indices = layer.raster_grid.indices.size();
            bake_shade(layer, *gpu);
        }
        layers_.push_back(std::move(gpu));
    }
    glBindVertexArray(0);
    gl::check("Renderer::upload");
}

void Renderer::bake_shade(const core::SceneLayer& layer, LayerGpu& gpu) {
    // Render the lon/lat grid once into a texture aligned with world metres, so land fills can
    // sample relief with a linear mapping (no second full-screen pass per frame).
    core::WorldBox box;
    for (const auto& v : layer.raster_grid.vertices) box.extend(v.x, v.y);
    if (box.empty()) return;
    const int w = 2048, h = std::max(16, static_cast<int>(2048 * box.height() / box.width()));
    shade_texture_ = gl::make_texture();
    glBindTexture(GL_TEXTURE_2D, shade_texture_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    GLint previous_fbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_fbo);
    gl::Framebuffer fbo = gl::make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, fbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, shade_texture_.id(), 0);
    glViewport(0, 0, w, h);
    glClearColor(1, 1, 1, 1);  // outside the raster: no shading
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_BLEND);
    glDisable(GL_STENCIL_TEST);
    glUseProgram(raster_program_.id());
    glUniform2f(gl::uniform(raster_program_, "u_centre"), static_cast<float>((box.min_x + box.max_x) / 2),
                static_cast<float>((box.min_y + box.max_y) / 2));
    glUniform1f(gl::uniform(raster_program_, "u_mpp"), static_cast<float>(box.width() / w));
    // Non-square texels: scale y through the viewport so the whole box fills the texture.
    glUniform2f(gl::uniform(raster_program_, "u_viewport"), static_cast<float>(w),
                static_cast<float>(box.height() / (box.width() / w)));
    glUniform2f(gl::uniform(raster_program_, "u_tile_offset"), 0.0f, 0.0f);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, gpu.raster_texture.id());
    glUniform1i(gl::uniform(raster_program_, "u_texture"), 0);
    glBindVertexArray(gpu.raster_vao.id());
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(gpu.raster_indices), GL_UNSIGNED_INT, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
    shade_origin_ = {static_cast<float>(box.min_x), static_cast<float>(box.min_y)};
    shade_size_ = {static_cast<float>(box.width()), static_cast<float>(box.height())};
}

void Renderer::set_view_uniforms(const gl::Program& p, const core::Camera& camera) {
    glUniform2f(gl::uniform(p, "u_centre"), static_cast<float>(camera.centre().x),
                static_cast<float>(camera.centre().y));
    glUniform1f(gl::uniform(p, "u_mpp"), static_cast<float>(camera.metres_per_pixel()));
    glUniform2f(gl::uniform(p, "u_viewport"), static_cast<float>(tile_.width), static_cast<float>(tile_.height));
    glUniform2f(gl::uniform(p, "u_tile_offset"), static_cast<float>(tile_.x + tile_.width / 2.0 - camera.width() / 2.0),
                static_cast<float>(camera.height() / 2.0 - (tile_.y + tile_.height / 2.0)));
    glUniform2f(gl::uniform(p, "u_frag_origin"), static_cast<float>(tile_.x),
                static_cast<float>(camera.height() - tile_.y - tile_.height));
}

namespace {
bool shown_on(const core::DaySpan& span, const std::optional<std::int32_t>& day) {
    if (!span.timed()) return true;
    return day && span.contains(*day);
}
}  // namespace

void Renderer::draw_fill(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                         const FrameOptions& options, FrameStats& stats) {
    if (gpu.fill_ranges.empty()) return;
    glUseProgram(fill_program_.id());
    set_view_uniforms(fill_program_, camera);
    glDisable(GL_STENCIL_TEST);
    const bool shaded = layer.land_mask && shade_texture_ && shade_opacity_ > 0;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, shaded ? shade_texture_.id() : 0);
    glUniform1i(gl::uniform(fill_program_, "u_shade"), 0);
    glUniform1f(gl::uniform(fill_program_, "u_shade_opacity"), shaded ? shade_opacity_ : 0.0f);
    glUniform2f(gl::uniform(fill_program_, "u_shade_origin"), shade_origin_.x, shade_origin_.y);
    glUniform2f(gl::uniform(fill_program_, "u_shade_size"), shade_size_.x, shade_size_.y);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(gpu.fill_vao.id());
    const auto view = camera.visible_box();
    const GLint color_loc = gl::uniform(fill_program_, "u_color");
    const GLint hatch_loc = gl::uniform(fill_program_, "u_hatch");
    const float s = options.ui_scale;
    auto draw_part = [&](std::size_t i, core::Rgba c, float hatch_px) {
        // Opaque solid fills skip blending: llvmpipe fills a screen of land noticeably faster.
        if (c.a * layer.opacity >= 1.0f && hatch_px == 0)
            glDisable(GL_BLEND);
        else
            glEnable(GL_BLEND);
        glUniform4f(color_loc, c.r, c.g, c.b, c.a * layer.opacity);
        glUniform2f(hatch_loc, hatch_px, hatch_px > 0 ? 2.2f * s : 0.0f);
        const auto [first, count] = gpu.fill_ranges[i];
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(first * sizeof(std::uint32_t)));
        stats.triangles += count / 3;
    };
    for (std::size_t i = 0; i < layer.fills.size(); ++i) {
        const auto& part = layer.fills[i];
        if (!part.box.intersects(view) || !shown_on(part.valid, options.day)) continue;
        draw_part(i, part.color, part.hatched ? 9.0f * s : 0.0f);
    }
    // Recently changed parts: stripes in the highlight colour, fading out over the window.
    if (layer.highlight_recent_days > 0 && options.day) {
        for (std::size_t i = 0; i < layer.fills.size(); ++i) {
            const auto& part = layer.fills[i];
            const auto strength = core::recent_change_strength(layer, part, *options.day);
            if (!strength || !part.box.intersects(view)) continue;
            core::Rgba c = layer.highlight_color;
            c.a *= *strength;
            draw_part(i, c, 7.0f * s);
        }
    }
    glUniform2f(hatch_loc, 0, 0);
    glUniform1f(gl::uniform(fill_program_, "u_shade_opacity"), 0.0f);
}

void Renderer::draw_lines(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                          const FrameOptions& options, FrameStats& stats) {
    const float ui_scale = options.ui_scale;
    if (gpu.lines.empty()) return;
    glUseProgram(line_program_.id());
    set_view_uniforms(line_program_, camera);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const GLint hw = gl::uniform(line_program_, "u_half_width");
    const GLint color = gl::uniform(line_program_, "u_color");
    const GLint dash = gl::uniform(line_program_, "u_dash");
    const double mpp = camera.metres_per_pixel();
    for (std::size_t c = 0; c < gpu.lines.size() && c < layer.line_styles.size(); ++c) {
        if (c < layer.line_valid.size() && !shown_on(layer.line_valid[c], options.day)) continue;
        // Coarsest LOD whose simplification error stays under ~0.6 pixel.
        LayerGpu::Lines* chosen = nullptr;
        for (auto& lod : gpu.lines[c])
            if (lod.tolerance <= 0.6 * mpp) chosen = &lod;
        if (!chosen || chosen->count == 0) continue;
        const auto& style = layer.line_styles[c];
        glBindVertexArray(chosen->vao.id());
        auto pass = [&](float width_px, Rgba col, float dash_px, float gap_px) {
            const float w = width_px * ui_scale;
            // Lines thinner than a pixel keep a 1-pixel footprint and fade instead.
            const float alpha = std::min(1.0f, w);
            glUniform1f(hw, std::max(0.5f, w / 2));
            glUniform4f(color, col.r, col.g, col.b, col.a * alpha * layer.opacity);
            glUniform2f(dash, dash_px * ui_scale, gap_px * ui_scale);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(chosen->count));
            stats.line_segments += chosen->count;
        };
        if (style.casing_px > 0) pass(style.casing_px, style.casing_color, 0, 0);
        pass(style.width_px, style.color, style.dash_px, style.gap_px);
    }
}

namespace {

int max_place_rank(double mpp) {
    if (mpp >= 2500) return 0;
    if (mpp >= 1100) return 1;
    if (mpp >= 500) return 2;
    if (mpp >= 220) return 3;
    if (mpp >= 90) return 4;
    return 5;
}

}  // namespace

void Renderer::layout_labels(const core::Scene& scene, const core::Camera& camera, float s, core::LabelPlacer& placer,
                             int first_rank, int last_rank, bool with_texts, FrameStats& stats) {
    const double mpp = camera.metres_per_pixel();
    const Rgba halo = core::rgb(0xffffff, 0.92f);

    // Free-standing names first (few and important), then places in priority order.
    for (const auto& layer : scene.layers) {
        if (!layer.visible || layer.kind != core::LayerKind::Texts || !with_texts) continue;
        for (const auto& t : layer.texts) {
            if (mpp < t.min_mpp || mpp > t.max_mpp) continue;
            TextBatch::Style st;
            std::string text = t.text;
            if (t.role == core::TextRole::Country) {
                text = core::to_upper_label(text);
                st = {.face = Face::Bold,
                      .px = 14.0f * s,
                      .color = core::rgb(0x6f5f78, 0.9f * layer.opacity),
                      .halo = core::rgb(0xf5f1e6, 0.8f),
                      .halo_px = 1.5f * s,
                      .tracking_px = 2.5f * s};
            } else {
                st = {.face = Face::Italic,
                      .px = 13.0f * s,
                      .color = core::rgb(0x3f6f99, layer.opacity),
                      .halo = core::rgb(0xb5d0e2, 0.8f),
                      .halo_px = 1.2f * s,
                      .tracking_px = 0.8f * s};
            }
            const auto p = camera.screen(t.pos);
            const float w = text_->measure(text, st), h = st.px;
            const core::PxBox box{p.x - w / 2 - 2 * s, p.y - h / 2 - 2 * s, p.x + w / 2 + 2 * s, p.y + h / 2 + 2 * s};
            if (!placer.try_place(box)) continue;
            text_->add_text(text, static_cast<float>(p.x - w / 2), static_cast<float>(p.y + text_->ascent(st) / 2), st);
            ++stats.labels;
        }
    }
    const int max_rank = max_place_rank(mpp);
    const auto view = camera.visible_box();
    for (const auto& layer : scene.layers) {
        if (!layer.visible || layer.kind != core::LayerKind::Places) continue;
        for (const auto& place : layer.places) {
            if (place.rank > max_rank || place.rank < first_rank || place.rank > last_rank) continue;
            if (!view.contains(place.pos.x, place.pos.y)) continue;
            const auto p = camera.screen(place.pos);
            const float r = (place.rank == 0 ? 4.2f : place.rank == 1 ? 3.4f : place.rank <= 3 ? 2.8f : 2.3f) * s;
            // Half a pixel beyond the dot: with the 2.5 px label padding and the 3 px gap, a label box
            // touches its own dot's box but never overlaps it.
            const core::PxBox symbol{p.x - r - 0.5, p.y - r - 0.5, p.x + r + 0.5, p.y + r + 0.5};
            // A town under an event symbol keeps its name beside the symbol (important places only).
            bool under_marker = false;
            for (const auto& m : marker_hits_)
                under_marker = under_marker || std::hypot(m.x - p.x, m.y - p.y) < m.radius + r;
            if (under_marker ? place.rank > 2 : !placer.free(symbol)) continue;
            TextBatch::Style st{.face = place.rank <= 1 ? Face::Bold : Face::Regular,
                                .px = (place.rank == 0   ? 15.0f
                                       : place.rank == 1 ? 13.0f
                                       : place.rank == 2 ? 12.5f
                                                         : 11.5f) *
                                      s,
                                .color = core::rgb(place.rank <= 2 ? 0x1f1f1f : 0x3a3a3a, layer.opacity),
                                .halo = halo,
                                .halo_px = 1.6f * s};
            const std::string name = place.name_alt.empty() ? place.name : place.name + " / " + place.name_alt;
            const bool local = (place.rank == 0 || (place.rank == 1 && mpp < 700)) && !place.name_local.empty() &&
                               place.name_local != place.name && place.name_local != place.name_alt;
            TextBatch::Style lst = st;
            lst.face = Face::Regular;
            lst.px = st.px * 0.82f;
            lst.color = core::rgb(0x555555, layer.opacity);
            const float w1 = text_->measure(name, st);
            const float w2 = local ? text_->measure(place.name_local, lst) : 0.0f;
            const float w = std::max(w1, w2);
            const float h = st.px + (local ? lst.px + 1 * s : 0.0f);
            const double gap = under_marker ? 13.0 * s : r + 3 * s;
            // Diagonal positions read as belonging to the wrong dot in dense areas: only names
            // pushed aside by an event symbol use them.
            std::vector<core::PxBox> candidates{
                {p.x + gap, p.y - st.px * 0.62, p.x + gap + w, p.y - st.px * 0.62 + h},  // right
                {p.x - gap - w, p.y - st.px * 0.62, p.x - gap, p.y - st.px * 0.62 + h},  // left
                {p.x - w / 2, p.y - gap - h, p.x + w / 2, p.y - gap},                    // above
                {p.x - w / 2, p.y + gap, p.x + w / 2, p.y + gap + h},                    // below
                {p.x + gap, p.y - gap - h, p.x + gap + w, p.y - gap},                    // above right
                {p.x + gap, p.y + gap, p.x + gap + w, p.y + gap + h},                    // below right
                {p.x - gap - w, p.y - gap - h, p.x - gap, p.y - gap},                    // above left
                {p.x - gap - w, p.y + gap, p.x - gap, p.y + gap + h},                    // below left
            };
            if (!under_marker) {
                candidates.resize(4);
            } else {
                // Beside a crowded symbol: also try one symbol-width further out.
                const double far = gap + 12.0 * s;
                candidates.push_back({p.x + far, p.y - st.px * 0.62, p.x + far + w, p.y - st.px * 0.62 + h});
                candidates.push_back({p.x - far - w, p.y - st.px * 0.62, p.x - far, p.y - st.px * 0.62 + h});
                candidates.push_back({p.x - w / 2, p.y - far - h, p.x + w / 2, p.y - far});
                candidates.push_back({p.x - w / 2, p.y + far, p.x + w / 2, p.y + far + h});
            }
            // Breathing space between names: test with a padded box, keep the padding reserved.
            const double pad = 2.5 * s;
            for (auto& c : candidates) c = {c.x0 - pad, c.y0 - pad, c.x1 + pad, c.y1 + pad};
            const int chosen = placer.place_first(candidates);
            if (chosen < 0) continue;
            if (!under_marker) placer.reserve(symbol);
            const auto& padded = candidates[static_cast<std::size_t>(chosen)];
            const core::PxBox b{padded.x0 + pad, padded.y0 + pad, padded.x1 - pad, padded.y1 - pad};
            const bool centred = chosen == 2 || chosen == 3 || chosen == 10 || chosen == 11;
            const bool right_aligned = chosen == 1 || chosen == 6 || chosen == 7 || chosen == 9;
            auto x_for = [&](float width) {
                return static_cast<float>(centred         ? (b.x0 + b.x1) / 2 - width / 2
                                          : right_aligned ? b.x1 - width
                                                          : b.x0);
            };
            const float base1 = static_cast<float>(b.y0) + text_->ascent(st) + 0.5f * s;
            text_->add_text(name, x_for(w1), base1, st);
            if (local) text_->add_text(place.name_local, x_for(w2), base1 + lst.px + 1.5f * s, lst);
            if (under_marker) {
                // the event symbol stands in for the town's dot
            } else if (place.rank == 0) {
                text_->add_symbol(kSymbolRing, static_cast<float>(p.x), static_cast<float>(p.y), r + 1.2f * s,
                                  core::rgb(0x222222, layer.opacity), halo, 1.2f * s);
                text_->add_symbol(kSymbolDot, static_cast<float>(p.x), static_cast<float>(p.y), r * 0.45f,
                                  core::rgb(0x222222, layer.opacity), halo, 0);
            } else {
                text_->add_symbol(kSymbolDot, static_cast<float>(p.x), static_cast<float>(p.y), r,
                                  core::rgb(place.rank <= 2 ? 0x2b2b2b : 0x4a4a4a, layer.opacity), halo, 1.1f * s);
            }
            ++stats.labels;
        }
    }
}

void Renderer::layout_events(const core::Camera& camera, const FrameOptions& o, core::LabelPlacer& placer) {
    marker_hits_.clear();
    if (!o.events || o.events->empty()) return;
    const float s = o.ui_scale;
    const double mpp = camera.metres_per_pixel();
    const float W = static_cast<float>(camera.width()), H = static_cast<float>(camera.height());
    const core::Rgba white = core::rgb(0xffffff), ink = core::rgb(0x202020), accent = core::rgb(0xffb000);
    // Pass 1: uncertainty areas underneath every symbol, so no symbol hides under another's area.
    // District-level: a light disc with a rim. Region- and country-level events never reach here
    // (app::layout_events lists them beside the map instead: a ring over the control areas would
    // claim a place it does not know). An area that would fill most of the view adds nothing and
    // is skipped; the symbol's thin rim (pass 3) still says "not an exact point".
    const float max_r = 0.45f * std::min(W, H);
    // With many areas on screen, discs would pile up into a grey fog: rims only.
    std::size_t areas = 0;
    for (const auto& m : *o.events) areas += m.radius_m > 0 && !m.fanned ? 1 : 0;
    const bool few_areas = areas <= 40;
    for (const auto& m : *o.events) {
        if (m.radius_m <= 0 || m.fanned) continue;
        const auto p = camera.screen(m.pos);
        const float r = static_cast<float>(m.radius_m / mpp);
        if (r < 6 * s || r > max_r || p.x + r < 0 || p.y + r < 0 || p.x - r > W || p.y - r > H) continue;
        core::Rgba c = core::event_type_style(m.type).color;
        const bool district = m.radius_m <= core::precision_radius_m(core::LocationPrecision::District);
        core::Rgba fill = c, edge = c;
        fill.a = district && few_areas ? 0.10f * m.alpha : 0.0f;
        edge.a = (district ? 0.7f : 0.35f) * m.alpha;
        const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        if (fill.a > 0) text_->add_circle(x, y, r, fill, core::Rgba{}, 0);
        // The rim as a thin polygon band: its cost grows with the circumference, not the area
        // (software rendering pays for every pixel a quad covers).
        const int segments = std::clamp(static_cast<int>(r / 3), 16, 96);
        for (int k = 0; k < segments; ++k) {
            const float a0 = 6.2831853f * static_cast<float>(k) / static_cast<float>(segments);
            const float a1 = 6.2831853f * static_cast<float>(k + 1) / static_cast<float>(segments);
            text_->add_line(x + r * std::cos(a0), y + r * std::sin(a0), x + r * std::cos(a1), y + r * std::sin(a1),
                            1.4f * s, edge);
        }
    }
    // Pass 2: leader lines of fanned-out groups.
    for (const auto& m : *o.events) {
        if (!m.fanned) continue;
        const auto a = camera.screen(m.anchor), p = camera.screen(m.pos);
        text_->add_line(static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(p.x),
                        static_cast<float>(p.y), 1.2f * s, core::rgb(0x404040, 0.8f * m.alpha));
    }
    // Pass 3: symbols, selected last (on top).
    const float R = 9.5f * s;
    auto draw_symbol = [&](const core::EventMarker& m) {
        const auto p = camera.screen(m.pos);
        if (p.x < -R || p.y < -R || p.x > W + R || p.y > H + R) return;
        const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
        const auto& style = core::event_type_style(m.type);
        core::Rgba c = style.color;
        c.a *= m.alpha;
        core::Rgba bg = white;
        bg.a = 0.95f * m.alpha;
        if (m.selected) text_->add_circle(x, y, R + 4.5f * s, core::rgb(0xffb000, 0.35f), accent, 2.5f * s);
        if (m.time_span) {
            // Dated only to a span: hollow (the map shows through) with a dashed rim, so it never
            // reads as something that happened on the shown day.
            bg.a = 0.45f * m.alpha;
            text_->add_circle(x, y, R, bg, core::Rgba{}, 0);
            constexpr int kDashes = 10;
            for (int k = 0; k < kDashes; ++k) {
                const float a0 = 6.2831853f * static_cast<float>(k) / kDashes;
                const float a1 = a0 + 6.2831853f * 0.55f / kDashes;
                text_->add_line(x + R * std::cos(a0), y + R * std::sin(a0), x + R * std::cos(a1), y + R * std::sin(a1),
                                1.8f * s, c);
            }
        } else {
            // A point event has a solid rim; a district event a thin rim, so nobody reads it as an
            // exact location.
            text_->add_circle(x, y, R, bg, c, m.radius_m > 0 ? 1.2f * s : 2.2f * s);
        }
        TextBatch::Style st{.face = Face::Regular, .px = 12.5f * s, .color = c};
        std::string glyph;
        core::append_utf8(glyph, style.symbol);
        const float gw = text_->measure(glyph, st);
        text_->add_text(glyph, x - gw / 2, y + text_->ascent(st) / 2 - 0.5f * s, st);
        if (m.count > 1) {
            const std::string n = m.count > 99 ? "99+" : std::to_string(m.count);
            TextBatch::Style nst{.face = Face::Bold, .px = 9.5f * s, .color = white};
            const float nw = text_->measure(n, nst);
            const float bx = x + R * 0.75f, by = y - R * 0.75f, br = std::max(6.5f * s, nw / 2 + 3 * s);
            core::Rgba badge = ink;
            badge.a = m.alpha;
            text_->add_circle(bx, by, br, badge, white, 1.2f * s);
            text_->add_text(n, bx - nw / 2, by + text_->ascent(nst) / 2, nst);
        }
        if (m.edited) text_->add_circle(x - R * 0.8f, y + R * 0.8f, 3.0f * s, accent, ink, 1.0f * s);
        placer.reserve({p.x - R - 2, p.y - R - 2, p.x + R + 2, p.y + R + 2});
        marker_hits_.push_back({m.id, p.x, p.y, R});
    };
    for (const auto& m : *o.events)
        if (!m.selected) draw_symbol(m);
    for (const auto& m : *o.events)
        if (m.selected) draw_symbol(m);
}

void Renderer::layout_furniture(const core::Scene& scene, const core::Camera& camera, const FrameOptions& o,
                                core::LabelPlacer& placer) {
    const float s = o.ui_scale;
    const float W = static_cast<float>(camera.width());
    const float H = static_cast<float>(camera.height()) - o.inset_bottom;
    if (o.inset_bottom > 0) placer.reserve({0, H, W, static_cast<double>(camera.height())});
    if (o.inset_top > 0) placer.reserve({0, 0, W, o.inset_top});
    float right_column_top = o.inset_top + 10 * s;  // below the date box, once it is placed
    float attribution_top = H;
    if (!o.title.empty() || !o.subtitle.empty()) {
        // Title block, top left; the subtitle (a slide's caption) wraps to at most ~55 % of the width.
        TextBatch::Style t{.face = Face::Bold, .px = 22 * s, .color = core::rgb(0x111111)};
        TextBatch::Style st{.px = 13 * s, .color = core::rgb(0x333333)};
        const float pad = 8 * s, x0 = 10 * s, y0 = o.inset_top + 10 * s;
        const float max_w = std::max(200 * s, W * 0.55f);
        std::vector<std::string> lines;
        {
            std::string line, word;
            auto flush_word = [&] {
                if (word.empty()) return;
                const std::string candidate = line.empty() ? word : line + " " + word;
                if (!line.empty() && furniture_->measure(candidate, st) > max_w) {
                    lines.push_back(line);
                    line = word;
                } else {
                    line = candidate;
                }
                word.clear();
            };
            for (char c : o.subtitle) {
                if (c == ' ' || c == '\n') {
                    flush_word();
                    if (c == '\n' && !line.empty()) lines.push_back(line), line.clear();
                } else {
                    word += c;
                }
            }
            flush_word();
            if (!line.empty()) lines.push_back(line);
        }
        float w = o.title.empty() ? 0.0f : furniture_->measure(o.title, t);
        for (const auto& l : lines) w = std::max(w, furniture_->measure(l, st));
        const float h =
            (o.title.empty() ? 0 : t.px * 1.15f) + static_cast<float>(lines.size()) * st.px * 1.35f + 2 * pad;
        furniture_->add_rect(x0, y0, x0 + w + 2 * pad, y0 + h, core::rgb(0xffffff, 0.88f));
        furniture_->add_rect(x0, y0, x0 + 3 * s, y0 + h, core::rgb(0x5f4b8b));
        placer.reserve({x0, y0, x0 + w + 2 * pad, y0 + h});
        float y = y0 + pad;
        if (!o.title.empty()) {
            furniture_->add_text(o.title, x0 + pad + 2 * s, y + furniture_->ascent(t) * 1.05f, t);
            y += t.px * 1.15f;
        }
        for (const auto& l : lines) {
            furniture_->add_text(l, x0 + pad + 2 * s, y + st.px, st);
            y += st.px * 1.35f;
        }
    }
    if (!o.date_label.empty()) {
        // The shown date and the control legend, top right (colours as core::control_color).
        const float pad = 6 * s, y0 = o.inset_top + 10 * s;
        TextBatch::Style big{.px = 26 * s, .color = core::rgb(0x1a1a1a)};
        TextBatch::Style small{.px = 11 * s, .color = core::rgb(0x333333)};
        // Swatches look as the map does: the translucent control colours over land, and the
        // stripes drawn as stripes.
        enum class Swatch { Fill, Hatch, Stripes, None };
        struct Key {
            Swatch kind;
            core::Rgba color;
            const char* text;
        };
        using core::ControlKind;
        using core::Controller;
        const Key keys[] = {
            {Swatch::Fill, core::control_color(Controller::Azerbaijan, ControlKind::Control), "Azerbaijan"},
            {Swatch::Fill, core::control_color(Controller::Armenian, ControlKind::Control),
             "Armenian forces / NK authorities"},
            {Swatch::Fill, core::control_color(Controller::Armenian, ControlKind::Corridor), "Lachin corridor"},
            {Swatch::Hatch, core::rgb(0x777777), "grey hatching: Russian peacekeepers (Nov 2020 - Jun 2024)"},
            {Swatch::Stripes, core::control_color(Controller::Azerbaijan, ControlKind::Control),
             "white stripes: changed hands in the last 10 days"},
            {Swatch::None, {}, "lines approximate (settlement areas)"}};
        const std::size_t shown_keys = H >= 360 * s ? std::size(keys) : 0;  // small images: the date only
        float w = furniture_->measure(o.date_label, big);
        for (std::size_t i = 0; i < shown_keys; ++i) w = std::max(w, 16 * s + furniture_->measure(keys[i].text, small));
        const float h = big.px + static_cast<float>(shown_keys) * (small.px + 4 * s) + 2 * pad;
        const float x0 = W - w - 2 * pad - 10 * s;
        furniture_->add_rect(x0, y0, x0 + w + 2 * pad, y0 + h, core::rgb(0xffffff, 0.82f));
        placer.reserve({x0, y0, x0 + w + 2 * pad, y0 + h});
        right_column_top = y0 + h + 8 * s;
        furniture_->add_text(o.date_label, x0 + pad, y0 + pad + 0.8f * big.px, big);
        float y = y0 + pad + big.px + 4 * s;
        const core::Rgba land = core::rgb(0xf5f1e6);
        for (std::size_t i = 0; i < shown_keys; ++i) {
            const Key& k = keys[i];
            const float sx0 = x0 + pad, sy0 = y + 2 * s, sx1 = x0 + pad + 11 * s, sy1 = y + small.px;
            if (k.kind != Swatch::None) furniture_->add_rect(sx0, sy0, sx1, sy1, land);
            if (k.kind == Swatch::Fill || k.kind == Swatch::Stripes) furniture_->add_rect(sx0, sy0, sx1, sy1, k.color);
            if (k.kind == Swatch::Hatch || k.kind == Swatch::Stripes) {
                const core::Rgba c = k.kind == Swatch::Hatch ? k.color : core::rgb(0xffffff, 0.95f);
                for (float t = -8 * s; t < 11 * s; t += 4 * s)  // diagonals, clipped to the swatch
                    furniture_->add_line(std::max(sx0, sx0 + t),
                                         std::min(sy1, sy1 - (std::max(sx0, sx0 + t) - sx0 - t)),
                                         std::min(sx1, sx0 + t + (sy1 - sy0)),
                                         sy1 - (std::min(sx1, sx0 + t + (sy1 - sy0)) - sx0 - t), 1.2f * s, c);
            }
            furniture_->add_text(k.text, x0 + pad + 16 * s, y + 0.85f * small.px, small);
            y += small.px + 4 * s;
        }
    }
    if (o.attribution && !scene.attribution.empty()) {
        TextBatch::Style st{.px = 10.5f * s, .color = core::rgb(0x333333)};
        float w = furniture_->measure(scene.attribution, st);
        if (w > W - 12 * s) {  // the credits must always show in full: shrink rather than clip
            st.px *= (W - 12 * s) / w;
            w = furniture_->measure(scene.attribution, st);
        }
        const float pad = 4 * s;
        furniture_->add_rect(W - w - 3 * pad, H - st.px - 2 * pad, W, H, core::rgb(0xffffff, 0.78f));
        placer.reserve({W - w - 3 * pad, H - st.px - 2 * pad, W, H});
        attribution_top = H - st.px - 2 * pad;
        furniture_->add_text(scene.attribution, W - w - 1.5f * pad, H - pad - 0.22f * st.px, st);
    }
    if (o.scale_bar) {
        // True ground distance at the view centre: map metres divided by the projection's scale factor.
        const core::Projector projector;
        const double lat = projector.inverse(camera.centre()).lat;
        const double ground_per_px = camera.metres_per_pixel() / projector.scale_factor(lat);
        const double length_m = nice_scale_length(ground_per_px * 130 * s);
        const float len_px = static_cast<float>(length_m / ground_per_px);
        const float x0 = 14 * s, y1 = H - 16 * s, bar_h = 5 * s;
        TextBatch::Style st{
            .px = 11 * s, .color = core::rgb(0x222222), .halo = core::rgb(0xffffff, 0.9f), .halo_px = 1.6f * s};
        furniture_->add_rect(x0 - 1 * s, y1 - bar_h - 1 * s, x0 + len_px + 1 * s, y1 + 1 * s, core::rgb(0x222222));
        placer.reserve({0, y1 - bar_h - 4 * s - st.px * 1.2, x0 + len_px + 40 * s, H});
        for (int i = 0; i < 4; ++i) {
            const float a = x0 + len_px * static_cast<float>(i) / 4, b = x0 + len_px * static_cast<float>(i + 1) / 4;
            furniture_->add_rect(a, y1 - bar_h, b, y1, i % 2 ? core::rgb(0x222222) : core::rgb(0xffffff));
        }
        const std::string label =
            length_m >= 1000 ? fmt::format("{:g} km", length_m / 1000) : fmt::format("{:g} m", length_m);
        furniture_->add_text("0", x0 - furniture_->measure("0", st) / 2, y1 - bar_h - 4 * s, st);
        furniture_->add_text(label, x0 + len_px - furniture_->measure(label, st) / 2, y1 - bar_h - 4 * s, st);
        scale_bar_right_ = x0 + len_px + furniture_->measure(label, st) / 2;
    } else {
        scale_bar_right_ = 0;
    }
    if (o.north_arrow) {
        // True north at the view centre: the meridian's direction on the map (LCC meridians
        // converge towards the pole, so it tilts away from the central meridian).
        const core::Projector projector;
        const core::LonLat c = projector.inverse(camera.centre());
        const core::WorldXY a = projector.forward(c), b = projector.forward({c.lon, c.lat + 0.05});
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const float dx = static_cast<float>((b.x - a.x) / len), dy = static_cast<float>(-(b.y - a.y) / len);  // y down
        const float cx = std::max(scale_bar_right_ + 30 * s, 40 * s), cy = H - 34 * s, L = 13 * s;
        const float tipx = cx + dx * L, tipy = cy + dy * L, tailx = cx - dx * L, taily = cy - dy * L;
        const float nx = -dy, ny = dx;  // perpendicular
        const core::Rgba ink = core::rgb(0x222222);
        furniture_->add_circle(cx, cy, L + 10 * s, core::rgb(0xffffff, 0.75f), core::rgb(0x222222, 0.5f), 1 * s);
        furniture_->add_line(tailx, taily, tipx, tipy, 2.2f * s, ink);
        furniture_->add_line(tipx, tipy, tipx - dx * 8 * s + nx * 5 * s, tipy - dy * 8 * s + ny * 5 * s, 2.2f * s, ink);
        furniture_->add_line(tipx, tipy, tipx - dx * 8 * s - nx * 5 * s, tipy - dy * 8 * s - ny * 5 * s, 2.2f * s, ink);
        TextBatch::Style n{
            .face = Face::Bold, .px = 12 * s, .color = ink, .halo = core::rgb(0xffffff), .halo_px = 1.5f * s};
        const float nw = furniture_->measure("N", n);
        // "N" just beyond the tip.
        furniture_->add_text("N", tipx + dx * 9 * s - nw / 2, tipy + dy * 9 * s + n.px * 0.38f, n);
        placer.reserve({cx - L - 11 * s, cy - L - 11 * s, cx + L + 11 * s, cy + L + 11 * s});
        scale_bar_right_ = cx + L + 11 * s;
    }
    locator_rect_ = {};
    // Optional furniture that would cover too much of a small image is left out.
    const bool roomy = W >= 640 * s && H >= 420 * s;
    if (o.locator && roomy && !scene.bounds.empty()) {
        // Inset locator: bottom right, above the attribution line.
        const int w = static_cast<int>(190 * s), h = static_cast<int>(120 * s);
        const int x = static_cast<int>(W - static_cast<float>(w) - 10 * s);
        const int y = static_cast<int>(H - 22 * s - static_cast<float>(h) - 8 * s);
        locator_rect_ = {x, y, w, h};
        placer.reserve({x - 2.0 * s, y - 2.0 * s, x + w + 2.0 * s, y + h + 2.0 * s});
        const core::Camera inset = locator_camera(scene, locator_rect_);
        // Frame and the view's box, drawn with the text batch after the inset's map (draw_locator).
        const core::Rgba frame = core::rgb(0x333333);
        const float fx0 = static_cast<float>(x), fy0 = static_cast<float>(y);
        const float fx1 = fx0 + static_cast<float>(w), fy1 = fy0 + static_cast<float>(h);
        furniture_->add_line(fx0, fy0, fx1, fy0, 1.5f * s, frame);
        furniture_->add_line(fx1, fy0, fx1, fy1, 1.5f * s, frame);
        furniture_->add_line(fx1, fy1, fx0, fy1, 1.5f * s, frame);
        furniture_->add_line(fx0, fy1, fx0, fy0, 1.5f * s, frame);
        const auto view = camera.visible_box();
        auto to_inset = [&](double wx, double wy) {
            const auto p = inset.screen({wx, wy});
            return std::pair<float, float>{std::clamp(static_cast<float>(p.x), 0.0f, static_cast<float>(w)) + fx0,
                                           std::clamp(static_cast<float>(p.y), 0.0f, static_cast<float>(h)) + fy0};
        };
        auto [ax, ay] = to_inset(view.min_x, view.max_y);
        auto [bx, by] = to_inset(view.max_x, view.min_y);
        if (bx - ax < 4 * s) ax -= 2 * s, bx += 2 * s;  // keep a tiny view visible
        if (by - ay < 4 * s) ay -= 2 * s, by += 2 * s;
        const core::Rgba red = core::rgb(0xd7301f);
        furniture_->add_rect(ax, ay, bx, by, core::rgb(0xd7301f, 0.15f));
        furniture_->add_line(ax, ay, bx, ay, 2 * s, red);
        furniture_->add_line(bx, ay, bx, by, 2 * s, red);
        furniture_->add_line(bx, by, ax, by, 2 * s, red);
        furniture_->add_line(ax, by, ax, ay, 2 * s, red);
    }
    if (o.legend && H >= 380 * s) layout_legend(scene, camera, o, placer);
    const float bottom =
        locator_rect_.width > 0 ? static_cast<float>(locator_rect_.y) - 8 * s : attribution_top - 6 * s;
    layout_off_map(o, W - 10 * s, right_column_top, bottom, placer);
}

void Renderer::layout_off_map(const FrameOptions& o, float right, float top, float bottom, core::LabelPlacer& placer) {
    off_map_lines_.clear();
    off_map_box_ = {};
    if (!o.off_map || o.off_map->total() == 0) return;
    const core::OffMapSummary& sum = *o.off_map;
    const float s = o.ui_scale;
    const float pad = 6 * s;
    TextBatch::Style head{.face = Face::Bold, .px = 11.5f * s, .color = core::rgb(0x111111)};
    TextBatch::Style st{.px = 11 * s, .color = core::rgb(0x222222)};
    // The count always shows, whole: on a narrow image the text shrinks rather than clips.
    off_map_lines_.push_back(core::off_map_sentence(sum));
    const float max_w = std::max(right * 0.5f, 120 * s);
    if (const float hw = furniture_->measure(off_map_lines_.front(), head); hw > max_w) {
        head.px *= max_w / hw;
        st.px = std::min(st.px, head.px);
    }
    const float row_h = st.px * 1.35f;
    // Then the places, as many as fit above `bottom`; the rest are summed up in one line.
    const float room = bottom - top - 2 * pad - head.px * 1.45f;
    const auto fit = static_cast<std::size_t>(std::max(0.0f, std::floor(room / row_h)));
    const std::size_t n = sum.groups.size();
    const std::size_t shown = n <= fit ? n : (fit > 1 ? fit - 1 : 0);
    for (std::size_t k = 0; k < shown; ++k)
        off_map_lines_.push_back(
            fmt::format("{}: {}", core::off_map_label(sum.groups[k]), sum.groups[k].members.size()));
    if (shown < n && fit > 0) {
        std::size_t rest = 0;
        for (std::size_t k = shown; k < n; ++k) rest += sum.groups[k].members.size();
        off_map_lines_.push_back(
            fmt::format("and {} more place{} ({} events)", n - shown, n - shown == 1 ? "" : "s", rest));
    }
    float w = furniture_->measure(off_map_lines_.front(), head);
    for (std::size_t k = 1; k < off_map_lines_.size(); ++k)
        w = std::max(w, 8 * s + furniture_->measure(off_map_lines_[k], st));
    const float h = 2 * pad + head.px * 1.25f + row_h * static_cast<float>(off_map_lines_.size() - 1);
    const float x0 = right - w - 2 * pad, y0 = top;
    furniture_->add_rect(x0, y0, right, y0 + h, core::rgb(0xffffff, 0.88f));
    furniture_->add_rect(x0, y0, x0 + 3 * s, y0 + h, core::rgb(0x888888));  // a grey bar: not on the map
    furniture_->add_text(off_map_lines_.front(), x0 + pad, y0 + pad + head.px, head);
    float y = y0 + pad + head.px * 1.25f;
    for (std::size_t k = 1; k < off_map_lines_.size(); ++k) {
        furniture_->add_text(off_map_lines_[k], x0 + pad + 8 * s, y + st.px, st);
        y += row_h;
    }
    off_map_box_ = {x0, y0, right, y0 + h};
    placer.reserve(off_map_box_);
}

core::Camera Renderer::locator_camera(const core::Scene& scene, const PixelRect& r) const {
    // The region without its far margins, so the Caucasus fills the inset.
    core::WorldBox b = scene.bounds;
    const double mx = b.width() * 0.08, my = b.height() * 0.08;
    b = core::WorldBox{b.min_x + mx, b.min_y + my, b.max_x - mx, b.max_y - my};
    return core::Camera::fit(b, r.width, r.height);
}

void Renderer::draw_locator(const core::Scene& scene, const core::Camera&, const FrameOptions& options) {
    const PixelRect r = locator_rect_;
    if (r.width <= 0) return;
    const PixelRect saved = tile_;
    // The inset's rectangle inside the framebuffer being drawn (which may be one tile).
    const int fx = r.x - saved.x, fy = (saved.y + saved.height) - (r.y + r.height);
    if (fx + r.width < 0 || fy + r.height < 0 || fx > saved.width || fy > saved.height) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(fx, fy, r.width, r.height);
    glViewport(fx, fy, r.width, r.height);
    const core::Rgba water = water_color();
    glClearColor(water.r, water.g, water.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    tile_ = {0, 0, r.width, r.height};
    const core::Camera inset = locator_camera(scene, r);
    FrameOptions o;
    o.ui_scale = options.ui_scale * 0.6f;
    FrameStats ignored;
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        const auto& layer = scene.layers[i];
        if (layer.id == "land") draw_fill(layer, *layers_[i], inset, o, ignored);
        if (layer.id == "lakes" || layer.id == "boundaries") {
            if (layer.id == "lakes") draw_fill(layer, *layers_[i], inset, o, ignored);
            draw_lines(layer, *layers_[i], inset, o, ignored);
        }
    }
    tile_ = saved;
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, tile_.width, tile_.height);
}

void Renderer::layout_legend(const core::Scene& scene, const core::Camera& camera, const FrameOptions& o,
                             core::LabelPlacer& placer) {
    const float s = o.ui_scale;
    const float H = static_cast<float>(camera.height()) - o.inset_bottom;
    TextBatch::Style head{.face = Face::Bold, .px = 12 * s, .color = core::rgb(0x111111)};
    TextBatch::Style st{.px = 11 * s, .color = core::rgb(0x222222)};
    struct Row {
        enum Kind { Event, Line, Area, Ring, Span, Faint } kind;
        std::string text;
        core::EventType type = core::EventType::Other;
        core::LineStyle line;
        core::Rgba fill;
    };
    std::vector<Row> rows;
    if (o.events && !o.events->empty()) {
        std::vector<char> present(core::all_event_types.size(), 0);
        bool ring = false, span = false, faint = false;
        for (const auto& m : *o.events) {
            present[static_cast<std::size_t>(m.type)] = 1;
            ring = ring || m.radius_m > 0;
            span = span || m.time_span;
            faint = faint || m.alpha < 0.9f;
        }
        for (auto t : core::all_event_types)
            if (present[static_cast<std::size_t>(t)])
                rows.push_back({Row::Event, core::event_type_style(t).label, t, {}, {}});
        if (ring) rows.push_back({Row::Ring, "area: place known only to a district", {}, {}, {}});
        if (span)
            rows.push_back({Row::Span, "hollow, dashed: date known only to a span (month, year, war)", {}, {}, {}});
        if (faint) rows.push_back({Row::Faint, "paler: older in the time window, or less confident", {}, {}, {}});
    }
    for (const auto& layer : scene.layers) {
        if (!layer.visible || !layer.in_legend) continue;
        if (layer.kind == core::LayerKind::Line && !layer.line_styles.empty())
            rows.push_back({Row::Line, layer.title, {}, layer.line_styles.front(), {}});
        else if (layer.kind == core::LayerKind::Fill && !layer.fills.empty() && !layer.fills.front().valid.timed())
            rows.push_back({Row::Area, layer.title, {}, {}, layer.fills.front().color});
    }
    if (rows.empty()) return;
    const float pad = 7 * s, row_h = 17 * s, key_w = 26 * s;
    float w = furniture_->measure("Legend", head);
    for (const auto& r : rows) w = std::max(w, key_w + furniture_->measure(r.text, st));
    const float h = pad * 2 + head.px * 1.4f + row_h * static_cast<float>(rows.size());
    const float x0 = 10 * s, y0 = H - 60 * s - h;
    furniture_->add_rect(x0, y0, x0 + w + 2 * pad, y0 + h, core::rgb(0xffffff, 0.88f));
    placer.reserve({x0, y0, x0 + w + 2 * pad, y0 + h});
    furniture_->add_text("Legend", x0 + pad, y0 + pad + head.px, head);
    float y = y0 + pad + head.px * 1.4f;
    for (const auto& r : rows) {
        const float cy = y + row_h / 2, kx = x0 + pad + key_w / 2 - 3 * s;
        switch (r.kind) {
            case Row::Event: {
                const auto& es = core::event_type_style(r.type);
                furniture_->add_circle(kx, cy, 7.5f * s, core::rgb(0xffffff), es.color, 1.8f * s);
                TextBatch::Style g{.px = 10 * s, .color = es.color};
                std::string glyph;
                core::append_utf8(glyph, es.symbol);
                furniture_->add_text(glyph, kx - furniture_->measure(glyph, g) / 2, cy + furniture_->ascent(g) / 2, g);
                break;
            }
            case Row::Ring:
                furniture_->add_circle(kx, cy, 7.5f * s, core::rgb(0x555555, 0.1f), core::rgb(0x555555, 0.7f),
                                       1.3f * s);
                break;
            case Row::Span:
                for (int k = 0; k < 10; ++k) {  // as Renderer::layout_events draws it
                    const float a0 = 6.2831853f * static_cast<float>(k) / 10, a1 = a0 + 6.2831853f * 0.055f;
                    const float kr = 7.5f * s;
                    furniture_->add_line(kx + kr * std::cos(a0), cy + kr * std::sin(a0), kx + kr * std::cos(a1),
                                         cy + kr * std::sin(a1), 1.5f * s, core::rgb(0x444444));
                }
                break;
            case Row::Faint:
                furniture_->add_circle(kx - 4 * s, cy, 5.5f * s, core::rgb(0xffffff), core::rgb(0x444444), 1.6f * s);
                furniture_->add_circle(kx + 5 * s, cy, 5.5f * s, core::rgb(0xffffff, 0.5f), core::rgb(0x444444, 0.35f),
                                       1.6f * s);
                break;
            case Row::Line:
                if (r.line.casing_px > 0)
                    furniture_->add_line(kx - 10 * s, cy, kx + 10 * s, cy, r.line.casing_px * s, r.line.casing_color);
                if (r.line.dash_px > 0) {
                    for (float x = kx - 10 * s; x < kx + 10 * s; x += (r.line.dash_px + r.line.gap_px) * s)
                        furniture_->add_line(x, cy, std::min(x + r.line.dash_px * s, kx + 10 * s), cy,
                                             std::max(1.0f, r.line.width_px) * s, r.line.color);
                } else {
                    furniture_->add_line(kx - 10 * s, cy, kx + 10 * s, cy, std::max(1.0f, r.line.width_px) * s,
                                         r.line.color);
                }
                break;
            case Row::Area:
                furniture_->add_rect(kx - 9 * s, cy - 5 * s, kx + 9 * s, cy + 5 * s, r.fill);
                break;
        }
        furniture_->add_text(r.text, x0 + pad + key_w, cy + st.px * 0.38f, st);
        y += row_h;
    }
}

namespace {
bool is_time_dependent(const core::SceneLayer& layer) {
    if (!layer.line_valid.empty()) return true;
    for (const auto& part : layer.fills)
        if (part.valid.timed()) return true;
    return false;
}
}  // namespace

FrameStats Renderer::draw(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options) {
    SITMAP_ASSERT(layers_.size() == scene.layers.size(), "Renderer::upload must follow every change of scene layers");
    FrameStats stats;
    tile_ = options.tile.value_or(PixelRect{0, 0, camera.width(), camera.height()});
    glViewport(0, 0, tile_.width, tile_.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glStencilMask(0xff);
    // Relief is multiplied into land fills; its layer only sets how strongly.
    shade_opacity_ = 0;
    for (const auto& layer : scene.layers)
        if (layer.kind == core::LayerKind::Raster && layer.visible) shade_opacity_ = layer.opacity;
    // The static layers below the first time-dependent one (sea, land with relief) only change
    // with the view: when only the date moved (the slider playing), they are copied from the
    // previous frame's cache instead of being drawn again.
    std::size_t base_end = 0;
    while (base_end < scene.layers.size() && !is_time_dependent(scene.layers[base_end]) &&
           (scene.layers[base_end].kind == core::LayerKind::Fill ||
            scene.layers[base_end].kind == core::LayerKind::Raster))
        ++base_end;
    std::string key;
    if (options.reuse_base && !options.tile) {
        key = fmt::format("{:.3f} {:.3f} {:.6f} {}x{} {} {}", camera.centre().x, camera.centre().y,
                          camera.metres_per_pixel(), camera.width(), camera.height(), options.ui_scale, shade_opacity_);
        for (std::size_t i = 0; i < base_end; ++i)
            key += fmt::format(" {}{:.3f}", scene.layers[i].visible ? 'v' : 'h', scene.layers[i].opacity);
    }
    GLint target_fbo = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target_fbo);
    std::size_t first_layer = 0;
    if (!key.empty() && base_cache_ && key == base_key_) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, base_cache_->fbo_id());
        glBlitFramebuffer(0, 0, tile_.width, tile_.height, 0, 0, tile_.width, tile_.height, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target_fbo));
        first_layer = base_end;
        ++stats.base_reused;
    } else {
        const Rgba water = water_color();
        glClearColor(water.r, water.g, water.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    for (std::size_t i = first_layer; i < scene.layers.size(); ++i) {
        if (i == base_end && first_layer == 0 && !key.empty()) {
            // Keep what was drawn so far for the next frame.
            if (!base_cache_ || base_cache_->width() != tile_.width || base_cache_->height() != tile_.height)
                base_cache_ = std::make_unique<OffscreenTarget>(tile_.width, tile_.height);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(target_fbo));
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, base_cache_->fbo_id());
            glBlitFramebuffer(0, 0, tile_.width, tile_.height, 0, 0, tile_.width, tile_.height, GL_COLOR_BUFFER_BIT,
                              GL_NEAREST);
            glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target_fbo));
            base_key_ = key;
        }
        const auto& layer = scene.layers[i];
        if (!layer.visible || layer.opacity <= 0) continue;
        auto& gpu = *layers_[i];
        switch (layer.kind) {
            case core::LayerKind::Fill:
                draw_fill(layer, gpu, camera, options, stats);
                draw_lines(layer, gpu, camera, options, stats);
                break;
            case core::LayerKind::Line:
                draw_lines(layer, gpu, camera, options, stats);
                break;
            case core::LayerKind::Raster:
                break;  // baked into the land fill (see bake_shade)
            case core::LayerKind::Places:
            case core::LayerKind::Texts:
                break;  // drawn together, on top, after all geometry
        }
    }
    text_->clear();
    furniture_->clear();
    // Furniture first: its boxes are reserved so no label slides under the scale bar or credits.
    core::LabelPlacer placer(camera.width(), camera.height(), 48.0 * options.ui_scale);
    layout_furniture(scene, camera, options, placer);
    // Event symbols are always drawn, so they go first; labels then take the free space around them
    // (eight candidate positions each), most important places first.
    // Capitals before country names, country and sea names before the other places.
    layout_events(camera, options, placer);
    layout_labels(scene, camera, options.ui_scale, placer, 0, 0, false, stats);
    layout_labels(scene, camera, options.ui_scale, placer, 1, 99, true, stats);
    label_boxes_ = placer.placed();
    if (options.locator) draw_locator(scene, camera, options);
    text_->draw(text_program_, tile_.x, tile_.y, tile_.width, tile_.height);
    furniture_->draw(text_program_, tile_.x, tile_.y, tile_.width, tile_.height);  // over the map's symbols
    glUseProgram(0);
    glBindVertexArray(0);
    gl::check("Renderer::draw");
    return stats;
}

}  // namespace sitmap::render
