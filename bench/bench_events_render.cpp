// Events on the map (a program, not a timed test), headless at 1280x800 with the window's code
// path (compose::compose_frame over EditableEvents, then Renderer::draw): the slider playing (one
// day per frame, week window), panning (the view moves, the date stays) and a static frame, in
// the region and Karabakh views. Reports median/p95 frame times, a text search, and peak memory,
// for 100,000 and 1,000,000 synthetic events.
// Usage: build/sitmap_bench_events_render [--events N] [--frames F] [--passes R] | --write N FILE
#include "app/data_paths.hpp"
#include "app/map_loader.hpp"
#include "compose/compose.hpp"
#include "compose/event_markers.hpp"
#include "compose/layout.hpp"
#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "core/event_edits.hpp"
#include "core/event_view.hpp"
#include "io/events_io.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"
#include "synthetic_events.hpp"

#include "bench_util.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace sitmap;
using Clock = std::chrono::steady_clock;

namespace {
using namespace sitmap::bench;  // ms_since, median, p95, peak_rss_kb

// CPU time of the whole process (every thread: llvmpipe rasterises on its own threads), in ms.
// On this shared 2-core machine it moves far less with other people's load than wall time does.
double process_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

// Where a frame's time goes, region view at 1280x800 on `day` without events: the whole frame
// drawn from scratch, the same frame with each geometry layer hidden (the difference is that
// layer's cost), and the frame whose layers come from the layer cache (labels, furniture and the
// copy only). Wall and process CPU time (all threads), medians of `reps` frames each.
void print_passes(render::Renderer& renderer, core::Scene& scene, const core::Camera& camera, std::int32_t day,
                  int reps) {
    render::OffscreenTarget target(camera.width(), camera.height());
    const compose::FrameOptions fresh{.day = day, .date_label = "date"};
    compose::FrameOptions cached = fresh;
    cached.reuse_base = true;
    auto measure = [&](const compose::FrameOptions& o) {
        std::vector<double> wall, cpu;
        for (int r = 0; r < reps; ++r) {
            target.bind();
            const double c = process_cpu_ms();
            const auto t = Clock::now();
            renderer.draw(scene, camera, o);
            glFinish();
            wall.push_back(ms_since(t));
            cpu.push_back(process_cpu_ms() - c);
        }
        return std::pair{median(wall), median(cpu)};
    };
    const auto [all_wall, all_cpu] = measure(fresh);
    const auto [cached_wall, cached_cpu] = measure(cached);
    std::printf(
        "passes, region 1280x800 without events: whole frame drawn %.1f ms (CPU %.1f ms); layers from the "
        "layer cache %.1f ms (CPU %.1f ms)\n",
        all_wall, all_cpu, cached_wall, cached_cpu);
    // Of the cached frame: laying out labels and furniture (no GL), and copying the layers alone.
    std::vector<double> layout_cpu, copy_wall, copy_cpu;
    for (int r = 0; r < reps; ++r) {
        const double c = process_cpu_ms();
        const auto layout = compose::layout_frame(scene, camera, fresh, renderer.font_metrics());
        layout_cpu.push_back(process_cpu_ms() - c);
        (void)layout;
    }
    render::OffscreenTarget copy_to(camera.width(), camera.height());
    for (int r = 0; r < reps; ++r) {
        const double c = process_cpu_ms();
        const auto t = Clock::now();
        glBindFramebuffer(GL_READ_FRAMEBUFFER, target.fbo_id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, copy_to.fbo_id());
        glBlitFramebuffer(0, 0, camera.width(), camera.height(), 0, 0, camera.width(), camera.height(),
                          GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glFinish();
        copy_wall.push_back(ms_since(t));
        copy_cpu.push_back(process_cpu_ms() - c);
    }
    std::printf("  of which: layout (labels, furniture) CPU %.1f ms; one copy of the layers %.1f ms (CPU %.1f ms)\n",
                median(layout_cpu), median(copy_wall), median(copy_cpu));
    for (auto& layer : scene.layers) {
        if (!layer.visible) continue;
        layer.visible = false;
        const auto [wall, cpu] = measure(fresh);
        layer.visible = true;
        std::printf("  %-14s %6.1f ms (CPU %6.1f ms)\n", layer.id.c_str(), all_wall - wall, all_cpu - cpu);
    }
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> counts;
    int frames = 120;
    int passes = 0;  // --passes R: print where a frame's time goes (R frames per figure)
    for (int i = 1; i + 1 < argc; ++i) {
        // --write N FILE: only write N synthetic events to an events file (to open in the window).
        if (std::strcmp(argv[i], "--write") == 0 && i + 2 < argc) {
            const auto events = bench::synthetic_events(std::stoul(argv[i + 1]), 20240501u);
            io::write_events(argv[i + 2], events);
            std::printf("wrote %zu events to %s\n", events.size(), argv[i + 2]);
            return 0;
        }
        if (std::strcmp(argv[i], "--events") == 0) counts.push_back(std::stoul(argv[i + 1]));
        if (std::strcmp(argv[i], "--frames") == 0) frames = std::max(10, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--passes") == 0) passes = std::max(1, std::atoi(argv[i + 1]));
    }
    if (counts.empty() && passes == 0) counts = {100'000, 1'000'000};

    render::HeadlessContext context;
    const auto paths = app::find_data_paths();
    core::Diagnostics diags;
    const core::Projector projector;
    core::Scene scene = app::load_base_scene(paths.geodata(), projector, diags);
    render::Renderer renderer(paths.fonts());
    renderer.upload(scene);
    std::printf("renderer: %s\n", context.description().c_str());
    if (passes > 0) {
        const auto region = core::Camera::fit(core::project_box(projector, *core::named_view("region")), 1280, 800);
        print_passes(renderer, scene, region,
                     core::day_number(core::Date{std::chrono::year(2020), std::chrono::October, std::chrono::day(12)}),
                     passes);
        if (counts.empty()) return 0;
    }

    for (const std::size_t n : counts) {
        const auto t_gen = Clock::now();
        core::EditableEvents editable;
        editable.set_extracted(bench::synthetic_events(n, 20240501u));
        const std::vector<core::Event>& events = editable.events();
        const double gen_ms = ms_since(t_gen);
        for (const char* view : {"region", "karabakh"}) {
            const auto fitted = core::Camera::fit(core::project_box(projector, *core::named_view(view)), 1280, 800);
            render::OffscreenTarget target(1280, 800);
            target.bind();
            std::int32_t day =
                core::day_number(core::Date{std::chrono::year(2020), std::chrono::September, std::chrono::day(27)});
            // The frame as the window composes it (compose_frame: the week's events through the
            // day index, grouped, laid out) and draws it (the base layers cached while only the
            // date moves).
            auto compose = [&](std::int32_t d) {
                compose::FrameRequest request{.metres_per_pixel = fitted.metres_per_pixel(),
                                              .date = core::date_from_day_number(d)};
                request.events.events = &editable;
                request.events.window = {.kind = core::WindowKind::Week};
                request.furniture.off_map_box = false;  // the window lists them in its strip
                return compose::compose_frame(scene, projector, request);
            };
            auto draw = [&](const compose::ComposedFrame& frame, const core::Camera& camera) {
                compose::FrameOptions o = frame.options();
                o.reuse_base = true;
                const render::FrameStats stats = renderer.draw(scene, camera, o);
                glFinish();
                return stats;
            };
            std::vector<double> total, compose_ms, draw_ms, bare_ms, pan_ms, still_ms, total_cpu, pan_cpu;
            std::size_t shown = 0, markers = 0;
            for (int f = 0; f < frames; ++f, ++day) {  // the slider plays: one day per frame
                const double c0 = process_cpu_ms();
                const auto t0 = Clock::now();
                const compose::ComposedFrame frame = compose(day);
                const auto t1 = Clock::now();
                draw(frame, fitted);
                const auto t2 = Clock::now();
                compose_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                draw_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
                total.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
                total_cpu.push_back(process_cpu_ms() - c0);
                // The same frame without events, interleaved so machine load affects both alike.
                const auto t4 = Clock::now();
                renderer.draw(scene, fitted, {.day = day, .date_label = "date", .reuse_base = true});
                glFinish();
                bare_ms.push_back(ms_since(t4));
                shown = frame.visible.size();
                markers = frame.events.markers.size();
            }
            // Panning: the date stays, the view moves 7 px a frame (as dragging does); the window
            // recomposes nothing (grouping depends on the zoom only) and redraws every layer.
            const compose::ComposedFrame still = compose(day);
            std::size_t pan_copied = 0, pan_strips = 0;  // layers copied shifted / strips drawn
            for (int f = 0; f < frames; ++f) {
                const double dx = ((f / 20) % 2 == 0 ? 7.0 : -7.0) * fitted.metres_per_pixel();
                const core::Camera moved({fitted.centre().x + dx * (f % 20), fitted.centre().y},
                                         fitted.metres_per_pixel(), fitted.width(), fitted.height());
                const double c = process_cpu_ms();
                const auto t = Clock::now();
                const auto stats = draw(still, moved);
                pan_copied += stats.layers_panned == 1 ? 1 : 0;
                pan_strips += stats.layers_panned == 2 ? 1 : 0;
                pan_ms.push_back(ms_since(t));
                pan_cpu.push_back(process_cpu_ms() - c);
            }
            // Nothing moves: the same frame drawn again (the window would not even redraw).
            for (int f = 0; f < frames / 4; ++f) {
                const auto t = Clock::now();
                draw(still, fitted);
                still_ms.push_back(ms_since(t));
            }
            std::printf(
                "%zu events, %s 1280x800, slider playing: median %.1f ms, p95 %.1f ms "
                "(compose %.1f, draw %.1f ms; the same frames without events %.1f ms; "
                "last frame %zu shown in %zu symbols); panning: median %.1f ms, p95 %.1f ms (%.0f fps); "
                "static: median %.1f ms; CPU per frame (all threads) slider %.1f ms, panning %.1f ms\n",
                n, view, median(total), p95(total), median(compose_ms), median(draw_ms), median(bare_ms), shown,
                markers, median(pan_ms), p95(pan_ms), 1000.0 / std::max(1e-3, median(pan_ms)), median(still_ms),
                median(total_cpu), median(pan_cpu));
            std::printf("  panning: %zu of %d frames copied the layers shifted, %zu drew only uncovered strips\n",
                        pan_copied, frames, pan_strips);
        }
        // Filtering and text search, as the events list does on each keystroke.
        std::vector<double> search;
        for (int r = 0; r < 9; ++r) {
            core::EventFilter f;
            f.text = r % 2 ? "susa" : "xankendi";
            const auto t = Clock::now();
            const auto all =
                core::select_events(events, f, {.kind = core::WindowKind::All},
                                    core::Date{std::chrono::year(2024), std::chrono::December, std::chrono::day(31)});
            search.push_back(ms_since(t));
            (void)all;
        }
        std::printf(
            "%zu events: generated in %.0f ms; text search over all (list filter): median %.1f ms; "
            "peak RSS so far %.0f MB\n",
            n, gen_ms, median(search), static_cast<double>(peak_rss_kb()) / 1024.0);
    }
    return 0;
}
