#include "io/evaluation_run.hpp"

#include "io/conflict_calendar_io.hpp"
#include "io/documents.hpp"
#include "io/gazetteer_io.hpp"
#include "io/place_model_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace sitmap::io {

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

EvaluationRun run_evaluation(const core::Extractor& extractor, const std::vector<std::string>& document_dirs,
                             const std::vector<std::string>& gold_files, core::Diagnostics& diags,
                             const core::MatchRules& rules) {
    EvaluationRun run;
    std::set<std::string> read;
    for (const auto& f : list_documents(document_dirs, diags)) {
        ++run.documents;
        read.insert(f.filename().string());
        read_document(f, diags, [&](core::Document&& d) {
            for (auto& e : extractor.extract(d, diags)) run.events.push_back(std::move(e));
        });
    }
    std::vector<std::filesystem::path> csvs;
    for (const auto& g : gold_files) {
        if (std::filesystem::is_directory(g)) {
            for (const auto& entry : std::filesystem::directory_iterator(g))
                if (entry.path().extension() == ".csv") csvs.push_back(entry.path());
        } else {
            csvs.emplace_back(g);
        }
    }
    std::sort(csvs.begin(), csvs.end());
    for (const auto& c : csvs) {
        if (!std::filesystem::exists(c)) {
            diags.add(core::Severity::Error, core::DiagCode::FileMissing, c.string(), "", "no such gold file");
            continue;
        }
        for (auto& g : core::parse_gold_csv(slurp(c), c.string(), diags))
            if (read.count(g.doc)) run.gold.push_back(std::move(g));
    }
    run.result = core::evaluate(run.events, run.gold, rules);
    return run;
}

ShippedExtractor load_shipped_extractor_data(const std::string& source_dir, core::Diagnostics& diags) {
    ShippedExtractor s;
    s.gazetteer = load_gazetteer(source_dir + "/geodata/gazetteer.csv", diags);
    s.calendar = load_conflict_calendar(source_dir + "/geodata/conflict_calendar.csv", diags);
    s.place_model = load_place_model_if_present(source_dir + "/geodata/place_model.csv", diags);
    return s;
}

std::string format_evaluation(const EvaluationRun& run, const std::string& label, bool verbose) {
    const auto& r = run.result;
    std::string out = fmt::format(
        "{}: {} documents, {} predicted, {} gold, {} matched\n"
        "{}: P {:.3f}  R {:.3f}  F1 {:.3f} | dates exact {:.3f} (inside gold {:.3f})  places exact {:.3f}  "
        "within 5 km {:.3f}  types {:.3f}\n",
        label, run.documents, r.predicted, r.gold, r.matched, label, r.precision, r.recall, r.f1, r.date_exact,
        r.date_within, r.place_exact, r.place_5km, r.type_match);
    if (!verbose) return out;
    std::set<std::size_t> mp, mg;
    for (auto [p, g] : r.pairs) {
        mp.insert(p);
        mg.insert(g);
        const auto& e = run.events[p];
        const auto& gg = run.gold[g];
        if (e.place != gg.place || e.date.start != gg.date.start || e.date.end != gg.date.end)
            out += fmt::format("  ~ {} {}..{} {} | got {}..{} {}: {:.70}\n", gg.id, core::format_iso(gg.date.start),
                               core::format_iso(gg.date.end), gg.place, core::format_iso(e.date.start),
                               core::format_iso(e.date.end), e.place, e.source.quote);
    }
    for (std::size_t g = 0; g < run.gold.size(); ++g) {
        if (mg.count(g)) continue;
        // Why: the extracted event from the same passage, if any, and what differs.
        std::string why = "no event from this passage";
        double best = 0;
        for (std::size_t p = 0; p < run.events.size(); ++p) {
            const auto& e = run.events[p];
            if (e.source.document != run.gold[g].doc) continue;
            const double share = core::quote_share(e.source.quote, run.gold[g].quote);
            if (share < 0.5 || share <= best) continue;
            best = share;
            const double km = core::Gazetteer::distance_km(e.position, run.gold[g].position);
            why = fmt::format("{}{}{}: {}..{} {} {}", mp.count(p) ? "taken by another; " : "",
                              e.date.overlaps(run.gold[g].date) ? "" : "date; ", km > 25 ? "place; " : "",
                              core::format_iso(e.date.start), core::format_iso(e.date.end), e.place,
                              core::event_type_name(e.type));
        }
        out += fmt::format("  - missed {} {}..{} {} {}: {:.90}\n      [{}]\n", run.gold[g].id,
                           core::format_iso(run.gold[g].date.start), core::format_iso(run.gold[g].date.end),
                           run.gold[g].place, run.gold[g].event_type, run.gold[g].quote, why);
    }
    std::set<std::string> gold_docs;
    for (const auto& g : run.gold) gold_docs.insert(g.doc);
    for (std::size_t p = 0; p < run.events.size(); ++p)
        if (!mp.count(p) && gold_docs.count(run.events[p].source.document))
            out += fmt::format("  + extra {} {}..{} {} {} c={:.2f}: {:.100}\n", run.events[p].id,
                               core::format_iso(run.events[p].date.start), core::format_iso(run.events[p].date.end),
                               run.events[p].place, core::event_type_name(run.events[p].type), run.events[p].confidence,
                               run.events[p].source.quote);
    return out;
}

}  // namespace sitmap::io
