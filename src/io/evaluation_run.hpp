// Running the extractor over annotated documents and scoring it (core/evaluation.hpp): reads the
// documents of some folders and the gold rows of some CSV files, keeps the gold rows of the
// documents read, and matches strictly. Used by the evaluation tests and tools/sitmap_eval.
#pragma once
#include "core/evaluation.hpp"
#include "core/extractor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::io {

struct EvaluationRun {
    std::vector<core::Event> events;
    std::vector<core::GoldEvent> gold;  ///< rows of the documents read
    std::size_t documents = 0;
    core::EvaluationResult result;
};

/// `gold_files`: CSV files or folders of them (every *.csv). Problems go to `diags`.
EvaluationRun run_evaluation(const core::Extractor& extractor, const std::vector<std::string>& document_dirs,
                             const std::vector<std::string>& gold_files, core::Diagnostics& diags,
                             const core::MatchRules& rules = {});

/// The usual extractor: the shipped gazetteer, conflict calendar and place model under
/// `source_dir`/geodata (the place model when present: io/place_model_io.hpp).
struct ShippedExtractor {
    core::Gazetteer gazetteer;
    core::ConflictCalendar calendar;
    std::optional<core::LogisticModel> place_model;
    core::ExtractorOptions options() const { return {.calendar = calendar, .place_model = place_model}; }
};
ShippedExtractor load_shipped_extractor_data(const std::string& source_dir, core::Diagnostics& diags);

/// A readable report of a run: the scores, then (when `verbose`) each miss, extra and mismatch.
std::string format_evaluation(const EvaluationRun& run, const std::string& label, bool verbose);

}  // namespace sitmap::io
