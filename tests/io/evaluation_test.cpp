// Extraction quality, strictly matched (same passage, dates within a day, places within 25 km), on
// three sets: the five seed documents (assets/documents against tests/data/gold_seeds.csv, a copy
// of ../shared/reference/gold_seeds.csv) and the two parts of the project's own corpus
// (tests/data/corpus, see its README): the development part the extractor is tuned on and the test
// part it is only measured on. The floors come from the test part and sit just below what the
// extractor achieves there; the seeds and the development part are reported, and must not run
// ahead of the test part by more than the issue allows once the extractor reaches its target.
// SITMAP_EVAL_VERBOSE=1 lists misses, extras and mismatches.
#include "io/evaluation_run.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

using namespace sitmap;

namespace {

io::EvaluationRun run_set(const std::string& docs, const std::string& gold, const char* label) {
    core::Diagnostics diags;
    static const io::ShippedExtractor data = [] {
        core::Diagnostics d;
        return io::load_shipped_extractor_data(SITMAP_SOURCE_DIR, d);
    }();
    const core::Extractor extractor(data.gazetteer, data.options());
    auto run = io::run_evaluation(extractor, {docs}, {gold}, diags);
    std::fputs(io::format_evaluation(run, label, std::getenv("SITMAP_EVAL_VERBOSE") != nullptr).c_str(), stdout);
    return run;
}

const std::string kCorpus = std::string(SITMAP_TESTDATA_DIR) + "/corpus";

}  // namespace

TEST_CASE("strict extraction scores on the test part of the corpus stay above the floors", "[io][evaluation]") {
    const auto run = run_set(kCorpus + "/test", kCorpus + "/gold", "corpus test part");
    REQUIRE(run.documents == 24);
    REQUIRE(run.gold.size() > 400);
    const auto& r = run.result;
    // Floors just below the figures measured on 2026-12-01, third session (P 0.394, R 0.467, F1
    // 0.427, dates exact 0.636, places within 5 km 0.866). The target is F1 >= 0.80: raise them as
    // it improves.
    CHECK(r.precision >= 0.38);
    CHECK(r.recall >= 0.45);
    CHECK(r.f1 >= 0.41);
    CHECK(r.date_exact >= 0.61);
    CHECK(r.place_5km >= 0.84);
}

TEST_CASE("strict extraction scores on the development part and the seeds are reported", "[io][evaluation]") {
    const auto dev = run_set(kCorpus + "/dev", kCorpus + "/gold", "corpus development part");
    REQUIRE(dev.documents == 52);
    const auto seeds = run_set(std::string(SITMAP_SOURCE_DIR) + "/assets/documents",
                               std::string(SITMAP_TESTDATA_DIR) + "/gold_seeds.csv", "seeds");
    REQUIRE(seeds.documents == 5);
    REQUIRE(seeds.gold.size() == 94);
    // The extractor is no longer tuned to the seeds: they score within reach of the corpus, not far
    // above it (0.73 against 0.26 before the stages were rewritten).
    CHECK(seeds.result.f1 <= dev.result.f1 + 0.20);
    CHECK(dev.result.f1 >= 0.45);
}

TEST_CASE("documents not in English are reported by name, not read silently as empty", "[io][evaluation]") {
    core::Diagnostics diags;
    const auto data = io::load_shipped_extractor_data(SITMAP_SOURCE_DIR, diags);
    const core::Extractor extractor(data.gazetteer, data.options());
    const auto run = io::run_evaluation(extractor, {kCorpus + "/other"}, {kCorpus + "/gold"}, diags);
    CHECK(run.documents == 5);
    CHECK(run.events.empty());
    std::size_t named = 0;
    for (const auto& d : diags.all())
        if (d.code == core::DiagCode::DocumentLanguage && d.file.find("/other/") != std::string::npos) ++named;
    CHECK(named == 5);
}
