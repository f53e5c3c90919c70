// The place model file (geodata/place_model.csv, core/extract_place.hpp) and the training set it
// is fitted to. The file has the confidence model's format (io/confidence_model_io.hpp) with the
// features of core::extract::place_feature_names(). Training set: for every event the extractor
// (without a place model) finds in an annotated passage, every candidate place it chose from,
// labelled 1 when it lies within 25 km of where the annotator put the event.
// Part of sitmap_io.
#pragma once
#include "core/confidence_model.hpp"
#include "core/diagnostics.hpp"
#include "core/extract_place.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::io {

/// Reads geodata/place_model.csv when it exists (missing: Info; malformed: Warning naming the file
/// and line; both nullopt, and the rules' first choice stands).
std::optional<core::LogisticModel> load_place_model_if_present(const std::filesystem::path& path,
                                                               core::Diagnostics& diags);

/// Writes a place model atomically, with `comments` as '# ' lines.
void write_place_model(const std::filesystem::path& path, const core::LogisticModel& model,
                       const std::vector<std::string>& comments);

struct PlaceTrainingSet {
    std::vector<core::extract::LabelledCandidates> events;  ///< right: within 25 km of the annotated place
    std::size_t found = 0;                                  ///< events found in an annotated passage, with candidates
    std::size_t events_placeable = 0;                       ///< of those, events with at least one right candidate
    std::size_t first_choice_right = 0;                     ///< of those, events whose rules' first choice is right
};

/// Runs the shipped extractor without a place model over `documents_dir` and labels the
/// candidates of the events that share a passage and a date (within a day) with a gold row of
/// `gold_dir`. Only events with at least one right candidate are kept.
PlaceTrainingSet load_place_training_set(const std::string& source_dir, const std::string& documents_dir,
                                         const std::string& gold_dir, core::Diagnostics& diags);

/// The options the shipped model is trained with (tools/sitmap_train_place and the retrain test).
inline constexpr core::TrainOptions kPlaceTrainOptions{.iterations = 4000, .learning_rate = 0.5, .l2 = 0.01};

/// Fits the place model to `set`: each candidate one row, right or not (a pointwise logistic model;
/// the best-rated candidate of an event wins). Deterministic.
core::LogisticModel train_place_model(const PlaceTrainingSet& set);

/// The share of `set`'s events found in an annotated passage whose best candidate under `model`
/// is right (the same choice as core::extract::best_place).
double place_accuracy(const core::LogisticModel& model, const PlaceTrainingSet& set);

}  // namespace sitmap::io
