// ConflictCalendar: dated spans of the conflict that news text refers to without giving dates —
// its wars, a blockade, a handover period. Data, not code: loaded from geodata/conflict_calendar.csv
// (io/conflict_calendar_io), so the extractor carries no conflict-specific dates and another
// conflict or period needs a new file, not new code. Part of sitmap_core: no GDAL, GL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/geometry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::core {

struct ConflictSpan {
    /// How the extractor uses the span:
    /// - War: a campaign or war said to begin inside it lasts until it ended; a picture released
    ///   during it shows the war from its start (day-precision wars only).
    /// - Ongoing: an undated mention of it (its cue words, near `centre`) runs from its start to the
    ///   date the text gives (a blockade "still" in force).
    /// - Period: a day-dated mention of it inside the period stands for the whole period (handovers
    ///   "under the statement" happened over its weeks).
    /// - Episode: a stretch of the conflict whose news may carry no year; only dates a dateline
    ///   without a year ("YEREVAN, May 14 -"): to the year in which some span contains that day,
    ///   the span whose cues the text names most (then the shortest). Every kind takes part.
    enum class Kind { War, Ongoing, Period, Episode };
    Kind kind = Kind::War;
    std::string name;
    DateRange range;                ///< start, end, and the precision the span is dated with
    std::vector<std::string> cues;  ///< folded words that name it ("blockade", "blockaded")
    std::optional<LonLat> centre;   ///< where it applies; none = anywhere
    double radius_km = 0;
    std::string source;  ///< provenance of the dates
};

struct ConflictCalendar {
    std::vector<ConflictSpan> spans;

    /// Spans of one kind, in file order.
    std::vector<const ConflictSpan*> of_kind(ConflictSpan::Kind kind) const;
};

/// The date of a day and month written without a year, from the spans of `calendar` that contain
/// that day in some year: the one whose cues occur most often in `cue_counts` (folded cue ->
/// occurrences in the text), then the shortest, then the latest. Nullopt when no span contains it.
std::optional<Date> date_in_calendar(const ConflictCalendar& calendar, unsigned month, unsigned day,
                                     const std::vector<int>& cue_hits_per_span);

/// "war" | "ongoing" | "period" | "episode".
std::optional<ConflictSpan::Kind> parse_span_kind(std::string_view text);

}  // namespace sitmap::core
