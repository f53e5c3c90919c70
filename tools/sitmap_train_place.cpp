// sitmap_train_place: fits the place model (core/extract_place.hpp) to the candidates of the
// extractor's events on the development part of the corpus, writes geodata/place_model.csv, and
// prints how often the chosen place is right (within 25 km of the annotated one) on the
// development and test parts, for the rules' first choice and for the model. Run it whenever the
// extractor changes, then sitmap_train_confidence (docs/place_model.md). Usage:
//   sitmap_train_place [--source DIR] [-o FILE]
// e.g. build/sitmap_train_place   (writes geodata/place_model.csv in the source tree)
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/extract_place.hpp"
#include "io/place_model_io.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace sitmap;

constexpr const char* kUsage = "usage: sitmap_train_place [--source DIR] [-o FILE] [--dump TSV]\n";

void report(const char* label, const io::PlaceTrainingSet& set, double model_accuracy) {
    const double first = set.found ? static_cast<double>(set.first_choice_right) / static_cast<double>(set.found) : 0;
    std::printf(
        "%s: %zu events in annotated passages, %zu with a right candidate; right place: rules %.3f, model %.3f\n",
        label, set.found, set.events_placeable, first, model_accuracy);
}

/// One tab-separated row per candidate (part, event number, right, features): the raw material
/// for trying other models outside the program.
void dump(std::FILE* out, const char* part, const io::PlaceTrainingSet& set) {
    for (std::size_t e = 0; e < set.events.size(); ++e)
        for (std::size_t c = 0; c < set.events[e].features.size(); ++c) {
            std::fprintf(out, "%s\t%zu\t%d", part, e, set.events[e].right[c]);
            for (double f : set.events[e].features[c]) std::fprintf(out, "\t%g", f);
            std::fprintf(out, "\n");
        }
}

int run(const std::string& source, const std::string& output, const std::string& dump_path) {
    const std::string corpus = source + "/tests/data/corpus";
    core::Diagnostics diags;
    const auto dev = io::load_place_training_set(source, corpus + "/dev", corpus + "/gold", diags);
    const auto test = io::load_place_training_set(source, corpus + "/test", corpus + "/gold", diags);
    for (const auto& d : diags.all())
        if (d.severity == core::Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (dev.events.empty()) {
        std::fprintf(stderr, "sitmap_train_place: no candidates from %s/dev; nothing trained\n", corpus.c_str());
        return 1;
    }
    if (!dump_path.empty()) {
        std::FILE* out = std::fopen(dump_path.c_str(), "w");
        if (out == nullptr) throw Error(fmt::format("cannot write {}", dump_path));
        dump(out, "dev", dev);
        dump(out, "test", test);
        std::fclose(out);
    }
    const core::LogisticModel model = io::train_place_model(dev);
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::vector<std::string> comments{
        "sitmap place model: logistic regression over core::extract::place_feature_names (docs/place_model.md)",
        fmt::format("trained {} by: build/sitmap_train_place (tools/sitmap_train_place.cpp)",
                    core::format_iso(core::Date(today))),
        fmt::format(
            "training set: tests/data/corpus/dev, the candidates of {} events (annotated in tests/data/corpus/gold)",
            dev.events_placeable),
        fmt::format("options: {} iterations, learning rate {:g}, L2 {:g}; retrain whenever the extractor changes",
                    io::kPlaceTrainOptions.iterations, io::kPlaceTrainOptions.learning_rate,
                    io::kPlaceTrainOptions.l2)};
    io::write_place_model(output, model, comments);
    std::printf("wrote %s\n", output.c_str());
    report("development part (trained on)", dev, io::place_accuracy(model, dev));
    report("test part (held out)", test, io::place_accuracy(model, test));
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
    if (output.empty()) output = source + "/geodata/place_model.csv";
    try {
        return run(source, output, dump_path);
    } catch (const sitmap::Error& e) {
        std::fprintf(stderr, "sitmap_train_place: %s\n", e.what());
        return 1;
    }
}
