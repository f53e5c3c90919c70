// The confidence model file (geodata/confidence_model.csv) and the training set it is fitted to.
// File: '#' comment lines (when and how it was trained), a "feature,weight" header, one row per
// feature of core::confidence_feature_names() in any order, and a "bias" row. Reading names the
// file and line of any problem; writing is atomic. Training set: the shipped extractor's events on
// annotated documents, labelled right when the strict evaluation pairs them with a gold event.
// Part of sitmap_io: files and the evaluation run; the model itself is core/confidence_model.
#pragma once
#include "core/confidence_model.hpp"
#include "core/diagnostics.hpp"
#include "io/evaluation_run.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::io {

/// What a model file is for, in messages: its name ("confidence model"), what happens without it,
/// and the tool that retrains it.
struct ModelUse {
    std::string_view what;
    std::string_view fallback;
    std::string_view retrain_with;
};

/// Any logistic model file (this format) whose features are `names`: parses, reads, loads when
/// present (missing: Info; malformed: Warning naming file and line; both give nullopt).
core::LogisticModel parse_logistic_model(std::string_view text, const std::string& source,
                                         const std::vector<std::string>& names, std::string_view retrain_with);
core::LogisticModel read_logistic_model(const std::filesystem::path& path, const std::vector<std::string>& names,
                                        std::string_view what, std::string_view retrain_with);
std::optional<core::LogisticModel> load_logistic_model_if_present(const std::filesystem::path& path,
                                                                  const std::vector<std::string>& names,
                                                                  const ModelUse& use, core::Diagnostics& diags);

/// Parses the text of a model file; `source` names it in messages. Throws sitmap::Error
/// ("confidence_model.csv:7: error: weight 'x' of feature 'actor_empty' is not a number") for a
/// missing header, an unknown, repeated or missing feature, a missing bias, or a bad number.
core::ConfidenceModel parse_confidence_model(std::string_view text, const std::string& source);

/// Reads a model file. Throws sitmap::Error naming the path when it cannot be read or is malformed.
core::ConfidenceModel read_confidence_model(const std::filesystem::path& path);

/// The model file's text: each of `comments` as a '# ' line, the header, the bias, then the
/// features in order; weights with 17 significant digits, so reading gives back the same doubles.
std::string confidence_model_to_csv(const core::LogisticModel& model, const std::vector<std::string>& comments);

/// Writes confidence_model_to_csv() atomically (beside the target, then renamed). Throws
/// sitmap::Error naming the path.
void write_confidence_model(const std::filesystem::path& path, const core::ConfidenceModel& model,
                            const std::vector<std::string>& comments);

/// The model users get: reads `path` when it exists. A missing file is an Info note (confidence
/// stays the extractor's heuristic); a malformed one a Warning naming the file and line, and the
/// heuristic is kept too. Returns nullopt in both cases.
std::optional<core::ConfidenceModel> load_confidence_model_if_present(const std::filesystem::path& path,
                                                                      core::Diagnostics& diags);

/// Extracted events with a label each: 1 when the strict evaluation paired the event with a gold
/// event, else 0. Only events of documents that have gold rows are kept (as the evaluation counts).
struct ConfidenceTrainingSet {
    std::vector<core::Event> events;  ///< with the extractor's heuristic confidence
    std::vector<int> right;
    std::vector<std::vector<double>> features;  ///< core::confidence_features of each event
};

/// Labels the events of an evaluation run.
ConfidenceTrainingSet confidence_training_set(const EvaluationRun& run);

/// Runs the shipped extractor (gazetteer and calendar under `source_dir`/geodata) over
/// `documents_dir`, evaluates against the gold CSVs in `gold_dir`, and labels the events.
ConfidenceTrainingSet load_confidence_training_set(const std::string& source_dir, const std::string& documents_dir,
                                                   const std::string& gold_dir, core::Diagnostics& diags);

/// Confidence values of events (for calibration_bands and brier_score).
std::vector<double> confidences_of(const std::vector<core::Event>& events);

}  // namespace sitmap::io
