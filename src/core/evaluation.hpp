// Scoring extracted events against a hand-annotated gold set (gold_seeds.csv format). Strict
// matching, as the project measures extraction: an extracted event can pair with an annotated one
// only when it comes from the same passage (at least half the words of its quote occur in the
// annotated quote), the dates overlap within a day and the positions lie within 25 km. The pairs
// are one-to-one (a maximum matching); precision, recall, F1, and among matched pairs the share
// with the exact date interval, the exact place, a position within 5 km and a compatible type.
// Part of sitmap_core: std only; callers read the files.
#pragma once
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/event.hpp"
#include "core/geometry.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::core {

struct GoldEvent {
    std::string doc;
    std::string id;
    DateRange date;
    std::string place;
    LonLat position;
    std::string event_type;  ///< as annotated; may be a pair such as "ground_attack/capture"
    std::string quote;
};

/// Reads gold rows (header with at least doc,event_id,date_start,date_end,precision,place,lat,lon,
/// event_type,quote). Bad rows become RecordInvalid diagnostics naming `file` and the line.
std::vector<GoldEvent> parse_gold_csv(std::string_view text, const std::string& file, Diagnostics& diags);

/// True when an extracted type agrees with an annotated one ("clash" with "ground_attack/capture").
bool type_compatible(EventType type, std::string_view gold_type);

/// How strictly an extracted event must agree with an annotated one to pair with it.
struct MatchRules {
    double max_km = 25.0;          ///< positions at most this far apart
    int date_slack_days = 1;       ///< intervals overlap once widened by this many days
    double min_quote_share = 0.5;  ///< share of the extracted quote's words found in the annotated quote
};

/// Share of the words of `predicted` (folded tokens) that occur in `gold`; 0 when either is empty.
double quote_share(std::string_view predicted, std::string_view gold);

struct EvaluationResult {
    std::size_t predicted = 0;
    std::size_t gold = 0;
    std::size_t matched = 0;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    double date_exact = 0;   ///< matched pairs with the same start and end
    double date_within = 0;  ///< matched pairs whose predicted interval lies inside the gold one
    double place_exact = 0;  ///< matched pairs with the same canonical place
    double place_5km = 0;    ///< matched pairs whose positions lie within 5 km
    double type_match = 0;   ///< matched pairs with a compatible type
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  ///< (predicted index, gold index)
};

/// Matches one-to-one (maximum matching; among equals, pairs sharing quote words, place, date and
/// type are preferred) and computes the scores. Only documents present in `gold` are counted when
/// `only_gold_documents` is set.
EvaluationResult evaluate(const std::vector<Event>& predicted, const std::vector<GoldEvent>& gold,
                          const MatchRules& rules = {}, bool only_gold_documents = true);

}  // namespace sitmap::core
