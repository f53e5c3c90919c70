// The date grammar of news text: absolute dates ("19 September 2023", "Sept. 19", "2023-09-19",
// "10/27/2020"), partial ones ("in August", "2020", "the 1990s", "the fall of 2020"), ranges
// ("September 19-20"), expressions relative to the publication date ("on Tuesday", "yesterday",
// "last night", "overnight", "two days later", "last week", "recently") and a few named moments of
// the conflict's history ("Soviet times", "the dissolution of the Soviet Union", "the Second
// Karabakh War"), each with a precision.
// Part of sitmap_core: std::chrono calendar arithmetic only (no hand-rolled day counting).
#pragma once
#include "core/date.hpp"
#include "core/text_tokens.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// What a date expression is anchored to.
enum class DateKind {
    Absolute,   ///< carries its own year, or a full numeric date
    Inferred,   ///< day/month without a year; the year comes from the reference date
    Deictic,    ///< relative to the publication date: "yesterday", "on Tuesday", "last week", "recently"
    Anaphoric,  ///< relative to the previous date in the text: "two days later", "the following day"
    Since,      ///< an open range up to the reference: "since August", "over the last year"
};

struct DateMention {
    std::size_t begin = 0;  ///< byte offsets into the text given to find_dates
    std::size_t end = 0;
    DateRange range;
    DateKind kind = DateKind::Absolute;
};

/// The dates relative expressions resolve against.
struct DateContext {
    std::optional<Date> publication;  ///< dateline of the document (deictic expressions)
    std::optional<Date> narrative;    ///< the last date the text spoke of (anaphoric expressions)
    /// The year of dates written without one, when the text set it: a "2022" heading, or the year
    /// of a paragraph about the past ("In April 2016 ... On 3 April"). Otherwise the publication
    /// year (or, without a publication date, the narrative's) is used.
    std::optional<int> year;
    /// Numeric dates with slashes are day first ("05/04/2016" is 5 April), as the document's own
    /// dates show (numeric_dates_day_first); otherwise month first unless the first number cannot
    /// be a month ("10/27/2020").
    bool day_first = false;
};

/// Whether a document writes its slash dates day first: a slash date whose first number cannot be
/// a month says yes, one whose second number cannot be says no; else a weekday the text names
/// near its top that only one reading of its first ambiguous date falls on decides ("05/04/2016 ...
/// YEREVAN, Tuesday": 5 April 2016 was a Tuesday); else dates written "5 October" rather than
/// "October 5" say yes. No evidence: no.
bool numeric_dates_day_first(std::string_view text);

/// Finds every date expression in `text` (tokens from tokenize(text)), left to right. Expressions
/// that need an anchor the context lacks are skipped. Within the text, each resolved mention
/// becomes the narrative anchor for the next ("On 25 October ... two days later").
std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& tokens, DateContext context);

/// Convenience: tokenizes and returns the first date in `text`, or nullopt.
std::optional<DateMention> parse_first_date(std::string_view text, DateContext context = {});

/// Month number (1-12) of an English month name or abbreviation ("sept", "oct"), or 0.
unsigned month_from_word(std::string_view folded);

/// 0 (Sunday) .. 6 for a folded weekday name ("tuesday"; with `allow_abbrev` also "tue", "tues"),
/// else -1.
int weekday_from_word(std::string_view folded, bool allow_abbrev);

}  // namespace sitmap::core
