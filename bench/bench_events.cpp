// Events benchmark (a program, not a timed test): select_events (no filter, a type filter, a free
// text search, cold and warm), group_events at region and Karabakh zoom, the timeline histogram and
// next/previous, over synthetic events spread over the region (38-52 E, 36-44 N, denser in
// Karabakh) and over 2020-2024, with realistic field sizes (quotes ~150 bytes). Prints medians and
// the peak RSS (VmHWM). Usage: build/sitmap_bench_events [--events N] [--runs R]
// (default: 100,000 then 1,000,000 events; figures in bench/README.md)
#include "core/event_view.hpp"
#include "core/projector.hpp"

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

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

long peak_rss_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

core::Date iso(const char* s) { return *core::parse_iso_date(s); }

// Synthetic events. Places carry the written forms the real corpus has (diacritics, Armenian and
// Cyrillic script), so text search folds what it would fold in the app.
std::vector<core::Event> synthetic_events(std::size_t n, std::uint32_t seed) {
    struct Place {
        const char* name;
        const char* text;
        double lon, lat;
    };
    static const Place karabakh[] = {
        {"Khankendi", "Xankəndi", 46.7519, 39.8153},   {"Shusha", "Şuşa", 46.7506, 39.7589},
        {"Aghdam", "Ağdam", 46.9276, 39.9931},         {"Fuzuli", "Füzuli", 47.1453, 39.6003},
        {"Hadrut", "Հադրութ", 46.9989, 39.5197},        {"Martuni", "Мартуни", 47.0256, 39.7944},
        {"Lachin", "Laçın", 46.5469, 39.6392},         {"Kalbajar", "Kəlbəcər", 46.0364, 40.1044},
        {"Askeran", "Ասկերան", 46.8269, 39.9375},      {"Jabrayil", "Cəbrayıl", 47.0269, 39.3992},
    };
    static const Place elsewhere[] = {
        {"Baku", "Bakı", 49.8671, 40.4093},          {"Yerevan", "Երևան", 44.5152, 40.1872},
        {"Tbilisi", "Тбилиси", 44.7930, 41.7151},     {"Ganja", "Gəncə", 46.3606, 40.6828},
        {"Goris", "Գորիս", 46.3381, 39.5111},         {"Nakhchivan", "Naxçıvan", 45.4129, 39.2089},
        {"Gyumri", "Գյումրի", 43.8475, 40.7894},      {"Tovuz", "Tovuz", 45.6286, 40.9922},
        {"Jermuk", "Ջերմուկ", 45.6686, 39.8411},       {"Sotk", "Սոթք", 45.9414, 40.2086},
    };
    static const char* actors[] = {"Azerbaijani Armed Forces", "Armenian Armed Forces", "Nagorno-Karabakh Defence Army",
                                   "Russian peacekeepers", "ICRC", "OSCE Minsk Group", "Ministry of Defence",
                                   "local residents"};
    static const char* verbs[] = {"reported shelling of positions near", "said its units had taken control of",
                                  "announced a humanitarian pause around", "accused the other side of violating the ceasefire at",
                                  "evacuated civilians from", "deployed additional posts along the road to"};
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> jitter(0.0, 0.05);
    const std::int32_t first = core::day_number(iso("2020-01-01")), last = core::day_number(iso("2024-12-31"));
    std::vector<core::Event> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        core::Event e;
        e.id = std::to_string(i % 1000);
        e.source.document = "doc_" + std::to_string(i / 1000) + ".txt";
        const double r = unit(rng);
        const Place* p = nullptr;
        if (r < 0.45) p = &karabakh[rng() % std::size(karabakh)];  // denser in Karabakh
        else if (r < 0.70) p = &elsewhere[rng() % std::size(elsewhere)];
        if (p) {
            e.place = p->name;
            e.place_text = p->text;
            e.position = {p->lon + jitter(rng), p->lat + jitter(rng)};
        } else {  // an unnamed location anywhere in the region
            e.place_text = "(not stated)";
            e.position = {38.0 + 14.0 * unit(rng), 36.0 + 8.0 * unit(rng)};
        }
        e.has_position = true;
        e.location_precision = static_cast<core::LocationPrecision>(rng() % 10 < 7 ? 0 : 1 + rng() % 3);
        const std::int32_t d = first + static_cast<std::int32_t>(rng() % static_cast<std::uint32_t>(last - first + 1));
        const auto start = core::date_from_day_number(d);
        const auto kind = rng() % 20;
        if (kind < 17) {
            e.date = {start, start, core::DatePrecision::Day};
        } else if (kind < 19) {
            const core::Date m{start.year(), start.month(), std::chrono::day(1)};
            e.date = {m, core::Date{start.year() / start.month() / std::chrono::last}, core::DatePrecision::Month};
        } else {
            e.date = {core::Date{start.year(), std::chrono::January, std::chrono::day(1)},
                      core::Date{start.year(), std::chrono::December, std::chrono::day(31)}, core::DatePrecision::Year};
        }
        e.type = core::all_event_types[rng() % core::all_event_types.size()];
        e.actor = actors[rng() % std::size(actors)];
        e.target = actors[rng() % std::size(actors)];
        const char* verb = verbs[rng() % std::size(verbs)];
        const std::string where = p ? p->text : "a village in the district";
        e.summary = e.actor + " " + verb + " " + where;
        e.source.quote = "On " + core::format_iso(start) + ", the " + e.actor + " " + verb + " " + where +
                         ", according to a statement published late in the evening by officials.";
        e.source.begin = i * 200;
        e.source.end = e.source.begin + e.source.quote.size();
        e.confidence = 0.5 + 0.5 * unit(rng);
        out.push_back(std::move(e));
    }
    return out;
}

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

void bench(std::size_t n, int runs) {
    auto t0 = Clock::now();
    const auto events = synthetic_events(n, 20240501u);
    const double gen_ms = ms_since(t0);
    std::size_t text_bytes = 0;
    for (const auto& e : events) text_bytes += e.source.quote.size() + e.summary.size() + e.actor.size() + e.place.size();
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
    const Case cases[] = {{"no filter, week", &none, &week},       {"no filter, month", &none, &month},
                          {"no filter, all", &none, &all},         {"type filter, month", &strikes, &month},
                          {"text 'Şuşa', week", &text, &week},     {"text 'xankendi', all", &text2, &all}};
    for (const Case& c : cases) {
        std::size_t count = 0;
        const double ms = time_median(runs, [&] { count = core::select_events(events, *c.filter, *c.window, date).size(); });
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
            const double ms = time_median(runs, [&] {
                groups = core::group_events(events, *vis, projector, z.metres_per_pixel, 16.0).size();
            });
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
        if (std::strcmp(argv[i], "--events") == 0 && i + 1 < argc) sizes.push_back(std::strtoull(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: %s [--events N]... [--runs R]\n", argv[0]);
            return 2;
        }
    }
    if (sizes.empty()) sizes = {100'000, 1'000'000};
    for (std::size_t n : sizes) bench(n, runs);
    return 0;
}
