#include "core/evaluation.hpp"

#include "core/csv.hpp"
#include "core/gazetteer.hpp"
#include "core/parse.hpp"
#include "core/text_tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace sitmap::core {

std::vector<GoldEvent> parse_gold_csv(std::string_view text, const std::string& file, Diagnostics& diags) {
    std::vector<GoldEvent> out;
    const auto records = parse_csv(text);
    if (records.empty()) return out;
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) col[records[0].fields[i]] = i;
    for (const char* need : {"doc", "event_id", "date_start", "date_end", "place", "lat", "lon", "event_type"}) {
        if (!col.count(need)) {
            diags.add(Severity::Error, DiagCode::RecordInvalid, file, "1", fmt::format("missing column '{}'", need));
            return out;
        }
    }
    auto get = [&](const CsvRecord& r, const char* name) -> std::string {
        auto it = col.find(name);
        if (it == col.end() || it->second >= r.fields.size()) return {};
        return r.fields[it->second];
    };
    for (std::size_t i = 1; i < records.size(); ++i) {
        const CsvRecord& r = records[i];
        GoldEvent g;
        g.doc = get(r, "doc");
        g.id = get(r, "event_id");
        const auto s = parse_iso_date(get(r, "date_start"));
        const auto e = parse_iso_date(get(r, "date_end"));
        double lat = 0, lon = 0;
        if (!s || !e || !parse_double(get(r, "lat"), lat) || !parse_double(get(r, "lon"), lon)) {
            diags.add(
                Severity::Warning, DiagCode::RecordInvalid, file, std::to_string(r.line),
                fmt::format("gold row '{}' has a bad date or coordinate (expected YYYY-MM-DD and degrees)", g.id));
            continue;
        }
        g.date = DateRange{*s, *e, parse_precision(get(r, "precision")).value_or(DatePrecision::Day)};
        g.position = LonLat{lon, lat};
        g.place = get(r, "place");
        g.event_type = get(r, "event_type");
        g.quote = get(r, "quote");
        out.push_back(std::move(g));
    }
    return out;
}

bool type_compatible(EventType type, std::string_view gold) {
    const std::string_view name = event_type_name(type);
    if (gold == name) return true;
    if (gold == "ground_attack/capture") return type == EventType::Capture || type == EventType::Clash;
    if (gold == "ceasefire/agreement") return type == EventType::Ceasefire || type == EventType::Agreement;
    if (gold == "casualty/incident") return type == EventType::Casualty;
    if (gold == "humanitarian/blockade") return type == EventType::Humanitarian || type == EventType::Blockade;
    return false;
}

namespace {

std::set<std::string> all_words(std::string_view q) {
    std::set<std::string> out;
    for (const auto& t : tokenize(q)) out.insert(t.folded);
    return out;
}

double quote_overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t n = 0;
    for (const auto& w : b) n += a.count(w);
    return static_cast<double>(n) / static_cast<double>(b.size());
}

}  // namespace

double quote_share(std::string_view predicted, std::string_view gold) {
    const auto p = all_words(predicted);
    const auto g = all_words(gold);
    if (p.empty() || g.empty()) return 0;
    std::size_t n = 0;
    for (const auto& w : p) n += g.count(w);
    return static_cast<double>(n) / static_cast<double>(p.size());
}

EvaluationResult evaluate(const std::vector<Event>& predicted, const std::vector<GoldEvent>& gold,
                          const MatchRules& rules, bool only_gold_documents) {
    const double max_km = rules.max_km;
    using std::chrono::days;
    using std::chrono::sys_days;
    EvaluationResult r;
    std::set<std::string> gold_docs;
    for (const auto& g : gold) gold_docs.insert(g.doc);
    std::vector<std::size_t> pred_idx;
    for (std::size_t i = 0; i < predicted.size(); ++i)
        if (!only_gold_documents || gold_docs.count(predicted[i].source.document)) pred_idx.push_back(i);
    r.predicted = pred_idx.size();
    r.gold = gold.size();

    // Candidate edges with a preference score.
    std::vector<std::set<std::string>> gq(gold.size()), gall(gold.size());
    for (std::size_t j = 0; j < gold.size(); ++j) {
        gq[j] = content_words(gold[j].quote);
        gall[j] = all_words(gold[j].quote);
    }
    std::vector<std::vector<std::pair<double, std::size_t>>> adj(pred_idx.size());
    for (std::size_t a = 0; a < pred_idx.size(); ++a) {
        const Event& e = predicted[pred_idx[a]];
        if (!e.has_position) continue;
        const auto pq = content_words(e.source.quote);
        const auto pall = all_words(e.source.quote);
        const DateRange widened{Date(sys_days(e.date.start) - days(rules.date_slack_days)),
                                Date(sys_days(e.date.end) + days(rules.date_slack_days)), e.date.precision};
        for (std::size_t j = 0; j < gold.size(); ++j) {
            const GoldEvent& g = gold[j];
            if (g.doc != e.source.document || !widened.overlaps(g.date)) continue;
            if (rules.min_quote_share > 0) {
                std::size_t shared = 0;
                for (const auto& w : pall) shared += gall[j].count(w);
                if (pall.empty() ||
                    static_cast<double>(shared) < rules.min_quote_share * static_cast<double>(pall.size()))
                    continue;
            }
            const double km = Gazetteer::distance_km(e.position, g.position);
            if (km > max_km) continue;
            double score = 3.0 * quote_overlap(pq, gq[j]);
            if (fold_for_match(e.place) == fold_for_match(g.place)) score += 1.0;
            if (e.date.start == g.date.start && e.date.end == g.date.end) score += 1.0;
            if (type_compatible(e.type, g.event_type)) score += 1.0;
            score -= km / max_km * 0.5;
            adj[a].emplace_back(score, j);
        }
        std::sort(adj[a].begin(), adj[a].end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    }
    // Maximum matching that, among the maximum ones, has the highest total preference: the
    // assignment problem (Hungarian method, O(n^3)) with weight `big + score` on allowed edges, so one
    // more pair always outweighs any gain in preference. Pairs only form within a document, so each
    // document is solved on its own (n is that document's event count, not the corpus's).
    std::vector<long> gold_of(pred_idx.size(), -1);
    std::map<std::string, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> by_doc;
    for (std::size_t a = 0; a < pred_idx.size(); ++a) by_doc[predicted[pred_idx[a]].source.document].first.push_back(a);
    for (std::size_t j = 0; j < gold.size(); ++j)
        if (auto it = by_doc.find(gold[j].doc); it != by_doc.end()) it->second.second.push_back(j);
    for (const auto& [doc, rows_cols] : by_doc) {
        const auto& [rows, cols] = rows_cols;  // prediction indices (into adj), gold indices
        if (rows.empty() || cols.empty()) continue;
        const std::size_t n = std::max(rows.size(), cols.size());
        constexpr double big = 1.0e4;
        std::vector<std::size_t> col_of_gold(gold.size(), 0);
        for (std::size_t c = 0; c < cols.size(); ++c) col_of_gold[cols[c]] = c + 1;
        // cost[i][j] (1-based, rows = predictions): lower is better.
        std::vector<std::vector<double>> cost(n + 1, std::vector<double>(n + 1, big));
        for (std::size_t row = 0; row < rows.size(); ++row)
            for (const auto& [sc, j] : adj[rows[row]])
                if (col_of_gold[j] > 0) cost[row + 1][col_of_gold[j]] = -sc;
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<double> u(n + 1, 0), v(n + 1, 0);
        std::vector<std::size_t> p(n + 1, 0), way(n + 1, 0);
        for (std::size_t i = 1; i <= n; ++i) {
            p[0] = i;
            std::size_t j0 = 0;
            std::vector<double> minv(n + 1, inf);
            std::vector<char> used(n + 1, 0);
            do {
                used[j0] = 1;
                const std::size_t i0 = p[j0];
                double delta = inf;
                std::size_t j1 = 0;
                for (std::size_t j = 1; j <= n; ++j) {
                    if (used[j]) continue;
                    const double cur = cost[i0][j] - u[i0] - v[j];
                    if (cur < minv[j]) {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta) {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (std::size_t j = 0; j <= n; ++j) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                const std::size_t j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        for (std::size_t j = 1; j <= n; ++j) {
            const std::size_t i = p[j];
            if (i == 0 || i > rows.size() || j > cols.size()) continue;
            if (cost[i][j] < big) gold_of[rows[i - 1]] = static_cast<long>(cols[j - 1]);  // a real edge, not padding
        }
    }
    std::size_t date_exact = 0, date_within = 0, place_exact = 0, place_5km = 0, type_ok = 0;
    for (std::size_t a = 0; a < adj.size(); ++a) {
        if (gold_of[a] < 0) continue;
        const Event& e = predicted[pred_idx[a]];
        const GoldEvent& g = gold[static_cast<std::size_t>(gold_of[a])];
        r.pairs.emplace_back(pred_idx[a], static_cast<std::size_t>(gold_of[a]));
        if (e.date.start == g.date.start && e.date.end == g.date.end) ++date_exact;
        if (g.date.contains(e.date.start) && g.date.contains(e.date.end)) ++date_within;
        if (fold_for_match(e.place) == fold_for_match(g.place)) ++place_exact;
        if (Gazetteer::distance_km(e.position, g.position) <= 5.0) ++place_5km;
        if (type_compatible(e.type, g.event_type)) ++type_ok;
    }
    r.matched = r.pairs.size();
    auto ratio = [](std::size_t n, std::size_t d) { return d ? static_cast<double>(n) / static_cast<double>(d) : 0.0; };
    r.precision = ratio(r.matched, r.predicted);
    r.recall = ratio(r.matched, r.gold);
    r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
    r.date_exact = ratio(date_exact, r.matched);
    r.date_within = ratio(date_within, r.matched);
    r.place_exact = ratio(place_exact, r.matched);
    r.place_5km = ratio(place_5km, r.matched);
    r.type_match = ratio(type_ok, r.matched);
    return r;
}

}  // namespace sitmap::core
