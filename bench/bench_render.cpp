// Render benchmark (a program, not a timed test): start-up to first frame, median frame time at
// 1280x800 for the whole-region view and for the Karabakh view while panning, time to write a
// 3840x2160 PNG, and peak memory. Headless (EGL surfaceless), same Renderer as the window.
// Usage: build/sitmap_bench [--frames N]   (figures and machine in bench/README.md)
#include "app/data_paths.hpp"
#include "app/map_loader.hpp"
#include "app/render_image.hpp"
#include "core/base_map.hpp"
#include "io/image.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"

#include "bench_util.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace sitmap;
using Clock = std::chrono::steady_clock;

namespace {
using namespace sitmap::bench;  // ms_since, median, p95, peak_rss_kb
struct Series {
    std::vector<double> ms;
    double median() {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[ms.size() / 2];
    }
    double p95() {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    }
};

// Draws `frames` frames, moving the camera by (dx, dy) pixels each frame (0 = static view).
Series run_frames(render::Renderer& renderer, const core::Scene& scene, core::Camera camera, int frames, double dx,
                  double dy, render::FrameStats& stats) {
    render::OffscreenTarget target(camera.width(), camera.height());
    target.bind();
    Series s;
    for (int i = 0; i < frames; ++i) {
        // Back and forth so a long run stays over the same area.
        const double dir = (i / 40) % 2 == 0 ? 1.0 : -1.0;
        camera.pan_pixels(dx * dir, dy * dir);
        const auto t = Clock::now();
        stats = renderer.draw(scene, camera, {});
        glFinish();
        s.ms.push_back(ms_since(t));
    }
    return s;
}
}  // namespace

int main(int argc, char** argv) {
    const auto t_start = Clock::now();
    int frames = 120;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--frames") == 0) frames = std::max(5, std::atoi(argv[i + 1]));

    render::HeadlessContext context;
    const auto paths = app::find_data_paths();
    core::Diagnostics diags;
    const core::Projector projector;
    const auto t_load = Clock::now();
    core::Scene scene = app::load_base_scene(paths.geodata(), projector, diags);
    const double load_ms = ms_since(t_load);
    render::Renderer renderer(paths.fonts());
    renderer.upload(scene);
    const auto region = core::Camera::fit(core::project_box(projector, *core::named_view("region")), 1280, 800);
    {
        render::OffscreenTarget target(1280, 800);
        target.bind();
        renderer.draw(scene, region, {});
        glFinish();
    }
    const double first_frame_ms = ms_since(t_start);

    render::FrameStats region_stats, karabakh_stats, pan_stats;
    Series region_static = run_frames(renderer, scene, region, frames, 0, 0, region_stats);
    Series region_pan = run_frames(renderer, scene, region, frames, 7, 3, pan_stats);
    const auto karabakh = core::Camera::fit(core::project_box(projector, *core::named_view("karabakh")), 1280, 800);
    Series karabakh_pan = run_frames(renderer, scene, karabakh, frames, 6, -4, karabakh_stats);

    const auto t_4k = Clock::now();
    const auto cam4k = core::Camera::fit(core::project_box(projector, *core::named_view("karabakh")), 3840, 2160);
    const auto image = app::render_image(renderer, scene, cam4k, {.ui_scale = app::auto_ui_scale(3840, 2160)});
    const double render4k_ms = ms_since(t_4k);
    io::write_png("/tmp/sitmap_bench_4k.png", image);
    const double png4k_ms = ms_since(t_4k);

    std::printf("renderer: %s\n", context.description().c_str());
    std::printf("geodata load + project + triangulate: %.0f ms (%zu problems)\n", load_ms, diags.count());
    std::printf("start to first frame (1280x800, headless): %.0f ms\n", first_frame_ms);
    std::printf("region 1280x800 static:   median %.1f ms, p95 %.1f ms  (%zu triangles, %zu segments, %zu labels)\n",
                region_static.median(), region_static.p95(), region_stats.triangles, region_stats.line_segments,
                region_stats.labels);
    std::printf("region 1280x800 panning:  median %.1f ms, p95 %.1f ms\n", region_pan.median(), region_pan.p95());
    std::printf("karabakh 1280x800 panning: median %.1f ms, p95 %.1f ms  (%zu triangles, %zu segments, %zu labels)\n",
                karabakh_pan.median(), karabakh_pan.p95(), karabakh_stats.triangles, karabakh_stats.line_segments,
                karabakh_stats.labels);
    std::printf("3840x2160 karabakh: render+readback %.0f ms, with PNG write %.0f ms\n", render4k_ms, png4k_ms);
    // Cost of each layer: the static region frame with that layer hidden.
    std::printf("per-layer cost (region static median minus median with the layer hidden):\n");
    const double base = region_static.median();
    for (auto& layer : scene.layers) {
        if (!layer.visible) continue;
        layer.visible = false;
        render::FrameStats st;
        Series without = run_frames(renderer, scene, region, std::max(10, frames / 4), 0, 0, st);
        layer.visible = true;
        std::printf("  %-14s %5.1f ms\n", layer.id.c_str(), base - without.median());
    }
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024.0);
    return 0;
}
