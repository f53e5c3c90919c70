#include "io/place_model_io.hpp"

#include "core/error.hpp"
#include "core/evaluation.hpp"
#include "core/extract_place.hpp"
#include "io/confidence_model_io.hpp"
#include "io/evaluation_run.hpp"
#include "io/image.hpp"

#include <chrono>
#include <map>

namespace sitmap::io {

namespace {

constexpr ModelUse kPlaceModelUse{"place model", "event places are the extractor's rules' first choice",
                                  "sitmap_train_place"};

bool dates_agree(const core::DateRange& a, const core::DateRange& b, int slack) {
    using std::chrono::days;
    using std::chrono::sys_days;
    return sys_days(a.start) - days(slack) <= sys_days(b.end) && sys_days(b.start) - days(slack) <= sys_days(a.end);
}

/// Each event with candidates, and the gold rows it shares a passage and a date with.
struct TracedRun {
    std::vector<core::Event> events;
    std::vector<std::vector<core::extract::PlaceCandidate>> candidates;
    std::vector<core::GoldEvent> gold;
};

TracedRun traced_run(const ShippedExtractor& data, const std::string& documents_dir, const std::string& gold_dir,
                     core::Diagnostics& diags) {
    TracedRun out;
    core::ExtractorOptions options{.calendar = data.calendar};
    options.place_trace = [&](const core::Event&, const std::vector<core::extract::PlaceCandidate>& c) {
        out.candidates.push_back(c);
    };
    const core::Extractor extractor(data.gazetteer, options);
    EvaluationRun run = run_evaluation(extractor, {documents_dir}, {gold_dir}, diags);
    SITMAP_ASSERT(run.events.size() == out.candidates.size(), "one trace per extracted event");
    out.events = std::move(run.events);
    out.gold = std::move(run.gold);
    return out;
}

/// For each event, the positions of the gold rows of its passage and date (empty: not annotated).
std::vector<std::vector<core::LonLat>> gold_positions(const TracedRun& r) {
    std::map<std::string, std::vector<const core::GoldEvent*>> by_doc;
    for (const auto& g : r.gold) by_doc[g.doc].push_back(&g);
    std::vector<std::vector<core::LonLat>> out(r.events.size());
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        const auto it = by_doc.find(r.events[i].source.document);
        if (it == by_doc.end()) continue;
        for (const core::GoldEvent* g : it->second)
            if (core::quote_share(r.events[i].source.quote, g->quote) >= 0.5 &&
                dates_agree(r.events[i].date, g->date, 1))
                out[i].push_back(g->position);
    }
    return out;
}

bool near_any(const core::LonLat& p, const std::vector<core::LonLat>& golds) {
    for (const auto& g : golds)
        if (core::Gazetteer::distance_km(p, g) <= 25.0) return true;
    return false;
}

}  // namespace

std::optional<core::LogisticModel> load_place_model_if_present(const std::filesystem::path& path,
                                                               core::Diagnostics& diags) {
    return load_logistic_model_if_present(path, core::extract::place_feature_names(), kPlaceModelUse, diags);
}

void write_place_model(const std::filesystem::path& path, const core::LogisticModel& model,
                       const std::vector<std::string>& comments) {
    write_text_atomically(path, confidence_model_to_csv(model, comments), "the place model");
}

PlaceTrainingSet load_place_training_set(const std::string& source_dir, const std::string& documents_dir,
                                         const std::string& gold_dir, core::Diagnostics& diags) {
    const ShippedExtractor data = load_shipped_extractor_data(source_dir, diags);
    const TracedRun r = traced_run(data, documents_dir, gold_dir, diags);
    const auto golds = gold_positions(r);
    PlaceTrainingSet set;
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        if (golds[i].empty() || r.candidates[i].empty()) continue;
        ++set.found;
        if (near_any(r.events[i].position, golds[i])) ++set.first_choice_right;
        core::extract::LabelledCandidates ev;
        bool any = false;
        for (const auto& c : r.candidates[i]) {
            ev.features.push_back(c.features);
            ev.right.push_back(near_any(data.gazetteer.place(c.place).position, golds[i]) ? 1 : 0);
            any = any || ev.right.back();
        }
        if (!any) continue;
        ++set.events_placeable;
        set.events.push_back(std::move(ev));
    }
    return set;
}

core::LogisticModel train_place_model(const PlaceTrainingSet& set) {
    std::vector<std::vector<double>> x;
    std::vector<int> y;
    for (const auto& ev : set.events) {
        x.insert(x.end(), ev.features.begin(), ev.features.end());
        y.insert(y.end(), ev.right.begin(), ev.right.end());
    }
    return core::train_logistic(x, y, core::extract::place_feature_names(), kPlaceTrainOptions);
}

double place_accuracy(const core::LogisticModel& model, const PlaceTrainingSet& set) {
    std::size_t right = 0;
    for (const auto& ev : set.events) {
        std::size_t best = 0;
        double best_p = -1;
        for (std::size_t k = 0; k < ev.features.size(); ++k)
            if (const double p = model.predict_features(ev.features[k]); p > best_p) {
                best_p = p;
                best = k;
            }
        right += static_cast<std::size_t>(ev.right[best]);
    }
    return set.found ? static_cast<double>(right) / static_cast<double>(set.found) : 0.0;
}

}  // namespace sitmap::io
