// The place model's candidates and features (see extract_place.hpp).
#include "core/extract_place.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace sitmap::core::extract {

namespace {

enum Feature : std::size_t {
    kHeuristic,
    kHeuristicStated,
    kFrame,
    kSentence,
    kScene,
    kSpeaker,
    kFocus,
    kPassageTop,
    kDocumentTop,
    kTitle,
    kPrevious,
    kPoint,
    kDistrict,
    kRegion,
    kCountry,
    kCorridor,
    kCapital,
    kLine,
    kLocative,
    kActor,
    kExcluded,
    kRoad,
    kBeforeTrigger,
    kTolerant,
    kNearTrigger,
    kDocumentMentions,
    kPassageMentions,
    kStatement,
    kStatementCountry,
    kStatementRegion,
    kStatementCapital,
    kReportedOutside,
    kSpeaksCountry,
    kActPoint,
    kActDistrict,
    kIsFocus,
    kNearFocus,
    kFar,
    kNearHeuristic,
    kDocumentCountry,
    kCountryShareDocument,
    kCountrySharePassage,
    kFeatureCount
};

// One name per Feature, in its order (place_feature_names checks the count).
constexpr std::array<std::string_view, kFeatureCount> kNames{
    "heuristic",
    "heuristic_stated",
    "from_frame",
    "from_sentence",
    "from_scene",
    "from_speaker",
    "from_focus",
    "from_passage_top",
    "from_document_top",
    "from_title",
    "from_previous",
    "point",
    "district",
    "region",
    "country",
    "corridor_or_bridge",
    "capital",
    "line_or_border",
    "locative",
    "actor",
    "excluded",
    "road",
    "before_trigger",
    "tolerant",
    "near_trigger",
    "document_mentions",
    "passage_mentions",
    "statement",
    "statement_country",
    "statement_region",
    "statement_capital",
    "reported_outside_frame",
    "speaks_country",
    "act_point",
    "act_district",
    "is_focus",
    "near_focus",
    "far_from_focus",
    "near_first_choice",
    "from_document_country",
    "country_share_document",
    "country_share_passage",
};

double log_count(const std::map<std::size_t, int>* counts, std::size_t place) {
    if (!counts) return 0;
    const auto it = counts->find(place);
    const int n = it == counts->end() ? 0 : it->second;
    return std::min(std::log1p(static_cast<double>(n)) / std::log(16.0), 2.0);  // 15 mentions: 1
}

bool narrow(const NamedPlace& p) {
    return p.precision == LocationPrecision::Point || p.precision == LocationPrecision::District ||
           p.kind.find("corridor") != std::string::npos;
}

// Does the frame's event speak (claims, talks, decrees, deployments, flows of people)?
bool speaks(const Frame& f) {
    const EventType t = f.word.type;
    return f.statement || t == EventType::Negotiation || t == EventType::Other || t == EventType::Deployment ||
           t == EventType::Humanitarian;
}

// How many of a text's towns and districts lie in each country: the country a report is about
// when its villages are Armenian ones (the border fighting of 2021-22) or Azerbaijani ones.
struct CountryShares {
    std::vector<std::pair<std::string_view, int>> counts;
    int total = 0;
    double share(std::string_view key) const {
        if (total == 0 || key.empty()) return 0.0;
        for (const auto& [k, n] : counts)
            if (k == key) return static_cast<double>(n) / static_cast<double>(total);
        return 0.0;
    }
};

CountryShares country_shares(const Gazetteer& gaz, const std::map<std::size_t, int>* counts) {
    CountryShares out;
    if (!counts) return out;
    for (const auto& [place, n] : *counts) {
        const NamedPlace& p = gaz.place(place);
        if (!p.has_position || !inside_country(p)) continue;
        const std::string_view key = country_key(p);
        if (key.empty()) continue;
        out.total += n;
        const auto it =
            std::find_if(out.counts.begin(), out.counts.end(), [&](const auto& c) { return c.first == key; });
        if (it == out.counts.end())
            out.counts.emplace_back(key, n);
        else
            it->second += n;
    }
    return out;
}

void describe(const Gazetteer& gaz, const SentenceView& s, const Frame& f, const std::vector<PlacePick>& heuristic,
              const PlaceContext& ctx, const CountryShares& document_shares, const CountryShares& passage_shares,
              PlaceCandidate& c) {
    std::vector<double>& x = c.features;
    x.assign(kFeatureCount, 0.0);
    const NamedPlace& p = gaz.place(c.place);
    auto on = [&](Feature k, bool b) { x[k] = b ? 1.0 : 0.0; };
    on(kHeuristic, c.sources & kFromHeuristic);
    on(kHeuristicStated, (c.sources & kFromHeuristic) && !heuristic.empty() && heuristic.front().stated);
    on(kFrame, c.sources & kFromFrame);
    on(kSentence, c.sources & kFromSentence);
    on(kScene, c.sources & kFromScene);
    on(kSpeaker, c.sources & kFromSpeaker);
    on(kFocus, c.sources & kFromFocus);
    on(kPassageTop, c.sources & kFromPassage);
    on(kDocumentTop, c.sources & kFromDocument);
    on(kTitle, c.sources & kFromTitle);
    on(kPrevious, c.sources & kFromPrevious);
    on(kPoint, p.precision == LocationPrecision::Point);
    on(kDistrict, p.precision == LocationPrecision::District);
    on(kRegion, p.precision == LocationPrecision::Region);
    on(kCountry, p.precision == LocationPrecision::Country);
    on(kCorridor, p.kind.find("corridor") != std::string::npos || p.kind.find("bridge") != std::string::npos);
    on(kCapital, p.kind.find("capital") != std::string::npos);
    on(kLine, p.kind.find("line") != std::string::npos || p.kind.find("border") != std::string::npos);
    if (c.mention) {
        const MentionTraits t = mention_traits(gaz, s, f, *c.mention);
        on(kLocative, t.locative);
        on(kActor, t.actor);
        on(kExcluded, t.excluded);
        on(kRoad, t.road);
        on(kBeforeTrigger, t.before_trigger);
        on(kTolerant, s.places[*c.mention].tolerant);
        x[kNearTrigger] = std::exp(-static_cast<double>(t.distance) / 6.0);
        on(kReportedOutside, f.reported && !t.in_frame);
    }
    x[kDocumentMentions] = log_count(ctx.document_counts, c.place);
    x[kPassageMentions] = log_count(ctx.passage_counts, c.place);
    on(kStatement, f.statement);
    on(kStatementCountry, f.statement && p.precision == LocationPrecision::Country);
    on(kStatementRegion, f.statement && p.precision == LocationPrecision::Region);
    on(kStatementCapital, f.statement && p.kind.find("capital") != std::string::npos);
    on(kSpeaksCountry, speaks(f) && p.precision == LocationPrecision::Country);
    on(kActPoint, !speaks(f) && p.precision == LocationPrecision::Point);
    on(kActDistrict, !speaks(f) && p.precision == LocationPrecision::District);
    if (ctx.focus) {
        const double km = Gazetteer::distance_km(p.position, gaz.place(*ctx.focus).position);
        on(kIsFocus, c.place == *ctx.focus);
        on(kNearFocus, c.place != *ctx.focus && km <= 25.0);
        on(kFar, km > 400.0);
    }
    if (!heuristic.empty() && !(c.sources & kFromHeuristic))
        on(kNearHeuristic, Gazetteer::distance_km(p.position, gaz.place(heuristic.front().place).position) <= 25.0);
    on(kDocumentCountry, c.sources & kFromDocumentCountry);
    x[kCountryShareDocument] = document_shares.share(country_key(p));
    x[kCountrySharePassage] = passage_shares.share(country_key(p));
}

constexpr double kBesideShare = 0.6;

}  // namespace

std::string_view country_key(const NamedPlace& p) {
    std::string_view c = p.country;
    const std::size_t stop = c.find_first_of(" ;,/(");
    if (stop != std::string_view::npos) c = c.substr(0, stop);
    // Reference rows write the country out, GeoNames rows give its ISO code.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kCodes{{{"AM", "Armenia"},
                                                                                          {"AZ", "Azerbaijan"},
                                                                                          {"GE", "Georgia"},
                                                                                          {"TR", "Turkey"},
                                                                                          {"IR", "Iran"},
                                                                                          {"RU", "Russia"},
                                                                                          {"US", "United"},
                                                                                          {"UA", "Ukraine"}}};
    for (const auto& [code, name] : kCodes)
        if (c == code) return name;
    return c;
}

bool inside_country(const NamedPlace& p) {
    return (p.precision == LocationPrecision::Point || p.precision == LocationPrecision::District) &&
           p.kind.find("capital") == std::string::npos;
}

std::optional<std::size_t> country_beside_focus(const Gazetteer& gaz, const std::map<std::size_t, int>& counts,
                                                std::optional<std::size_t> focus) {
    const CountryShares shares = country_shares(gaz, &counts);
    if (shares.total < 3) return std::nullopt;
    for (const auto& [place, n] : counts) {
        const NamedPlace& p = gaz.place(place);
        if (p.precision != LocationPrecision::Country || !p.has_position) continue;
        const std::string_view key = country_key(p);
        if (focus && key == country_key(gaz.place(*focus))) continue;
        if (shares.share(key) >= kBesideShare) return place;
    }
    return std::nullopt;
}

const std::vector<std::string>& place_feature_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n(kNames.begin(), kNames.end());
        for (const auto& name : n) SITMAP_ASSERT(!name.empty(), "a place feature without a name");
        return n;
    }();
    return names;
}

std::vector<PlaceCandidate> place_candidates(const Gazetteer& gaz, const SentenceView& s, const Frame& f,
                                             const std::vector<PlacePick>& heuristic, const PlaceContext& ctx) {
    std::vector<PlaceCandidate> out;
    std::unordered_map<std::size_t, std::size_t> index;  // place -> its candidate
    auto add = [&](std::size_t place, unsigned source, std::optional<std::size_t> mention) {
        if (!gaz.place(place).has_position) return;
        if (const auto it = index.find(place); it != index.end()) {
            PlaceCandidate& c = out[it->second];
            c.sources |= source;
            if (!c.mention) c.mention = mention;
            return;
        }
        index.emplace(place, out.size());
        out.push_back(PlaceCandidate{place, source, mention, {}});
    };
    std::unordered_map<std::size_t, std::size_t> first_mention;  // place -> its first mention
    for (std::size_t k = s.places.size(); k-- > 0;) first_mention[s.places[k].place] = k;
    auto mention_of = [&](std::size_t place) -> std::optional<std::size_t> {
        const auto it = first_mention.find(place);
        return it == first_mention.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    };
    for (const PlacePick& pk : heuristic)
        add(pk.place, kFromHeuristic, pk.stated ? mention_of(pk.place) : std::nullopt);
    for (std::size_t k = 0; k < s.places.size(); ++k) {
        const PlaceMention& m = s.places[k];
        const bool inside = m.first_token >= f.begin && m.last_token <= f.end;
        add(m.place, inside ? kFromFrame : kFromSentence, k);
    }
    if (ctx.scene) add(*ctx.scene, kFromScene, std::nullopt);
    if (ctx.speaker) add(*ctx.speaker, kFromSpeaker, mention_of(*ctx.speaker));
    if (ctx.focus) add(*ctx.focus, kFromFocus, std::nullopt);
    if (ctx.passage_top) add(*ctx.passage_top, kFromPassage, std::nullopt);
    if (ctx.document_top) add(*ctx.document_top, kFromDocument, std::nullopt);
    for (std::size_t t : ctx.title) add(t, kFromTitle, std::nullopt);
    for (std::size_t p : ctx.previous) add(p, kFromPrevious, std::nullopt);
    const CountryShares document_shares = country_shares(gaz, ctx.document_counts);
    const CountryShares passage_shares = country_shares(gaz, ctx.passage_counts);
    // The country the document's towns and districts lie in most, when the document names it.
    if (ctx.document_counts && document_shares.total > 0) {
        std::optional<std::size_t> best;
        double best_share = 0.0;
        for (const auto& [place, n] : *ctx.document_counts) {
            const NamedPlace& p = gaz.place(place);
            if (p.precision != LocationPrecision::Country || !p.has_position) continue;
            const double share = document_shares.share(country_key(p));
            if (share > best_share) {
                best_share = share;
                best = place;
            }
        }
        if (best) add(*best, kFromDocumentCountry, mention_of(*best));
    }
    for (auto& c : out) describe(gaz, s, f, heuristic, ctx, document_shares, passage_shares, c);
    return out;
}

std::size_t best_place(const LogisticModel& model, const std::vector<PlaceCandidate>& candidates) {
    SITMAP_ASSERT(!candidates.empty(), "best_place needs a candidate");
    std::size_t best = 0;
    double best_p = -1;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const double p = model.predict_features(candidates[i].features);
        if (p > best_p) {
            best_p = p;
            best = i;
        }
    }
    return best;
}

std::optional<std::size_t> most_named(const Gazetteer& gaz, const std::map<std::size_t, int>& counts,
                                      bool narrow_only) {
    std::optional<std::size_t> best;
    int n = 0;
    for (const auto& [place, count] : counts) {
        const NamedPlace& p = gaz.place(place);
        if (!p.has_position || p.precision == LocationPrecision::Country) continue;
        if (narrow_only && !narrow(p)) continue;
        if (count > n) {
            n = count;
            best = place;
        }
    }
    return best;
}

}  // namespace sitmap::core::extract
