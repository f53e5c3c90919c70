#include "core/conflict_calendar.hpp"

namespace sitmap::core {

std::vector<const ConflictSpan*> ConflictCalendar::of_kind(ConflictSpan::Kind kind) const {
    std::vector<const ConflictSpan*> out;
    for (const auto& s : spans)
        if (s.kind == kind) out.push_back(&s);
    return out;
}

std::optional<ConflictSpan::Kind> parse_span_kind(std::string_view text) {
    if (text == "war") return ConflictSpan::Kind::War;
    if (text == "ongoing") return ConflictSpan::Kind::Ongoing;
    if (text == "period") return ConflictSpan::Kind::Period;
    if (text == "episode") return ConflictSpan::Kind::Episode;
    return std::nullopt;
}

std::optional<Date> date_in_calendar(const ConflictCalendar& calendar, unsigned month, unsigned day,
                                     const std::vector<int>& cue_hits_per_span) {
    using namespace std::chrono;
    std::optional<Date> best;
    int best_hits = -1;
    long long best_length = 0;
    for (std::size_t i = 0; i < calendar.spans.size(); ++i) {
        const ConflictSpan& span = calendar.spans[i];
        const int hits = i < cue_hits_per_span.size() ? cue_hits_per_span[i] : 0;
        const long long length = (sys_days(span.range.end) - sys_days(span.range.start)).count();
        for (int y = static_cast<int>(span.range.start.year()); y <= static_cast<int>(span.range.end.year()); ++y) {
            const year_month_day ymd{year(y), std::chrono::month(month), std::chrono::day(day)};
            if (!ymd.ok() || sys_days(ymd) < sys_days(span.range.start) || sys_days(ymd) > sys_days(span.range.end))
                continue;
            const bool better = hits > best_hits || (hits == best_hits && length < best_length) ||
                                (hits == best_hits && length == best_length && best && sys_days(ymd) > sys_days(*best));
            if (better) {
                best = Date(ymd);
                best_hits = hits;
                best_length = length;
            }
        }
    }
    return best;
}

}  // namespace sitmap::core
