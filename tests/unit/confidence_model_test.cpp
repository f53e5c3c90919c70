// The learned confidence (core/confidence_model.hpp): features read only the event's own fields,
// the logistic prediction, the deterministic trainer (converges on a separable set, retraining
// gives identical weights), applying a model, and the calibration figures.
#include "core/confidence_model.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace sitmap::core;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

Event make_event() {
    Event e;
    e.id = "001-01";
    e.date = {ymd(2020, 10, 4), ymd(2020, 10, 4), DatePrecision::Day};
    e.place = "Khankendi";
    e.place_text = "Stepanakert";
    e.location_precision = LocationPrecision::Point;
    e.type = EventType::Strike;
    e.actor = "Azerbaijani forces";
    e.source.quote = "Azerbaijani forces shelled Stepanakert on Sunday";
    e.confidence = 0.8;
    return e;
}

double feature(const std::vector<double>& x, const std::string& name) {
    const auto& names = confidence_feature_names();
    const auto it = std::find(names.begin(), names.end(), name);
    REQUIRE(it != names.end());
    return x[static_cast<std::size_t>(it - names.begin())];
}

/// Rows of one feature set to 1 (label 1) or 0 (label 0), everything else 0: separable by that feature.
void separable_set(std::vector<std::vector<double>>& x, std::vector<int>& y, std::size_t feature_index) {
    const std::size_t k = confidence_feature_names().size();
    for (int i = 0; i < 20; ++i) {
        std::vector<double> row(k, 0.0);
        const bool right = i % 2 == 0;
        row[feature_index] = right ? 1.0 : 0.0;
        row[k - 1] = 0.1 * (i % 5);  // a distractor that says nothing about the label
        x.push_back(row);
        y.push_back(right ? 1 : 0);
    }
}

}  // namespace

TEST_CASE("confidence features name each value and read the event's own fields", "[core][confidence]") {
    const auto& names = confidence_feature_names();
    Event e = make_event();
    auto x = confidence_features(e);
    REQUIRE(x.size() == names.size());
    CHECK(names.back() == "heuristic");
    CHECK(feature(x, "type_strike") == 1.0);
    CHECK(feature(x, "type_capture") == 0.0);
    CHECK(feature(x, "location_point") == 1.0);
    CHECK(feature(x, "location_country") == 0.0);
    CHECK(feature(x, "place_not_stated") == 0.0);
    CHECK(feature(x, "date_day") == 1.0);
    CHECK(feature(x, "date_log_span") == 0.0);  // one day: log 1
    CHECK(feature(x, "actor_empty") == 0.0);
    CHECK_THAT(feature(x, "quote_words"), Catch::Matchers::WithinAbs(6.0 / 40.0, 1e-12));
    CHECK(feature(x, "quote_hedged") == 0.0);
    CHECK(feature(x, "quote_has_quotation_marks") == 0.0);
    CHECK(feature(x, "heuristic") == 0.8);
    for (double v : x) CHECK((v >= 0.0 && v <= 2.0));

    SECTION("each field moves its own feature") {
        e.type = EventType::Capture;
        e.location_precision = LocationPrecision::Country;
        e.place_text = "(not stated)";
        e.date = {ymd(2020, 9, 1), ymd(2020, 9, 30), DatePrecision::Month};
        e.actor.clear();
        e.source.quote = "Armenian forces reportedly took the village, officials said \"it fell\"";
        e.confidence = 0.35;
        x = confidence_features(e);
        CHECK(feature(x, "type_strike") == 0.0);
        CHECK(feature(x, "type_capture") == 1.0);
        CHECK(feature(x, "location_point") == 0.0);
        CHECK(feature(x, "location_country") == 1.0);
        CHECK(feature(x, "place_not_stated") == 1.0);
        CHECK(feature(x, "date_day") == 0.0);
        CHECK(feature(x, "date_month") == 1.0);
        CHECK_THAT(feature(x, "date_log_span"), Catch::Matchers::WithinAbs(std::log(30.0) / std::log(3653.0), 1e-12));
        CHECK(feature(x, "actor_empty") == 1.0);
        CHECK(feature(x, "quote_hedged") == 1.0);
        CHECK(feature(x, "quote_has_quotation_marks") == 1.0);
        CHECK(feature(x, "heuristic") == 0.35);
    }
    SECTION("hedge words count only as whole words, in any case") {
        e.source.quote = "Unconfirmed reports of shelling";
        CHECK(feature(confidence_features(e), "quote_hedged") == 1.0);
        e.source.quote = "The ministry disclaimed responsibility";  // "claimed" inside another word
        CHECK(feature(confidence_features(e), "quote_hedged") == 0.0);
    }
    SECTION("curly quotation marks count") {
        e.source.quote = "what it called \u201Clocal anti-terrorist measures\u201D";
        CHECK(feature(confidence_features(e), "quote_has_quotation_marks") == 1.0);
    }
}

TEST_CASE("a confidence model predicts the logistic of its weighted features", "[core][confidence]") {
    const auto& names = confidence_feature_names();
    ConfidenceModel m{.names = names, .weights = std::vector<double>(names.size(), 0.0), .bias = 0.0};
    const Event e = make_event();
    CHECK_THAT(predict_confidence(m, e), Catch::Matchers::WithinAbs(0.5, 1e-12));
    m.weights.back() = 2.0;  // heuristic 0.8
    m.bias = -1.0;
    CHECK_THAT(predict_confidence(m, e), Catch::Matchers::WithinAbs(1.0 / (1.0 + std::exp(-(2.0 * 0.8 - 1.0))), 1e-12));

    Event f = e;
    apply_confidence(m, f);
    CHECK(f.confidence == std::round(predict_confidence(m, e) * 100.0) / 100.0);  // rounded as event files store it
    CHECK(f.confidence != e.confidence);
}

TEST_CASE("the trainer separates a separable set and gives identical weights when run again", "[core][confidence]") {
    std::vector<std::vector<double>> x;
    std::vector<int> y;
    const std::size_t actor_empty = 22;  // any feature will do; this one is a flag
    REQUIRE(confidence_feature_names()[actor_empty] == "actor_empty");
    separable_set(x, y, actor_empty);

    const TrainOptions options{.iterations = 3000, .learning_rate = 0.5, .l2 = 0.0};
    const ConfidenceModel a = train_confidence(x, y, options);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double p = a.predict_features(x[i]);
        INFO("row " << i << " label " << y[i] << " p " << p);
        CHECK((y[i] == 1 ? p > 0.95 : p < 0.05));
    }
    CHECK(a.weights[actor_empty] > 3.0);
    CHECK(a.names == confidence_feature_names());

    const ConfidenceModel b = train_confidence(x, y, options);
    CHECK(b.bias == a.bias);  // bit-identical, not merely close
    CHECK(b.weights == a.weights);

    SECTION("L2 shrinks the weights") {
        const ConfidenceModel c = train_confidence(x, y, {.iterations = 3000, .learning_rate = 0.5, .l2 = 0.1});
        CHECK(std::abs(c.weights[actor_empty]) < std::abs(a.weights[actor_empty]));
    }
}

TEST_CASE("calibration bands count events and the share right, and the Brier score", "[core][confidence]") {
    const std::vector<double> conf{0.05, 0.1, 0.2, 0.39, 0.4, 0.5, 0.9, 1.0, 0.8};
    const std::vector<int> right{0, 0, 1, 0, 1, 1, 1, 1, 0};
    const auto bands = calibration_bands(conf, right, 5);
    REQUIRE(bands.size() == 5);
    CHECK(bands[0].count == 2);  // 0.05, 0.1
    CHECK(bands[0].right == 0);
    CHECK(bands[1].count == 2);  // 0.2 (a band's lower edge belongs to it), 0.39
    CHECK(bands[1].right == 1);
    CHECK(bands[2].count == 2);  // 0.4, 0.5
    CHECK(bands[2].share_right() == 1.0);
    CHECK(bands[3].count == 0);
    CHECK(bands[3].share_right() == 0.0);
    CHECK(bands[4].count == 3);  // 0.8, 0.9 and 1.0 (the last band includes 1)
    CHECK(bands[4].right == 2);
    CHECK_THAT(bands[4].mean_confidence, Catch::Matchers::WithinAbs(0.9, 1e-12));
    CHECK_THAT(bands[4].hi, Catch::Matchers::WithinAbs(1.0, 1e-12));

    CHECK(brier_score({1.0, 0.0}, {1, 0}) == 0.0);
    CHECK_THAT(brier_score({0.5, 0.5}, {1, 0}), Catch::Matchers::WithinAbs(0.25, 1e-12));
    CHECK_THAT(brier_score({0.9, 0.2}, {0, 1}), Catch::Matchers::WithinAbs((0.81 + 0.64) / 2, 1e-12));
    CHECK(brier_score({}, {}) == 0.0);

    // Per band |mean confidence - share right|, weighted by events: 2*0.075 + 2*0.205 + 2*0.55 + 3*(0.9-2/3).
    CHECK_THAT(calibration_error(bands),
               Catch::Matchers::WithinAbs((2 * 0.075 + 2 * 0.205 + 2 * 0.55 + 3 * (0.9 - 2.0 / 3.0)) / 9, 1e-12));
    CHECK(calibration_error({}) == 0.0);

    const std::string table = format_calibration(bands);
    CHECK_THAT(table, Catch::Contains("[0.8, 1.0]"));
    CHECK_THAT(table, Catch::Contains("[0.0, 0.2)"));
}
