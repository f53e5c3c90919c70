#include "io/confidence_model_io.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/image.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace sitmap::io {

namespace fs = std::filesystem;

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

core::LogisticModel parse_logistic_model(std::string_view text, const std::string& source,
                                         const std::vector<std::string>& names, std::string_view retrain_with) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < names.size(); ++i) index.emplace(names[i], i);

    core::LogisticModel m{.names = names, .weights = std::vector<double>(names.size(), 0.0), .bias = 0.0};
    std::vector<bool> seen(names.size(), false);
    bool header = false, have_bias = false;
    std::size_t line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const std::size_t nl = text.find('\n');
        const std::string_view line = trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t comma = line.find(',');
        if (comma == std::string_view::npos || line.find(',', comma + 1) != std::string_view::npos)
            throw fmt_error("{}:{}: error: expected two fields 'feature,weight', got '{}'", source, line_no, line);
        const std::string key(trim(line.substr(0, comma)));
        const std::string_view value = trim(line.substr(comma + 1));
        if (!header) {
            if (key != "feature" || value != "weight")
                throw fmt_error("{}:{}: error: expected the header 'feature,weight', got '{}'", source, line_no, line);
            header = true;
            continue;
        }
        double w = 0;
        if (!core::parse_double(value, w))
            throw fmt_error("{}:{}: error: weight '{}' of feature '{}' is not a number", source, line_no, value, key);
        if (key == "bias") {
            if (have_bias) throw fmt_error("{}:{}: error: a second 'bias' row", source, line_no);
            have_bias = true;
            m.bias = w;
            continue;
        }
        const auto it = index.find(key);
        if (it == index.end())
            throw fmt_error(
                "{}:{}: error: unknown feature '{}' (the model was made for another version of sitmap; "
                "retrain it with {})",
                source, line_no, key, retrain_with);
        if (seen[it->second]) throw fmt_error("{}:{}: error: feature '{}' is given twice", source, line_no, key);
        seen[it->second] = true;
        m.weights[it->second] = w;
    }
    if (!header) throw fmt_error("{}: error: no 'feature,weight' header (not a model file)", source);
    if (!have_bias) throw fmt_error("{}: error: no 'bias' row", source);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!seen[i])
            throw fmt_error("{}: error: no weight for feature '{}' (retrain it with {})", source, names[i],
                            retrain_with);
    return m;
}

core::ConfidenceModel parse_confidence_model(std::string_view text, const std::string& source) {
    return parse_logistic_model(text, source, core::confidence_feature_names(), "sitmap_train_confidence");
}

core::LogisticModel read_logistic_model(const fs::path& path, const std::vector<std::string>& names,
                                        std::string_view what, std::string_view retrain_with) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fmt_error("{}: error: cannot read {} ({})", path.string(), what, std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_logistic_model(ss.str(), path.string(), names, retrain_with);
}

core::ConfidenceModel read_confidence_model(const fs::path& path) {
    return read_logistic_model(path, core::confidence_feature_names(), "the confidence model",
                               "sitmap_train_confidence");
}

std::string confidence_model_to_csv(const core::LogisticModel& model, const std::vector<std::string>& comments) {
    SITMAP_ASSERT(model.names.size() == model.weights.size(), "model names and weights differ in size");
    std::string out;
    for (const auto& c : comments) out += "# " + c + "\n";
    out += "feature,weight\n";
    out += fmt::format("bias,{:.17g}\n", model.bias);
    for (std::size_t i = 0; i < model.names.size(); ++i)
        out += fmt::format("{},{:.17g}\n", model.names[i], model.weights[i]);
    return out;
}

void write_confidence_model(const fs::path& path, const core::ConfidenceModel& model,
                            const std::vector<std::string>& comments) {
    write_text_atomically(path, confidence_model_to_csv(model, comments), "the confidence model");
}

std::optional<core::LogisticModel> load_logistic_model_if_present(const fs::path& path,
                                                                  const std::vector<std::string>& names,
                                                                  const ModelUse& use, core::Diagnostics& diags) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        diags.add(core::Severity::Info, core::DiagCode::FileMissing, path.string(), "",
                  fmt::format("no {}; {}", use.what, use.fallback));
        return std::nullopt;
    }
    try {
        return read_logistic_model(path, names, use.what, use.retrain_with);
    } catch (const Error& e) {
        diags.add(core::Severity::Warning, core::DiagCode::FileUnreadable, path.string(), "",
                  fmt::format("{} not used, {}: {}", use.what, use.fallback, e.what()));
        return std::nullopt;
    }
}

std::optional<core::ConfidenceModel> load_confidence_model_if_present(const fs::path& path, core::Diagnostics& diags) {
    return load_logistic_model_if_present(
        path, core::confidence_feature_names(),
        {"confidence model", "event confidence is the extractor's heuristic", "sitmap_train_confidence"}, diags);
}

ConfidenceTrainingSet confidence_training_set(const EvaluationRun& run) {
    std::set<std::string> gold_docs;
    for (const auto& g : run.gold) gold_docs.insert(g.doc);
    std::vector<int> matched(run.events.size(), 0);
    for (auto [p, g] : run.result.pairs) matched[p] = 1;
    ConfidenceTrainingSet set;
    for (std::size_t i = 0; i < run.events.size(); ++i) {
        if (!gold_docs.count(run.events[i].source.document)) continue;
        set.events.push_back(run.events[i]);
        set.right.push_back(matched[i]);
        set.features.push_back(core::confidence_features(run.events[i]));
    }
    return set;
}

ConfidenceTrainingSet load_confidence_training_set(const std::string& source_dir, const std::string& documents_dir,
                                                   const std::string& gold_dir, core::Diagnostics& diags) {
    const ShippedExtractor data = load_shipped_extractor_data(source_dir, diags);
    const core::Extractor extractor(data.gazetteer, data.options());
    return confidence_training_set(run_evaluation(extractor, {documents_dir}, {gold_dir}, diags));
}

std::vector<double> confidences_of(const std::vector<core::Event>& events) {
    std::vector<double> c;
    c.reserve(events.size());
    for (const auto& e : events) c.push_back(e.confidence);
    return c;
}

}  // namespace sitmap::io
