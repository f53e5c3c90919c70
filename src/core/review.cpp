#include "core/review.hpp"

#include "core/text_tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <tuple>

namespace sitmap::core {

std::string_view review_state_name(ReviewState s) {
    switch (s) {
        case ReviewState::Unreviewed:
            return "unreviewed";
        case ReviewState::Accepted:
            return "accepted";
        case ReviewState::Rejected:
            return "rejected";
    }
    return "unreviewed";
}

std::string_view review_filter_name(ReviewFilter f) {
    switch (f) {
        case ReviewFilter::Any:
            return "any";
        case ReviewFilter::Reviewed:
            return "reviewed";
        case ReviewFilter::Unreviewed:
            return "unreviewed";
        case ReviewFilter::Accepted:
            return "accepted";
        case ReviewFilter::Rejected:
            return "rejected";
    }
    return "any";
}

bool review_passes(ReviewFilter f, ReviewState s) {
    switch (f) {
        case ReviewFilter::Any:
            return true;
        case ReviewFilter::Reviewed:
            return s != ReviewState::Unreviewed;
        case ReviewFilter::Unreviewed:
            return s == ReviewState::Unreviewed;
        case ReviewFilter::Accepted:
            return s == ReviewState::Accepted;
        case ReviewFilter::Rejected:
            return s == ReviewState::Rejected;
    }
    return true;
}

std::vector<std::size_t> review_order(const std::vector<Event>& events, std::span<const char> skip, ReviewOrder order) {
    std::vector<std::size_t> out;
    out.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i)
        if (i >= skip.size() || skip[i] == 0) out.push_back(i);
    // Document order is the order a coder reads an article in: by file, then by byte offset.
    const auto in_document = [&](std::size_t a, std::size_t b) {
        const Event& x = events[a];
        const Event& y = events[b];
        return std::tie(x.source.document, x.source.begin, x.id, a) <
               std::tie(y.source.document, y.source.begin, y.id, b);
    };
    if (order == ReviewOrder::Document) {
        std::sort(out.begin(), out.end(), in_document);
    } else {
        std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            if (events[a].confidence != events[b].confidence) return events[a].confidence < events[b].confidence;
            return in_document(a, b);
        });
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Dates as typed

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<int> digits(std::string_view s, std::size_t n) {
    if (s.size() != n || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// One side: "YYYY-MM-DD", "YYYY-MM" or "YYYY".
std::optional<DateRange> parse_one(std::string_view s) {
    using namespace std::chrono;
    s = trim(s);
    if (auto d = parse_iso_date(s)) return DateRange{*d, *d, DatePrecision::Day};
    if (s.size() == 7 && s[4] == '-') {
        const auto y = digits(s.substr(0, 4), 4), m = digits(s.substr(5, 2), 2);
        if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
        const year_month ym{year(*y), month(static_cast<unsigned>(*m))};
        return DateRange{Date{ym / 1}, Date{ym / last}, DatePrecision::Month};
    }
    if (auto y = digits(s, 4))
        return DateRange{Date{year(*y) / January / 1}, Date{year(*y) / December / 31}, DatePrecision::Year};
    return std::nullopt;
}

constexpr std::string_view kExpected =
    "expected YYYY-MM-DD, YYYY-MM or YYYY, or a range START..END such as 2020-09-27..2020-11-10";

}  // namespace

DateInput parse_date_input(std::string_view text) {
    const std::string_view t = trim(text);
    DateInput out;
    if (t.empty()) {
        out.error = fmt::format("no date given ({})", kExpected);
        return out;
    }
    std::size_t sep = t.find("..");
    std::size_t sep_len = 2;
    if (sep == std::string_view::npos) {
        sep = t.find('/');
        sep_len = 1;
    }
    if (sep == std::string_view::npos) {
        if (auto r = parse_one(t))
            out.range = r;
        else
            out.error = fmt::format("'{}' is not a date ({})", t, kExpected);
        return out;
    }
    const auto a = parse_one(t.substr(0, sep)), b = parse_one(t.substr(sep + sep_len));
    if (!a || !b) {
        out.error = fmt::format("'{}' is not a date range ({})", t, kExpected);
        return out;
    }
    if (std::chrono::sys_days(b->end) < std::chrono::sys_days(a->start)) {
        out.error = fmt::format("'{}' ends before it starts (the first date must not be after the second)", t);
        return out;
    }
    out.range = DateRange{a->start, b->end, std::max(a->precision, b->precision)};
    return out;
}

std::string format_date_input(const DateRange& d) {
    using namespace std::chrono;
    const auto y = static_cast<int>(d.start.year());
    const auto m = static_cast<unsigned>(d.start.month());
    const bool whole_month = d.start.day() == day(1) && d.end == Date{d.start.year() / d.start.month() / last};
    const bool whole_year =
        d.start == Date{d.start.year() / January / 1} && d.end == Date{d.start.year() / December / 31};
    if (d.start == d.end) return format_iso(d.start);
    if (d.precision == DatePrecision::Month && whole_month) return fmt::format("{:04d}-{:02d}", y, m);
    if (d.precision == DatePrecision::Year && whole_year) return fmt::format("{:04d}", y);
    return format_iso(d.start) + ".." + format_iso(d.end);
}

// ---------------------------------------------------------------------------------------------
// Place search

PlaceSearch::PlaceSearch(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
    const auto& places = gazetteer.places();
    for (std::size_t i = 0; i < places.size(); ++i) {
        names_.push_back({i, fold_for_match(places[i].name), places[i].name});
        for (const auto& v : places[i].variants) names_.push_back({i, fold_for_match(v), v});
    }
}

std::vector<PlaceHit> PlaceSearch::search(std::string_view query, std::size_t limit) const {
    const std::string q = fold_for_match(query);
    if (q.empty() || limit == 0) return {};
    struct Candidate {
        int rank;
        bool curated;
        std::size_t length;
        std::size_t name;
    };
    std::vector<Candidate> found;
    for (std::size_t n = 0; n < names_.size(); ++n) {
        const std::string& f = names_[n].folded;
        const std::size_t at = f.find(q);
        if (at == std::string::npos) continue;
        int rank = 3;
        if (f == q)
            rank = 0;
        else if (at == 0)
            rank = 1;
        else if (f[at - 1] == ' ')
            rank = 2;
        found.push_back({rank, gazetteer_.place(names_[n].place).curated, f.size(), n});
    }
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.rank, b.curated, a.length, a.name) < std::tie(b.rank, a.curated, b.length, b.name);
    });
    // The form shown for a place is its best-ranked match earliest in the gazetteer's list (the
    // name, then the variants in their order), not the shortest: "stepan" shows Stepanakert, not
    // the shorter misspelling Stepankert listed after it. Places keep the order above.
    std::vector<std::size_t> shown(gazetteer_.size(), names_.size());
    std::vector<int> shown_rank(gazetteer_.size(), 4);
    for (const Candidate& c : found) {
        const std::size_t place = names_[c.name].place;
        if (c.rank < shown_rank[place] || (c.rank == shown_rank[place] && c.name < shown[place]))
            shown[place] = c.name, shown_rank[place] = c.rank;
    }
    std::vector<PlaceHit> out;
    std::vector<char> taken(gazetteer_.size(), 0);
    for (const Candidate& c : found) {
        const std::size_t place = names_[c.name].place;
        if (taken[place]) continue;
        taken[place] = 1;
        out.push_back({place, names_[shown[place]].written});
        if (out.size() == limit) break;
    }
    return out;
}

}  // namespace sitmap::core
