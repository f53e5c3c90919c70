// A learned confidence for extracted events: features computed from an Event's own fields, a
// logistic model over them, a deterministic trainer (full-batch gradient descent with L2, no
// randomness, so retraining gives the same weights), and calibration figures (share of events that
// are right per confidence band, Brier score). The shipped model is geodata/confidence_model.csv,
// trained by tools/sitmap_train_confidence (see docs/confidence_model.md).
// Part of sitmap_core: std only; io/confidence_model_io reads and writes the model file.
#pragma once
#include "core/event.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace sitmap::core {

/// Names of the features confidence_features() returns, in the same order ("type_strike", ...,
/// "heuristic"). Stable: they are the keys of the model file.
const std::vector<std::string>& confidence_feature_names();

/// The features of one event, computed only from its own fields (no document, no gazetteer):
/// one-hot type, location precision and date precision; whether the place was not stated; the
/// log of the date span; whether the actor is empty; the quote's length; hedge words and quotation
/// marks in the quote; and the extractor's heuristic `confidence` (which carries whether the clause
/// stated its own date and place). Every value lies in [0, 2]. Size: confidence_feature_names().size().
std::vector<double> confidence_features(const Event& e);

/// Logistic regression: p = 1 / (1 + exp(-(bias + sum weights[i] * x[i]))). The confidence model
/// and the place model (core/extract_place.hpp) are both of this form.
struct LogisticModel {
    std::vector<std::string> names;  ///< feature names (confidence_feature_names(), place_feature_names())
    std::vector<double> weights;     ///< one per name
    double bias = 0;

    /// The probability for a feature vector of names.size() values.
    double predict_features(const std::vector<double>& x) const;
};
using ConfidenceModel = LogisticModel;

/// The probability that `e` is right, from its features. Precondition: the model's names are
/// confidence_feature_names() (read_confidence_model guarantees it).
double predict_confidence(const ConfidenceModel& model, const Event& e);

struct TrainOptions {
    int iterations = 4000;       ///< full-batch gradient steps
    double learning_rate = 0.5;  ///< step size on the mean log loss
    double l2 = 0.01;            ///< L2 penalty on the weights (not the bias), times the mean loss
};

/// Fits a logistic model with feature `names` to rows `x` (each of names.size() values) and labels
/// `y` (1 or 0), as train_confidence does. Deterministic.
LogisticModel train_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                             const std::vector<std::string>& names, const TrainOptions& options = {});

/// Fits a ConfidenceModel to rows `x` (each of confidence_feature_names().size() values) and
/// labels `y` (1 right, 0 wrong) by minimising the mean log loss plus l2/2 * |w|^2 with plain
/// gradient descent from zero weights. Deterministic: the same input gives bit-identical weights.
/// Precondition: x and y have the same, non-zero size and every row has the feature count.
ConfidenceModel train_confidence(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                                 const TrainOptions& options = {});

/// Sets each event's confidence to the model's prediction, rounded to two decimals (as event files
/// store it). Apply once, to freshly extracted events: the features include the heuristic value.
void apply_confidence(const ConfidenceModel& model, Event& e);
void apply_confidence(const ConfidenceModel& model, std::vector<Event>& events);

/// One confidence band [lo, hi) (the last band includes 1): how many events fell in it, how many
/// of them were right, and their mean confidence.
struct CalibrationBand {
    double lo = 0;
    double hi = 0;
    std::size_t count = 0;
    std::size_t right = 0;
    double mean_confidence = 0;
    double share_right() const { return count == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(count); }
};

/// Splits [0, 1] into `bands` equal bands and counts `confidence` (0..1) and `right` (0/1) in
/// each. Precondition: same sizes, bands >= 1.
std::vector<CalibrationBand> calibration_bands(const std::vector<double>& confidence, const std::vector<int>& right,
                                               int bands = 5);

/// Mean squared difference between confidence and outcome (0 best); 0 for no events.
double brier_score(const std::vector<double>& confidence, const std::vector<int>& right);

/// Expected calibration error: the mean over events of |band's mean confidence - band's share
/// right| (0 when each band is right as often as it claims); 0 for no events.
double calibration_error(const std::vector<CalibrationBand>& bands);

/// A fixed-width table of the bands ("band  events  right  share  mean conf"), one line per band.
std::string format_calibration(const std::vector<CalibrationBand>& bands);

}  // namespace sitmap::core
