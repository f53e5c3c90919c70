// Events benchmark (a program, not a timed test): select_events (no filter, a type filter, a free
// text search, cold and warm), group_events at region and Karabakh zoom, the timeline histogram and
// next/previous, over synthetic events spread over the region (38-52 E, 36-44 N, denser in
// Karabakh) and over 2020-2024, with realistic field sizes (quotes ~150 bytes). Prints medians and
// the peak RSS (VmHWM). Usage: build/sitmap_bench_events [--events N] [--runs R]
// (default: 100,000 then 1,000,000 events; figures in bench/README.md)
#include "core/event_view.hpp"
#include "core/projector.hpp"
#include "synthetic_events.hpp"

#include "bench_util.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace sitmap;
using Clock = std::chrono::steady_clock;

namespace {
using namespace sitmap::bench;  // ms_since, median, p95, peak_rss_kb

core::Date iso(const char* s) {
    return *core::parse_iso_date(s);
}

using sitmap::bench::synthetic_events;  // bench/synthetic_events.hpp, shared with bench_events_render

template <typename F>
double time_median(int runs, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        f();
        ms.push_back(ms_since(t));
    }
    return median(ms);
}

void run_bench(std::size_t n, int runs) {
    auto t0 = Clock::now();
    const auto events = synthetic_events(n, 20240501u);
    const double gen_ms = ms_since(t0);
    std::size_t text_bytes = 0;
    for (const auto& e : events)
        text_bytes += e.source.quote.size() + e.summary.size() + e.actor.size() + e.place.size();
    std::printf("\n== %zu events (generated in %.0f ms; %.0f bytes of text per event; VmHWM %ld MB) ==\n", n, gen_ms,
                static_cast<double>(text_bytes) / static_cast<double>(n), peak_rss_kb() / 1024);

    const core::Date date = iso("2022-09-13");
    const core::TimeWindow week{.kind = core::WindowKind::Week};
    const core::TimeWindow month{.kind = core::WindowKind::Month};
    const core::TimeWindow all{.kind = core::WindowKind::All};
    const core::EventFilter none;
    const core::EventFilter strikes{.types = {core::EventType::Strike}};
    const core::EventFilter text{.text = "Şuşa"};
    const core::EventFilter text2{.text = "xankendi"};
    std::size_t sink = 0;

    // Text is folded lazily, for the events a search reaches: a week's window folds a week's events.
    t0 = Clock::now();
    sink += core::select_events(events, text, week, date).size();
    std::printf("select_events, text search, first call, week (folds the week):  %8.1f ms\n", ms_since(t0));
    t0 = Clock::now();
    sink += core::select_events(events, text, all, iso("2024-12-31")).size();
    std::printf("select_events, text search, first call, all (folds the rest):   %8.1f ms\n", ms_since(t0));
    std::printf("VmHWM after folding: %ld MB\n", peak_rss_kb() / 1024);

    struct Case {
        const char* name;
        const core::EventFilter* filter;
        const core::TimeWindow* window;
    };
    const Case cases[] = {{"no filter, week", &none, &week},   {"no filter, month", &none, &month},
                          {"no filter, all", &none, &all},     {"type filter, month", &strikes, &month},
                          {"text 'Şuşa', week", &text, &week}, {"text 'xankendi', all", &text2, &all}};
    for (const Case& c : cases) {
        std::size_t count = 0;
        const double ms =
            time_median(runs, [&] { count = core::select_events(events, *c.filter, *c.window, date).size(); });
        std::printf("select_events, %-24s %8.2f ms  (%zu shown)\n", c.name, ms, count);
    }

    const core::Projector projector;
    const auto visible_month = core::select_events(events, none, month, date);
    const auto visible_all = core::select_events(events, none, all, iso("2024-12-31"));
    struct Zoom {
        const char* name;
        double metres_per_pixel;
    };
    // Region: ~1,230 km across 1280 px; Karabakh: ~150 km across 1280 px. Symbols 16 px apart.
    for (const Zoom z : {Zoom{"region", 960.0}, Zoom{"karabakh", 120.0}}) {
        for (const auto* vis : {&visible_month, &visible_all}) {
            std::size_t groups = 0;
            const double ms = time_median(
                runs, [&] { groups = core::group_events(events, *vis, projector, z.metres_per_pixel, 16.0).size(); });
            std::printf("group_events, %-8s zoom, %7zu visible: %8.2f ms  (%zu groups)\n", z.name, vis->size(), ms,
                        groups);
        }
    }

    const core::Date from = iso("2020-01-01"), to = iso("2024-12-31");
    std::printf("event_histogram, 5 years, weekly bins, no filter:   %8.2f ms\n",
                time_median(runs, [&] { sink += core::event_histogram(events, none, from, to, 7).size(); }));
    std::printf("event_histogram, 5 years, weekly bins, text search: %8.2f ms\n",
                time_median(runs, [&] { sink += core::event_histogram(events, text, from, to, 7).size(); }));
    std::printf("next_event_date + previous_event_date, type filter: %8.2f ms\n", time_median(runs, [&] {
                    sink += core::next_event_date(events, strikes, date).has_value();
                    sink += core::previous_event_date(events, strikes, date).has_value();
                }));
    std::printf("peak RSS (VmHWM): %ld MB   [checksum %zu]\n", peak_rss_kb() / 1024, sink);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes;
    int runs = 15;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--events") == 0 && i + 1 < argc)
            sizes.push_back(std::strtoull(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: %s [--events N]... [--runs R]\n", argv[0]);
            return 2;
        }
    }
    if (sizes.empty()) sizes = {100'000, 1'000'000};
    for (std::size_t n : sizes) run_bench(n, runs);
    return 0;
}
