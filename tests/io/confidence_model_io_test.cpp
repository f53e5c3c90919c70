// The shipped confidence model (geodata/confidence_model.csv, docs/confidence_model.md): the file
// format and its errors, that the committed model is what retraining on the corpus's development
// part gives with the shipped extractor, and that on the held-out test part it is calibrated
// better than the extractor's heuristic.
#include "io/confidence_model_io.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

const std::string kModelPath = std::string(SITMAP_SOURCE_DIR) + "/geodata/confidence_model.csv";
const std::string kCorpus = std::string(SITMAP_TESTDATA_DIR) + "/corpus";

/// What to do when the committed model no longer matches the extractor.
const char* const kRetrain =
    "geodata/confidence_model.csv no longer matches the extractor: retrain it with\n"
    "    cmake --build build --target sitmap_train_confidence && build/sitmap_train_confidence\n"
    "then update the figures in docs/confidence_model.md from its output and commit both";

const io::ConfidenceTrainingSet& part(const std::string& name) {
    static const io::ConfidenceTrainingSet dev = [] {
        core::Diagnostics d;
        return io::load_confidence_training_set(SITMAP_SOURCE_DIR, kCorpus + "/dev", kCorpus + "/gold", d);
    }();
    static const io::ConfidenceTrainingSet test = [] {
        core::Diagnostics d;
        return io::load_confidence_training_set(SITMAP_SOURCE_DIR, kCorpus + "/test", kCorpus + "/gold", d);
    }();
    return name == "dev" ? dev : test;
}

core::ConfidenceModel zero_model() {
    const auto& names = core::confidence_feature_names();
    return {.names = names, .weights = std::vector<double>(names.size(), 0.0), .bias = 0.0};
}

std::string error_of(const std::string& text) {
    try {
        io::parse_confidence_model(text, "model.csv");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("a confidence model file round-trips exactly and names the file and line of bad rows", "[io][confidence]") {
    core::ConfidenceModel m = zero_model();
    for (std::size_t i = 0; i < m.weights.size(); ++i) m.weights[i] = 0.1 * static_cast<double>(i) - 1.0 / 3.0;
    m.bias = -0.123456789012345678;
    const std::string text = io::confidence_model_to_csv(m, {"trained today", "by a test"});
    CHECK(text.starts_with("# trained today\n# by a test\nfeature,weight\nbias,"));
    const auto back = io::parse_confidence_model(text, "model.csv");
    CHECK(back.bias == m.bias);
    CHECK(back.weights == m.weights);
    CHECK(back.names == core::confidence_feature_names());

    const std::string ok = io::confidence_model_to_csv(zero_model(), {"c"});
    std::string bad = ok;
    bad.replace(bad.find("actor_empty,0"), 13, "actor_empty,x");
    const auto line_of = [&](const std::string& s, const std::string& what) {
        return 1 + std::count(s.begin(), s.begin() + static_cast<long>(s.find(what)), '\n');
    };
    CHECK_THAT(error_of(bad), Catch::Contains("model.csv:" + std::to_string(line_of(bad, "actor_empty,x")) +
                                              ": error: weight 'x' of feature 'actor_empty' is not a number"));
    bad = ok + "colour_red,1\n";
    CHECK_THAT(error_of(bad), Catch::Contains("model.csv:" + std::to_string(line_of(bad, "colour_red")) +
                                              ": error: unknown feature 'colour_red'"));
    bad = ok + "heuristic,1\n";
    CHECK_THAT(error_of(bad), Catch::Contains("feature 'heuristic' is given twice"));
    bad = ok;
    bad.erase(bad.find("heuristic,"));
    CHECK_THAT(error_of(bad), Catch::Contains("model.csv: error: no weight for feature 'heuristic'"));
    CHECK_THAT(error_of("bias,1\n"), Catch::Contains("model.csv:1: error: expected the header 'feature,weight'"));
    CHECK_THAT(error_of("# nothing\n"), Catch::Contains("model.csv: error: no 'feature,weight' header"));
    bad = ok;
    bad.erase(bad.find("bias,"), bad.find('\n', bad.find("bias,")) - bad.find("bias,") + 1);
    CHECK_THAT(error_of(bad), Catch::Contains("no 'bias' row"));
}

TEST_CASE("the model users get: written atomically, a missing or broken file keeps the heuristic with a note",
          "[io][confidence]") {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_confmodel_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path path = dir / "confidence_model.csv";
    core::ConfidenceModel m = zero_model();
    m.bias = 1.5;
    io::write_confidence_model(path, m, {"test"});
    CHECK_FALSE(fs::exists(dir / "confidence_model.csv.part"));
    core::Diagnostics diags;
    const auto loaded = io::load_confidence_model_if_present(path, diags);
    REQUIRE(loaded.has_value());
    CHECK(loaded->bias == 1.5);
    CHECK(diags.empty());

    const auto missing = io::load_confidence_model_if_present(dir / "absent.csv", diags);
    CHECK_FALSE(missing.has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].severity == core::Severity::Info);
    CHECK(diags.all()[0].code == core::DiagCode::FileMissing);
    CHECK_THAT(diags.all()[0].message, Catch::Contains("heuristic"));

    diags.clear();
    std::ofstream(path) << "feature,weight\nbias,zero\n";
    CHECK_FALSE(io::load_confidence_model_if_present(path, diags).has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].severity == core::Severity::Warning);
    CHECK(diags.all()[0].code == core::DiagCode::FileUnreadable);
    CHECK_THAT(diags.all()[0].message, Catch::Contains(path.string() + ":2: error: weight 'zero'"));

    CHECK_THROWS_WITH(io::write_confidence_model(dir / "no" / "such" / "dir.csv", m, {}),
                      Catch::Contains("cannot write the confidence model"));
    fs::remove_all(dir);
}

TEST_CASE("the committed confidence model is what retraining on the development part gives", "[io][confidence]") {
    const auto& dev = part("dev");
    REQUIRE(dev.events.size() > 100);
    const core::ConfidenceModel committed = io::read_confidence_model(kModelPath);
    const core::ConfidenceModel retrained = core::train_confidence(dev.features, dev.right, core::TrainOptions{});
    INFO(kRetrain);
    CHECK_THAT(retrained.bias, Catch::Matchers::WithinAbs(committed.bias, 1e-9));
    for (std::size_t i = 0; i < retrained.weights.size(); ++i) {
        INFO("feature " << retrained.names[i]);
        CHECK_THAT(retrained.weights[i], Catch::Matchers::WithinAbs(committed.weights[i], 1e-9));
    }
}

TEST_CASE("on the held-out test part the model is better calibrated than the heuristic", "[io][confidence]") {
    const auto& test = part("test");
    REQUIRE(test.events.size() > 100);
    const core::ConfidenceModel model = io::read_confidence_model(kModelPath);
    std::vector<core::Event> modelled = test.events;
    core::apply_confidence(model, modelled);
    const auto before = io::confidences_of(test.events);
    const auto after = io::confidences_of(modelled);
    const double brier_before = core::brier_score(before, test.right);
    const double brier_after = core::brier_score(after, test.right);
    const auto bands = core::calibration_bands(after, test.right);
    INFO("heuristic, Brier " << brier_before << "\n"
                             << core::format_calibration(core::calibration_bands(before, test.right)));
    INFO("model, Brier " << brier_after << "\n" << core::format_calibration(bands));
    INFO(kRetrain);
    CHECK(brier_after < brier_before);
    // It carries more than the average: it beats saying the development part's share right for
    // every event.
    const auto& dev = part("dev");
    const double base_rate =
        static_cast<double>(std::count(dev.right.begin(), dev.right.end(), 1)) / static_cast<double>(dev.right.size());
    CHECK(brier_after < core::brier_score(std::vector<double>(after.size(), base_rate), test.right));
    // Each band is right about as often as it says: the calibration error is small, and smaller
    // than the heuristic's.
    const double error_after = core::calibration_error(bands);
    CHECK(error_after < core::calibration_error(core::calibration_bands(before, test.right)));
    CHECK(error_after < 0.06);
    // A confidence that means something: among bands holding at least 30 events, a higher band is
    // never less often right than a lower one by more than the standard error of the difference of
    // their shares, and at least two such bands exist. (A band of 10 events has a standard error of
    // about 0.15 on its share: too few to order; one of 37 still about 0.08.)
    std::vector<double> shares;
    std::vector<double> counts;
    for (const auto& b : bands)
        if (b.count >= 30) {
            shares.push_back(b.share_right());
            counts.push_back(static_cast<double>(b.count));
        }
    CHECK(shares.size() >= 2);
    for (std::size_t i = 1; i < shares.size(); ++i) {
        const double se =
            std::sqrt(shares[i] * (1 - shares[i]) / counts[i] + shares[i - 1] * (1 - shares[i - 1]) / counts[i - 1]);
        INFO("populated band " << i << ", standard error of the difference " << se);
        CHECK(shares[i] >= shares[i - 1] - se);
    }
}
