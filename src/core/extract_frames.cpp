// Sentences, clauses and event frames (see extract_frames.hpp).
#include "core/extract_frames.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace sitmap::core::extract {

namespace {

// Closing quote or bracket at `i` ( " ' ) ] ” ’ » ): its length in bytes, else 0.
std::size_t closing_at(std::string_view t, std::size_t i) {
    const char c = t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (c == '\xE2' && i + 2 < t.size() && t[i + 1] == '\x80' && (t[i + 2] == '\x9D' || t[i + 2] == '\x99')) return 3;
    if (c == '\xC2' && i + 1 < t.size() && t[i + 1] == '\xBB') return 2;
    return 0;
}

// Words after which a period does not end a sentence when a capital or a number follows ("Gen.
// Smith", "Sept. 19", "Mr. Aliyev"). Lower-case ASCII.
bool is_abbreviation(std::string_view w) {
    static constexpr std::array<std::string_view, 34> a{
        "mr",  "mrs", "ms",  "dr",  "gen",  "col", "lt",  "maj", "sgt", "capt", "cpt", "adm",
        "st",  "jan", "feb", "mar", "apr",  "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "no",  "vs",  "etc", "prof", "gov", "sen", "rep", "jr",  "sr"};
    return std::find(a.begin(), a.end(), w) != a.end();
}

// Byte ranges of the sentences of `text` (whitespace trimmed). A sentence ends at . ! or ?
// (with any closing quotes or brackets) followed by white space, except a period before a
// lower-case word, after an initial ("J. Smith") or after a title or month abbreviation before a
// capital or digit; a line break always ends one. This is the subset of the Unicode sentence rules
// (UAX #29, which ICU's sentence iterator implements) that news prose needs, at a fraction of the
// cost; the abbreviation list is what ICU's rules lack.
}  // namespace

std::vector<TextSpan> split_sentences(std::string_view text) {
    std::vector<TextSpan> out;
    auto push = [&](std::size_t b, std::size_t e) {
        while (b < e && static_cast<unsigned char>(text[b]) <= ' ') ++b;
        while (e > b && static_cast<unsigned char>(text[e - 1]) <= ' ') --e;
        if (e > b) out.push_back({b, e});
    };
    const std::size_t n = text.size();
    auto is_blank = [&](std::size_t k, std::size_t& len) {  // space, tab, or U+00A0
        len = 1;
        if (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') return true;
        if (text[k] == '\xC2' && k + 1 < n && text[k + 1] == '\xA0') {
            len = 2;
            return true;
        }
        return false;
    };
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == '\n') {
            push(start, i);
            start = i + 1;
            continue;
        }
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t j = i + 1;
        while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
        for (std::size_t len = 0; j < n && (len = closing_at(text, j)) > 0;) j += len;
        std::size_t blank_len = 0;
        if (j >= n || text[j] == '\n') {
            i = j - 1;
            continue;  // the line break or the end closes the sentence
        }
        // "were destroyed.On October 8 ...": a full stop with the space lost between a word and a
        // capitalised word (not "U.S.Army", not "news.am", not "1.5") still ends a sentence.
        const auto lower = [](char ch) { return ch >= 'a' && ch <= 'z'; };
        if (c == '.' && j == i + 1 && i >= 3 && lower(text[i - 1]) && lower(text[i - 2]) && lower(text[i - 3]) &&
            j + 1 < n && text[j] >= 'A' && text[j] <= 'Z' && lower(text[j + 1])) {
            push(start, j);
            start = j;
            continue;
        }
        if (!is_blank(j, blank_len)) continue;  // "1.5", "U.S.-backed"
        std::size_t k = j;
        while (k < n && is_blank(k, blank_len)) k += blank_len;
        if (k >= n) continue;
        const auto next = static_cast<unsigned char>(text[k]);
        if (c == '.' && j == i + 1) {
            if (next >= 'a' && next <= 'z') continue;  // "approx. five", "the U.S. army"
            // The word before the period, lower-cased; abbreviations are at most four letters.
            std::size_t w = i;
            const auto letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
            while (w > 0 && i - w < 5 && letter(text[w - 1])) --w;
            const bool whole = w == 0 || !letter(text[w - 1]);
            if (whole && i - w >= 1 && i - w <= 4) {
                char buf[4];
                for (std::size_t q = w; q < i; ++q)
                    buf[q - w] = static_cast<char>(text[q] >= 'A' && text[q] <= 'Z' ? text[q] + 32 : text[q]);
                const std::string_view word(buf, i - w);
                const bool initial = i - w == 1 && text[w] >= 'A' && text[w] <= 'Z';
                const bool capital_or_digit = (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9');
                if ((initial || is_abbreviation(word)) && capital_or_digit) continue;
            }
        }
        push(start, j);
        start = j;
        i = j - 1;
    }
    push(start, n);
    return out;
}

namespace {

std::string_view gap(std::string_view s, const std::vector<Token>& t, std::size_t j) {
    return s.substr(t[j - 1].end, t[j].begin - t[j - 1].end);
}

// Words that only set a claim's scene or time ("said on Monday", "said in a statement late on
// Sunday", "told reporters at a briefing"): what follows the reporting verb in a bare attribution.
bool attribution_setting(const Token& k) {
    if (k.numeric || (word_class(k.folded) & kWeekOrMonth)) return true;
    return one_of(
        k.folded,
        {"on",       "in",        "at",          "late",    "early",     "earlier",   "later",      "yesterday",
         "today",    "tonight",   "the",         "a",       "an",        "this",      "last",       "week",
         "morning",  "evening",   "afternoon",   "night",   "statement", "briefing",  "conference", "press",
         "news",     "reporters", "journalists", "by",      "phone",     "telephone", "interview",  "its",
         "his",      "her",       "their",       "written", "separate",  "televised", "address",    "also",
         "too",      "again",     "latest",      "update",  "bulletin",  "daily",     "website",    "channel",
         "telegram", "social",    "media",       "post",    "official",  "online",    "brief",      "short"});
}

// A reporting verb in a finite form ("said", "admitted", "says"), not a noun ("statement").
bool is_reporting_verb(const std::vector<Token>& t, std::size_t k) {
    const std::string_view w = t[k].folded;
    const auto trig = trigger_of(w, k + 1 < t.size() ? std::string_view(t[k + 1].folded) : "");
    return trig && trig->reporting && (is_past_form(w) || (word_class(w) & kPresent));
}

// ", Yerevan admitted to losing 800", ", the ministry says it took the heights": after a comma, a
// short subject (a name, or a determiner and up to three words) and a reporting verb with words of
// its own after it start a second claim. A bare attribution (", the ministry said.", ", officials
// said on Monday.") names the source of its clause and stays with it. The clause before the comma
// (from `from`) must be a claim too: it opens on its subject and holds a reporting verb ("Baku said
// ..., Yerevan admitted ..."), not a phrase that sets the scene ("Addressing parliament, Pashinyan
// says ...", "In a statement issued on Monday, the council ...", "According to the text ...").
bool second_claim_at(std::string_view s, const std::vector<Token>& t, std::size_t from, std::size_t j) {
    const std::string_view opener = t[from].folded;
    if ((word_class(opener) & kLocative) || opener.ends_with("ing") ||
        one_of(opener, {"according", "after", "before", "under", "as", "despite", "following", "since", "when"}))
        return false;
    bool claim_before = false;
    for (std::size_t k = from + 1; k < j && !claim_before; ++k) claim_before = is_reporting_verb(t, k);
    if (!claim_before) return false;
    const std::string_view first = t[j].folded;
    const bool determiner = one_of(first, {"the", "its", "his", "her", "their"});
    if (!determiner && !(t[j].capitalized && !(word_class(first) & (kFunction | kWeekOrMonth | kPronoun))))
        return false;
    for (std::size_t k = j + 1; k < std::min(t.size(), j + 5); ++k) {
        const std::string_view w = t[k].folded;
        if (is_reporting_verb(t, k)) {
            // Its own words, up to the next comma ("the ministry said, adding ..." has none).
            std::size_t content = 0;
            for (std::size_t q = k + 1; q < t.size() && gap(s, t, q).find(',') == std::string_view::npos; ++q)
                if (!attribution_setting(t[q])) ++content;
            return content >= 2;
        }
        if (trigger_of(w, "") || t[k].numeric || (word_class(w) & (kModal | kAux))) return false;
    }
    return false;
}

// Where the clause that starts at j ends: the next comma, semicolon or dash, or the sentence's end.
std::size_t gapping_end(std::string_view s, const std::vector<Token>& t, std::size_t j) {
    std::size_t k = j + 1;
    while (k < t.size()) {
        const std::string_view g = gap(s, t, k);
        if (g.find(',') != std::string_view::npos || g.find(';') != std::string_view::npos ||
            g.find("\xE2\x80\x94") != std::string_view::npos || g.find(" - ") != std::string_view::npos ||
            g.find(" \xE2\x80\x93 ") != std::string_view::npos)
            break;
        ++k;
    }
    return k;
}

// A word that tells a time: a number, a weekday or month, or a noun or adverb of time.
bool time_word(const Token& k) {
    return k.numeric || (word_class(k.folded) & kWeekOrMonth) ||
           one_of(k.folded, {"month", "week", "day", "days", "weeks", "half", "morning", "evening", "night",
                             "afternoon", "later", "earlier", "end", "beginning"});
}

// "Jabrayil fell in early October, Fuzuli and Zangilan in the second half of the month": a clause
// after a comma that names only a subject (names joined by "and") and a time leaves out the verb of
// the act before it (gapping); it tells the same act, with its own words. The clause before (from
// `from`) gives a time of its own: without one, "shelled Fuzuli, Hadrut and Martuni on Monday" is a
// list of places, not a second act.
bool gapping_at(std::string_view s, const std::vector<Token>& t, std::size_t from, std::size_t j) {
    if (j == 0 || gap(s, t, j).find(',') == std::string_view::npos) return false;
    auto cls = [&](std::size_t k) { return word_class(t[k].folded); };
    if (!t[j].capitalized || (cls(j) & (kFunction | kWeekOrMonth | kPronoun | kAgentHead))) return false;
    const std::size_t e = gapping_end(s, t, j);
    if (e - j < 3 || e - j > 12) return false;
    std::size_t k = j + 1;
    while (k < e && (t[k].capitalized || t[k].folded == "and") && !(cls(k) & kWeekOrMonth)) ++k;
    if (k >= e || !one_of(t[k].folded, {"in", "on", "by", "at", "during", "later", "a", "two", "three", "the"}))
        return false;
    bool time = false;
    for (std::size_t q = k; q < e; ++q) {
        if (is_past_form(t[q].folded) || (cls(q) & (kAux | kModal | kPresent))) return false;
        if (trigger_of(t[q].folded, "")) return false;
        time = time || time_word(t[q]);
    }
    if (!time) return false;
    bool time_before = false;
    for (std::size_t q = from; q < j && !time_before; ++q) time_before = time_word(t[q]);
    return time_before;
}

// ", saying ...", ", arguing that ...": a claim's participle opens a clause of what was said.
bool participle_word(std::string_view w) {
    return one_of(w, {"saying", "arguing", "insisting", "claiming", "stressing", "noting", "warning"});
}

// Token indices where a clause starts (always 0 first).
std::vector<std::size_t> clause_starts(std::string_view s, const std::vector<Token>& t) {
    std::vector<std::size_t> out{0};
    for (std::size_t j = 1; j < t.size(); ++j) {
        const std::string_view g = gap(s, t, j);
        const bool hard = g.find(';') != std::string_view::npos || g.find("\xE2\x80\x94") != std::string_view::npos ||
                          g.find(" - ") != std::string_view::npos || g.find(" \xE2\x80\x93 ") != std::string_view::npos;
        const bool comma = g.find(',') != std::string_view::npos;
        const std::string_view w = t[j].folded;
        const bool conj = one_of(w, {"and", "but", "while", "whereas", "after", "before", "when", "as", "which",
                                     "although", "though", "since", "where", "amid", "following", "adding"});
        // "stopped the clash and were investigating", "shelled Tartar and drones struck Barda": an
        // "and" before a verb (within three words) joins two clauses.
        bool joins_verbs = false;
        // "clashes between Azerbaijan and Armenia erupted": the "and" of "between A and B" joins names.
        bool between = false;
        for (std::size_t k = j; k > 0 && k + 4 > j && !between; --k) between = t[k - 1].folded == "between";
        // "Azerbaijani artillery and UAVs targeted ...": an "and" before the clause's first verb joins
        // its subjects; only a clause that already has a verb can be joined to a second.
        bool has_verb = false;
        for (std::size_t k = out.back(); k < j && !has_verb; ++k)
            has_verb = (word_class(t[k].folded) & (kAux | kPresent)) != 0 || is_past_form(t[k].folded);
        if ((w == "and" || w == "but") && !comma && !between && has_verb)
            for (std::size_t k = j + 1; k < std::min(t.size(), j + 4) && !joins_verbs; ++k)
                joins_verbs = (word_class(t[k].folded) & kAux) != 0 ||
                              (is_past_form(t[k].folded) && trigger_of(t[k].folded, "").has_value());
        const bool participle = comma && participle_word(w);
        if (hard || (comma && conj) || participle || (w == "while" || w == "whereas") || joins_verbs ||
            (comma && second_claim_at(s, t, out.back(), j)) || gapping_at(s, t, out.back(), j))
            out.push_back(j);
    }
    return out;
}

struct Hit {
    std::size_t at;
    Trigger word;
};

// "a group of Azerbaijanis, claiming to be environmental activists, blocked ...", "who claimed
// they were environmentalists", "describing themselves as eco-activists": a claim about who the
// actors are, said in passing; no statement of its own.
bool identity_claim(const std::vector<Token>& t, std::size_t i) {
    std::string buf;
    if (!one_of(lemma(t[i].folded, buf), {"claim", "describe", "call", "style", "present", "identify"})) return false;
    auto w = [&](std::size_t k) { return k < t.size() ? std::string_view(t[k].folded) : std::string_view(); };
    if (w(i + 1) == "to" && w(i + 2) == "be") return true;
    if (one_of(w(i + 1), {"themselves", "himself", "herself", "itself"})) return true;
    std::size_t k = i + 1;
    if (w(k) == "that") ++k;
    if (!one_of(w(k), {"they", "he", "she"}) || !one_of(w(k + 1), {"were", "are", "was", "is"})) return false;
    k += 2;
    if (one_of(w(k), {"a", "an"})) return true;
    const std::string_view n = w(k);
    return n.size() > 3 && (n.ends_with("ists") || n.ends_with("ist") || n.ends_with("ers") || n.ends_with("ians") ||
                            n.ends_with("ans") || n.ends_with("ants"));
}

// A clause in the present tense that says how often something happens ("periodically",
// "regularly", "from time to time"), with no verb in the past.
bool habitual_present(const std::vector<Token>& t, std::size_t b, std::size_t e) {
    bool habitual = false, past = false;
    for (std::size_t k = b; k < e; ++k) {
        habitual = habitual || one_of(t[k].folded, {"periodically", "regularly", "frequently", "routinely",
                                                    "occasionally", "usually", "often", "sporadically"});
        past = past || is_past_form(t[k].folded) || one_of(t[k].folded, {"was", "were", "had", "did"});
    }
    return habitual && !past;
}

// Words that hold a place or a date, not an event ("Mine" villages; "the Defence Ministry").
bool skip_trigger(const std::vector<Token>& t, std::size_t i) {
    const std::string_view w = t[i].folded;
    const std::string_view prev = i > 0 ? std::string_view(t[i - 1].folded) : "";
    const std::string_view next = i + 1 < t.size() ? std::string_view(t[i + 1].folded) : "";
    // "Nagorno-Karabakh is internationally recognised as part of Azerbaijan", "an internationally
    // recognized territory": the wires' background line about the region's status, no event.
    if ((w == "recognized" || w == "recognised") && (prev == "internationally" || next == "as")) return true;
    if (w == "operation" && (prev == "the" || prev == "an") && next == "of") return false;
    if ((w == "fire" || w == "fires") && (prev == "forest" || prev == "wild")) return true;
    if (w == "control" || w == "state" || w == "according" || w == "accordance" || w == "remaining") return true;
    // "a five-storey block", "concrete blocks": nouns; the verb is "blocked", "blocking".
    if ((w == "block" || w == "blocks") && !(prev == "to" || (word_class(prev) & kAux))) return true;
    if ((w == "fire" || w == "fires") && next == "brigade") return true;
    if ((w == "call" || w == "calls") && prev == "phone") return false;
    if (w == "war" && (next == "crimes" || next == "criminals" || next == "veteran" || next == "veterans")) return true;
    // "a closed-door meeting", "behind closed doors": how a meeting was held, not a road closed.
    if ((w == "closed" || w == "close") && (next == "door" || next == "doors")) return true;
    // "prisoners of war", "prisoners-of-war": people held, not fighting.
    if (w == "war" && prev == "of" && i >= 2 && one_of(t[i - 2].folded, {"prisoners", "prisoner"})) return true;
    if (w == "mine" && (next == "clearing" || next == "action")) return false;
    // "mining activity", "gold and copper mines", "the mine's workers": the industry, not landmines.
    if (one_of(w, {"mine", "mines", "mining"}) &&
        (one_of(prev, {"gold", "copper", "molybdenum", "coal", "ore", "open", "pit", "iron"}) ||
         one_of(next, {"activity", "activities",   "deposits", "deposit", "operations", "company",     "companies",
                       "industry", "sector",       "site",     "sites",   "licence",    "license",     "licenses",
                       "licences", "exploitation", "workers",  "output",  "concession", "concessions", "monitoring"})))
        return true;
    if (w == "return" && (next == "to" || prev == "the" || prev == "of")) return false;
    if (w == "report" && prev == "the" && next == "of") return true;
    return false;
}

// "the trilateral statement of 10 November 2020", "the November 9 statement", "a joint
// declaration signed in Moscow", "the statement that ended the war": the document the parties
// agreed, named (an agreement the text mentions), not somebody speaking.
bool agreed_document(const std::vector<Token>& t, std::size_t i) {
    const std::string_view w = t[i].folded;
    if (!one_of(w, {"statement", "declaration"})) return false;
    for (std::size_t k = i > 3 ? i - 3 : 0; k < i; ++k)
        if (one_of(t[k].folded, {"trilateral", "tripartite", "joint", "brokered", "ceasefire", "armistice"}) ||
            (k + 1 == i && (t[k].numeric || (word_class(t[k].folded) & kWeekOrMonth))))
            return true;
    if (i >= 2 && t[i - 1].numeric && (word_class(t[i - 2].folded) & kWeekOrMonth))
        return true;  // "November 10 statement"
    if (i + 1 >= t.size()) return false;
    const std::string_view next = t[i + 1].folded;
    if (one_of(next, {"signed", "ending", "ended"})) return true;
    if (next == "that" && i + 2 < t.size() && one_of(t[i + 2].folded, {"ended", "halted", "stopped", "ends"}))
        return true;
    return next == "of" && i + 2 < t.size() && (t[i + 2].numeric || (word_class(t[i + 2].folded) & kWeekOrMonth));
}

// The type an event word takes from the words around it: "signed a decree" is a decree, not an
// agreement; "exchange of fire" a clash; "exchange of prisoners" an agreement.
EventType refine_type(const std::vector<Token>& t, std::size_t i, EventType type) {
    std::string buf;
    const std::string_view lem = lemma(t[i].folded, buf);
    auto near_after = [&](std::initializer_list<std::string_view> words, std::size_t span) {
        for (std::size_t j = i + 1; j < std::min(t.size(), i + 1 + span); ++j)
            if (one_of(t[j].folded, words)) return true;
        return false;
    };
    if (lem == "sign" && near_after({"decree", "decrees", "law", "order", "ordinance", "bill"}, 4))
        return EventType::Other;
    // "a statement released on Tuesday", "footage released by the ministry": publishing, not freeing.
    if (lem == "release" && i > 0 &&
        one_of(t[i - 1].folded, {"statement", "report", "video", "footage", "photo", "photos", "image", "images",
                                 "figures", "data", "list", "document", "text"}))
        return EventType::Statement;
    if (lem == "exchange" && near_after({"fire", "gunfire", "shots"}, 3)) return EventType::Clash;
    // "came under the control of Azerbaijani forces": taken, not shelled.
    if (lem == "come" && near_after({"control"}, 3)) return EventType::Capture;
    if (lem == "exchange" && near_after({"prisoners", "detainees", "bodies", "captives", "pows"}, 4))
        return EventType::Agreement;
    if (lem == "return" && near_after({"refugees", "displaced", "residents", "families", "home", "homes"}, 4))
        return EventType::Humanitarian;
    // "Azerbaijan freed 32 Armenian soldiers": people released, no ground taken.
    if (lem == "free" && near_after({"prisoners", "soldiers", "servicemen", "military", "detainees", "hostages",
                                     "captives", "pows", "civilians", "personnel", "troops"},
                                    4))
        return EventType::Agreement;
    // "the republic ceased to exist on 1 January": a state dissolved, no ceasefire.
    if (lem == "cease" && near_after({"exist"}, 2)) return EventType::Other;
    // "Russia is withdrawing its peacekeepers", "peacekeepers had begun to withdraw": a contingent
    // leaving is a change of deployment, not ground lost.
    if ((lem == "withdraw" || lem == "withdrawal" || lem == "pullout" || lem == "pull-out") &&
        type == EventType::Capture)
        for (std::size_t j = i > 6 ? i - 6 : 0; j < std::min(t.size(), i + 7); ++j)
            if (t[j].folded.starts_with("peacekeep") || t[j].folded == "contingent") return EventType::Deployment;
    return type;
}

constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);

// The "to" of an infinitive governing token i ("to stop", "to immediately stop", "to stop the
// firing"), or kNoToken.
std::size_t infinitive_marker(const std::vector<Token>& t, std::size_t i, std::size_t begin) {
    std::size_t k = i;
    int skipped = 0;
    while (k > begin && skipped < 3) {
        const std::string_view w = t[k - 1].folded;
        if (w == "to") return k - 1;
        const bool adverb = w.size() > 3 && w.ends_with("ly");
        const bool verb_of_end = one_of(w, {"stop", "end", "halt", "start", "begin", "resume", "continue", "the"});
        if (!adverb && !verb_of_end) return kNoToken;
        --k;
        ++skipped;
    }
    return kNoToken;
}

bool negated(const std::vector<Token>& t, std::size_t i, std::size_t begin) {
    for (std::size_t b = i > begin + 3 ? i - 3 : begin; b < i; ++b)
        if (t[b].folded == "not" || t[b].folded == "never" || t[b].folded == "no" || t[b].folded == "nt") return true;
    // "no one was killed or injured", "nobody was hurt or detained": a subject that is nobody, up
    // to a word that opens another clause ("... when shells hit Goris").
    for (std::size_t b = i; b > begin && b + 7 > i;) {
        --b;
        if (one_of(t[b].folded, {"when", "after", "as", "while", "because", "before", "since", "but", "and"})) break;
        if (t[b].folded == "nobody" || (t[b].folded == "no" && b + 1 < i && t[b + 1].folded == "one")) return true;
    }
    return false;
}

// A forecast or assessment governs the trigger: a modal word in its clause ("will be returned",
// "would have been killed", "the offensive will likely resume"), unless the trigger is a verb in
// the past that comes before it ("said the talks will resume").
// `modal` is the first modal word of the clause (or the clause's end when it has none); `cls` the
// word classes of the sentence.
// Nouns for what an army takes ("took the village", "took the heights").
bool place_noun(std::string_view w) {
    return one_of(w, {"village", "villages", "town", "city", "height", "heights", "hill", "hills", "settlement",
                      "settlements", "district", "region", "airport", "bridge", "pass", "ridge", "road", "positions"});
}

// "8 May 1992", "in May": the month, not the modal ("may resume"). Mid-sentence the month is
// capitalised; at the start of a sentence it stands next to a number.
bool month_may(const std::vector<Token>& t, std::size_t k) {
    if (t[k].folded != "may") return false;
    const bool by_number = (k > 0 && t[k - 1].numeric) || (k + 1 < t.size() && t[k + 1].numeric);
    return by_number || (k > 0 && t[k].capitalized);
}

// "subjected the city of Ganja and the districts of Tartar and Aghdam to fire", "positions were
// subjected to intensive shelling": the act is the noun after "to", and the verb that governs it
// holds the places between, also when a list's commas split the clause. The index of that noun
// (at most 24 words on), or kNoToken.
std::size_t subjected_to(const std::vector<Token>& t, const std::vector<std::optional<Trigger>>& reading, std::size_t i,
                         std::size_t end) {
    if (!one_of(t[i].folded, {"subjected", "subjecting", "subjects"})) return kNoToken;
    for (std::size_t k = i + 1; k + 1 < end && k <= i + 24; ++k) {
        if (t[k].folded != "to") continue;
        // "to fire", "to intensive artillery fire", "to a nine-month blockade": the first event
        // word within four words of "to".
        for (std::size_t j = k + 1; j < end && j <= k + 4; ++j)
            if (reading[j] && !reading[j]->reporting) return j;
        return kNoToken;
    }
    return kNoToken;
}

bool forecast(const std::vector<Token>& t, const std::vector<unsigned>& cls, std::size_t i, std::size_t modal,
              std::size_t end, bool verb) {
    if (modal >= end) return false;
    if (modal < i)
        return !(verb && is_past_form(t[i].folded) && i > 0 && (cls[i - 1] & kAux) && t[i - 1].folded != "be");
    return !verb && modal <= i + 4;  // "the offensive will resume": a noun before its future verb
}

// A frame for a gapped clause (see gapping_at): the act of the frame before, told again with the
// clause's own words; its event word is the clause's first word, and `gapped` asks the caller to
// keep it only when that word starts a place's name.
std::optional<Frame> gapped_clause(std::string_view s, const std::vector<Token>& t, std::size_t from, std::size_t b,
                                   std::size_t e, const std::vector<Frame>& before) {
    if (b == 0 || before.empty() || before.back().statement || !gapping_at(s, t, from, b) || gapping_end(s, t, b) != e)
        return std::nullopt;
    Frame f = before.back();
    f.trigger = b;
    f.word.verb = false;
    f.begin = f.quote_begin = b;
    f.end = f.quote_end = e;
    f.reported = false;
    f.gapped = true;
    return f;
}

}  // namespace

namespace {

// Whether a claim and the act in its clause are two events. The guide counts a statement as an
// event, and the act it reports as one more "when the text describes it as happening".
enum class Pair {
    Both,         ///< a statement, and the act it reports
    Act,          ///< only the act, which the claim word performs ("declared martial law")
    ReportedAct,  ///< only the act; the claim word names where the report comes from
    Claim,        ///< only the statement: the act is what it asks for
};

Pair pair_choice(const std::vector<Token>& t, std::size_t claim, std::size_t act, std::size_t e) {
    std::string buffer;
    const std::string_view w = t[claim].folded;
    const std::string_view lem = lemma(w, buffer);
    // "declared martial law", "declares a unilateral halt": the declaring is the act itself, when
    // an event word follows as its object (not a place declared taken: "declared Hadrut liberated").
    if (lem == "declare" && act > claim)
        for (std::size_t k = claim + 1; k < e && k <= claim + 4; ++k) {
            if (t[k].capitalized || t[k].numeric || t[k].folded == "that") break;
            const auto trig = trigger_of(t[k].folded, k + 1 < t.size() ? std::string_view(t[k + 1].folded) : "");
            if (trig && !trig->reporting) return Pair::Act;
        }
    // "the ministry recalled that the town had been occupied in 1993", "…, the office recalled,":
    // a history retold, not a claim of the day.
    if (lem == "recall") {
        bool told = act < claim;  // "..., the office recalled"
        for (std::size_t k = claim + 1; k < act && k <= claim + 5 && !told; ++k) told = t[k].folded == "that";
        if (told) return Pair::ReportedAct;
    }
    // "According to the ministry, ...": where a report comes from, not a statement of its own.
    if (w == "according") return Pair::ReportedAct;
    // So is "As Radio Azatutyun reports, ..." (an outlet's report or writing; "As Aliyev said" is his
    // claim).
    if (act > claim && claim <= 6 && !t.empty() && t[0].folded == "as" &&
        one_of(lem, {"report", "write", "note", "cite", "quote", "inform"}))
        return Pair::ReportedAct;
    // "asked Moscow for military help", "urged the withdrawal of troops", "called for an end to the
    // fighting", "demanded the reopening of the road": what is asked for has not happened.
    if (act > claim) {
        const bool asks = one_of(lem, {"ask", "urge", "appeal", "demand"}) ||
                          (lem == "call" && claim + 1 < e && one_of(t[claim + 1].folded, {"for", "on"}));
        if (asks) return Pair::Claim;
        // "denied launching the strike", "rejected reports of an attack": a denial does not tell
        // the act as having happened.
        // ("denied the claim, writing that fierce battles were still going on": the battles are told.)
        if (denial_lemma(lem) && act <= claim + 4) {
            bool told = false;
            for (std::size_t k = claim + 1; k < act && !told; ++k)
                told = one_of(t[k].folded, {"that", "saying", "writing", "adding", "insisting"});
            if (!told) return Pair::Claim;
        }
    }
    return Pair::Both;
}

}  // namespace

namespace {

// A site's navigation bar scraped with the page ("The Daily Post - World News Health & Wellness
// Middle East Business Opinion"): ten or more words, every one capitalised, no comma, no full stop.
bool navigation_bar(std::string_view s, const std::vector<Token>& t) {
    if (t.size() < 10 || s.find(',') != std::string_view::npos || s.ends_with(".")) return false;
    return std::all_of(t.begin(), t.end(), [](const Token& k) { return k.capitalized || k.numeric; });
}

}  // namespace

bool is_meta_sentence(const std::vector<Token>& t) {
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        const std::string_view a = t[i].folded, b = t[i + 1].folded;
        const std::string_view c = i + 2 < t.size() ? std::string_view(t[i + 2].folded) : "";
        if ((a == "no" || a == "few") && (b == "further" || b == "other" || b == "more") &&
            (c == "details" || c == "information"))
            return true;
        if (a == "independently" && (b == "verify" || b == "verified" || b == "confirm" || b == "confirmed"))
            return true;
        if (a == "for" && b == "comment") return true;
        if ((a == "not" || a == "nt") && b == "immediately") return true;
        if (a == "details" && (b == "were" || b == "are") && c == "not") return true;
        if (a == "subscribe" || (a == "click" && b == "here")) return true;
        if (i == 0 && b == "by" &&
            (a == "reporting" || a == "editing" || a == "writing" || a == "compiled" || a == "additional"))
            return true;  // a wire report's credit line
        if ((a == "contact" && b == "form") || (a == "corrections" && b == "welcome")) return true;
        if (a == "declined" && b == "to" && c == "comment") return true;
        // What is not (yet) known or said: "there is no word yet on casualties", "there was no
        // immediate response from Baku", "the cause of the blast is not known".
        if (a == "no" && one_of(b, {"word", "immediate", "comment", "response", "reaction", "reply"})) return true;
        if (one_of(a, {"is", "are", "was", "were", "remains", "remain", "remained"}) &&
            (one_of(b, {"unknown", "unclear"}) || ((b == "not" || b == "nt") && one_of(c, {"known", "clear"}))))
            return true;
    }
    // "No casualties were reported": a sentence that opens on "no" and reports nothing happening.
    if (t.size() > 2 && t[0].folded == "no")
        for (std::size_t i = 2; i < t.size(); ++i)
            if (one_of(t[i].folded, {"reported", "recorded", "confirmed", "registered"}) &&
                one_of(t[i - 1].folded, {"was", "were", "been", "immediately", "yet"}))
                return true;
    return false;
}

std::vector<Frame> find_frames(std::string_view s, const std::vector<Token>& t) {
    std::vector<Frame> out;
    if (t.empty() || s.ends_with("?") || is_meta_sentence(t) || navigation_bar(s, t)) return out;
    // Each word's event reading, looked up once. A sentence without any event word (most of a
    // long text) is done after that.
    std::vector<std::optional<Trigger>> reading(t.size());
    bool any = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        reading[i] = trigger_of(t[i].folded, i + 1 < t.size() ? std::string_view(t[i + 1].folded) : "");
        any = any || reading[i].has_value() || t[i].folded == "take" || t[i].folded == "takes" ||
              t[i].folded == "took" || t[i].folded == "taken" || t[i].folded == "fell" || t[i].folded == "falls" ||
              t[i].folded == "according";
    }
    if (!any) return out;
    const auto starts = clause_starts(s, t);
    std::vector<unsigned> cls(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) cls[i] = word_class(t[i].folded);
    bool present_sentence = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const unsigned c = cls[i];
        if (c & kPresent) present_sentence = true;
        if ((c & kHave) && i + 1 < t.size() && is_past_form(t[i + 1].folded)) present_sentence = true;
        if (t[i].folded == "today" || t[i].folded == "currently" || t[i].folded == "now") present_sentence = true;
    }
    bool hedged = false;
    for (const unsigned c : cls) hedged = hedged || (c & kHedge);
    // The act noun a "subjected ... to" verb holds, and its words ("to fire from artillery and
    // missile systems"): told by the verb, not acts of their own.
    std::size_t told_from = kNoToken, told_to = 0;
    for (std::size_t c = 0; c < starts.size(); ++c) {
        const std::size_t b = starts[c], e = c + 1 < starts.size() ? starts[c + 1] : t.size();
        std::size_t modal = e;  // the clause's first modal word
        for (std::size_t k = b; k < e && modal == e; ++k)
            if ((cls[k] & kModal) && !month_may(t, k)) modal = k;
        std::optional<Hit> best_act, best_claim;
        for (std::size_t i = b; i < e; ++i) {
            if (i >= told_from && i <= told_to) continue;
            // "According to the ministry, ...": a claim, whatever it reports.
            const bool according = t[i].folded == "according" && i + 1 < t.size() && t[i + 1].folded == "to";
            if (t[i].numeric || (!according && skip_trigger(t, i))) continue;
            auto trig = according ? std::optional<Trigger>(Trigger{EventType::Statement, 3, true, true}) : reading[i];
            if (trig && trig->reporting && agreed_document(t, i)) trig = Trigger{EventType::Agreement, 7, false, false};
            if (trig && trig->reporting && identity_claim(t, i)) continue;
            // "Jabrayil fell in early October": a named place falling is a capture.
            if (!trig && (t[i].folded == "fell" || t[i].folded == "falls") && i > 0 && t[i - 1].capitalized &&
                !(cls[i - 1] & (kFunction | kWeekOrMonth)))
                trig = Trigger{EventType::Capture, 7, true, false};
            // "forces take Hin Tagher", "took Shusha": taking a named place is a capture.
            // So is taking "the Lele Tepe height", "the village", and a named place being taken
            // ("Lachin was taken").
            const bool take_form =
                t[i].folded == "take" || t[i].folded == "takes" || t[i].folded == "took" || t[i].folded == "taken";
            if (!trig && take_form && i + 1 < t.size() && t[i + 1].capitalized && !(cls[i + 1] & kWeekOrMonth))
                trig = Trigger{EventType::Capture, 7, true, false};
            if (!trig && take_form && i + 2 < t.size() && t[i + 1].folded == "the" &&
                (t[i + 2].capitalized || place_noun(t[i + 2].folded)) && !(cls[i + 2] & kWeekOrMonth))
                trig = Trigger{EventType::Capture, 7, true, false};
            const bool be_taken = i >= 2 && (t[i - 1].folded == "was" || t[i - 1].folded == "were") &&
                                  t[i - 2].capitalized && !(cls[i - 2] & (kFunction | kWeekOrMonth));
            const bool name_taken = i >= 2 && t[i - 1].capitalized && !(cls[i - 1] & (kFunction | kWeekOrMonth)) &&
                                    reading[i - 2] && reading[i - 2]->reporting;  // "announces Hadrut taken"
            // "Several heights near Murovdag had been taken": a place taken, in the perfect.
            bool been_taken = false;
            if (i >= 3 && t[i - 1].folded == "been" && ((cls[i - 2] & kHave) || t[i - 2].folded == "had"))
                for (std::size_t k = i >= 9 ? i - 7 : 1; k + 2 < i && !been_taken; ++k)
                    been_taken = place_noun(t[k].folded) ||
                                 (t[k].capitalized && !(cls[k] & (kFunction | kWeekOrMonth)) && k > b);
            if (!trig && t[i].folded == "taken" && (be_taken || name_taken || been_taken) &&
                (i + 1 >= t.size() || !one_of(t[i + 1].folded, {"to", "into", "away", "hostage", "captive", "prisoner",
                                                                "ill", "aback", "off", "out", "for", "by"})))
                trig = Trigger{EventType::Capture, 7, true, false};
            if (!trig)
                if (const std::size_t noun = subjected_to(t, reading, i, t.size()); noun != kNoToken) {
                    trig = Trigger{reading[noun]->type, reading[noun]->weight, true, false};
                    told_from = noun;
                    told_to = noun + 4;
                }
            if (!trig) continue;
            if (i > 0 && (cls[i - 1] & kAux)) trig->verb = true;
            trig->type = refine_type(t, i, trig->type);
            // A capitalised event word inside a name ("Defence Ministry Statement", "Mine Action
            // Agency") is a heading word, not the event, unless it opens the clause.
            if (t[i].capitalized && i > b && t[i - 1].capitalized && !trig->reporting) continue;
            const bool right_after_not =
                i > 0 && (t[i - 1].folded == "not" || t[i - 1].folded == "nt" || t[i - 1].folded == "never");
            // "there were no official statements": a claim noun after "no" is none.
            const bool none_of_it = !trig->verb && ((i > 0 && t[i - 1].folded == "no") ||
                                                    (i > 1 && t[i - 2].folded == "no" && !t[i - 1].capitalized));
            if (negated(t, i, b) && (!trig->reporting || right_after_not || none_of_it)) continue;  // "did not comment"
            // "No report of casualties was provided", "No damage to the town": a clause that opens
            // on "no" reports an event that did not happen.
            if (!trig->verb && t[b].folded == "no" && i > b && i <= b + 6) continue;
            // "an end to the fighting", "a halt to the shelling": what is asked for.
            if (i >= 2 && (t[i - 1].folded == "the" ? i >= 3 : true)) {
                const std::size_t k = t[i - 1].folded == "the" ? i - 2 : i - 1;
                if (t[k].folded == "to" && k >= 1 && one_of(t[k - 1].folded, {"end", "halt", "stop", "return"}))
                    continue;
            }
            // An infinitive is what someone wants, not what happened ("called on both sides to stop
            // firing", "to immediately halt", "agreed to hand over"), unless a verb of beginning or
            // trying governs it ("began to withdraw", "tried to advance").
            if (const std::size_t to = infinitive_marker(t, i, b); to != kNoToken) {
                const std::string_view gov = to > 0 ? std::string_view(t[to - 1].folded) : "";
                if (!one_of(gov, {"began", "begun", "started", "continued", "continue", "continues", "tried", "trying",
                                  "attempted", "attempting", "sought"}))
                    continue;
            }
            if (forecast(t, cls, i, modal, e, trig->verb)) continue;
            // "hostilities periodically resume", "both sides regularly violate the truce": what
            // keeps happening, told in the present, is background, not an event of the day.
            if (habitual_present(t, b, e)) continue;
            // "before the offensive", "since the war", "after last year's ceasefire": a noun that
            // only says when something else happened.
            // "before launching the offensive", "after capturing the town": a clause of time.
            if (i >= 1 && t[i].folded.ends_with("ing") &&
                one_of(t[i - 1].folded, {"before", "after", "since", "while", "when", "without"}))
                continue;
            if (!trig->verb && i >= 1) {
                std::size_t k = i - 1;
                // Any year or month may qualify the noun ("since the 1994 truce", "after the
                // September offensive").
                while (k > b && (one_of(t[k].folded, {"the", "this", "that", "last", "year", "years", "s", "military",
                                                      "short", "brief"}) ||
                                 (t[k].numeric && t[k].folded.size() == 4) || (cls[k] & kWeekOrMonth)))
                    --k;
                if (k < i && one_of(t[k].folded, {"before", "after", "since", "until", "following", "ahead"})) continue;
            }
            const int w = trig->weight + (trig->verb ? 2 : 0);
            auto& slot = trig->reporting ? best_claim : best_act;
            if (!slot || w > slot->word.weight + (slot->word.verb ? 2 : 0)) slot = Hit{i, *trig};
        }
        auto frame = [&](const Hit& h, bool statement) {
            Frame f;
            f.trigger = h.at;
            f.word = h.word;
            f.begin = b;
            f.end = e;
            f.quote_begin = b;
            f.quote_end = e;
            f.statement = statement;
            // The document's own words ("the trilateral statement", "the statement signed") name it too.
            if (!statement && h.word.type == EventType::Agreement)
                for (std::size_t k = h.at > 2 ? h.at - 2 : 0; k < t.size() && k <= h.at + 2 && !f.document; ++k)
                    f.document = agreed_document(t, k);
            f.hedged = hedged;
            f.present = present_sentence;
            return f;
        };
        // A fragment with only a noun ("A chronology of the war.", "Photo: the offensive") is a
        // caption or a heading that kept its full stop, not a report.
        // ("A standoff continued near Goris." has a verb of its own: a report.)
        const bool any_verb = std::any_of(
            t.begin() + static_cast<std::ptrdiff_t>(b), t.begin() + static_cast<std::ptrdiff_t>(e),
            [](const Token& k) { return is_past_form(k.folded) || (word_class(k.folded) & (kAux | kPresent)) != 0; });
        if (best_act && !best_act->word.verb && !best_claim && t.size() < 8 && best_act->at > 0 && !any_verb &&
            one_of(t[best_act->at - 1].folded, {"the", "a", "an", "of", "this", "that"}))
            best_act.reset();
        // Two or three capitalised words without a verb ("/Sever Press/.", "Blockade Watch") are a
        // name: an outlet's credit, a masthead.
        if (best_act && !best_act->word.verb && !best_claim && t.size() <= 3 &&
            std::all_of(t.begin(), t.end(), [](const Token& k) { return k.capitalized; }))
            best_act.reset();
        // "As Radio Azatutyun reports, ...", "According to the Investigative Committee, ...": a
        // clause that only names the source of the next clause's report is no statement of its own.
        // ("As Aliyev said, ..." is his claim: only reports and writings are sources.)
        if (best_claim && !best_act && c + 1 < starts.size()) {
            std::string buffer;
            const std::string_view claim_lemma = lemma(t[best_claim->at].folded, buffer);
            const bool as_source =
                t[b].folded == "as" && one_of(claim_lemma, {"report", "write", "note", "cite", "quote", "inform"});
            if (as_source || (t[b].folded == "according" && b + 1 < e && t[b + 1].folded == "to")) best_claim.reset();
        }
        // A claim with no act is a statement.
        const Pair pair = best_claim && best_act ? pair_choice(t, best_claim->at, best_act->at, e) : Pair::Both;
        if (pair == Pair::Act || pair == Pair::ReportedAct) {
            Frame act = frame(*best_act, false);
            act.reported = pair == Pair::ReportedAct;
            out.push_back(act);
        } else if (pair == Pair::Claim) {
            out.push_back(frame(*best_claim, true));
        } else if (best_claim && best_act) {
            Frame claim = frame(*best_claim, true);
            Frame act = frame(*best_act, false);
            act.reported = true;
            // The act governs the words on its side of the reporting verb.
            if (best_act->at > best_claim->at) {
                claim.end = best_claim->at + 1;
                while (claim.end < e && claim.end < best_claim->at + 4 && !trigger_of(t[claim.end].folded, ""))
                    ++claim.end;
                act.begin = best_claim->at + 1;
                if (act.begin < e && (t[act.begin].folded == "that" || t[act.begin].folded == "on")) {
                    // "said that ...", "said on Monday that ...": the act's own words start after it.
                    std::size_t k = act.begin;
                    while (k < std::min(e, act.begin + 5) && t[k].folded != "that") ++k;
                    if (k < e && t[k].folded == "that" && k < best_act->at) act.begin = k + 1;
                }
                act.quote_begin = act.begin;
                out.push_back(claim);
            } else if (e > best_claim->at + 1) {
                // The claim has words of its own after the verb ("said in identically worded
                // statements on Saturday evening"): a statement, and the act.
                act.end = best_claim->at;
                act.quote_end = act.end;
                claim.begin = best_claim->at > b + 4 ? best_claim->at - 4 : b;
                out.push_back(claim);
            } else {
                // "Several servicemen were killed, the ministry said": a bare attribution after
                // the act names its source; it is not a statement of its own. The act is the
                // event, reported. (A claim that leads, "Baku said that ...", is a statement.)
                act.end = best_claim->at;
                act.quote_end = act.end;
            }
            out.push_back(act);
        } else if (best_act) {
            out.push_back(frame(*best_act, false));
        } else if (best_claim) {
            out.push_back(frame(*best_claim, true));
        } else if (auto g = gapped_clause(s, t, c > 0 ? starts[c - 1] : 0, b, e, out)) {
            out.push_back(*g);
        }
    }
    // Clauses without an event word lend their words to the frame before them (a trailing "in
    // Tartar on Sunday"); a sentence's first frame reaches back to the sentence start.
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (k == 0 && out[k].begin > 0 && !out[k].reported) out[k].begin = 0;
        if (k == 0) out[k].quote_begin = std::min(out[k].quote_begin, out[k].begin);
        const std::size_t next = k + 1 < out.size() ? out[k + 1].quote_begin : t.size();
        // A gapped clause is its names and its time: what follows is not its words.
        if (!out[k].gapped && (!out[k].statement || k + 1 == out.size() || !out[k + 1].reported))
            if (next > out[k].quote_end) {
                out[k].end = std::max(out[k].end, next);
                out[k].quote_end = next;
            }
    }
    return out;
}

}  // namespace sitmap::core::extract
