// Control benchmark (a program, not a timed test): `sitmap query` end to end (spawn, load
// control.gpkg, answer; median of N), the cost of loading and triangulating the control periods at
// start-up, and the cost of switching the displayed date: frames that change FrameOptions::day
// against frames that redraw the same day, headless (EGL), same Renderer as the window.
// Usage: build/sitmap_bench_control [--runs N]   (figures in bench/README.md)
#include "app/data_paths.hpp"
#include "app/map_loader.hpp"
#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "io/control_io.hpp"
#include "io/geodata.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"

#include "bench_util.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace sitmap;
using Clock = std::chrono::steady_clock;

namespace {
using namespace sitmap::bench;  // ms_since, median, p95, peak_rss_kb

core::Date iso(const char* s) {
    return *core::parse_iso_date(s);
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 15;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(3, std::atoi(argv[i + 1]));
    const auto paths = app::find_data_paths();

    // 1. query end to end: a fresh process each time (start, load control.gpkg, answer, exit).
    std::vector<double> query_ms;
    const std::string cmd =
        std::string("'") + SITMAP_BINARY + "' query --date 2020-11-15 --at 39.8177,46.7528 >/dev/null";
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        if (std::system(cmd.c_str()) != 0) {
            std::fprintf(stderr, "query failed: %s\n", cmd.c_str());
            return 1;
        }
        query_ms.push_back(ms_since(t));
    }

    // 2. start-up cost of the control layers: load + project + triangulate.
    const core::Projector projector;
    std::vector<double> load_ms, build_ms;
    std::size_t periods = 0, triangles = 0;
    for (int i = 0; i < std::min(runs, 5); ++i) {
        core::Diagnostics diags;
        auto t = Clock::now();
        const auto timeline = io::load_control_timeline(paths.geodata() / io::kControlFile, diags);
        load_ms.push_back(ms_since(t));
        if (!timeline) return 1;
        t = Clock::now();
        const auto layers = core::build_control_layers(*timeline, projector, io::triangulate_polygon, "control", diags);
        build_ms.push_back(ms_since(t));
        periods = timeline->periods().size();
        triangles = 0;
        for (const auto& f : layers.front().fills) triangles += f.mesh.indices.size() / 3;
    }

    // 3. switching the displayed date vs redrawing the same date (Karabakh view, 1280x800).
    render::HeadlessContext context;
    core::Diagnostics diags;
    core::Scene scene = app::load_base_scene(paths.geodata(), projector, diags);
    render::Renderer renderer(paths.fonts());
    renderer.upload(scene);
    const auto camera = core::Camera::fit(core::project_box(projector, *core::named_view("karabakh")), 1280, 800);
    render::OffscreenTarget target(1280, 800);
    target.bind();
    const std::int32_t a = core::day_number(iso("2020-10-20")), b = core::day_number(iso("2020-11-15"));
    auto frame = [&](std::int32_t day) {
        const auto t = Clock::now();
        renderer.draw(scene, camera,
                      {.day = day, .date_label = core::format_long_date(core::date_from_day_number(day))});
        glFinish();
        return ms_since(t);
    };
    frame(a);
    frame(b);
    std::vector<double> same, switched;
    for (int i = 0; i < 4 * runs; ++i) {
        same.push_back(frame(a));
        switched.push_back(frame(i % 2 ? a : b));
    }

    std::printf("renderer: %s\n", context.description().c_str());
    std::printf("query end to end (spawn + load + answer): median %.1f ms over %d runs\n", median(query_ms), runs);
    std::printf(
        "control layers at start-up: load control.gpkg %.1f ms, project + triangulate %.1f ms "
        "(%zu periods, %zu triangles)\n",
        median(load_ms), median(build_ms), periods, triangles);
    std::printf(
        "karabakh 1280x800 frame, same date: median %.1f ms; switching date every frame: median %.1f ms "
        "(difference %.1f ms)\n",
        median(same), median(switched), median(switched) - median(same));
    return 0;
}
