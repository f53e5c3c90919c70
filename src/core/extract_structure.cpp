// Document structure (see extract_structure.hpp).
#include "core/extract_structure.hpp"

#include "core/date_extract.hpp"
#include "core/extract_lexicon.hpp"
#include "core/flat_string_map.hpp"
#include "core/text_tokens.hpp"

#include <array>
#include <cctype>
#include <unordered_map>

namespace sitmap::core::extract {

namespace {

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Length in bytes of a list marker at the start of `s` ("- ", "• ", "* ", "1. ", "2) "), else 0.
std::size_t list_marker(std::string_view s) {
    static constexpr std::array<std::string_view, 9> marks{
        "-", "*", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x97\x8F", ">"};
    for (auto m : marks)
        if (s.starts_with(m) && s.size() > m.size() && space(s[m.size()])) return m.size() + 1;
    std::size_t i = 0;
    while (i < s.size() && i < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && space(s[i + 1])) return i + 2;
    return 0;
}

// A separator after a leading stamp: dash, colon, bar or full stop with spaces around; its length
// with the spaces, else 0.
std::size_t separator_at(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    static constexpr std::array<std::string_view, 7> seps{"\xE2\x80\x93", "\xE2\x80\x94", "-", ":", "|", ".", ","};
    for (auto sep : seps)
        if (s.substr(j).starts_with(sep)) {
            std::size_t k = j + sep.size();
            if (k < s.size() && s[k] != ' ' && sep != ":" && sep != ",") continue;  // "-based", "5.5"
            while (k < s.size() && s[k] == ' ') ++k;
            return k - i;
        }
    return j > i ? j - i : 0;
}

// A time stamp at the start ("09:42", "14:10 GMT+4", "9.15am", "Updated 10:05 (local)"): the
// byte length of the stamp, else 0.
std::size_t time_stamp(std::string_view s) {
    std::size_t i = 0;
    for (std::string_view lead : {"Updated ", "UPDATED ", "Update ", "UPDATE "})
        if (s.starts_with(lead)) i = lead.size();
    const std::size_t d0 = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == d0 || i - d0 > 2 || i + 2 >= s.size() || (s[i] != ':' && s[i] != '.')) return 0;
    if (!std::isdigit(static_cast<unsigned char>(s[i + 1])) || !std::isdigit(static_cast<unsigned char>(s[i + 2])))
        return 0;
    i += 3;
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) return 0;  // "10.2020"
    if (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1])))
        return 0;  // "13.12.2020"
    auto skip = [&](std::string_view w) {
        std::size_t j = i;
        while (j < s.size() && s[j] == ' ') ++j;
        if (s.substr(j).starts_with(w)) i = j + w.size();
    };
    skip("am");
    skip("pm");
    skip("AM");
    skip("PM");
    skip("GMT");
    skip("UTC");
    skip("local time");
    skip("(local)");
    skip("Baku time");
    skip("Yerevan time");
    if (i < s.size() && (s[i] == '+' || s[i] == '-') && i + 1 < s.size() &&
        std::isdigit(static_cast<unsigned char>(s[i + 1])))
        i += 2;
    skip(")");
    return i;
}

std::size_t words_in(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool sp = space(c);
        if (!sp && !in) ++n;
        in = !sp;
    }
    return n;
}

// True when `s` has a lower-case event verb form: an unpunctuated line that reads as a sentence.
bool has_event_verb(std::string_view s) {
    const auto toks = tokenize(s);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].capitalized) continue;
        const auto t = trigger_of(toks[i].folded, i + 1 < toks.size() ? std::string_view(toks[i + 1].folded) : "");
        if (t && (t->verb || toks[i].folded.ends_with("s"))) return true;
    }
    return false;
}

}  // namespace

namespace {

// A live blog's update label before a date ("UPDATE 13.12.2020 | 19:45", "Updated: 14 Sep").
bool update_label(std::string_view s) {
    std::string w;
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (c != ' ' && c != ':' && c != ',')
            return false;
    return w == "update" || w == "updated" || w == "lastupdated";
}

// "Monday 5 October", "Tue, 13 September": a weekday before a heading's date.
bool weekday_label(std::string_view s) {
    std::string w;
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (c != ' ' && c != ',')
            return false;
    return weekday_from_word(w, true) >= 0;
}

// A block, or the part of one a date line was split from.
struct Piece {
    TextSpan span;
    std::size_t block = 0;
};

// The blocks, with a date line that opens an entry on the lines below it ("UPDATE, 21 December" /
// "Karabakh's ombudsman has posted ...", "Tuesday 13 September" / "14:20 ...") split off as a piece
// of its own, so that it is read as the date heading it is.
std::vector<Piece> split_date_lines(const Document& doc, std::optional<Date> published) {
    std::vector<Piece> out;
    const std::string_view text = doc.text;
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        const TextBlock& b = doc.blocks[bi];
        const std::string_view s = text.substr(b.span.begin, b.span.end - b.span.begin);
        const std::size_t nl = s.find('\n');
        if (b.kind != BlockKind::Furniture && nl != std::string_view::npos && nl > 0 && nl <= 80 &&
            words_in(s.substr(0, nl)) <= 7 && words_in(s.substr(nl + 1)) > 0) {
            const std::string_view line = s.substr(0, nl);
            const auto dates = find_dates(line, tokenize(line),
                                          DateContext{.publication = published, .day_first = doc.numeric_day_first});
            if (!dates.empty() && dates.front().kind != DateKind::Since &&
                (dates.front().begin <= 2 || update_label(line.substr(0, dates.front().begin)) ||
                 weekday_label(line.substr(0, dates.front().begin))) &&
                words_in(line.substr(dates.front().end)) <= 1) {
                out.push_back({{b.span.begin, b.span.begin + nl}, bi});
                out.push_back({{b.span.begin + nl + 1, b.span.end}, bi});
                continue;
            }
        }
        out.push_back({b.span, bi});
    }
    return out;
}

}  // namespace

std::vector<Passage> read_structure(const Document& doc, std::optional<Date> published, std::optional<Date> year_hint) {
    std::vector<Passage> out;
    const std::string_view text = doc.text;
    std::optional<Date> running = year_hint;
    std::optional<int> heading_year;  // a "2022" heading: the year of the items below it
    bool seen_prose = false;
    bool after_stamp = false;  // the previous block was a bare live-blog time stamp
    std::size_t list_no = 0, last_list_block = static_cast<std::size_t>(-2);
    const std::vector<Piece> pieces = split_date_lines(doc, published);
    for (const Piece& piece : pieces) {
        const std::size_t bi = piece.block;
        const TextBlock& b = doc.blocks[bi];
        if (b.kind == BlockKind::Furniture) {
            after_stamp = false;
            continue;
        }
        std::string_view s = text.substr(piece.span.begin, piece.span.end - piece.span.begin);
        Passage p{piece.span, bi, PassageKind::Paragraph, std::nullopt, 0};
        auto drop_prefix = [&](std::size_t n) {
            p.span.begin += n;
            s.remove_prefix(n);
        };
        const bool heading = b.kind == BlockKind::Heading;
        bool listed = false;
        if (const std::size_t m = list_marker(s); m > 0) {
            drop_prefix(m);
            listed = true;
        }
        // A leading time stamp: a live-blog entry (the stamp alone opens the entry below it).
        if (const std::size_t t = time_stamp(s); t > 0) {
            const std::size_t sep = separator_at(s, t);
            if (t + sep >= s.size() || words_in(s.substr(t + sep)) == 0) {
                after_stamp = true;
                continue;
            }
            drop_prefix(t + sep);
            p.kind = PassageKind::LiveEntry;
        }
        // A leading date: a date heading when it is all the line says, else a timeline item.
        // Only the start of a block can hold its own date (a timeline item, a date heading).
        std::size_t head_len = std::min<std::size_t>(s.size(), 80);
        while (head_len < s.size() && (static_cast<unsigned char>(s[head_len]) & 0xC0) == 0x80) ++head_len;
        const std::string_view head = s.substr(0, head_len);
        const auto toks = tokenize(head);
        const auto dates = find_dates(head, toks, DateContext{published, running, heading_year, doc.numeric_day_first});
        if (!dates.empty() &&
            (dates.front().begin <= 2 || update_label(s.substr(0, dates.front().begin)) ||
             weekday_label(s.substr(0, dates.front().begin))) &&
            dates.front().kind != DateKind::Since) {
            const DateMention& d = dates.front();
            // What follows the date, less a separator and a clock time ("13.12.2020 | 19:45").
            std::string_view rest = s.substr(d.end);
            while (!rest.empty() && (space(rest.front()) || rest.front() == '|' || rest.front() == ','))
                rest.remove_prefix(1);
            if (rest.size() >= 4 && std::isdigit(static_cast<unsigned char>(rest[0])) &&
                (rest[1] == ':' || (std::isdigit(static_cast<unsigned char>(rest[1])) && rest[2] == ':')))
                rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of("0123456789:")));
            const std::size_t rest_words = words_in(rest);
            if (rest_words <= 1 && words_in(s) <= 7 && head_len == s.size()) {
                p.kind = PassageKind::DateHeading;
                p.own_date = d.range;
                // A day heading without a year up to a month after publication is a later day of
                // the same story (a live blog's next day, "UPDATE, 21 December" over a piece of the
                // 13th), not that day a year before.
                if (d.kind == DateKind::Inferred && published && d.range.precision == DatePrecision::Day) {
                    const Date same_year(published->year(), d.range.start.month(), d.range.start.day());
                    const auto ahead = std::chrono::sys_days(same_year) - std::chrono::sys_days(*published);
                    if (same_year.ok() && d.range.start.year() < published->year() && ahead.count() > 0 &&
                        ahead.count() <= 31)
                        p.own_date = DateRange{same_year, same_year, DatePrecision::Day};
                }
                if (d.range.precision == DatePrecision::Day) running = p.own_date->start;
                if (d.range.precision == DatePrecision::Year && d.range.start.year() == d.range.end.year())
                    heading_year = static_cast<int>(d.range.start.year());
                else if (heading_year && static_cast<int>(d.range.start.year()) != *heading_year)
                    heading_year.reset();
                out.push_back(p);
                after_stamp = false;
                continue;
            }
            // "UPDATE 07/04/2016 09:05: ...", "13.12.2020 19:45 - ...": the separator may follow a
            // clock time.
            std::size_t date_end = d.end;
            while (date_end < s.size() && s[date_end] == ' ') ++date_end;
            if (const std::size_t clock = time_stamp(s.substr(date_end)); clock > 0)
                date_end += clock;
            else
                date_end = d.end;
            const std::size_t sep = separator_at(s, date_end);
            const std::string_view after = s.substr(date_end, sep);
            const bool separated = after.find_first_of("-:|,") != std::string_view::npos ||
                                   after.find("\xE2\x80\x93") != std::string_view::npos ||
                                   after.find("\xE2\x80\x94") != std::string_view::npos;
            if (separated) {
                p.kind = PassageKind::TimelineItem;
                p.own_date = d.range;
                listed = true;
                // An update of the story, stamped with its day: its text is read without the stamp.
                if (update_label(s.substr(0, d.begin)) && d.range.precision == DatePrecision::Day &&
                    date_end + sep < s.size()) {
                    p.update = true;
                    drop_prefix(date_end + sep);
                }
            }
        }
        if (after_stamp && p.kind == PassageKind::Paragraph) p.kind = PassageKind::LiveEntry;
        after_stamp = false;
        if (heading && p.kind == PassageKind::Paragraph) {
            // A short heading, the title, a caption: not read. A long unpunctuated line with an
            // event verb is prose that lost its full stop (a bullet, a standfirst, a pasted line).
            // Headlines, standfirsts and bylines come before the first paragraph: not read.
            const bool before_body = !seen_prose;
            const std::size_t n = words_in(s);
            // A line that introduces what follows ("... has issued the following statement:").
            const bool introduces = s.ends_with(":") && n >= 8 && !before_body;
            if (!listed && !introduces && (before_body || n < 12 || !has_event_verb(s))) continue;
            if (listed && n < 3) continue;
            p.kind = PassageKind::ListItem;
        }
        if (p.kind == PassageKind::Paragraph && !heading) seen_prose = true;
        if (listed && p.kind == PassageKind::Paragraph) p.kind = PassageKind::ListItem;
        if (p.kind == PassageKind::ListItem || p.kind == PassageKind::TimelineItem) {
            if (last_list_block + 1 != bi) ++list_no;
            p.list = list_no;
            last_list_block = bi;
        }
        out.push_back(p);
    }
    return out;
}

std::optional<std::string> non_english_language(std::string_view text) {
    const auto& toks = tokenize_remembered(text.substr(0, std::min<std::size_t>(text.size(), 20000)));
    if (toks.size() < 40) return std::nullopt;
    std::size_t cyr = 0, arm = 0, other_script = 0;
    for (std::size_t i = 0; i + 1 < text.size() && i < 20000; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xD0 || c == 0xD1)
            ++cyr;
        else if (c == 0xD4 || c == 0xD5 || c == 0xD6)
            ++arm;
        else if (c >= 0xD8 && c <= 0xDB)
            ++other_script;
    }
    static constexpr std::array<std::string_view, 24> english{
        "the", "of", "and",  "to", "in",   "a",    "is",  "was",  "that", "for", "on", "with",
        "by",  "as", "said", "it", "were", "from", "has", "have", "are",  "at",  "an", "its"};
    static constexpr std::array<std::string_view, 12> azerbaijani{
        "ve", "ile", "bu", "uzre", "olan", "edib", "olub", "terefinden", "ucun", "bildirib", "da", "de"};
    static constexpr std::array<std::string_view, 12> french{"le",  "la",  "les",  "des",  "et",  "du",
                                                             "est", "une", "dans", "pour", "par", "au"};
    // Function words are counted among the lower-case words only: a long list of names (a village
    // list, a roll of the dead) says nothing about the language it is written in.
    // Each word of the three lists (no word is in two) to its language: one lookup per word.
    static const FlatStringMap<int> language_of = [] {
        FlatStringMap<int> m;
        for (auto w : english) m.try_emplace(w, 0);
        for (auto w : azerbaijani) m.try_emplace(w, 1);
        for (auto w : french) m.try_emplace(w, 2);
        return m;
    }();
    std::size_t counts[3] = {0, 0, 0}, lower = 0;
    for (const auto& t : toks) {
        if (t.capitalized || t.numeric) continue;
        ++lower;
        if (t.folded.size() > 10) continue;  // longer than any listed word ("terefinden")
        if (const int* lang = language_of.find(t.folded)) ++counts[*lang];
    }
    const std::size_t en = counts[0], az = counts[1], fr = counts[2];
    const double share = lower ? static_cast<double>(en) / static_cast<double>(lower) : 1.0;
    if (share >= 0.12) return std::nullopt;
    if (arm * 2 > toks.size()) return "Armenian";
    if (cyr * 2 > toks.size()) return "Russian";
    if (other_script * 2 > toks.size()) return "a non-Latin script";
    if (az > fr && az * 30 > lower) return "Azerbaijani";
    if (fr * 20 > lower) return "French";
    // Without another language's words, only plenty of running text with almost no English in it.
    if (lower < 100 || share >= 0.05) return std::nullopt;
    return "another language";
}

std::size_t dateline_length(std::string_view p) {
    const std::size_t limit = std::min<std::size_t>(p.size(), 120);
    std::size_t i = 0;
    auto skip_spaces = [&] {
        while (i < limit && p[i] == ' ') ++i;
    };
    // The place: one to four capitalised words, "/" joining two ("STEPANAKERT/BAKU"), an optional
    // ", Country" after it.
    int words = 0;
    bool caps = true;
    while (i < limit && words < 5) {
        if (!std::isupper(static_cast<unsigned char>(p[i]))) break;
        const std::size_t b = i;
        while (i < limit && (std::isalpha(static_cast<unsigned char>(p[i])) || p[i] == '\'' || p[i] == '-')) ++i;
        for (std::size_t k = b; k < i; ++k) caps = caps && !std::islower(static_cast<unsigned char>(p[k]));
        ++words;
        if (i < limit && p[i] == '/') {
            ++i;
            continue;
        }
        if (i < limit && p[i] == ' ' && i + 1 < limit && std::isupper(static_cast<unsigned char>(p[i + 1])) &&
            p[i + 1] != '(') {
            ++i;
            continue;
        }
        break;
    }
    if (words == 0 || words > 4) return 0;
    bool dated = false;
    // ", April 3, 2016", ", Nov 9", ", 18 October"
    if (i + 2 < limit && p[i] == ',') {
        std::size_t j = i + 1;
        while (j < limit && p[j] == ' ') ++j;
        // (A leap year as the year: a yearless "Nov 9" parses; only the length is used.)
        if (const auto d = parse_first_date(p.substr(j, limit - j), DateContext{.year = 2024}); d && d->begin == 0) {
            i = j + d->end;
            dated = true;
        } else if (j < limit && std::isupper(static_cast<unsigned char>(p[j]))) {
            // ", Armenia, July 28"
            std::size_t k = j;
            while (k < limit && std::isalpha(static_cast<unsigned char>(p[k]))) ++k;
            if (k + 2 < limit && p[k] == ',') {
                std::size_t q = k + 1;
                while (q < limit && p[q] == ' ') ++q;
                if (const auto e = parse_first_date(p.substr(q, limit - q), DateContext{.year = 2024});
                    e && e->begin == 0) {
                    i = q + e->end;
                    dated = true;
                }
            }
        }
    }
    skip_spaces();
    bool agency = false;
    if (i < limit && p[i] == '(') {  // "(AFP)", "(Reuters)"
        const std::size_t close = p.find(')', i);
        if (close == std::string_view::npos || close > i + 30) return 0;
        i = close + 1;
        agency = true;
    } else if (i + 2 < limit && p[i] == '.' && p[i + 1] == ' ' && p[i + 2] == '/') {  // ". /TASS/."
        const std::size_t close = p.find('/', i + 3);
        if (close == std::string_view::npos || close > i + 30) return 0;
        i = close + 1;
        if (i < limit && p[i] == '.') ++i;
        agency = true;
    }
    if (!dated && !agency && !caps) return 0;  // "Azerbaijan said ..." opens no dateline
    skip_spaces();
    const std::string_view rest = p.substr(i);
    std::size_t dash = 0;
    if (rest.starts_with("-"))
        dash = 1;
    else if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94"))
        dash = 3;
    else if (agency && rest.size() > 1 && std::isupper(static_cast<unsigned char>(rest[0])))
        dash = 0;  // ". /TASS/. Azerbaijan ..."
    else
        return 0;
    if (dash == 0 && !(agency && rest.size() > 1)) return 0;
    i += dash;
    skip_spaces();
    // What follows must be a sentence of its own words.
    std::size_t spaces = 0;
    for (std::size_t k = i; k < p.size() && spaces < 3; ++k) spaces += p[k] == ' ';
    return spaces >= 3 ? i : 0;
}

}  // namespace sitmap::core::extract
