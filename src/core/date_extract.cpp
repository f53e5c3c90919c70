#include "core/date_extract.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string>
#include <unordered_set>

namespace sitmap::core {

namespace {

// Russian month names as the tokenizer folds them (Cyrillic to Latin): the dates of Russian
// outlets' English pages ("15 июля 2021, 09:43"), in the genitive of dates and the nominative.
unsigned russian_month(std::string_view w) {
    static constexpr std::array<std::string_view, 12> genitive{"anvara",   "fevrala", "marta",  "aprela",
                                                               "maa",      "iuna",    "iula",   "avgusta",
                                                               "sentabra", "oktabra", "noabra", "dekabra"};
    static constexpr std::array<std::string_view, 12> nominative{
        "anvar", "fevral", "mart", "aprel", "maj", "iun", "iul", "avgust", "sentabr", "oktabr", "noabr", "dekabr"};
    for (std::size_t i = 0; i < 12; ++i)
        if (w == genitive[i] || w == nominative[i]) return static_cast<unsigned>(i + 1);
    return 0;
}

using namespace std::chrono;

sys_days sd(Date d) {
    return sys_days(d);
}
Date from_sd(sys_days s) {
    return Date(s);
}
Date add_days(Date d, int n) {
    return from_sd(sd(d) + days(n));
}

// Adds whole months, clamping to the month's last day (31 Oct - 1 month = 30 Sep).
Date add_months(Date d, int n) {
    year_month ym = year_month(d.year(), d.month()) + months(n);
    const auto last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
    return Date(ym.year(), ym.month(), d.day() > last ? last : d.day());
}

Date first_of_month(Date d) {
    return Date(d.year(), d.month(), day(1));
}
Date last_of_month(year y, month m) {
    return Date(year_month_day_last(y, month_day_last(m)));
}

DateRange day_range(Date a, Date b, DatePrecision p = DatePrecision::Day) {
    return DateRange{a, b, p};
}
DateRange one_day(Date d) {
    return DateRange{d, d, DatePrecision::Day};
}
DateRange whole_month(int y, unsigned m) {
    return DateRange{Date(year(y), month(m), day(1)), last_of_month(year(y), month(m)), DatePrecision::Month};
}
DateRange whole_year(int y) {
    return DateRange{Date(year(y), January, day(1)), Date(year(y), December, day(31)), DatePrecision::Year};
}

bool to_int(std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}

int number_word(std::string_view w) {
    static constexpr std::array<std::string_view, 13> words{"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                                            "seven", "eight", "nine", "ten",   "eleven", "twelve"};
    for (std::size_t i = 0; i < words.size(); ++i)
        if (w == words[i]) return static_cast<int>(i);
    if (w == "a" || w == "an") return 1;
    if (w == "several" || w == "few" || w == "a few") return 3;
    int n = 0;
    if (to_int(w, n) && n > 0 && n < 100) return n;
    return -1;
}

// Ordinal day "29th", "1st", "2nd", "3rd" or plain "29".
int day_number_of(std::string_view w) {
    std::string_view digits = w;
    if (w.size() > 2 && (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th")))
        digits = w.substr(0, w.size() - 2);
    int d = 0;
    if (!to_int(digits, d) || d < 1 || d > 31) return -1;
    return d;
}

class Scanner {
public:
    Scanner(std::string_view text, const std::vector<Token>& tokens, DateContext ctx)
        : text_(text), t_(tokens), ctx_(ctx) {}

    std::vector<DateMention> run() {
        for (std::size_t i = 0; i < t_.size();) {
            if (!may_start_date(i)) {
                ++i;
                continue;
            }
            std::size_t used = 0;
            std::optional<DateMention> m = try_at(i, used);
            if (m) {
                if (m->range.precision == DatePrecision::Day && m->kind != DateKind::Since)
                    ctx_.narrative = m->range.start;
                out_.push_back(*m);
                i += used;
            } else {
                ++i;
            }
        }
        return std::move(out_);
    }

private:
    // A cheap test run on every token before the grammar: only digits and the words below can begin
    // a date expression (try_at and relative_at start with nothing else). Keeps the scan at one hash
    // lookup per ordinary word.
    bool may_start_date(std::size_t i) const {
        const std::string& a = t_[i].folded;
        if (a.empty()) return false;
        if (a[0] >= '0' && a[0] <= '9') return true;
        static const std::unordered_set<std::string_view, FoldedHash> starters = [] {
            std::unordered_set<std::string_view, FoldedHash> s;
            for (std::string_view w :
                 {"january",     "february", "march",    "april",     "may",       "june",   "july",      "august",
                  "september",   "october",  "november", "december",  "jan",       "feb",    "mar",       "apr",
                  "jun",         "jul",      "aug",      "sep",       "sept",      "oct",    "nov",       "dec",
                  "sunday",      "monday",   "tuesday",  "wednesday", "thursday",  "friday", "saturday",  "sun",
                  "mon",         "tue",      "tues",     "wed",       "thu",       "thur",   "thurs",     "fri",
                  "sat",         "spring",   "summer",   "fall",      "autumn",    "winter", "soviet",    "second",
                  "first",       "today",    "tonight",  "this",      "yesterday", "day",    "tomorrow",  "overnight",
                  "last",        "past",     "previous", "recently",  "recent",    "weeks",  "following", "next",
                  "lasted",      "zero",     "one",      "two",       "three",     "four",   "five",      "six",
                  "seven",       "eight",    "nine",     "ten",       "eleven",    "twelve", "several",   "few",
                  "dissolution", "collapse", "breakup"})
                s.insert(w);
            return s;
        }();
        // Two-letter prefixes of the starters: most words are rejected without hashing.
        static const std::array<bool, 26 * 26> prefixes = [] {
            std::array<bool, 26 * 26> p{};
            for (std::string_view w : starters)
                if (w.size() >= 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z')
                    p[static_cast<std::size_t>(w[0] - 'a') * 26 + static_cast<std::size_t>(w[1] - 'a')] = true;
            return p;
        }();
        const bool known_prefix =
            a.size() >= 2 && a[0] >= 'a' && a[0] <= 'z' && a[1] >= 'a' && a[1] <= 'z' &&
            prefixes[static_cast<std::size_t>(a[0] - 'a') * 26 + static_cast<std::size_t>(a[1] - 'a')];
        if (known_prefix && starters.count(a)) return true;
        if (a == "the")  // "on the 29th", "on the evening of the 16th"
            return i > 0 && (w(i - 1) == "on" || (w(i - 1) == "of" && day_number_of(w(i + 1)) > 0));
        if (a == "a" || a == "an") {  // "a week ago", "a day later"
            const std::string& after = w(i + 2);
            return after == "ago" || after == "later" || after == "earlier";
        }
        return false;
    }

    std::string_view text_;
    const std::vector<Token>& t_;
    DateContext ctx_;
    std::vector<DateMention> out_;

    const std::string& w(std::size_t i) const {
        static const std::string empty;
        return i < t_.size() ? t_[i].folded : empty;
    }
    std::string_view gap(std::size_t i) const {  // text between token i-1 and token i
        if (i == 0 || i >= t_.size()) return {};
        return text_.substr(t_[i - 1].end, t_[i].begin - t_[i - 1].end);
    }
    static std::string_view trim(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
            s.remove_suffix(1);
        return s;
    }
    static bool is_dash(std::string_view g) {
        g = trim(g);
        return g == "-" || g == "\xE2\x80\x93" || g == "\xE2\x80\x94" || g == "/";  // - – — or /
    }
    bool plain_gap(std::size_t i) const {  // only spaces (and at most a comma or period) between
        auto g = trim(gap(i));
        return g.empty() || g == "," || g == ".";
    }

    std::optional<Date> reference() const { return ctx_.publication ? ctx_.publication : ctx_.narrative; }
    std::optional<Date> anchor() const { return ctx_.narrative ? ctx_.narrative : ctx_.publication; }

    // The year of a day/month written without one. With a narrative date (the reference time of
    // the text), the year that puts the date nearest it, never more than a week after publication;
    // otherwise the publication year, or the year before when the date would otherwise fall more
    // than a week after publication.
    std::optional<int> infer_year(unsigned m, unsigned d) const {
        if (ctx_.year) return ctx_.year;
        if (ctx_.narrative && !ctx_.publication) {
            // The year that puts the date nearest the narrative date, never more than a week after
            // publication; narratives move forward, so a later date counts as 60 days nearer (a
            // chronology's "12 June" after "December 2020" is 2021).
            const int ny = static_cast<int>(ctx_.narrative->year());
            std::optional<int> best;
            long best_gap = 0;
            for (int y = ny - 1; y <= ny + 1; ++y) {
                const Date cand(year(y), month(m), day(d == 0 ? 1 : d));
                if (!cand.ok()) continue;
                if (ctx_.publication && sd(cand) > sd(*ctx_.publication) + days(7)) continue;
                const long diff = (sd(cand) - sd(*ctx_.narrative)).count();
                const long gap = diff >= 0 ? std::max(0L, diff - 60) : -diff;
                if (!best || gap < best_gap) {
                    best = y;
                    best_gap = gap;
                }
            }
            if (best) return best;
        }
        const auto ref = ctx_.publication;
        if (!ref) return std::nullopt;
        int y = static_cast<int>(ref->year());
        Date cand(year(y), month(m), day(d == 0 ? 1 : d));
        if (cand.ok() && sd(cand) > sd(*ref) + days(7)) --y;
        return y;
    }

    DateMention make(std::size_t first, std::size_t last_inclusive, DateRange r, DateKind k) const {
        return DateMention{t_[first].begin, t_[last_inclusive].end, r, k};
    }

    bool year_token(std::size_t i, int& y) const {
        if (i >= t_.size() || !t_[i].numeric || w(i).size() != 4) return false;
        return to_int(w(i), y) && y >= 1900 && y <= 2099;
    }

    std::optional<DateMention> try_at(std::size_t i, std::size_t& used) {
        const std::string& a = w(i);
        int n = 0;
        // ISO 2023-09-19
        if (t_[i].numeric && a.size() == 4 && i + 2 < t_.size() && trim(gap(i + 1)) == "-" && trim(gap(i + 2)) == "-" &&
            gap(i + 1).size() == 1 && gap(i + 2).size() == 1) {
            int y = 0, m = 0, d = 0;
            if (to_int(a, y) && to_int(w(i + 1), m) && to_int(w(i + 2), d)) {
                Date dt(year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d)));
                if (dt.ok()) {
                    used = 3;
                    return make(i, i + 2, one_day(dt), DateKind::Absolute);
                }
            }
        }
        // Numeric 10/27/2020 (US order unless the first number cannot be a month) or 27.10.2020.
        if (t_[i].numeric && a.size() <= 2 && i + 2 < t_.size()) {
            const auto g1 = gap(i + 1), g2 = gap(i + 2);
            const bool slash = g1 == "/" && g2 == "/";
            const bool dot = g1 == "." && g2 == ".";
            int p = 0, q = 0, y = 0;
            if ((slash || dot) && to_int(a, p) && to_int(w(i + 1), q) && to_int(w(i + 2), y) && w(i + 2).size() == 4) {
                int m = slash && !ctx_.day_first ? p : q, d = slash && !ctx_.day_first ? q : p;
                if (slash && (ctx_.day_first ? q > 12 : p > 12)) std::swap(m, d);
                Date dt(year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d)));
                if (dt.ok()) {
                    used = 3;
                    return make(i, i + 2, one_day(dt), DateKind::Absolute);
                }
            }
        }
        // Weekday directly followed by a date ("Tuesday 19 September 2023", "Tue, 10/27/2020"): let
        // the date speak; the weekday is skipped.
        if (weekday_from_word(a, true) >= 0 && i + 1 < t_.size() && t_[i + 1].numeric) return std::nullopt;
        // D Month [YYYY] and D-D Month [YYYY]
        if (int d = day_number_of(a); d > 0 && i + 1 < t_.size()) {
            std::size_t j = i + 1;
            int d2 = -1;
            if (is_dash(gap(j)) && day_number_of(w(j)) > 0) {
                d2 = day_number_of(w(j));
                ++j;
            } else if (w(j) == "and" && day_number_of(w(j + 1)) > 0) {
                d2 = day_number_of(w(j + 1));
                j += 2;
            }
            if (w(j) == "of") ++j;
            if (unsigned m = month_from_word(w(j)); m && accept_month_token(j, true)) {
                return finish_day_month(i, j, m, d, d2, used);
            }
        }
        // Month D[-D][, YYYY] | Month YYYY | Month
        if (unsigned m = month_from_word(a); m) {
            std::size_t j = i + 1;
            int d = j < t_.size() ? day_number_of(w(j)) : -1;
            if (d > 0 && !(t_[j].numeric && w(j).size() == 4)) {
                int d2 = -1;
                std::size_t last = j;
                if (j + 1 < t_.size() && is_dash(gap(j + 1)) && day_number_of(w(j + 1)) > 0 &&
                    !(w(j + 1).size() == 4)) {
                    d2 = day_number_of(w(j + 1));
                    last = j + 1;
                }
                int y = 0;
                std::optional<int> yy;
                if (year_token(last + 1, y) && plain_gap(last + 1)) {
                    yy = y;
                    ++last;
                }
                if (!accept_month_token(i, true)) return std::nullopt;
                return resolve_day_month(i, last, m, d, d2, yy, used);
            }
            if (!accept_month_token(i, false)) return std::nullopt;
            int y = 0;
            if (year_token(i + 1, y)) {
                used = 2;
                if (i > 0 && w(i - 1) == "since")
                    return since(i - 1, i + 1, whole_month(y, m));  // "since December 2022"
                return make(i, i + 1, whole_month(y, m), DateKind::Absolute);
            }
            if (auto yy = infer_year(m, 1)) {
                used = 1;
                DateMention dm = make(i, i, whole_month(*yy, m), DateKind::Inferred);
                if (i > 0 && w(i - 1) == "since") return since(i - 1, i, dm.range);
                return dm;
            }
            return std::nullopt;
        }
        // Decades: "the 1990s"
        if (a.size() == 5 && a.back() == 's' && to_int(std::string_view(a).substr(0, 4), n) && n >= 1900 && n <= 2090 &&
            n % 10 == 0) {
            used = 1;
            DateRange r{Date(year(n), January, day(1)), Date(year(n + 9), December, day(31)), DatePrecision::Year};
            return make(i, i, r, DateKind::Absolute);
        }
        // Seasons: "(the) fall of 2020", "summer 2023"
        if (a == "spring" || a == "summer" || a == "fall" || a == "autumn" || a == "winter") {
            std::size_t j = i + 1;
            if (w(j) == "of") ++j;
            int y = 0;
            if (year_token(j, y)) {
                used = j - i + 1;
                unsigned m0 = a == "spring" ? 3 : a == "summer" ? 6 : (a == "winter" ? 12 : 9);
                Date s(year(y), month(m0), day(1));
                Date e = add_days(add_months(s, 3), -1);
                return make(i, j, DateRange{s, e, DatePrecision::Month}, DateKind::Absolute);
            }
        }
        // A bare year: "in 2020", "the 2020 war", "since 1991".
        if (int y = 0; year_token(i, y)) {
            const std::string& prev = i > 0 ? w(i - 1) : std::string();
            static constexpr std::array<std::string_view, 9> quantity{
                "over", "than", "about", "nearly", "some", "around", "almost", "approximately", "to"};
            for (auto q : quantity)
                if (prev == q) return std::nullopt;
            const auto g = gap(i);
            if (!g.empty() && (g.back() == '$' || g.back() == ',')) {
                if (i >= 1 && t_[i - 1].numeric) return std::nullopt;  // "10,000"
            }
            if (i + 1 < t_.size() && (gap(i + 1) == "," || gap(i + 1) == ".") && t_[i + 1].numeric) return std::nullopt;
            // A span of years: "1991-94", "1992–1994", "1988-1994".
            if (i + 1 < t_.size() && t_[i + 1].numeric && is_dash(gap(i + 1))) {
                int y2 = 0;
                if (w(i + 1).size() == 2 && to_int(w(i + 1), y2))
                    y2 += (y / 100) * 100;
                else if (!year_token(i + 1, y2))
                    y2 = 0;
                if (y2 > y && y2 - y <= 30) {
                    used = 2;
                    DateRange r{Date(year(y), January, day(1)), Date(year(y2), December, day(31)), DatePrecision::Year};
                    return make(i, i + 1, r, DateKind::Absolute);
                }
            }
            used = 1;
            DateMention dm = make(i, i, whole_year(y), DateKind::Absolute);
            if (prev == "since") return since(i - 1, i, dm.range);
            if (prev == "early" || prev == "late" || prev == "mid") dm.begin = t_[i - 1].begin;
            return dm;
        }
        return relative_at(i, used);
    }

    // Capitalisation rules keep "may", "march" and "sat" the verbs they usually are.
    bool accept_month_token(std::size_t j, bool with_day) const {
        const std::string& m = w(j);
        if (m == "may" || m == "march") {
            if (!t_[j].capitalized) return false;
            if (with_day) return true;
            const std::string& prev = j > 0 ? w(j - 1) : std::string();
            int y = 0;
            return prev == "in" || prev == "since" || prev == "of" || prev == "until" || prev == "early" ||
                   prev == "late" || prev == "mid" || prev == "by" || year_token(j + 1, y);
        }
        if (russian_month(m) != 0) return with_day;         // written in lower case after a day: "15 июля"
        if (m.size() <= 4 && m != "june" && m != "july") {  // abbreviations must be capitalised
            return t_[j].capitalized;
        }
        return t_[j].capitalized || with_day;
    }

    std::optional<DateMention> finish_day_month(std::size_t i, std::size_t mj, unsigned m, int d, int d2,
                                                std::size_t& used) {
        std::size_t last = mj;
        int y = 0;
        std::optional<int> yy;
        if (year_token(mj + 1, y) && plain_gap(mj + 1)) {
            yy = y;
            ++last;
        }
        return resolve_day_month(i, last, m, d, d2, yy, used);
    }

    std::optional<DateMention> resolve_day_month(std::size_t i, std::size_t last, unsigned m, int d, int d2,
                                                 std::optional<int> yy, std::size_t& used) {
        DateKind kind = DateKind::Absolute;
        if (!yy) {
            yy = infer_year(m, static_cast<unsigned>(d));
            kind = DateKind::Inferred;
            if (!yy) return std::nullopt;
        }
        Date s(year(*yy), month(m), day(static_cast<unsigned>(d)));
        Date e = d2 > 0 ? Date(year(*yy), month(m), day(static_cast<unsigned>(d2))) : s;
        if (!s.ok() || !e.ok() || sd(e) < sd(s)) return std::nullopt;
        used = last - i + 1;
        DateMention dm = make(i, last, day_range(s, e), kind);
        if (i > 0 && w(i - 1) == "since") return since(i - 1, last, dm.range);
        return dm;
    }

    // "since X": from X to the reference (the narrative date if there is one, else publication).
    std::optional<DateMention> since(std::size_t first, std::size_t last, DateRange from) {
        auto ref = anchor();
        // A narrative date inside X itself ("In 1992-1994, ... Talks have been ongoing since 1992")
        // cannot close the span: it runs to the publication.
        if (ref && sd(*ref) <= sd(from.end) && ctx_.publication && sd(*ctx_.publication) > sd(from.end))
            ref = ctx_.publication;
        if (!ref || sd(*ref) < sd(from.start)) return make(first, last, from, DateKind::Absolute);
        DateRange r{from.start, *ref, from.precision};
        DateMention dm = make(first, last, r, DateKind::Since);
        return dm;
    }

    std::optional<DateMention> relative_at(std::size_t i, std::size_t& used) {
        const std::string& a = w(i);
        const auto pub = reference();
        // Named periods of the conflict's history (general knowledge, not tied to any document).
        // "the dissolution (collapse, breakup, fall) of the Soviet Union / USSR": 26 December 1991.
        if ((a == "dissolution" || a == "collapse" || a == "breakup" || a == "fall") && w(i + 1) == "of" &&
            w(i + 2) == "the" && (w(i + 3) == "ussr" || (w(i + 3) == "soviet" && w(i + 4) == "union"))) {
            used = w(i + 3) == "ussr" ? 4 : 5;
            return make(i, i + used - 1, one_day(Date(year(1991), December, day(26))), DateKind::Absolute);
        }
        if (a == "soviet" && (w(i + 1) == "times" || w(i + 1) == "era" || w(i + 1) == "period" || w(i + 1) == "rule")) {
            used = 2;
            return make(i, i + 1,
                        DateRange{Date(year(1922), December, day(30)), Date(year(1991), December, day(26)),
                                  DatePrecision::Year},
                        DateKind::Absolute);
        }
        {
            // "the Second (Nagorno-)Karabakh War", "the 44-day war", "the First Karabakh War"
            std::size_t j = i;
            int which = 0;
            if (a == "second" || a == "first") {
                which = a == "second" ? 2 : 1;
                ++j;
                if (w(j) == "nagorno" || w(j) == "nagorny") ++j;
                if (w(j) != "karabakh" && w(j) != "karabagh") which = 0;
                ++j;
            } else if (a == "44" && w(i + 1) == "day") {
                which = 2;
                j = i + 2;
            }
            if (which && w(j) == "war") {
                used = j - i + 1;
                // "The Second Karabakh War" names the 2020 war as a whole (year precision, as "the 2020
                // war"); only "the 44-day war" counts its days.
                const DateRange r =
                    which == 2 ? (a == "44" ? DateRange{Date(year(2020), September, day(27)),
                                                        Date(year(2020), November, day(10)), DatePrecision::Day}
                                            : whole_year(2020))
                               : DateRange{Date(year(1988), February, day(20)), Date(year(1994), May, day(12)),
                                           DatePrecision::Year};
                return make(i, j, r, DateKind::Absolute);
            }
        }
        // Deictic days.
        if (pub) {
            if (a == "today" || a == "tonight") {
                used = 1;
                return make(i, i, one_day(*pub), DateKind::Deictic);
            }
            if (a == "this" && (w(i + 1) == "morning" || w(i + 1) == "afternoon" || w(i + 1) == "evening")) {
                used = 2;
                return make(i, i + 1, one_day(*pub), DateKind::Deictic);
            }
            if (a == "yesterday") {
                used = 1;
                return make(i, i, one_day(add_days(*pub, -1)), DateKind::Deictic);
            }
            if (a == "day" && w(i + 1) == "before" && w(i + 2) == "yesterday") {
                used = 3;
                return make(i, i + 2, one_day(add_days(*pub, -2)), DateKind::Deictic);
            }
            if (a == "tomorrow") {
                used = 1;
                return make(i, i, one_day(add_days(*pub, 1)), DateKind::Deictic);
            }
            if (a == "last" && (w(i + 1) == "night" || w(i + 1) == "evening")) {
                used = 2;
                return make(i, i + 1, day_range(add_days(*pub, -1), *pub), DateKind::Deictic);
            }
            // "overnight into Saturday", "overnight to Tuesday": the night before that weekday.
            if (a == "overnight" && (w(i + 1) == "into" || w(i + 1) == "to") &&
                weekday_from_word(w(i + 2), false) >= 0) {
                const weekday target{static_cast<unsigned>(weekday_from_word(w(i + 2), false))};
                const int back = static_cast<int>((weekday{sd(*pub)} - target).count());  // 0..6
                const Date d = add_days(*pub, -back);
                used = 3;
                return make(i, i + 2, day_range(add_days(d, -1), d), DateKind::Deictic);
            }
            if (a == "overnight") {  // the night before the dateline, like "last night"
                used = 1;
                return make(i, i, day_range(add_days(*pub, -1), *pub), DateKind::Deictic);
            }
            if ((a == "last" || a == "past" || a == "previous") && w(i + 1) == "week" && w(i - 1) != "the") {
                used = 2;
                const weekday wd{sd(*pub)};
                const Date monday = add_days(*pub, -static_cast<int>((wd.c_encoding() + 6) % 7));
                return make(i, i + 1, day_range(add_days(monday, -7), add_days(monday, -1)), DateKind::Deictic);
            }
            if (a == "this" && w(i + 1) == "week") {
                used = 2;
                const weekday wd{sd(*pub)};
                const Date monday = add_days(*pub, -static_cast<int>((wd.c_encoding() + 6) % 7));
                return make(i, i + 1, day_range(monday, *pub), DateKind::Deictic);
            }
            if (a == "last" && w(i + 1) == "month" && w(i - 1) != "the") {
                used = 2;
                const Date prev = add_months(first_of_month(*pub), -1);
                return make(i, i + 1, whole_month(static_cast<int>(prev.year()), static_cast<unsigned>(prev.month())),
                            DateKind::Deictic);
            }
            if (a == "this" && w(i + 1) == "month") {
                used = 2;
                return make(i, i + 1, DateRange{first_of_month(*pub), *pub, DatePrecision::Month}, DateKind::Deictic);
            }
            if (a == "last" && w(i + 1) == "year" && w(i - 1) != "the") {
                used = 2;
                return make(i, i + 1, whole_year(static_cast<int>(pub->year()) - 1), DateKind::Deictic);
            }
            if (a == "this" && w(i + 1) == "year") {
                used = 2;
                return make(i, i + 1, DateRange{Date(pub->year(), January, day(1)), *pub, DatePrecision::Year},
                            DateKind::Deictic);
            }
            if (a == "recently" || (a == "recent" && (w(i + 1) == "days" || w(i + 1) == "weeks"))) {
                used = a == "recently" ? 1 : 2;
                const Date s = first_of_month(add_days(*pub, -49));
                return make(i, i + used - 1, DateRange{s, *pub, DatePrecision::Month}, DateKind::Deictic);
            }
            // "in the last few months", "over the past year", "in recent months", "weeks of clashes"
            if ((a == "last" || a == "past") && i + 1 < t_.size()) {
                std::size_t j = i + 1;
                int count = 1;
                if (w(j) == "few" || w(j) == "several") {
                    count = 3;
                    ++j;
                } else if (int nw = number_word(w(j)); nw > 0 && w(j) != "a") {
                    count = nw;
                    ++j;
                }
                const std::string& unit = w(j);
                if (w(i - 1) == "the" && (unit == "months" || unit == "month" || unit == "year" || unit == "years" ||
                                          unit == "weeks" || unit == "days")) {
                    used = j - i + 1;
                    if (unit == "months" || unit == "month")
                        return make(i, j, DateRange{add_months(*pub, -count), add_days(*pub, -1), DatePrecision::Month},
                                    DateKind::Since);
                    if (unit == "year" || unit == "years")
                        return make(i, j, DateRange{add_months(*pub, -12 * count), *pub, DatePrecision::Month},
                                    DateKind::Since);
                    if (unit == "weeks")
                        return make(i, j, DateRange{add_days(*pub, -7 * count), add_days(*pub, -1), DatePrecision::Day},
                                    DateKind::Since);
                    return make(i, j, DateRange{add_days(*pub, -count), add_days(*pub, -1), DatePrecision::Day},
                                DateKind::Since);
                }
            }
            if (a == "recent" && w(i + 1) == "months") {
                used = 2;
                return make(i, i + 1, DateRange{add_months(*pub, -3), add_days(*pub, -1), DatePrecision::Month},
                            DateKind::Since);
            }
            if (a == "weeks" && (w(i + 1) == "of" || w(i - 1) == "for" || w(i - 1) == "recent")) {
                used = 1;
                return make(i, i, DateRange{add_days(*pub, -30), add_days(*pub, -1), DatePrecision::Month},
                            DateKind::Since);
            }
            // "N days/weeks ago"
            if (int nw = number_word(a); nw > 0 && (w(i + 2) == "ago")) {
                const std::string& unit = w(i + 1);
                Date d = *pub;
                DatePrecision p = DatePrecision::Day;
                if (unit == "day" || unit == "days")
                    d = add_days(*pub, -nw);
                else if (unit == "week" || unit == "weeks")
                    d = add_days(*pub, -7 * nw);
                else if (unit == "month" || unit == "months") {
                    d = add_months(*pub, -nw);
                    p = DatePrecision::Month;
                } else if (unit == "year" || unit == "years") {
                    d = add_months(*pub, -12 * nw);
                    p = DatePrecision::Year;
                } else
                    return std::nullopt;
                used = 3;
                // "four years ago", "two months ago": that year, that month (as the guide dates a
                // year- or month-precision mention), not the day exactly so long before.
                DateRange r{d, d, p};
                if (p == DatePrecision::Year)
                    r = DateRange{Date(d.year(), std::chrono::January, std::chrono::day(1)),
                                  Date(d.year(), std::chrono::December, std::chrono::day(31)), p};
                else if (p == DatePrecision::Month)
                    r = DateRange{
                        Date(d.year(), d.month(), std::chrono::day(1)),
                        Date(std::chrono::year_month_day_last(d.year(), std::chrono::month_day_last(d.month()))), p};
                return make(i, i + 2, r, DateKind::Deictic);
            }
            // Weekdays: "on Tuesday", "Sunday night", "at midnight on Friday", "next Monday".
            if (int wd = weekday_from_word(a, false); wd >= 0) {
                const weekday target{static_cast<unsigned>(wd)};
                const weekday pubwd{sd(*pub)};
                used = 1;
                if (w(i - 1) == "next") {
                    int ahead = static_cast<int>((target - pubwd).count());
                    if (ahead == 0) ahead = 7;
                    return make(i - 1, i, one_day(add_days(*pub, ahead)), DateKind::Deictic);
                }
                // "the Sunday before", "the previous Sunday": the last such day before the
                // narrative's date, not the publication's.
                if (ctx_.narrative && (w(i + 1) == "before" || w(i - 1) == "previous" || w(i - 1) == "preceding")) {
                    const weekday refwd{sd(*ctx_.narrative)};
                    int before = static_cast<int>((refwd - target).count());
                    if (before == 0) before = 7;
                    const bool after = w(i + 1) == "before";
                    return make(after ? i : i - 1, after ? i + 1 : i, one_day(add_days(*ctx_.narrative, -before)),
                                DateKind::Anaphoric);
                }
                int back = static_cast<int>((pubwd - target).count());  // 0..6
                // "last Saturday" in a Saturday's text is a week ago, not today.
                const bool last = w(i - 1) == "last" && w(i - 2) != "the";
                if (last && back == 0) back = 7;
                const Date d = add_days(*pub, -back);
                if (last) return make(i - 1, i, one_day(d), DateKind::Deictic);
                if (i >= 2 && w(i - 1) == "on" && w(i - 2) == "midnight")
                    return make(i - 2, i, day_range(d, add_days(d, 1)), DateKind::Deictic);
                if (w(i + 1) == "night" || w(i + 1) == "morning" || w(i + 1) == "evening" || w(i + 1) == "afternoon") {
                    used = 2;
                    return make(i, i + 1, one_day(d), DateKind::Deictic);
                }
                return make(i, i, one_day(d), DateKind::Deictic);
            }
            // "On the 29th", "on the evening of the 16th": a day of the reference month (the
            // narrative's when the text is telling a story, else the publication's; or the month
            // before).
            const bool of_part =
                i >= 3 && w(i - 1) == "of" && w(i - 3) == "the" &&
                (w(i - 2) == "evening" || w(i - 2) == "morning" || w(i - 2) == "night" || w(i - 2) == "afternoon");
            if (a == "the" && i > 0 && (w(i - 1) == "on" || of_part) && i + 1 < t_.size()) {
                const std::string& o = w(i + 1);
                if (o.size() > 2 &&
                    (o.ends_with("th") || o.ends_with("st") || o.ends_with("nd") || o.ends_with("rd")) &&
                    day_number_of(o) > 0 && month_from_word(w(i + 2)) == 0 && w(i + 2) != "of") {
                    const int d = day_number_of(o);
                    const Date base = ctx_.narrative && sd(*ctx_.narrative) <= sd(*pub) ? *ctx_.narrative : *pub;
                    Date cand(base.year(), base.month(), day(static_cast<unsigned>(d)));
                    if (!cand.ok() || sd(cand) > sd(*pub)) {
                        const Date prev = add_months(first_of_month(base), -1);
                        cand = Date(prev.year(), prev.month(), day(static_cast<unsigned>(d)));
                    }
                    if (cand.ok()) {
                        used = 2;
                        return make(i, i + 1, one_day(cand), DateKind::Deictic);
                    }
                }
            }
        }
        // Anaphoric: relative to the previous date in the text.
        if (ctx_.narrative && a == "lasted" && number_word(w(i + 1)) > 0 &&
            (w(i + 2) == "days" || w(i + 2) == "weeks")) {
            const int n = number_word(w(i + 1)) * (w(i + 2) == "weeks" ? 7 : 1);
            used = 3;
            return make(i, i + 2, day_range(*ctx_.narrative, add_days(*ctx_.narrative, n)), DateKind::Anaphoric);
        }
        if (const auto anc = anchor()) {
            if ((a == "following" || a == "next") && w(i + 1) == "day" && w(i - 1) == "the") {
                used = 2;
                return make(i, i + 1, one_day(add_days(*anc, 1)), DateKind::Anaphoric);
            }
            if ((a == "previous" && w(i + 1) == "day") ||
                (a == "day" && w(i + 1) == "before" && w(i + 2) != "yesterday" && w(i - 1) == "the")) {
                used = 2;
                return make(i, i + 1, one_day(add_days(*anc, -1)), DateKind::Anaphoric);
            }
            if (int nw = number_word(a); nw > 0 && (w(i + 2) == "later" || w(i + 2) == "earlier")) {
                const std::string& unit = w(i + 1);
                const int sign = w(i + 2) == "later" ? 1 : -1;
                int days_n = 0;
                if (unit == "day" || unit == "days")
                    days_n = nw;
                else if (unit == "week" || unit == "weeks")
                    days_n = 7 * nw;
                if (days_n > 0) {
                    used = 3;
                    return make(i, i + 2, one_day(add_days(*anc, sign * days_n)), DateKind::Anaphoric);
                }
            }
        }
        return std::nullopt;
    }
};

}  // namespace

int weekday_from_word(std::string_view w, bool allow_abbrev) {
    static constexpr std::array<std::string_view, 7> full{"sunday",   "monday", "tuesday", "wednesday",
                                                          "thursday", "friday", "saturday"};
    static constexpr std::array<std::string_view, 7> abbr{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (std::size_t i = 0; i < 7; ++i) {
        if (w == full[i]) return static_cast<int>(i);
        if (allow_abbrev && (w == abbr[i] || (i == 2 && w == "tues") || (i == 4 && (w == "thur" || w == "thurs"))))
            return static_cast<int>(i);
    }
    return -1;
}

unsigned month_from_word(std::string_view w) {
    static constexpr std::array<std::string_view, 12> full{"january",   "february", "march",    "april",
                                                           "may",       "june",     "july",     "august",
                                                           "september", "october",  "november", "december"};
    for (std::size_t i = 0; i < 12; ++i)
        if (w == full[i]) return static_cast<unsigned>(i + 1);
    static constexpr std::array<std::string_view, 12> abbr{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t i = 0; i < 12; ++i)
        if (w == abbr[i]) return static_cast<unsigned>(i + 1);
    if (w == "sept") return 9;
    return russian_month(w);
}

std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& tokens, DateContext context) {
    return Scanner(text, tokens, context).run();
}

bool numeric_dates_day_first(std::string_view text) {
    // Slash dates a/b/yyyy, in order.
    struct Slash {
        int a, b, y;
        std::size_t at;
    };
    std::vector<Slash> slashes;
    auto digits = [&](std::size_t i, std::size_t& j) {
        j = i;
        while (j < text.size() && j - i < 4 && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        return j > i;
    };
    for (std::size_t i = 0; i + 7 < text.size() && slashes.size() < 64; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])) ||
            (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))))
            continue;
        std::size_t j1 = 0, j2 = 0, j3 = 0;
        if (!digits(i, j1) || j1 - i > 2 || j1 >= text.size() || text[j1] != '/') continue;
        if (!digits(j1 + 1, j2) || j2 - j1 - 1 > 2 || j2 >= text.size() || text[j2] != '/') continue;
        if (!digits(j2 + 1, j3) || j3 - j2 - 1 != 4) continue;
        int a = 0, b = 0, y = 0;
        to_int(text.substr(i, j1 - i), a);
        to_int(text.substr(j1 + 1, j2 - j1 - 1), b);
        to_int(text.substr(j2 + 1, 4), y);
        slashes.push_back({a, b, y, i});
        i = j3;
    }
    for (const Slash& s : slashes) {
        if (s.a > 12 && s.b <= 12) return true;
        if (s.b > 12 && s.a <= 12) return false;
    }
    const auto& tokens = tokenize_remembered(text.substr(0, std::min<std::size_t>(text.size(), 200000)));
    if (!slashes.empty()) {
        const Slash& s = slashes.front();
        auto weekday_of = [&](int m, int d) -> int {
            const Date dt(year(s.y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d)));
            if (!dt.ok()) return -1;
            return static_cast<int>(weekday(std::chrono::sys_days(dt)).c_encoding());
        };
        const int day_first = weekday_of(s.b, s.a), month_first = weekday_of(s.a, s.b);
        bool named_df = false, named_mf = false;
        for (const Token& t : tokens) {
            if (t.begin > s.at + 1500) break;
            const int wd = weekday_from_word(t.folded, false);
            named_df = named_df || (wd >= 0 && wd == day_first);
            named_mf = named_mf || (wd >= 0 && wd == month_first);
        }
        if (named_df != named_mf) return named_df;
    }
    int day_month = 0, month_day = 0;
    // A day number: one or two digits, not a time ("20:40").
    auto day_number = [&](const Token& t) {
        return t.numeric && t.folded.size() <= 2 && (t.end >= text.size() || text[t.end] != ':');
    };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const bool n0 = day_number(tokens[i]);
        const bool n1 = day_number(tokens[i + 1]);
        if (!n0 && !n1) continue;  // neither can be a day: nothing to count
        // Both on one line: a heading's month is not followed by the next line's time or number.
        if (text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end).find('\n') != std::string_view::npos)
            continue;
        if (n0 && month_from_word(tokens[i + 1].folded) > 0) ++day_month;
        if (n1 && month_from_word(tokens[i].folded) > 0) ++month_day;
    }
    return day_month > month_day;
}

std::optional<DateMention> parse_first_date(std::string_view text, DateContext context) {
    const auto tokens = tokenize(text);
    auto all = find_dates(text, tokens, context);
    if (all.empty()) return std::nullopt;
    return all.front();
}

}  // namespace sitmap::core
