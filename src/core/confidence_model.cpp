#include "core/confidence_model.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <string_view>

namespace sitmap::core {

namespace {

constexpr std::array<LocationPrecision, 4> kLocationPrecisions{LocationPrecision::Point, LocationPrecision::District,
                                                               LocationPrecision::Region, LocationPrecision::Country};
constexpr std::array<DatePrecision, 4> kDatePrecisions{DatePrecision::Day, DatePrecision::Month, DatePrecision::Year,
                                                       DatePrecision::Decade};
/// Words by which a text distances itself from what it reports.
constexpr std::array<std::string_view, 4> kHedgeWords{"reportedly", "allegedly", "claimed", "unconfirmed"};

/// Words in a quote longer than this count as this long: beyond it, length says little more.
constexpr double kQuoteWordsScale = 40.0;
/// A decade, in days: the longest span a date can have.
constexpr double kLongestSpanDays = 3653.0;

std::vector<std::string> make_names() {
    std::vector<std::string> n;
    for (EventType t : all_event_types) n.push_back("type_" + std::string(event_type_name(t)));
    for (LocationPrecision p : kLocationPrecisions) n.push_back("location_" + std::string(location_precision_name(p)));
    n.emplace_back("place_not_stated");
    for (DatePrecision p : kDatePrecisions) n.push_back("date_" + std::string(precision_name(p)));
    n.emplace_back("date_log_span");
    n.emplace_back("actor_empty");
    n.emplace_back("quote_words");
    n.emplace_back("quote_hedged");
    n.emplace_back("quote_has_quotation_marks");
    n.emplace_back("heuristic");
    return n;
}

bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || u >= 0x80;  // bytes of UTF-8 letters join words too
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// True when `word` occurs in `text` (already lower-case) as a whole word.
bool has_word(const std::string& text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !is_word_char(text[at - 1]);
        const std::size_t after = at + word.size();
        const bool ends = after >= text.size() || !is_word_char(text[after]);
        if (starts && ends) return true;
    }
    return false;
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

bool has_quotation_marks(std::string_view s) {
    // ASCII double quote, curly double quotes (U+201C, U+201D) and guillemets (U+00AB, U+00BB).
    for (std::string_view mark : {"\"", "\u201C", "\u201D", "\u00AB", "\u00BB"})
        if (s.find(mark) != std::string_view::npos) return true;
    return false;
}

double sigmoid(double z) {
    return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace

const std::vector<std::string>& confidence_feature_names() {
    static const std::vector<std::string> names = make_names();
    return names;
}

std::vector<double> confidence_features(const Event& e) {
    std::vector<double> x;
    x.reserve(confidence_feature_names().size());
    for (EventType t : all_event_types) x.push_back(e.type == t ? 1.0 : 0.0);
    for (LocationPrecision p : kLocationPrecisions) x.push_back(e.location_precision == p ? 1.0 : 0.0);
    x.push_back(e.place_text == "(not stated)" ? 1.0 : 0.0);
    for (DatePrecision p : kDatePrecisions) x.push_back(e.date.precision == p ? 1.0 : 0.0);
    const auto days = (std::chrono::sys_days(e.date.end) - std::chrono::sys_days(e.date.start)).count() + 1;
    x.push_back(std::clamp(std::log(static_cast<double>(std::max<long long>(static_cast<long long>(days), 1))) /
                               std::log(kLongestSpanDays),
                           0.0, 2.0));
    x.push_back(e.actor.empty() ? 1.0 : 0.0);
    x.push_back(std::min(static_cast<double>(word_count(e.source.quote)) / kQuoteWordsScale, 2.0));
    const std::string quote = ascii_lower(e.source.quote);
    const bool hedged =
        std::any_of(kHedgeWords.begin(), kHedgeWords.end(), [&](std::string_view w) { return has_word(quote, w); });
    x.push_back(hedged ? 1.0 : 0.0);
    x.push_back(has_quotation_marks(e.source.quote) ? 1.0 : 0.0);
    x.push_back(std::clamp(e.confidence, 0.0, 1.0));
    return x;
}

double LogisticModel::predict_features(const std::vector<double>& x) const {
    SITMAP_ASSERT(x.size() == weights.size(), "feature vector and weights differ in size");
    double z = bias;
    for (std::size_t i = 0; i < x.size(); ++i) z += weights[i] * x[i];
    return sigmoid(z);
}

double predict_confidence(const ConfidenceModel& model, const Event& e) {
    return model.predict_features(confidence_features(e));
}

ConfidenceModel train_confidence(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                                 const TrainOptions& options) {
    return train_logistic(x, y, confidence_feature_names(), options);
}

LogisticModel train_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                             const std::vector<std::string>& names, const TrainOptions& options) {
    const std::size_t n = x.size();
    const std::size_t k = names.size();
    SITMAP_ASSERT(n > 0 && y.size() == n, "training needs as many labels as rows, and at least one row");
    for (const auto& row : x) SITMAP_ASSERT(row.size() == k, "a training row has the wrong number of features");

    LogisticModel m{.names = names, .weights = std::vector<double>(k, 0.0), .bias = 0.0};
    std::vector<double> grad(k);
    const double inv_n = 1.0 / static_cast<double>(n);
    for (int it = 0; it < options.iterations; ++it) {
        std::fill(grad.begin(), grad.end(), 0.0);
        double grad_bias = 0;
        // Rows in their given order, features in theirs: the sums, and so the weights, are the
        // same on every run.
        for (std::size_t i = 0; i < n; ++i) {
            const double err = m.predict_features(x[i]) - static_cast<double>(y[i]);
            for (std::size_t j = 0; j < k; ++j) grad[j] += err * x[i][j];
            grad_bias += err;
        }
        for (std::size_t j = 0; j < k; ++j)
            m.weights[j] -= options.learning_rate * (grad[j] * inv_n + options.l2 * m.weights[j]);
        m.bias -= options.learning_rate * grad_bias * inv_n;
    }
    return m;
}

void apply_confidence(const ConfidenceModel& model, Event& e) {
    e.confidence = std::round(predict_confidence(model, e) * 100.0) / 100.0;
}

void apply_confidence(const ConfidenceModel& model, std::vector<Event>& events) {
    for (Event& e : events) apply_confidence(model, e);
}

std::vector<CalibrationBand> calibration_bands(const std::vector<double>& confidence, const std::vector<int>& right,
                                               int bands) {
    SITMAP_ASSERT(bands >= 1 && confidence.size() == right.size(), "calibration needs bands and matching sizes");
    std::vector<CalibrationBand> out(static_cast<std::size_t>(bands));
    const double width = 1.0 / bands;
    for (std::size_t b = 0; b < out.size(); ++b) {
        out[b].lo = static_cast<double>(b) * width;
        out[b].hi = static_cast<double>(b + 1) * width;
    }
    for (std::size_t i = 0; i < confidence.size(); ++i) {
        const double c = std::clamp(confidence[i], 0.0, 1.0);
        auto b = static_cast<std::size_t>(std::floor(c * bands + 1e-9));  // 0.4 belongs to [0.4, 0.6)
        b = std::min(b, out.size() - 1);
        ++out[b].count;
        if (right[i] != 0) ++out[b].right;
        out[b].mean_confidence += c;
    }
    for (auto& band : out)
        if (band.count > 0) band.mean_confidence /= static_cast<double>(band.count);
    return out;
}

double brier_score(const std::vector<double>& confidence, const std::vector<int>& right) {
    SITMAP_ASSERT(confidence.size() == right.size(), "brier score needs matching sizes");
    if (confidence.empty()) return 0;
    double sum = 0;
    for (std::size_t i = 0; i < confidence.size(); ++i) {
        const double d = confidence[i] - (right[i] != 0 ? 1.0 : 0.0);
        sum += d * d;
    }
    return sum / static_cast<double>(confidence.size());
}

double calibration_error(const std::vector<CalibrationBand>& bands) {
    double sum = 0;
    std::size_t n = 0;
    for (const auto& b : bands) {
        sum += static_cast<double>(b.count) * std::abs(b.mean_confidence - b.share_right());
        n += b.count;
    }
    return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

std::string format_calibration(const std::vector<CalibrationBand>& bands) {
    std::string out = "  band          events  right  share right  mean confidence\n";
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto& b = bands[i];
        const char close = i + 1 == bands.size() ? ']' : ')';
        if (b.count == 0)
            out +=
                fmt::format("  [{:.1f}, {:.1f}{}  {:>6}  {:>5}  {:>11}  {:>15}\n", b.lo, b.hi, close, 0, 0, "-", "-");
        else
            out += fmt::format("  [{:.1f}, {:.1f}{}  {:>6}  {:>5}  {:>11.3f}  {:>15.3f}\n", b.lo, b.hi, close, b.count,
                               b.right, b.share_right(), b.mean_confidence);
    }
    return out;
}

}  // namespace sitmap::core
