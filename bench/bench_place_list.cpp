// sitmap_bench_place_list: extraction time of one sentence listing N place names (issue 12, F1:
// it grew with N squared). Prints CPU seconds per N and the ratio to the previous N; linear time
// doubles when N doubles. Usage: build/sitmap_bench_place_list [N_MAX]   (default 100000)
#include "core/extractor.hpp"
#include "io/conflict_calendar_io.hpp"
#include "io/gazetteer_io.hpp"
#include "io/place_model_io.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace sitmap;
    const std::size_t n_max = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const std::string root = SITMAP_SOURCE_DIR;
    core::Diagnostics diags;
    const core::Gazetteer gaz = io::load_gazetteer(root + "/geodata/gazetteer.csv", diags);
    const core::Extractor extractor(
        gaz, {.calendar = io::load_conflict_calendar(root + "/geodata/conflict_calendar.csv", diags),
              .place_model = io::load_place_model_if_present(root + "/geodata/place_model.csv", diags)});
    std::vector<std::string> names;
    for (const auto& p : gaz.places())
        if (p.kind == "village" && p.has_position && p.precision == core::LocationPrecision::Point)
            names.push_back(p.name);
    // Two shapes: distinct villages after a reporting clause, and the reproducer's one name repeated
    // after the event word ("Shelling of Khankendi, Khankendi, ... was reported").
    for (const bool repeated : {false, true}) {
        std::printf("%s\n", repeated ? "one name repeated (issue 12's reproducer)" : "distinct villages");
        std::printf("%10s %10s %12s %8s\n", "names", "events", "cpu_seconds", "ratio");
        double last = 0;
        for (std::size_t n = 6250; n <= n_max; n *= 2) {
            std::string text = repeated ? "Date: 2020-10-27\n---\nShelling of "
                                        : "Date: 2020-10-27\n---\nAzerbaijani officials said the army had shelled "
                                          "the villages of ";
            for (std::size_t i = 0; i < n; ++i)
                text += (i ? ", " : "") + (repeated ? std::string("Khankendi") : names[i % names.size()]);
            text += repeated ? " was reported.\n"
                             : " in the night, and the ministry in Baku said the operation continued.\n";
            core::Diagnostics d;
            const core::Document doc = core::parse_document("list.txt", text, d);
            const std::clock_t t0 = std::clock();
            std::size_t events = 0;
            extractor.extract(doc, d, [&](core::Event&&) { ++events; });
            const double s = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
            std::printf("%10zu %10zu %12.3f %8s\n", n, events, s,
                        last > 0 ? std::to_string(s / last).substr(0, 4).c_str() : "-");
            last = s;
        }
    }
    return 0;
}
