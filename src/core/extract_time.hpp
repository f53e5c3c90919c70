// Extraction stage 3, time: the role each date of a sentence plays, and the reference time that
// moves through the narrative (as TimeML/HeidelTime practice does). Only dates in the Event role
// date what the sentence reports: "the worst since 2016" (comparative), "born in 1970"
// (biographical), "must leave by 1 January 2024" (deadline) and "the declaration of 9 November
// 2020" (attributive: it names another, earlier event) do not. The reference time is the last
// event date the text gave; it survives paragraph breaks, carries month precision, and anchors
// "shortly after", "prior to this", "since then". Undated sentences fall back to the publication
// date only when the text presents them as happening now. Part of sitmap_core: std only.
#pragma once
#include "core/date.hpp"
#include "core/date_extract.hpp"
#include "core/text_tokens.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace sitmap::core::extract {

enum class DateRole {
    Event,         ///< dates what the clause reports
    Attributive,   ///< names an earlier event by its date ("the 10 November 2020 statement")
    Biographical,  ///< "born in 1970", "aged ..."
    Deadline,      ///< "by 1 January 2024", "no later than", "until <future date>"
    Comparative,   ///< "the worst since 2016", "for the first time since 1994"
};

struct RoledDate {
    DateMention mention;
    DateRole role = DateRole::Event;
    std::size_t token = 0;  ///< index of the first token of the date
    std::string_view head;  ///< for Attributive: the folded noun it qualifies ("statement")
    /// For an Event date told in a relative clause about an event noun ("a war that ended with a
    /// ceasefire in May 1994"): that noun ("ceasefire"). The date is the clause's and also the
    /// noun's, an event named in passing.
    std::string_view passing;
};

/// The dates of a sentence with their roles. `tokens` come from tokenize(sentence).
std::vector<RoledDate> dates_with_roles(std::string_view sentence, const std::vector<Token>& tokens,
                                        const DateContext& context);

/// An anaphoric time connective at the start of a clause, relative to the reference time:
/// "shortly after", "soon after", "later", "then", "the next day" (after it), "prior to this",
/// "earlier", "before that" (before it), "since then" (from it to the publication date).
enum class Connective { None, After, Before, SinceThen, Same };
Connective connective_at(const std::vector<Token>& tokens, std::size_t from, std::size_t to);

/// The reference time of the narrative.
class TimeAnchor {
public:
    TimeAnchor(std::optional<Date> publication, std::optional<DateRange> estimated);

    /// A new paragraph or list item begins. Background dates (year precision or older than a
    /// month before publication) do not carry into it unless it opens with a connective.
    void begin_passage(bool opens_with_connective, std::optional<DateRange> own_date);
    /// A later day the text is written on (a live blog's update heading): it becomes "now" for
    /// what follows ("on Sunday", "today"). Ignored unless after the current "now".
    void advance_now(Date d);
    /// The day a live blog's entries below a day heading were written on, earlier than "now" too
    /// (a blog with its newest day first): "now" for what follows, until the next heading.
    void set_now(Date d) { publication_ = d; }
    /// A date the text gave to an event: it becomes the reference time.
    void observe(const DateRange& d);

    /// The reference (the last event date, or the passage's own date); nullopt at the start.
    std::optional<DateRange> reference() const;
    /// Publication date (or the start of the estimated span).
    std::optional<Date> now() const { return publication_; }
    std::optional<DateRange> estimated() const { return estimated_; }

    /// The date of an undated clause: `present` when the text presents it as happening now
    /// (present tense, present perfect); `connective` as found at the start of the clause.
    std::optional<DateRange> undated(bool present, Connective connective) const;

private:
    std::optional<Date> publication_;
    std::optional<DateRange> estimated_;
    std::optional<DateRange> current_;     ///< last day/month-precision event date
    std::optional<DateRange> background_;  ///< last year-precision date, this passage only
    std::optional<DateRange> passage_date_;
};

}  // namespace sitmap::core::extract
