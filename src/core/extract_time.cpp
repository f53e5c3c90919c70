// Date roles and the narrative's reference time (see extract_time.hpp).
#include "core/extract_time.hpp"

#include "core/extract_lexicon.hpp"

#include <array>
#include <chrono>

namespace sitmap::core::extract {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

// Nouns that name an event a date can qualify ("the 10 November statement", "the war of 2020").
bool event_noun(std::string_view w) {
    return one_of(
        w,
        {"statement",  "declaration",  "agreement",   "ceasefire",  "accord",     "deal",        "decree",  "war",
         "truce",      "elections",    "election",    "referendum", "resolution", "ruling",      "order",   "offensive",
         "operation",  "summit",       "meeting",     "talks",      "document",   "protocol",    "treaty",  "clashes",
         "fighting",   "escalation",   "hostilities", "armistice",  "ceasefires", "conflict",    "attack",  "attacks",
         "invasion",   "blockade",     "handover",    "exodus",     "massacre",   "pogrom",      "pogroms", "events",
         "revolution", "independence", "vote",        "deadline",   "mandate",    "arrangement", "accords"});
}

// Adjectives that may stand between a date and its noun ("the 10 November trilateral statement").
bool noun_modifier(std::string_view w) {
    return one_of(w, {"trilateral",   "tripartite", "peace",     "ceasefire", "joint",    "four",       "day",
                      "44",           "six",        "first",     "second",    "karabakh", "nagorno",    "military",
                      "russian",      "brokered",   "moscow",    "sochi",     "prague",   "washington", "bishkek",
                      "humanitarian", "local",      "anti",      "terrorist", "full",     "scale",      "so",
                      "called",       "april",      "september", "november",  "rigged",   "snap",       "parliamentary",
                      "presidential", "and",        "the"});
}

bool superlative(std::string_view w) {
    if (one_of(w, {"first", "worst", "deadliest", "largest", "biggest", "heaviest", "most", "highest", "longest",
                   "fiercest", "bloodiest", "ever", "serious", "major", "time", "lowest", "strongest", "greatest"}))
        return true;
    return w.size() > 5 && w.ends_with("iest");
}

bool obligation(std::string_view w) {
    return one_of(w, {"must", "should",    "deadline", "ordered",  "order",     "obliged",  "required",
                      "will", "would",     "expected", "cease",    "plans",     "planned",  "set",
                      "due",  "scheduled", "supposed", "demanded", "ultimatum", "promised", "pledged"});
}

// The event noun a date directly before it qualifies ("1994 truce", "10 November trilateral
// statement"), or "": the first word after the date that is no modifier.
std::string_view qualified_noun(const std::vector<Token>& toks, std::size_t after) {
    for (std::size_t j = after; j < std::min(toks.size(), after + 4); ++j) {
        if (event_noun(toks[j].folded)) return toks[j].folded;
        if (!noun_modifier(toks[j].folded)) break;
    }
    return {};
}

// "a war that ended with a Russian-brokered ceasefire in May 1994", "the fighting, which ended in
// a truce on 5 April": the event noun right before "in"/"on" and the date at `k`, inside a
// relative clause ("that"/"which" and a past verb) opened at most six words before it; or "".
std::string_view relative_clause_noun(const std::vector<Token>& toks, std::size_t k) {
    if (k < 4 || (toks[k - 1].folded != "in" && toks[k - 1].folded != "on")) return {};
    const std::string_view noun = toks[k - 2].folded;
    if (!event_noun(noun)) return {};
    for (std::size_t j = k - 3; j + 9 > k && j > 0; --j)
        if ((toks[j - 1].folded == "that" || toks[j - 1].folded == "which") && is_past_form(toks[j].folded))
            return noun;
    return {};
}

std::size_t token_at(const std::vector<Token>& toks, std::size_t byte) {
    std::size_t k = 0;
    while (k < toks.size() && toks[k].begin < byte) ++k;
    return k;
}

DateRole role_of(const std::vector<Token>& toks, std::size_t k, std::size_t after, const DateMention& d,
                 const DateContext& ctx, std::string_view& head) {
    auto w = [&](std::size_t i) -> std::string_view { return i < toks.size() ? std::string_view(toks[i].folded) : ""; };
    auto before = [&](std::size_t n) -> std::string_view { return k >= n ? w(k - n) : ""; };
    // Biographical.
    if (before(1) == "born" || before(2) == "born" || (before(3) == "born" && before(1) == "in") || before(1) == "aged")
        return DateRole::Biographical;
    // Comparative: "the worst since 2016", "for the first time since 1994".
    // Also "the largest since the end of the second Karabakh war", "since the start of the war".
    std::size_t back = 1;
    while (back < 5 && one_of(before(back), {"the", "end", "start", "beginning", "outbreak", "of"})) ++back;
    if (before(1) == "since" || (before(2) == "since" && before(1) == "the") || w(k) == "since" ||
        (back > 1 && before(back) == "since")) {
        for (std::size_t b = k >= 8 ? k - 8 : 0; b < k; ++b)
            if (superlative(w(b))) {
                // "the heaviest since the 1994 truce": the date compares, and it also dates the
                // truce, an event named in passing.
                if (before(1) == "the" && d.kind != DateKind::Deictic)
                    if (const std::string_view noun = qualified_noun(toks, after); !noun.empty()) {
                        head = noun;
                        return DateRole::Attributive;
                    }
                return DateRole::Comparative;
            }
    }
    // Deadline: "by 1 January 2024", "no later than", "until <a date still ahead>".
    const bool future = ctx.publication && sys_days(d.range.start) > sys_days(*ctx.publication);
    if (before(1) == "by" || (before(1) == "than" && before(2) == "later") || before(1) == "deadline" ||
        ((before(1) == "until" || before(1) == "till" || before(1) == "before") && future)) {
        bool obliged = future;
        for (const auto& t : toks) obliged = obliged || obligation(t.folded);
        if (obliged) return DateRole::Deadline;
    }
    if (future && d.kind == DateKind::Absolute && (before(1) == "on" || before(1) == "in") && before(2) == "for")
        return DateRole::Deadline;  // "scheduled for 12 June"
    // Attributive: "the declaration of 9 November 2020", "the 2020 war", "the statement signed on ...".
    if (before(1) == "of" && event_noun(before(2))) {
        head = before(2);
        return DateRole::Attributive;
    }
    if ((before(1) == "the" || before(1) == "its" || before(1) == "their" || before(1) == "this" ||
         before(1) == "that") &&
        d.kind != DateKind::Deictic)
        if (const std::string_view noun = qualified_noun(toks, after); !noun.empty()) {
            head = noun;
            return DateRole::Attributive;
        }
    // "the statement signed on ...", "the operation launched on 27 September": a participle after
    // an event noun dates that noun.
    if ((before(1) == "on" || before(1) == "in") && (is_past_form(before(2)) || before(2) == "begun") &&
        (event_noun(before(3)) || event_noun(before(4)))) {
        head = event_noun(before(3)) ? before(3) : before(4);
        return DateRole::Attributive;
    }
    if ((before(1) == "on" || before(1) == "in") &&
        one_of(before(2), {"signed", "adopted", "concluded", "reached", "brokered", "issued", "published"})) {
        for (std::size_t b = k >= 6 ? k - 6 : 0; b + 2 < k; ++b)
            if (event_noun(w(b))) {
                head = w(b);
                return DateRole::Attributive;
            }
    }
    return DateRole::Event;
}

}  // namespace

std::vector<RoledDate> dates_with_roles(std::string_view sentence, const std::vector<Token>& tokens,
                                        const DateContext& context) {
    std::vector<RoledDate> out;
    for (const DateMention& d : find_dates(sentence, tokens, context)) {
        RoledDate r;
        r.mention = d;
        r.token = token_at(tokens, d.begin);
        const std::size_t after = token_at(tokens, d.end);
        r.role = role_of(tokens, r.token, after, d, context, r.head);
        if (r.role == DateRole::Event) r.passing = relative_clause_noun(tokens, r.token);
        out.push_back(r);
    }
    return out;
}

Connective connective_at(const std::vector<Token>& toks, std::size_t from, std::size_t to) {
    auto w = [&](std::size_t i) -> std::string_view {
        return i < to && i < toks.size() ? std::string_view(toks[i].folded) : "";
    };
    std::size_t i = from;
    if (one_of(w(i), {"and", "but", "so"})) ++i;
    const std::string_view a = w(i), b = w(i + 1), c = w(i + 2);
    if ((a == "shortly" || a == "soon" || a == "immediately") &&
        (b == "after" || b == "afterwards" || b == "thereafter"))
        return Connective::After;
    if (one_of(a, {"afterwards", "later", "subsequently", "thereafter", "then", "next"})) return Connective::After;
    if ((a == "after" || a == "following") && one_of(b, {"that", "this", "which", "the"})) return Connective::After;
    if (a == "the" && (b == "next" || b == "following") && (c == "day" || c == "morning")) return Connective::After;
    if (a == "prior" && b == "to" && one_of(c, {"this", "that", "it"})) return Connective::Before;
    if (a == "before" && one_of(b, {"that", "this"})) return Connective::Before;
    if (one_of(a, {"earlier", "previously", "beforehand"})) return Connective::Before;
    if ((a == "since" && (b == "then" || b == "that")) || (a == "ever" && b == "since")) return Connective::SinceThen;
    if (one_of(a, {"meanwhile", "simultaneously"}) || (a == "at" && b == "the" && c == "same")) return Connective::Same;
    return Connective::None;
}

TimeAnchor::TimeAnchor(std::optional<Date> publication, std::optional<DateRange> estimated)
    : publication_(publication), estimated_(estimated) {}

void TimeAnchor::begin_passage(bool opens_with_connective, std::optional<DateRange> own_date) {
    if (!opens_with_connective) background_.reset();
    passage_date_ = own_date;
    if (own_date && own_date->precision != DatePrecision::Year && own_date->precision != DatePrecision::Decade)
        current_ = own_date;
    // An old narrative date does not carry into a paragraph that does not continue it: a feature
    // moves from the history back to the news without saying so.
    if (current_ && publication_ && !opens_with_connective && !own_date) {
        const auto age = sys_days(*publication_) - sys_days(current_->end);
        if (age > days(31)) current_.reset();
    }
}

void TimeAnchor::advance_now(Date d) {
    if (publication_ && std::chrono::sys_days(d) > std::chrono::sys_days(*publication_)) publication_ = d;
}

void TimeAnchor::observe(const DateRange& d) {
    if (d.precision == DatePrecision::Year || d.precision == DatePrecision::Decade) {
        background_ = d;
    } else {
        current_ = d;
        background_.reset();
    }
}

std::optional<DateRange> TimeAnchor::reference() const {
    if (background_) return background_;
    if (current_) return current_;
    if (passage_date_) return passage_date_;
    return std::nullopt;
}

std::optional<DateRange> TimeAnchor::undated(bool present, Connective connective) const {
    const auto ref = reference();
    auto day = [](Date a) { return DateRange{a, a, DatePrecision::Day}; };
    if (ref) {
        switch (connective) {
            case Connective::After:
                return DateRange{ref->end, Date(sys_days(ref->end) + days(1)), DatePrecision::Day};
            case Connective::Before:
                return DateRange{Date(sys_days(ref->start) - days(30)), Date(sys_days(ref->start) - days(1)),
                                 DatePrecision::Month};
            case Connective::SinceThen:
                if (publication_ && sys_days(*publication_) >= sys_days(ref->start))
                    return DateRange{ref->start, *publication_, DatePrecision::Month};
                break;
            case Connective::Same:
            case Connective::None:
                break;
        }
    }
    if (present && publication_) return day(*publication_);
    if (present && estimated_) return estimated_;
    if (ref) return ref;
    if (publication_) return day(*publication_);
    return estimated_;
}

}  // namespace sitmap::core::extract
