#include "render/renderer.hpp"

#include "core/control_scene.hpp"
#include "core/error.hpp"
#include "core/event_style.hpp"
#include "core/event_view.hpp"
#include "render/layer_cache.hpp"
#include "render/offscreen.hpp"
#include "render/shade_cache.hpp"
#include "render/shader_sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::render {

using core::Rgba;

core::Rgba water_color() {
    return core::rgb(0xb5d0e2);
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
    const std::string fill_vert = shader_source("fill.vert"), fill_frag = shader_source("fill.frag");
    for (int v = 0; v < 3; ++v) {
        std::string frag = fill_frag;  // the define goes after the #version line
        frag.insert(frag.find('\n') + 1, fmt::format("#define SITMAP_SHADE {}\n", v));
        fill_programs_[static_cast<std::size_t>(v)].program =
            gl::make_program(fmt::format("fill (SITMAP_SHADE {})", v), fill_vert, frag);
    }
    line_program_ = program("line");
    raster_program_ = program("raster");
    text_program_ = program("text");
    // Uniform locations once per program, not per pass per frame.
    auto view = [](const gl::Program& p) {
        return ViewUniforms{.centre = gl::uniform(p, "u_centre"),
                            .mpp = gl::uniform(p, "u_mpp"),
                            .viewport = gl::uniform(p, "u_viewport"),
                            .tile_offset = gl::uniform(p, "u_tile_offset"),
                            .anchor = gl::uniform(p, "u_anchor"),
                            .grid_centre = gl::uniform(p, "u_grid_centre"),
                            .frag_grid = gl::uniform(p, "u_frag_grid")};
    };
    for (auto& [p, u] : fill_programs_)
        u = {.view = view(p),
             .color = gl::uniform(p, "u_color"),
             .hatch = gl::uniform(p, "u_hatch"),
             .hatch_phase = gl::uniform(p, "u_hatch_phase"),
             .shade = gl::uniform(p, "u_shade"),
             .shade_opacity = gl::uniform(p, "u_shade_opacity"),
             .shade_origin = gl::uniform(p, "u_shade_origin"),
             .shade_size = gl::uniform(p, "u_shade_size")};
    line_u_ = {.view = view(line_program_),
               .half_width = gl::uniform(line_program_, "u_half_width"),
               .color = gl::uniform(line_program_, "u_color"),
               .dash = gl::uniform(line_program_, "u_dash")};
    raster_u_ = view(raster_program_);
    raster_texture_u_ = gl::uniform(raster_program_, "u_texture");
    layer_cache_ = std::make_unique<LayerCache>();
    metrics_ = std::make_unique<compose::FontMetrics>(font_dir);
    atlas_ = std::make_unique<FontAtlas>(*metrics_);
    text_ = std::make_unique<TextBatch>(*atlas_);
    furniture_ = std::make_unique<TextBatch>(*atlas_);
    annotations_ = std::make_unique<TextBatch>(*atlas_);
    static const float corners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    corner_buffer_ = gl::make_buffer();
    glBindBuffer(GL_ARRAY_BUFFER, corner_buffer_.id());
    SITMAP_GL_CHECK(glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW));
    swatch_vao_ = gl::make_vertex_array();
    swatch_vbo_ = gl::make_buffer();
    glBindVertexArray(swatch_vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, swatch_vbo_.id());
    glEnableVertexAttribArray(0);
    SITMAP_GL_CHECK(glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr));
    glBindVertexArray(0);
}

Renderer::~Renderer() = default;

void Renderer::upload(const core::Scene& scene) {
    layers_.clear();
    ++generation_;  // what the layer cache holds was drawn from the old geometry
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
}

void Renderer::bake_shade(const core::SceneLayer& layer, LayerGpu& gpu) {
    // Render the lon/lat grid once into a texture aligned with world metres, so land fills can
    // sample relief with a linear mapping (no second full-screen pass per frame).
    core::WorldBox box;
    for (const auto& v : layer.raster_grid.vertices) box.extend(v.x, v.y);
    if (box.empty()) return;
    const int w = 2048, h = std::max(16, static_cast<int>(2048 * box.height() / box.width()));
    shade_origin_ = {static_cast<float>(box.min_x), static_cast<float>(box.min_y)};
    shade_size_ = {static_cast<float>(box.width()), static_cast<float>(box.height())};
    shade_texel_m_ = static_cast<float>(box.width() / w);
    const auto texels = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    const std::string key = cache_dir_.empty() ? std::string() : shade_cache_key(layer, w, h);
    const auto cached = key.empty() ? std::nullopt : read_shade_cache(cache_dir_ / "relief.bin", key, texels);
    shade_texture_ = gl::make_texture();
    glBindTexture(GL_TEXTURE_2D, shade_texture_.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, cached ? cached->data() : nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (cached) return;  // the texels this bake gave last time, byte for byte
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
    glUniform2f(raster_u_.centre, static_cast<float>((box.min_x + box.max_x) / 2),
                static_cast<float>((box.min_y + box.max_y) / 2));
    glUniform1f(raster_u_.mpp, static_cast<float>(box.width() / w));
    // Non-square texels: scale y through the viewport so the whole box fills the texture.
    glUniform2f(raster_u_.viewport, static_cast<float>(w), static_cast<float>(box.height() / (box.width() / w)));
    glUniform2f(raster_u_.tile_offset, 0.0f, 0.0f);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, gpu.raster_texture.id());
    glUniform1i(raster_texture_u_, 0);
    glBindVertexArray(gpu.raster_vao.id());
    SITMAP_GL_CHECK(glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(gpu.raster_indices), GL_UNSIGNED_INT, nullptr));
    if (!key.empty()) {
        std::vector<std::uint8_t> baked(texels);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, w, h, GL_RED, GL_UNSIGNED_BYTE, baked.data());
        write_shade_cache(cache_dir_ / "relief.bin", key, baked);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
}

std::string Renderer::shade_cache_key(const core::SceneLayer& layer, int w, int h) const {
    // Everything the bake reads: the texture size, the raster and its grid, the shaders, the driver.
    auto bytes = [](const auto& v) {
        return std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
    };
    std::uint64_t hash = fnv1a(bytes(layer.raster.pixels));
    hash = fnv1a(bytes(layer.raster_grid.vertices), hash);
    hash = fnv1a(bytes(layer.raster_grid.indices), hash);
    hash = fnv1a(bytes(layer.raster_uv), hash);
    hash = fnv1a(shader_source("raster.vert") + shader_source("raster.frag"), hash);
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return fmt::format("bake 1, {}x{} texels, raster {}x{}, inputs {:016x}, {}, {}", w, h, layer.raster.width,
                       layer.raster.height, hash, version ? version : "?", renderer ? renderer : "?");
}

void Renderer::set_view_uniforms(const ViewUniforms& u, const core::Camera& camera) {
    glUniform2f(u.centre, static_cast<float>(camera.centre().x), static_cast<float>(camera.centre().y));
    glUniform1f(u.mpp, static_cast<float>(camera.metres_per_pixel()));
    glUniform2f(u.viewport, static_cast<float>(tile_.width), static_cast<float>(tile_.height));
    glUniform2f(u.tile_offset, static_cast<float>(tile_.x + tile_.width / 2.0 - camera.width() / 2.0),
                static_cast<float>(camera.height() / 2.0 - (tile_.y + tile_.height / 2.0)));
    // The pixel grid (compose/pixel_grid): the anchor, the image centre on it, and where this
    // framebuffer's pixel (0, 0) lies on it (the tile's corner, less the viewport's corner in the
    // framebuffer); sixteenths of a pixel and halves, exact in float.
    grid_ = compose::pixel_grid(camera);
    glUniform2f(u.anchor, static_cast<float>(grid_.anchor_world_x()), static_cast<float>(grid_.anchor_world_y()));
    glUniform2f(u.grid_centre, static_cast<float>(grid_.centre_x), static_cast<float>(grid_.centre_y));
    const double fx = tile_.x - camera.width() / 2.0 + grid_.centre_x - viewport_x_;
    const double fy = (camera.height() - tile_.y - tile_.height) - camera.height() / 2.0 + grid_.centre_y - viewport_y_;
    glUniform2f(u.frag_grid, static_cast<float>(fx), static_cast<float>(fy));
}

void Renderer::bind_window_framebuffer(int width, int height, bool clear) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height);
    if (clear) {
        const core::Rgba water = water_color();
        glClearColor(water.r, water.g, water.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
}

void Renderer::set_fill_style(const compose::FillStyle& style, float opacity) {
    const core::Rgba c = style.color;
    // Opaque solid fills skip blending: llvmpipe fills a screen of land noticeably faster.
    if (c.a * opacity >= 1.0f && style.hatch_px == 0)
        glDisable(GL_BLEND);
    else
        glEnable(GL_BLEND);
    glUniform4f(fill_u_.color, c.r, c.g, c.b, c.a * opacity);
    glUniform2f(fill_u_.hatch, style.hatch_px, style.hatch_px > 0 ? style.stripe_px : 0.0f);
    // Stripes laid on the world's pixels: the anchor's place in their period.
    if (style.hatch_px > 0)
        glUniform1f(fill_u_.hatch_phase, static_cast<float>(std::fmod(
                                             static_cast<double>(grid_.anchor_x + grid_.anchor_y), style.hatch_px)));
}

void Renderer::use_fill(FillShade shade) {
    const FillProgram& p = fill_programs_[static_cast<std::size_t>(shade)];
    glUseProgram(p.program.id());
    fill_u_ = p.u;
}

Renderer::FillShade Renderer::fill_shade_for(const core::SceneLayer& layer, const core::Camera& camera) const {
    if (!(layer.land_mask && shade_texture_ && shade_opacity_ > 0)) return FillShade::None;
    // fill.frag takes the B-spline beyond 12 pixels per relief texel, measured per pixel from
    // fwidth(world x), which is the camera's metres per pixel; the margin covers its rounding.
    const double texel_px = shade_texel_m_ / camera.metres_per_pixel();
    return texel_px < 12.0 / 1.1 ? FillShade::Bilinear : FillShade::Full;
}

void Renderer::draw_fill(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                         const FrameOptions& options, FrameStats& stats) {
    if (gpu.fill_ranges.empty()) return;
    const FillShade shade = fill_shade_for(layer, camera);
    use_fill(shade);
    set_view_uniforms(fill_u_.view, camera);
    glDisable(GL_STENCIL_TEST);
    const bool shaded = shade != FillShade::None;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, shaded ? shade_texture_.id() : 0);
    glUniform1i(fill_u_.shade, 0);
    glUniform1f(fill_u_.shade_opacity, shaded ? shade_opacity_ : 0.0f);
    glUniform2f(fill_u_.shade_origin, shade_origin_.x, shade_origin_.y);
    glUniform2f(fill_u_.shade_size, shade_size_.x, shade_size_.y);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(gpu.fill_vao.id());
    // The passes compose::geometry_key lists for the layer cache: shown parts, then the stripes.
    for (const auto& pass : compose::fill_passes(layer, camera.visible_box(), options.day, options.ui_scale)) {
        set_fill_style(pass.style, layer.opacity);
        const auto [first, count] = gpu.fill_ranges[pass.part];
        SITMAP_GL_CHECK(glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                                       reinterpret_cast<const void*>(first * sizeof(std::uint32_t))));
        stats.triangles += count / 3;
    }
    glUniform2f(fill_u_.hatch, 0, 0);
    glUniform1f(fill_u_.shade_opacity, 0.0f);
}

void Renderer::draw_swatches(const core::Camera& camera) {
    if (layout_.swatches.empty()) return;
    use_fill(FillShade::None);
    set_view_uniforms(fill_u_.view, camera);
    glDisable(GL_STENCIL_TEST);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUniform1f(fill_u_.shade_opacity, 0.0f);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(swatch_vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, swatch_vbo_.id());
    for (const auto& sw : layout_.swatches) {
        // The swatch's pixel box as world coordinates: the same vertex path as the map's areas.
        const core::WorldXY a = camera.world({sw.box.x0, sw.box.y0}), b = camera.world({sw.box.x1, sw.box.y1});
        const glm::vec2 quad[] = {{a.x, a.y}, {b.x, a.y}, {a.x, b.y}, {b.x, b.y}};
        glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STREAM_DRAW);
        for (std::size_t k = 0; k < sw.fills.size(); ++k) {
            set_fill_style(sw.fills[k], k == 0 ? 1.0f : sw.opacity);  // the first is the land under the area
            SITMAP_GL_CHECK(glDrawArrays(GL_TRIANGLE_STRIP, 0, 4));
        }
    }
    glUniform2f(fill_u_.hatch, 0, 0);
}

void Renderer::draw_lines(const core::SceneLayer& layer, LayerGpu& gpu, const core::Camera& camera,
                          const FrameOptions& options, FrameStats& stats) {
    const float ui_scale = options.ui_scale;
    if (gpu.lines.empty()) return;
    glUseProgram(line_program_.id());
    set_view_uniforms(line_u_.view, camera);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const GLint hw = line_u_.half_width, color = line_u_.color, dash = line_u_.dash;
    const double mpp = camera.metres_per_pixel();
    for (std::size_t c = 0; c < gpu.lines.size() && c < layer.line_styles.size(); ++c) {
        if (c < layer.line_valid.size() && !compose::shown_on_day(layer.line_valid[c], options.day)) continue;
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
            SITMAP_GL_CHECK(glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(chosen->count)));
            stats.line_segments += chosen->count;
        };
        if (style.casing_px > 0) pass(style.casing_px, style.casing_color, 0, 0);
        pass(style.width_px, style.color, style.dash_px, style.gap_px);
    }
}

void Renderer::draw_locator(const core::Scene& scene) {
    const PixelRect r = layout_.locator_rect;
    if (r.width <= 0) return;
    const PixelRect saved = tile_;
    // The inset's rectangle inside the framebuffer being drawn (which may be one tile).
    const int fx = r.x - saved.x, fy = (saved.y + saved.height) - (r.y + r.height);
    if (fx + r.width < 0 || fy + r.height < 0 || fx > saved.width || fy > saved.height) return;
    glEnable(GL_SCISSOR_TEST);
    PixelRect scissor{fx, fy, r.width, r.height};
    if (clip_) scissor = intersection(scissor, *clip_);
    glScissor(scissor.x, scissor.y, std::max(0, scissor.width), std::max(0, scissor.height));
    glViewport(fx, fy, r.width, r.height);
    viewport_x_ = fx;
    viewport_y_ = fy;
    const core::Rgba water = water_color();
    glClearColor(water.r, water.g, water.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    tile_ = {0, 0, r.width, r.height};
    const core::Camera inset = compose::locator_camera(scene, r);
    FrameOptions o;
    o.ui_scale = layout_.furniture_scale * 0.6f;  // the inset grows with the furniture
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
    viewport_x_ = viewport_y_ = 0;
    apply_clip();
    glViewport(0, 0, tile_.width, tile_.height);
}

PixelRect Renderer::framebuffer_rect(const PixelRect& image_rect) const {
    // Image pixels (y down, whole image) to the bound framebuffer's (y up, this tile).
    const PixelRect r{image_rect.x - tile_.x, (tile_.y + tile_.height) - (image_rect.y + image_rect.height),
                      image_rect.width, image_rect.height};
    return intersection(r, PixelRect{0, 0, tile_.width, tile_.height});
}

PixelRect Renderer::intersection(const PixelRect& a, const PixelRect& b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

void Renderer::apply_clip() const {
    if (clip_) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(clip_->x, clip_->y, clip_->width, clip_->height);
    } else {
        glDisable(GL_SCISSOR_TEST);
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

void Renderer::draw_layer(const core::Scene& scene, std::size_t i, const core::Camera& camera,
                          const FrameOptions& options, FrameStats& stats) {
    const auto& layer = scene.layers[i];
    if (!layer.visible || layer.opacity <= 0) return;
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

bool Renderer::reuse_base_cache(const core::Camera& camera, GLuint target_fbo) {
    // Whole pixels between the cached view and this one on the same pixel grid, within the
    // cache's margin: the cache holds this view, shifted (compose/pixel_grid).
    const auto shift = compose::whole_pixel_shift(base_grid_, compose::pixel_grid(camera));
    if (!shift || std::abs(shift->dx) > base_margin_ || std::abs(shift->dy) > base_margin_) return false;
    const int x0 = base_margin_ + shift->dx, y0 = base_margin_ + shift->dy;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, base_cache_->fbo_id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target_fbo);
    glBlitFramebuffer(x0, y0, x0 + tile_.width, y0 + tile_.height, 0, 0, tile_.width, tile_.height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, target_fbo);
    return true;
}

void Renderer::draw_base_padded(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                                std::size_t base_end, GLuint target_fbo, FrameStats& stats) {
    const int m = kPanMargin, w = tile_.width + 2 * m, h = tile_.height + 2 * m;
    if (!base_cache_ || base_cache_->width() != w || base_cache_->height() != h)
        base_cache_ = std::make_unique<OffscreenTarget>(w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, base_cache_->fbo_id());
    // A partial redraw's scissor (Renderer::draw) is the target's, not the cache's: off here.
    GLboolean scissor = GL_FALSE;
    glGetBooleanv(GL_SCISSOR_TEST, &scissor);
    glDisable(GL_SCISSOR_TEST);
    const PixelRect saved = tile_;
    tile_ = {0, 0, w, h};
    glViewport(0, 0, w, h);
    const Rgba water = water_color();
    glClearColor(water.r, water.g, water.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const core::Camera padded(camera.centre(), camera.metres_per_pixel(), w, h);
    for (std::size_t i = 0; i < base_end; ++i) draw_layer(scene, i, padded, options, stats);
    tile_ = saved;
    glViewport(0, 0, tile_.width, tile_.height);
    base_grid_ = compose::pixel_grid(camera);
    base_margin_ = m;
    if (scissor) glEnable(GL_SCISSOR_TEST);
    reuse_base_cache(camera, target_fbo);
}

FrameStats Renderer::draw(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options) {
    SITMAP_ASSERT(layers_.size() == scene.layers.size(), "Renderer::upload must follow every change of scene layers");
    FrameStats stats;
    tile_ = options.tile.value_or(PixelRect{0, 0, camera.width(), camera.height()});
    glViewport(0, 0, tile_.width, tile_.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glStencilMask(0xff);
    // A clipped frame (one half of a split view) touches only its rectangle of the framebuffer:
    // the clear, the layers, the labels and the furniture alike.
    clip_.reset();
    if (options.clip) {
        clip_ = framebuffer_rect(*options.clip);
        if (clip_->width <= 0 || clip_->height <= 0) {
            layout_ = {};
            return stats;
        }
    }
    apply_clip();
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
    if (options.reuse_base && !options.tile && !options.clip) {
        // The view's zoom, size and base layer state; its centre is kept apart (base_centre_) so
        // that a pan reuses the cache too, shifted (see reuse_base_cache).
        key = fmt::format("{:.6f} {}x{} {} {}", camera.metres_per_pixel(), camera.width(), camera.height(),
                          options.ui_scale, shade_opacity_);
        for (std::size_t i = 0; i < base_end; ++i)
            key += fmt::format(" {}{:.3f}", scene.layers[i].visible ? 'v' : 'h', scene.layers[i].opacity);
    }
    GLint target_fbo = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target_fbo);
    if (key.empty())
        draw_layers(scene, camera, options, base_end, key, static_cast<GLuint>(target_fbo), stats);
    else
        draw_cached_layers(scene, camera, options, base_end, key, static_cast<GLuint>(target_fbo), stats);
    draw_overlays(scene, camera, options, stats);
    return stats;
}

void Renderer::draw_layers(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                           std::size_t base_end, const std::string& base_key, GLuint target_fbo, FrameStats& stats) {
    std::size_t first_layer = 0;
    const bool same_zoom = !base_key.empty() && base_cache_ && base_key == base_key_;
    if (same_zoom && reuse_base_cache(camera, target_fbo)) {
        first_layer = base_end;
        ++stats.base_reused;
    } else if (same_zoom) {
        // Panned beyond the cache: draw the base layers again, with a margin around the view, so
        // that the next frames of the pan are copied from it.
        draw_base_padded(scene, camera, options, base_end, target_fbo, stats);
        first_layer = base_end;
    } else {
        const Rgba water = water_color();
        glClearColor(water.r, water.g, water.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    for (std::size_t i = first_layer; i < scene.layers.size(); ++i) {
        GLboolean scissor = GL_FALSE;
        if (i == base_end && first_layer == 0 && !base_key.empty()) glGetBooleanv(GL_SCISSOR_TEST, &scissor);
        if (i == base_end && first_layer == 0 && !base_key.empty() && !scissor) {
            // Keep what was drawn so far for the next frame (a new zoom: no margin, so zooming
            // frames cost no more than without the cache).
            if (!base_cache_ || base_cache_->width() != tile_.width || base_cache_->height() != tile_.height)
                base_cache_ = std::make_unique<OffscreenTarget>(tile_.width, tile_.height);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, target_fbo);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, base_cache_->fbo_id());
            glBlitFramebuffer(0, 0, tile_.width, tile_.height, 0, 0, tile_.width, tile_.height, GL_COLOR_BUFFER_BIT,
                              GL_NEAREST);
            glBindFramebuffer(GL_FRAMEBUFFER, target_fbo);
            base_key_ = base_key;
            base_grid_ = compose::pixel_grid(camera);
            base_margin_ = 0;
        }
        draw_layer(scene, i, camera, options, stats);
    }
}

void Renderer::draw_overlays(const core::Scene& scene, const core::Camera& camera, const FrameOptions& options,
                             FrameStats& stats) {
    // Labels, symbols and furniture are laid out without GL (compose/layout), for the whole image.
    layout_ = compose::layout_frame(scene, camera, options, *metrics_);
    stats.labels = layout_.labels;
    text_->clear();
    furniture_->clear();
    annotations_->clear();
    text_->add(layout_.map);
    annotations_->add(layout_.annotations);
    furniture_->add(layout_.furniture);
    text_->draw(text_program_, tile_.x, tile_.y, tile_.width, tile_.height);
    // A slide's annotations over the labels and symbols; the locator inset and the furniture
    // over them, as over everything on the map.
    annotations_->draw(text_program_, tile_.x, tile_.y, tile_.width, tile_.height);
    if (options.locator) draw_locator(scene);
    furniture_->draw(text_program_, tile_.x, tile_.y, tile_.width, tile_.height);  // over the map's symbols
    draw_swatches(camera);
    glDisable(GL_SCISSOR_TEST);
    glUseProgram(0);
    SITMAP_GL_CHECK(glBindVertexArray(0));
}

}  // namespace sitmap::render
