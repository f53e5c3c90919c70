// sitmap_eval: extraction quality on annotated documents, strictly matched (same passage, dates
// within a day, places within 25 km). Usage:
//   sitmap_eval [--verbose] [--source DIR] [--min-confidence X] --gold FILE_OR_DIR [--gold ...] DOCS_DIR [DOCS_DIR ...]
// e.g. build/sitmap_eval --gold tests/data/corpus/gold tests/data/corpus/test
// --stages adds what each stage gets right (passages found; dates and places of those found).
#include "core/confidence_model.hpp"
#include "io/confidence_model_io.hpp"
#include "io/evaluation_run.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace sitmap;
    std::vector<std::string> gold, docs;
    std::string source = SITMAP_SOURCE_DIR;
    bool verbose = false;
    bool stages = false;
    double min_confidence = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--verbose" || a == "-v")
            verbose = true;
        else if (a == "--stages")
            stages = true;
        else if (a == "--gold" && i + 1 < argc)
            gold.emplace_back(argv[++i]);
        else if (a == "--source" && i + 1 < argc)
            source = argv[++i];
        else if (a == "--min-confidence" && i + 1 < argc)
            min_confidence = std::atof(argv[++i]);
        else if (a == "--help" || a == "-h" || a.starts_with("-")) {
            std::fprintf(stderr, "usage: sitmap_eval [--verbose] [--source DIR] --gold FILE_OR_DIR DOCS_DIR...\n");
            return a.starts_with("--help") || a == "-h" ? 0 : 2;
        } else
            docs.push_back(a);
    }
    if (gold.empty() || docs.empty()) {
        std::fprintf(stderr, "usage: sitmap_eval [--verbose] [--source DIR] --gold FILE_OR_DIR DOCS_DIR...\n");
        return 2;
    }
    core::Diagnostics diags;
    const auto data = io::load_shipped_extractor_data(source, diags);
    const core::Extractor extractor(data.gazetteer, data.options());
    auto run = io::run_evaluation(extractor, docs, gold, diags);
    // Confidence as users get it: the shipped model (geodata/confidence_model.csv), when present.
    if (auto model = io::load_confidence_model_if_present(source + "/geodata/confidence_model.csv", diags)) {
        core::apply_confidence(*model, run.events);
    }
    if (min_confidence > 0) {  // score only the events at or above the threshold
        std::erase_if(run.events, [&](const core::Event& e) { return e.confidence < min_confidence; });
        run.result = core::evaluate(run.events, run.gold);
    }
    for (const auto& d : diags.all())
        if (d.severity != core::Severity::Info) std::fprintf(stderr, "%s\n", d.format().c_str());
    std::string label;
    for (const auto& d : docs) label += (label.empty() ? "" : "+") + d;
    std::fputs(io::format_evaluation(run, label, verbose).c_str(), stdout);
    if (stages) {
        // What each stage gets right, as far as the annotation can tell: the passage (detection and
        // quoting: the same clause, whatever its date and place), then the date and the place of
        // the events found in the right passage.
        const core::MatchRules passage{.max_km = 1e9, .date_slack_days = 1000000, .min_quote_share = 0.5};
        const core::MatchRules with_date{.max_km = 1e9, .date_slack_days = 1, .min_quote_share = 0.5};
        const core::MatchRules with_place{.max_km = 25.0, .date_slack_days = 1000000, .min_quote_share = 0.5};
        const auto p = core::evaluate(run.events, run.gold, passage);
        const auto d = core::evaluate(run.events, run.gold, with_date);
        const auto q = core::evaluate(run.events, run.gold, with_place);
        auto ratio = [](std::size_t a, std::size_t b) {
            return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
        };
        std::printf("stages: passages found (detection, quoting) P %.3f R %.3f F1 %.3f\n", p.precision, p.recall, p.f1);
        std::printf(
            "stages: of the gold events found in their passage, dated within a day %.3f, placed within 25 km %.3f, "
            "types agreeing %.3f\n",
            ratio(d.matched, p.matched), ratio(q.matched, p.matched), p.type_match);
    }
    return 0;
}
