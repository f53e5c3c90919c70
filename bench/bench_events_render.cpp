// Events on the map while the date slider plays (a program, not a timed test): per frame the
// date advances one day, the visible events are selected (week window), grouped and drawn with
// the map at 1280x800, headless (same Renderer as the window). Reports median/p95 frame time,
// start-up with the events loaded, and peak memory, for 100,000 and 1,000,000 synthetic events.
// Usage: build/sitmap_bench_events_render [--events N] [--frames F] | --write N FILE
#include "app/data_paths.hpp"
#include "app/map_loader.hpp"
#include "compose/event_markers.hpp"
#include "core/base_map.hpp"
#include "core/control_scene.hpp"
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
#include <fstream>
#include <string>
#include <vector>

using namespace sitmap;
using Clock = std::chrono::steady_clock;

namespace {
using namespace sitmap::bench;  // ms_since, median, p95, peak_rss_kb
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> counts;
    int frames = 120;
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
    }
    if (counts.empty()) counts = {100'000, 1'000'000};

    render::HeadlessContext context;
    const auto paths = app::find_data_paths();
    core::Diagnostics diags;
    const core::Projector projector;
    core::Scene scene = app::load_base_scene(paths.geodata(), projector, diags);
    render::Renderer renderer(paths.fonts());
    renderer.upload(scene);
    std::printf("renderer: %s\n", context.description().c_str());

    for (const std::size_t n : counts) {
        const auto t_gen = Clock::now();
        const std::vector<core::Event> events = bench::synthetic_events(n, 20240501u);
        const double gen_ms = ms_since(t_gen);
        for (const char* view : {"region", "karabakh"}) {
            const auto camera = core::Camera::fit(core::project_box(projector, *core::named_view(view)), 1280, 800);
            render::OffscreenTarget target(1280, 800);
            target.bind();
            core::EventFilter filter;
            const core::TimeWindow window{.kind = core::WindowKind::Week};
            std::int32_t day =
                core::day_number(core::Date{std::chrono::year(2020), std::chrono::September, std::chrono::day(27)});
            std::vector<double> total, select_ms, group_ms, draw_ms, bare_ms;
            std::size_t shown = 0, markers = 0;
            for (int f = 0; f < frames; ++f, ++day) {  // the slider plays: one day per frame
                const auto t0 = Clock::now();
                const auto visible = core::select_events(events, filter, window, core::date_from_day_number(day));
                const auto t1 = Clock::now();
                const auto layout =
                    compose::layout_events(events, visible, projector, {.metres_per_pixel = camera.metres_per_pixel()});
                const auto t2 = Clock::now();
                renderer.draw(scene, camera,
                              {.day = day, .date_label = "date", .events = &layout.markers, .reuse_base = true});
                glFinish();
                const auto t3 = Clock::now();
                select_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                group_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
                draw_ms.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
                total.push_back(std::chrono::duration<double, std::milli>(t3 - t0).count());
                // The same frame without events, interleaved so machine load affects both alike.
                const auto t4 = Clock::now();
                renderer.draw(scene, camera, {.day = day, .date_label = "date"});
                glFinish();
                bare_ms.push_back(ms_since(t4));
                shown = visible.size();
                markers = layout.markers.size();
            }
            std::printf(
                "%zu events, %s 1280x800, slider playing: median %.1f ms, p95 %.1f ms "
                "(select %.1f, group %.1f, draw %.1f ms; the same frames without events %.1f ms; "
                "last frame %zu shown in %zu symbols)\n",
                n, view, median(total), p95(total), median(select_ms), median(group_ms), median(draw_ms),
                median(bare_ms), shown, markers);
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
