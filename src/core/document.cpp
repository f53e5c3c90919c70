#include "core/document.hpp"

#include "core/date_extract.hpp"
#include "core/text_tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace sitmap::core {

namespace {

struct Line {
    std::size_t begin = 0;  // content without leading/trailing whitespace
    std::size_t end = 0;
    bool blank = true;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::vector<Line> split_lines(std::string_view text, std::size_t from) {
    std::vector<Line> lines;
    std::size_t i = from;
    while (i < text.size()) {
        std::size_t nl = text.find('\n', i);
        if (nl == std::string_view::npos) nl = text.size();
        std::size_t b = i, e = nl;
        // Non-breaking spaces (U+00A0) count as white space at line edges.
        auto nbsp_at = [&](std::size_t k) { return k + 1 < text.size() && text[k] == '\xC2' && text[k + 1] == '\xA0'; };
        while (b < e && (is_space(text[b]) || nbsp_at(b))) b += nbsp_at(b) ? 2 : 1;
        while (e > b && is_space(text[e - 1])) --e;
        lines.push_back({b, e, b == e});
        i = nl + 1;
    }
    return lines;
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
    if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
    while (!s.empty() && (s.back() == '"' || s.back() == ')')) s.remove_suffix(1);
    return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A site's section menu run together on one line ("Israel News Health & Wellness WORLD NEWS Middle
// East Business & Innovation Opinion"): capitalised words only, three or more of them the names of
// a news site's sections, and no full stop.
bool section_menu(std::string_view line) {
    if (line.size() > 400 || line.empty() || ends_sentence(line)) return false;
    static constexpr std::array<std::string_view, 40> sections{
        "news",     "opinion", "business",  "health",        "sport",      "sports",    "world",      "culture",
        "video",    "videos",  "podcast",   "podcasts",      "home",       "politics",  "economy",    "society",
        "tech",     "science", "lifestyle", "weather",       "markets",    "analysis",  "interviews", "multimedia",
        "photos",   "archive", "contact",   "entertainment", "travel",     "education", "regions",    "international",
        "features", "blogs",   "columns",   "editorial",     "editorials", "wellness",  "innovation", "archaeology"};
    std::size_t words = 0, caps = 0, hits = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ') ++j;
        std::string_view w = line.substr(i, j - i);
        i = j;
        while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
        while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.front()))) w.remove_prefix(1);
        if (w.empty()) continue;  // "&", "|", "-"
        ++words;
        const unsigned char c = static_cast<unsigned char>(w.front());
        if (std::isupper(c) || std::isdigit(c)) ++caps;
        const std::string lw = lower_ascii(w);
        hits += std::find(sections.begin(), sections.end(), lw) != sections.end() ? 1 : 0;
    }
    return words >= 6 && hits >= 3 && caps * 10 >= words * 9;
}

// Headings that open a list of other articles: everything after them is furniture until running
// prose starts again.
bool opens_link_list(std::string_view line) {
    if (line.size() > 40) return false;  // the headings are a few words; folding long text is costly
    const std::string f = fold_for_match(line);
    static constexpr std::array<std::string_view, 17> heads{
        "read also", "latest news", "related",      "related articles",  "related news", "related stories",
        "more news", "most read",   "most popular", "popular",           "see also",     "recommended",
        "read more", "more from",   "top stories",  "you may also like", "also read"};
    for (auto h : heads)
        if (f == h) return true;
    return f.starts_with("related ") && f.size() < 30;
}

// Single lines of page chrome: share/subscribe/comment boxes, navigation bars, footers.
bool is_chrome(std::string_view line) {
    static constexpr std::array<std::string_view, 17> marks{"share it",
                                                            "share this",
                                                            "share",
                                                            "leave a reply",
                                                            "leave a comment",
                                                            "subscribe to",
                                                            "your email address will not be published",
                                                            "required fields are marked",
                                                            "all news",
                                                            "follow us",
                                                            "click to view",
                                                            "advertisement",
                                                            "sign up",
                                                            "newsletter",
                                                            "cookie",
                                                            "all rights reserved",
                                                            "tags"};
    // A mark plus at most 60 folded characters (100 at most): a line of over 320 bytes cannot fold to
    // that little unless it is mostly punctuation, so long prose is not folded (folding is costly).
    // The marks start with one of a few letters: other lines are not folded either.
    std::size_t first = 0;
    while (first < line.size() && !std::isalnum(static_cast<unsigned char>(line[first])) &&
           static_cast<unsigned char>(line[first]) < 0x80)
        ++first;
    const char lead =
        first < line.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(line[first]))) : ' ';
    const bool may_mark = first < line.size() && (static_cast<unsigned char>(line[first]) >= 0x80 ||
                                                  std::string_view("slyrafcnt").find(lead) != std::string_view::npos);
    if (line.size() <= 320 && may_mark) {
        const std::string f = fold_for_match(line);
        for (auto m : marks)
            if (f == m || (f.starts_with(m) && f.size() < m.size() + 60)) return true;
    }
    // A page's icon names run together ("pauseicon v-playicon searchicon shareicon"): scraped
    // buttons, not text.
    if (line.size() <= 2000) {
        std::size_t icons = 0;
        for (std::size_t at = line.find("icon "); at != std::string_view::npos && icons < 4;
             at = line.find("icon ", at + 5))
            if (at > 0 && std::isalpha(static_cast<unsigned char>(line[at - 1]))) ++icons;
        if (icons >= 4) return true;
    }
    // A link to another article under a label ("READ MORE: ...", "ALSO READ: ..."), and an embedded
    // post's signature ("— Ararat Petrosyan (@araratpetrosian) April 23, 2023", "pic.twitter.com/...").
    const std::string low = line.size() <= 400 ? lower_ascii(line.substr(first)) : std::string();
    if (line.size() <= 400) {
        for (std::string_view label : {"read more:", "also read:", "read also:", "see also:", "related:"})
            if (std::string_view(low).starts_with(label)) return true;
        if (low.find("pic.twitter.com/") != std::string::npos) return true;
        if (const std::size_t at = low.find("(@"); at != std::string::npos) {
            const std::size_t close = low.find(')', at);
            if (close != std::string::npos && close < at + 40) {
                const auto d = parse_first_date(std::string_view(line).substr(first + close + 1));
                if (d && d->range.precision == DatePrecision::Day) return true;
            }
        }
    }
    // Captions and source notes ("Photo: ...", "Sources: statements of ..."): about the page, not news.
    for (std::string_view label : {"photo:", "photograph:", "picture:", "caption:", "image:", "sources:", "video:"})
        if (line.size() <= 400 && line.size() > label.size() &&
            std::equal(label.begin(), label.end(), line.begin() + static_cast<std::ptrdiff_t>(first),
                       [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }) &&
            first + label.size() <= line.size())
            return true;
    // A link to another article: a headline, a dash or bar, and its date, with no full stop
    // ("· Why the Minsk Group fell silent – 22 March 2021", "... meet in Ankara | 29.08.2023").
    if (line.size() <= 300 && !line.empty() && line.back() != '.') {
        for (std::string_view sep : {" \xE2\x80\x93 ", " | ", " \xE2\x80\x94 "}) {
            const std::size_t at = line.rfind(sep);
            if (at == std::string_view::npos || at < 8) continue;
            std::string_view tail = line.substr(at + sep.size());
            while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
            if (const auto d = parse_first_date(tail); d && d->begin == 0 && d->end + 2 >= tail.size() &&
                                                       d->kind == DateKind::Absolute &&
                                                       d->range.precision == DatePrecision::Day)
                return true;
        }
    }
    // A byline's time stamp: "Posted April 17, 2024 7:56 am.", "Published 13.09.2022 | 01:26": when
    // the page was written, not an event. ("Updated ..." lines stay: a live blog's update heading
    // moves its "now".)
    if (line.size() <= 80) {
        for (std::string_view stamp : {"posted", "published", "first published"}) {
            if (!std::string_view(low).starts_with(stamp)) continue;
            std::string_view tail = std::string_view(line).substr(first + stamp.size());
            while (!tail.empty() && (tail.front() == ' ' || tail.front() == ':')) tail.remove_prefix(1);
            if (tail.starts_with("on ")) tail.remove_prefix(3);
            const auto d = parse_first_date(tail);
            if (!d || d->begin != 0) continue;
            const std::string_view rest = tail.substr(std::min(tail.size(), d->end));
            const bool clock_only = std::all_of(rest.begin(), rest.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) || std::isspace(static_cast<unsigned char>(c)) ||
                       std::string_view(":.,|-+()apmAPMGTUCESTD").find(c) != std::string_view::npos;
            });
            if (clock_only) return true;
        }
    }
    // Navigation bars: several short items separated by |, • or » (a short line).
    if (line.size() > 400) return false;
    std::size_t seps = 0;
    for (std::size_t i = 0; i < line.size() && seps < 3; ++i) {
        const char c = line[i];
        if (c == '|')
            ++seps;
        else if (c == '\xE2' && line.substr(i, 3) == "\xE2\x80\xA2")
            ++seps;  // •
        else if (c == '\xC2' && line.substr(i, 2) == "\xC2\xBB")
            ++seps;  // »
    }
    return seps >= 3;
}

// Words in `s`, counting no further than `limit` (callers only compare with small numbers).
std::size_t word_count(std::string_view s, std::size_t limit = 64) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool sp = is_space(c);
        if (!sp && !in && ++n >= limit) return n;
        in = !sp;
    }
    return n;
}

// Parses a `Key: value` header closed by a `---` line. Returns the offset after it, or 0.
std::size_t parse_header(std::string_view text, std::map<std::string, std::string>& header) {
    std::size_t i = 0;
    std::map<std::string, std::string> h;
    for (int n = 0; n < 40 && i < text.size(); ++n) {
        std::size_t nl = text.find('\n', i);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(i, nl - i);
        while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
        if (line == "---") {
            if (h.empty()) return 0;
            header = std::move(h);
            return std::min(text.size(), nl + 1);
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0 || colon > 40) return 0;
        const std::string key = lower_ascii(line.substr(0, colon));
        if (!std::all_of(key.begin(), key.end(), [](char c) {
                return std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '_';
            }))
            return 0;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
        h[key] = std::string(value);
        i = nl + 1;
    }
    return 0;
}

// True when `s` holds a run of exactly four digits starting with 19 or 20 (a possible year).
bool has_year_number(std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        const bool digit = i < s.size() && s[i] >= '0' && s[i] <= '9';
        if (digit) {
            ++run;
            continue;
        }
        if (run == 4 && ((s[i - 4] == '1' && s[i - 3] == '9') || (s[i - 4] == '2' && s[i - 3] == '0'))) return true;
        run = 0;
    }
    return false;
}

bool has_time(std::string_view line) {
    for (std::size_t i = 1; i + 2 < line.size(); ++i)
        if (line[i] == ':' && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(line[i + 1])) &&
            std::isdigit(static_cast<unsigned char>(line[i + 2])))
            return true;
    return false;
}

void classify_blocks(Document& doc, std::size_t body_begin) {
    const std::string_view text = doc.text;
    const auto lines = split_lines(text, body_begin);
    // Group lines into paragraphs: a blank line always separates; a line that ends a sentence or
    // looks like a heading ends its paragraph unless the next line visibly continues it.
    std::vector<TextSpan> paras;
    std::optional<TextSpan> cur;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.blank) {
            if (cur) paras.push_back(*cur);
            cur.reset();
            continue;
        }
        if (!cur) {
            cur = TextSpan{l.begin, l.end};
        } else {
            const std::string_view prev = text.substr(cur->begin, cur->end - cur->begin);
            const unsigned char first = static_cast<unsigned char>(text[l.begin]);
            // A list item ("- ", "• ", "1. ") or a time-stamped entry always starts a paragraph.
            const std::string_view line = text.substr(l.begin, l.end - l.begin);
            const bool item = line.starts_with("- ") || line.starts_with("* ") || line.starts_with("\xE2\x80\xA2") ||
                              line.starts_with("\xE2\x80\x93 ") || line.starts_with("\xE2\x80\x94 ") ||
                              (line.size() > 3 && std::isdigit(first) &&
                               (line[1] == '.' || line[1] == ')' || line[1] == ':' ||
                                (std::isdigit(static_cast<unsigned char>(line[1])) &&
                                 (line[2] == '.' || line[2] == ')' || line[2] == ':'))));
            const bool continues = !item && (std::islower(first) || prev.ends_with(",") || prev.ends_with("-"));
            const std::size_t prev_line_len = cur->end - lines[k - 1].begin;
            if (!continues && (item || ends_sentence(prev) || prev_line_len < 60 || section_menu(prev))) {
                paras.push_back(*cur);
                cur = TextSpan{l.begin, l.end};
            } else {
                cur->end = l.end;
            }
        }
    }
    if (cur) paras.push_back(*cur);

    bool in_list = false;
    for (const TextSpan& p : paras) {
        const std::string_view s = text.substr(p.begin, p.end - p.begin);
        // Only small word counts matter below (< 30, <= 8): count no further than needed.
        const std::size_t words = word_count(s, in_list || !ends_sentence(s) ? 31 : 9);
        TextBlock b{p, BlockKind::Prose};
        if (opens_link_list(s)) {
            in_list = true;
            b.kind = BlockKind::Furniture;
        } else if (is_chrome(s) || section_menu(s)) {
            b.kind = BlockKind::Furniture;
        } else if (in_list) {
            // Link lists hold short headlines and their date stamps; long prose ends the list.
            if (words >= 30 && ends_sentence(s)) {
                in_list = false;
            } else {
                b.kind = BlockKind::Furniture;
            }
        }
        if (b.kind == BlockKind::Prose && !ends_sentence(s) && words < 30) b.kind = BlockKind::Heading;
        // A date stamp after the publication date (a list item's date) marks furniture too.
        if (b.kind != BlockKind::Furniture && words <= 8 && doc.publication_date) {
            if (auto d = parse_first_date(s, DateContext{.day_first = doc.numeric_day_first});
                d && d->kind == DateKind::Absolute && d->range.precision == DatePrecision::Day &&
                std::chrono::sys_days(d->range.start) >
                    std::chrono::sys_days(*doc.publication_date) + std::chrono::days(1))
                b.kind = BlockKind::Furniture;
        }
        doc.blocks.push_back(b);
    }
}

}  // namespace

bool Document::in_furniture(std::size_t offset) const {
    for (const auto& b : blocks)
        if (b.kind == BlockKind::Furniture && offset >= b.span.begin && offset < b.span.end) return true;
    return false;
}

namespace {

// ", ARMENPRESS." after a dateline's date: the agency's name in capitals, closing the dateline.
bool agency_after(std::string_view after_date) {
    if (!after_date.starts_with(", ")) return false;
    std::size_t n = 2;
    while (n < after_date.size() && std::isupper(static_cast<unsigned char>(after_date[n])) != 0) ++n;
    return n >= 5 && n < after_date.size() && (after_date[n] == '.' || after_date[n] == ' ' || after_date[n] == '-');
}

// The dateline scan of find_dateline; with `yearless`, it looks for "YEREVAN, May 14 (Wire) -"
// instead: a day and month with no year, at a line's start or after a wire dateline's place.
std::optional<std::pair<Date, std::string>> scan_datelines(std::string_view text, bool yearless, bool day_first) {
    const auto lines = split_lines(text.substr(0, std::min<std::size_t>(text.size(), 3000)), 0);
    int seen = 0;
    // "Last update: June 16, 2024 13:35" is when the page was last edited: the article's own date
    // (a byline's, a dateline's) below it wins; the update date serves only when there is none.
    std::optional<std::pair<Date, std::string>> update;
    for (const Line& l : lines) {
        if (l.blank) continue;
        if (++seen > 25) break;
        std::string_view line = text.substr(l.begin, l.end - l.begin);
        if (opens_link_list(line)) break;  // the dates below belong to other articles
        const auto toks = tokenize(line);
        // Skip a prefix of labels: "date", "published", "updated", "posted", "on", upper-case section
        // names ("ANALYTICS"), weekday names.
        std::size_t k = 0;
        bool opened_by_weekday = false;
        while (k < toks.size() && k < 4) {
            const auto& t = toks[k];
            const std::string_view raw = line.substr(t.begin, t.end - t.begin);
            // (A month in capitals, "SEPTEMBER 13, 2022", is the date itself.)
            const bool all_caps = raw.size() > 1 && month_from_word(t.folded) == 0 &&
                                  std::all_of(raw.begin(), raw.end(),
                                              [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
            const bool label = t.folded == "date" || t.folded == "published" || t.folded == "updated" ||
                               t.folded == "posted" || t.folded == "on" || t.folded == "dated" ||
                               t.folded == "issued" || t.folded == "last" || t.folded == "first" ||
                               t.folded == "released" || t.folded == "modified";
            const bool weekday =
                t.folded.size() >= 3 &&
                std::string_view("sunday monday tuesday wednesday thursday friday saturday").find(t.folded) !=
                    std::string_view::npos &&
                !t.numeric;
            if (label || all_caps || weekday) {
                opened_by_weekday = opened_by_weekday || weekday;
                ++k;
            } else {
                break;
            }
        }
        if (k >= toks.size()) continue;
        // "Saturday July 27 2024" alone on its line, without a time, is how a site's header shows
        // the day it is viewed; the article's own stamp ("4 October 2020 16:53") comes below.
        bool updated = opened_by_weekday && !has_time(line) && toks.size() <= 5;
        for (std::size_t j = 0; j <= k && j < toks.size(); ++j)
            updated =
                updated || toks[j].folded == "updated" || toks[j].folded == "update" || toks[j].folded == "modified";
        if (toks[k].folded == "update") ++k;  // "Last update: ..."
        if (k >= toks.size()) continue;
        const std::string_view rest = line.substr(toks[k].begin);
        // Yearless: a leap year as the year, so that any day and month parse; only they are kept.
        const auto d = parse_first_date(
            rest, yearless ? DateContext{.year = 2024, .day_first = day_first} : DateContext{.day_first = day_first});
        if (!d || d->range.precision != DatePrecision::Day) continue;
        if (d->kind != (yearless ? DateKind::Inferred : DateKind::Absolute)) continue;
        const bool at_start = d->begin == 0;
        const bool stamp = has_time(line) && toks.size() <= 14;
        // A wire dateline: "Baku, September 21, 2023, AZERTAG", "Stepanakert, 19 Sep 2023 -": one
        // to three capitalised words (the place) and a comma before the date, on a short line.
        bool wire = false;
        // Without a year the dateline usually opens the first paragraph ("KORNIDZOR, Armenia,
        // July 28 (Highland Wire) - Nineteen trucks ..."): the date is followed by the agency, a
        // dash or a full stop, however long the line.
        const std::string_view after_date = rest.substr(std::min(rest.size(), d->end));
        const bool closed = after_date.starts_with(" (") || after_date.starts_with(" \xE2\x80\x93") ||
                            after_date.starts_with(" \xE2\x80\x94") || after_date.starts_with(" -") ||
                            after_date.starts_with(".") || after_date.starts_with(" /") || agency_after(after_date);
        // ("Yerevan, April 3, 2016 (AFP) - Fighting resumed ...": a wire's dateline with its year
        // opens a long first paragraph too.)
        if (!at_start && (toks.size() <= 12 || closed)) {
            std::string_view before = rest.substr(0, d->begin);
            while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
            const auto place = tokenize(before);
            wire = before.ends_with(",") && !place.empty() && place.size() <= (yearless ? 4 : 3) &&
                   std::all_of(place.begin(), place.end(), [](const Token& t) { return t.capitalized && !t.numeric; });
        }
        if (yearless) {
            // A list item ("- 27 September - fighting breaks out") dates itself, not the text.
            const bool item = line.starts_with("-") || line.starts_with("*") || line.starts_with("\xE2\x80\xA2") ||
                              (!toks.empty() && toks[0].numeric && line.substr(toks[0].end).starts_with("."));
            if (!item && ((at_start && (stamp || toks.size() <= 6 || (k > 0 && closed))) || wire))
                return std::make_pair(d->range.start, std::string(line));
            continue;
        }
        // A byline with its date: "By Gunay Hajiyeva September 20, 2023", "By A. Writer | 20.09.2023".
        bool byline = false;
        if (!at_start && toks[0].folded == "by" && d->begin > 0) {
            const auto names = tokenize(rest.substr(0, d->begin));
            byline = names.size() >= 2 && names.size() <= 6 &&
                     std::all_of(names.begin() + 1, names.end(), [](const Token& t) { return t.capitalized; });
        }
        if (at_start || stamp || wire || byline) {
            if (!updated) return std::make_pair(d->range.start, std::string(line));
            if (!update) update = std::make_pair(d->range.start, std::string(line));
            continue;
        }
        // A byline of fields ("A. Writer | 26.08.2022 Friday 16:20 | Updated: ..."): a field that
        // opens with a full date.
        for (std::size_t from = 0; line.size() < 400;) {
            const std::size_t bar = line.find('|', from);
            if (bar == std::string_view::npos) break;
            std::string_view field = line.substr(bar + 1);
            field = field.substr(0, field.find('|'));
            while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
            for (std::string_view label :
                 {"Updated:", "Published:", "Posted:", "Date:", "First published:", "Updated", "Published", "Posted"})
                if (field.starts_with(label)) {
                    field.remove_prefix(label.size());
                    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
                    break;
                }
            if (auto fd = parse_first_date(field, DateContext{.day_first = day_first});
                fd && fd->kind == DateKind::Absolute && fd->range.precision == DatePrecision::Day && fd->begin == 0)
                return std::make_pair(fd->range.start, std::string(line));
            from = bar + 1;
        }
    }
    return update;
}

// A stored web page opens with its capture stamp, " date 2022-12-13 " (or only the month, " date
// 2020-11 "), on the line of the page's own first words. The stamp dates the page; the body starts
// after it, so no quote begins with it. Returns where the body starts.
std::size_t stored_page_stamp(Document& doc, std::size_t body) {
    std::string_view rest = std::string_view(doc.text).substr(body);
    std::size_t k = 0;
    while (k < rest.size() && (rest[k] == ' ' || rest[k] == '\t')) ++k;
    if (rest.substr(k, 5) != "date ") return body;
    k += 5;
    auto digits = [&](std::size_t at, std::size_t n) {
        if (at + n > rest.size()) return false;
        for (std::size_t i = at; i < at + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(rest[i]))) return false;
        return true;
    };
    if (!digits(k, 4) || k + 7 > rest.size() || rest[k + 4] != '-' || !digits(k + 5, 2)) return body;
    const int y = std::stoi(std::string(rest.substr(k, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(rest.substr(k + 5, 2))));
    std::size_t end = k + 7;
    const bool day = end + 3 <= rest.size() && rest[end] == '-' && digits(end + 1, 2);
    if (day) end += 3;
    if (end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[end]))) return body;
    if (m < 1 || m > 12) return body;
    if (day) {
        const Date d{std::chrono::year(y), std::chrono::month(m),
                     std::chrono::day(static_cast<unsigned>(std::stoi(std::string(rest.substr(k + 8, 2)))))};
        if (!d.ok()) return body;
        if (!doc.publication_date) {
            doc.publication_date = d;
            doc.publication_evidence = std::string(rest.substr(k - 5, end - k + 5));
        }
    } else if (!doc.publication_date && !doc.estimated_publication) {
        const std::chrono::year_month ym{std::chrono::year(y), std::chrono::month(m)};
        doc.estimated_publication =
            DateRange{Date{ym / std::chrono::day(1)}, Date{ym / std::chrono::last}, DatePrecision::Month};
    }
    while (end < rest.size() && (rest[end] == ' ' || rest[end] == '\t')) ++end;
    return body + end;
}

}  // namespace

std::optional<std::pair<Date, std::string>> find_dateline(std::string_view text, bool day_first) {
    return scan_datelines(text, false, day_first);
}

std::optional<YearlessDateline> find_yearless_dateline(std::string_view text, bool day_first) {
    const auto d = scan_datelines(text, true, day_first);
    if (!d) return std::nullopt;
    return YearlessDateline{static_cast<unsigned>(d->first.month()), static_cast<unsigned>(d->first.day()), d->second};
}

Document parse_document(std::string name, std::string text, Diagnostics& diags, std::string path) {
    Document doc;
    doc.name = std::move(name);
    doc.path = path.empty() ? doc.name : std::move(path);
    doc.text = std::move(text);
    std::size_t body = parse_header(doc.text, doc.header);
    doc.numeric_day_first = numeric_dates_day_first(doc.text);
    body = stored_page_stamp(doc, body);
    for (const char* k : {"title", "headline"})
        if (auto it = doc.header.find(k); it != doc.header.end() && doc.title.empty()) doc.title = it->second;
    for (const char* k : {"source", "outlet", "publisher"})
        if (auto it = doc.header.find(k); it != doc.header.end() && doc.source.empty()) doc.source = it->second;
    for (const char* k : {"publication date", "date", "published", "publication-date", "publication_date"}) {
        auto it = doc.header.find(k);
        if (it == doc.header.end()) continue;
        if (auto d = parse_first_date(it->second, DateContext{.day_first = doc.numeric_day_first});
            d && d->range.precision == DatePrecision::Day) {
            doc.publication_date = d->range.start;
            doc.publication_evidence = it->second;
        } else {
            diags.add(Severity::Warning, DiagCode::DateUnparsed, doc.path, "header",
                      fmt::format("unreadable publication date '{}' (expected e.g. 2023-09-19 or 19 September 2023)",
                                  it->second));
        }
        break;
    }
    if (!doc.publication_date) {
        if (auto dl = find_dateline(std::string_view(doc.text).substr(body), doc.numeric_day_first)) {
            doc.publication_date = dl->first;
            doc.publication_evidence = dl->second;
        } else {
            doc.yearless_dateline =
                find_yearless_dateline(std::string_view(doc.text).substr(body), doc.numeric_day_first);
        }
    }
    classify_blocks(doc, body);
    if (doc.title.empty()) {
        for (const auto& b : doc.blocks) {
            if (b.kind == BlockKind::Furniture) continue;
            std::string_view s = std::string_view(doc.text).substr(b.span.begin, b.span.end - b.span.begin);
            doc.title = std::string(s.substr(0, std::min<std::size_t>(s.size(), 200)));
            break;
        }
    }
    if (!doc.publication_date && doc.estimated_publication) {
        diags.add(Severity::Warning, DiagCode::DocumentNoDate, doc.path, "",
                  fmt::format("the page's stamp gives only the month ({}); relative dates are read within it",
                              format_iso(doc.estimated_publication->start).substr(0, 7)));
    } else if (!doc.publication_date) {
        // Written after the latest full date it mentions: use the following three months.
        std::optional<Date> latest;
        // Headings count too: an embedded post's signature ("— agency (@handle) December 26, 2022") or a
        // stamp line is a short block without a full stop.
        for (const auto& b : doc.blocks) {
            const std::string_view s = std::string_view(doc.text).substr(b.span.begin, b.span.end - b.span.begin);
            const bool signature = b.kind == BlockKind::Furniture && s.find("(@") != std::string_view::npos;
            if (b.kind != BlockKind::Prose && b.kind != BlockKind::Heading && !signature) continue;
            if (!has_year_number(s)) continue;  // a full date needs a year: skip the tokenizing
            for (const auto& m : find_dates(s, tokenize(s), DateContext{.day_first = doc.numeric_day_first}))
                if (m.kind == DateKind::Absolute && m.range.precision == DatePrecision::Day &&
                    (!latest || std::chrono::sys_days(m.range.end) > std::chrono::sys_days(*latest)))
                    latest = m.range.end;
        }
        if (latest) {
            using namespace std::chrono;
            const Date start = Date(sys_days(*latest) + days(1));
            // Until the end of that year (a retrospective is usually written within the year of the
            // events it reviews), but at least three months.
            Date end = Date(year_month_day_last(start.year(), month_day_last(December)));
            if (sys_days(end) - sys_days(start) < days(91)) end = Date(sys_days(start) + days(91));
            doc.estimated_publication = DateRange{start, end, DatePrecision::Month};
        }
        diags.add(Severity::Warning, DiagCode::DocumentNoDate, doc.path, "",
                  doc.yearless_dateline
                      ? fmt::format(
                            "no publication date found; the dateline '{}' gives no year (the extractor "
                            "takes it from the same day written in full in the text, else from the conflict calendar)",
                            doc.yearless_dateline->line.substr(0, 60))
                  : latest ? fmt::format("no publication date found; assuming it was written after {}, the latest date "
                                         "it mentions (relative dates left unresolved)",
                                         format_iso(*latest))
                           : std::string("no publication date found and no full date in the text; events get no "
                                         "relative dates"));
    }
    return doc;
}

Document continue_document(const Document& first, std::string text, std::size_t base_offset) {
    Document doc;
    doc.name = first.name;
    doc.path = first.path;
    doc.text = std::move(text);
    doc.base_offset = base_offset;
    doc.header = first.header;
    doc.title = first.title;
    doc.source = first.source;
    doc.publication_date = first.publication_date;
    doc.publication_evidence = first.publication_evidence;
    doc.estimated_publication = first.estimated_publication;
    doc.yearless_dateline = first.yearless_dateline;
    classify_blocks(doc, 0);
    return doc;
}

}  // namespace sitmap::core
