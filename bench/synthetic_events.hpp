// Synthetic events for benchmarks: spread over the region (38-52 E, 36-44 N, denser in Karabakh)
// and over 2020-2024, with realistic text sizes and the written forms the real corpus has.
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace sitmap::bench {

inline core::Date iso(const char* s) {
    return *core::parse_iso_date(s);
}

// Synthetic events. Places carry the written forms the real corpus has (diacritics, Armenian and
// Cyrillic script), so text search folds what it would fold in the app.
inline std::vector<core::Event> synthetic_events(std::size_t n, std::uint32_t seed) {
    struct Place {
        const char* name;
        const char* text;
        double lon, lat;
    };
    static const Place karabakh[] = {
        {"Khankendi", "Xankəndi", 46.7519, 39.8153}, {"Shusha", "Şuşa", 46.7506, 39.7589},
        {"Aghdam", "Ağdam", 46.9276, 39.9931},       {"Fuzuli", "Füzuli", 47.1453, 39.6003},
        {"Hadrut", "Հադրութ", 46.9989, 39.5197},     {"Martuni", "Мартуни", 47.0256, 39.7944},
        {"Lachin", "Laçın", 46.5469, 39.6392},       {"Kalbajar", "Kəlbəcər", 46.0364, 40.1044},
        {"Askeran", "Ասկերան", 46.8269, 39.9375},    {"Jabrayil", "Cəbrayıl", 47.0269, 39.3992},
    };
    static const Place elsewhere[] = {
        {"Baku", "Bakı", 49.8671, 40.4093},       {"Yerevan", "Երևան", 44.5152, 40.1872},
        {"Tbilisi", "Тбилиси", 44.7930, 41.7151}, {"Ganja", "Gəncə", 46.3606, 40.6828},
        {"Goris", "Գորիս", 46.3381, 39.5111},     {"Nakhchivan", "Naxçıvan", 45.4129, 39.2089},
        {"Gyumri", "Գյումրի", 43.8475, 40.7894},  {"Tovuz", "Tovuz", 45.6286, 40.9922},
        {"Jermuk", "Ջերմուկ", 45.6686, 39.8411},  {"Sotk", "Սոթք", 45.9414, 40.2086},
    };
    static const char* actors[] = {"Azerbaijani Armed Forces",
                                   "Armenian Armed Forces",
                                   "Nagorno-Karabakh Defence Army",
                                   "Russian peacekeepers",
                                   "ICRC",
                                   "OSCE Minsk Group",
                                   "Ministry of Defence",
                                   "local residents"};
    static const char* verbs[] = {"reported shelling of positions near",
                                  "said its units had taken control of",
                                  "announced a humanitarian pause around",
                                  "accused the other side of violating the ceasefire at",
                                  "evacuated civilians from",
                                  "deployed additional posts along the road to"};
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
        if (r < 0.45)
            p = &karabakh[rng() % std::size(karabakh)];  // denser in Karabakh
        else if (r < 0.70)
            p = &elsewhere[rng() % std::size(elsewhere)];
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

}  // namespace sitmap::bench
