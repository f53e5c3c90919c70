// sitmap_train_confidence: fits the confidence model (core/confidence_model.hpp) to the shipped
// extractor's events on the development part of the corpus, labelled by the strict evaluation,
// writes geodata/confidence_model.csv, and prints calibration (share right per confidence band,
// Brier score) on the development and test parts, before (heuristic) and after (model).
// Run it again whenever the extractor changes (docs/confidence_model.md). Usage:
//   sitmap_train_confidence [--source DIR] [-o FILE]
// e.g. build/sitmap_train_confidence   (writes geodata/confidence_model.csv in the source tree)
#include "core/date.hpp"
#include "core/error.hpp"
#include "io/confidence_model_io.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace sitmap;

constexpr const char* kUsage = "usage: sitmap_train_confidence [--source DIR] [-o FILE] [--dump TSV]\n";

double share_right(const io::ConfidenceTrainingSet& set) {
    std::size_t right = 0;
    for (int r : set.right) right += static_cast<std::size_t>(r);
    return set.events.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(set.events.size());
}

void print_table(const char* what, const std::vector<double>& confidence, const std::vector<int>& right) {
    const auto bands = core::calibration_bands(confidence, right);
    std::printf(" %s: Brier %.4f, calibration error %.3f\n%s", what, core::brier_score(confidence, right),
                core::calibration_error(bands), core::format_calibration(bands).c_str());
}

/// Prints the before/after calibration of one corpus part, and the Brier score of saying the
/// development part's share right for every event (what a confidence must beat to carry news).
void report(const char* label, const io::ConfidenceTrainingSet& set, const core::ConfidenceModel& model,
            double base_rate) {
    std::vector<core::Event> modelled = set.events;
    core::apply_confidence(model, modelled);
    std::printf("%s: %zu events, share right %.3f; Brier of the constant %.3f: %.4f\n", label, set.events.size(),
                share_right(set), base_rate,
                core::brier_score(std::vector<double>(set.events.size(), base_rate), set.right));
    print_table("before (extractor heuristic)", io::confidences_of(set.events), set.right);
    print_table("after (confidence model)", io::confidences_of(modelled), set.right);
}

/// Writes one tab-separated row per event (part, document, id, right, confidence, type, quote,
/// features): the raw material for trying other models outside the program.
void dump(std::FILE* out, const char* part, const io::ConfidenceTrainingSet& set) {
    for (std::size_t i = 0; i < set.events.size(); ++i) {
        const auto& e = set.events[i];
        std::string quote = e.source.quote;
        for (char& c : quote)
            if (c == '\t' || c == '\n') c = ' ';
        std::fprintf(out, "%s\t%s\t%s\t%d\t%.4f\t%s\t%s", part, e.source.document.c_str(), e.id.c_str(), set.right[i],
                     e.confidence, std::string(core::event_type_name(e.type)).c_str(), quote.c_str());
        for (double f : set.features[i]) std::fprintf(out, "\t%g", f);
        std::fprintf(out, "\n");
    }
}

int run(const std::string& source, const std::string& output, const std::string& dump_path) {
    const std::string corpus = source + "/tests/data/corpus";
    core::Diagnostics diags;
    const auto dev = io::load_confidence_training_set(source, corpus + "/dev", corpus + "/gold", diags);
    const auto test = io::load_confidence_training_set(source, corpus + "/test", corpus + "/gold", diags);
    for (const auto& d : diags.all())
        if (d.severity == core::Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (dev.events.empty()) {
        std::fprintf(stderr, "sitmap_train_confidence: no events from %s/dev; nothing trained\n", corpus.c_str());
        return 1;
    }
    if (!dump_path.empty()) {
        std::FILE* out = std::fopen(dump_path.c_str(), "w");
        if (out == nullptr) throw Error(fmt::format("cannot write {}", dump_path));
        dump(out, "dev", dev);
        dump(out, "test", test);
        std::fclose(out);
    }
    const core::TrainOptions options;  // the shipped options: the retrain test uses the same defaults
    const core::ConfidenceModel model = core::train_confidence(dev.features, dev.right, options);

    std::size_t right = 0;
    for (int r : dev.right) right += static_cast<std::size_t>(r);
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::vector<std::string> comments{
        "sitmap confidence model: logistic regression over core::confidence_features (docs/confidence_model.md)",
        fmt::format("trained {} by: build/sitmap_train_confidence (tools/sitmap_train_confidence.cpp)",
                    core::format_iso(core::Date(today))),
        fmt::format("training set: tests/data/corpus/dev, {} events of the shipped extractor, {} right "
                    "(strictly matched to tests/data/corpus/gold)",
                    dev.events.size(), right),
        fmt::format("options: {} iterations, learning rate {:g}, L2 {:g}; retrain whenever the extractor changes",
                    options.iterations, options.learning_rate, options.l2)};
    io::write_confidence_model(output, model, comments);
    std::printf("wrote %s\n\n", output.c_str());
    const double base_rate = share_right(dev);
    report("development part (trained on)", dev, model, base_rate);
    std::printf("\n");
    report("test part (held out)", test, model, base_rate);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string source = SITMAP_SOURCE_DIR;
    std::string output;
    std::string dump_path;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--source" && i + 1 < argc) {
            source = argv[++i];
        } else if (a == "--dump" && i + 1 < argc) {
            dump_path = argv[++i];
        } else if ((a == "-o" || a == "--output") && i + 1 < argc) {
            output = argv[++i];
        } else {
            std::fputs(kUsage, stderr);
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    if (output.empty()) output = source + "/geodata/confidence_model.csv";
    try {
        return run(source, output, dump_path);
    } catch (const sitmap::Error& e) {
        std::fprintf(stderr, "sitmap_train_confidence: %s\n", e.what());
        return 1;
    }
}
