// Review of extracted events, as ACLED coders and Liveuamap editors work: each event is accepted,
// rejected or not yet reviewed; the order a reviewer steps through them; the date a reviewer types;
// and a search over the gazetteer's names in every language and spelling. The decisions themselves
// are edits (event_edits.hpp), saved and journalled like every other correction.
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/gazetteer.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// A reviewer's decision on one event. Stored as a char per event (EditableEvents::review_states).
enum class ReviewState : char { Unreviewed = 0, Accepted = 1, Rejected = 2 };

std::string_view review_state_name(ReviewState s);  ///< "unreviewed", "accepted", "rejected"

/// Which events a list, the map or an export shows by review state.
enum class ReviewFilter { Any, Reviewed, Unreviewed, Accepted, Rejected };

/// "any", "reviewed" (accepted or rejected), "unreviewed", "accepted", "rejected".
std::string_view review_filter_name(ReviewFilter f);
/// True when an event in state `s` passes `f`.
bool review_passes(ReviewFilter f, ReviewState s);

/// The order of the review queue: confidence ascending (the doubtful first; ties in document
/// order), or document order (document name, then position in the document).
enum class ReviewOrder { Confidence, Document };

/// Indices into `events` in `order`, leaving out those with a nonzero `skip` flag (e.g. deleted
/// events; `skip` may be shorter than `events`). Deterministic. Cost: O(n log n).
std::vector<std::size_t> review_order(const std::vector<Event>& events, std::span<const char> skip, ReviewOrder order);

/// What parse_date_input made of a reviewer's text: a range, or a message saying what is expected.
struct DateInput {
    std::optional<DateRange> range;
    std::string error;  ///< empty when `range` is set; otherwise quotes the text and what is expected
};

/// Parses a date as a reviewer types it: "2020-10-04" (day), "2020-10" (month), "2020" (year), or a
/// range of any two of those joined by ".." or "/" ("2020-09-27..2020-11-10"), from the start of
/// the first to the end of the second, with the coarser precision of the two. Leading and trailing
/// spaces are ignored. Never throws: bad input (not a calendar date, end before start) gives an error.
DateInput parse_date_input(std::string_view text);

/// The inverse of parse_date_input for display in the date field: "2020-10-04", "2020-10", "2020",
/// or "START..END".
std::string format_date_input(const DateRange& d);

/// One place found by PlaceSearch: the gazetteer index and the written form that matched.
struct PlaceHit {
    std::size_t place = 0;  ///< index into Gazetteer::places()
    std::string matched;    ///< the name or variant that matched ("Stepanakert" for Khankendi)
};

/// Search over every name and variant of a gazetteer, folded as the gazetteer folds them (case,
/// diacritics, hyphens ignored; Armenian and Cyrillic transliterated), so "khankendi",
/// "Stepanakert", "Xankəndi" and "Степанакерт" all find Khankendi. Keeps a reference to the
/// gazetteer, which must outlive it.
class PlaceSearch {
public:
    explicit PlaceSearch(const Gazetteer& gazetteer);

    /// Places matching `query`, best first: a whole name equal to the query, then names starting
    /// with it, then names with a word starting with it, then names containing it; within a rank,
    /// curated entries, then shorter names. One hit per place. Empty query: no hits. Linear in the
    /// number of names (about 10,000: well under a millisecond).
    std::vector<PlaceHit> search(std::string_view query, std::size_t limit = 12) const;

private:
    struct Name {
        std::size_t place;
        std::string folded;
        std::string written;
    };
    const Gazetteer& gazetteer_;
    std::vector<Name> names_;
};

}  // namespace sitmap::core
