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
    return std::nullopt;
}

}  // namespace sitmap::core
