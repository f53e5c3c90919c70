// Event extraction (see extractor.hpp). Sections:
//   [SECTION] Lexicon            event words, their types and weights
//   [SECTION] Word classes       one hash lookup per token: modal, reporting, locative, rule cues
//   [SECTION] Sentences          the sentence splitter
//   [SECTION] The operation frame  start/halt/length of the operation a report describes
//   Extractor::extract           pass 1 (sentences, places, focus), frame pass, pass 2 (per
//                                sentence: dates, event word, places, the date rules, actor/target)
// The dating rules implement the annotation guide (../shared/reference/gold_notes.md) as
// general rules; each has a synthetic unit test in tests/unit/extractor_test.cpp.
#include "core/extractor.hpp"

#include "core/date_extract.hpp"
#include "core/text_tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitmap::core {

namespace {

// FNV-1a: folded words are short, and this beats std::hash's general-purpose byte hash on them.
struct WordHash {
    std::size_t operator()(std::string_view w) const noexcept {
        std::uint64_t h = 1469598103934665603ull;
        for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return static_cast<std::size_t>(h);
    }
};

// [SECTION] Lexicon: words that report a happening, with the type they suggest and a weight.
// Physical events outweigh reporting verbs, so "X said forces shelled Y" is a strike.
struct Trigger {
    EventType type;
    int weight;
};

using Lexicon = std::unordered_map<std::string_view, Trigger, WordHash>;

const Lexicon& lexicon() {
    static const Lexicon table = [] {
        Lexicon t;
        auto add = [&](EventType type, int weight, std::initializer_list<const char*> words) {
            for (const char* w : words) t.emplace(w, Trigger{type, weight});
        };
        add(EventType::Strike, 6,
            {"shell", "shelled", "shelling", "shells", "strike", "strikes", "struck", "bomb", "bombed", "bombing",
             "bombardment", "missile", "missiles", "rocket", "rockets", "drone", "drones", "airstrike", "airstrikes",
             "artillery", "targeted", "target", "targets", "targeting", "hit", "hitting", "destroyed", "destruction",
             "destroy", "neutralized", "neutralised", "disabled", "dismantle", "dismantled", "dismantling", "fired", "fires",
             "firing", "attack", "attacks", "attacked", "munitions", "precision", "weaponry"});
        add(EventType::Capture, 7,
            {"captured", "capture", "captures", "seized", "liberated", "liberation", "liberate", "retook", "retaken",
             "recaptured", "occupied", "occupation", "offensive", "advance", "advanced", "advancing", "counterattack",
             "counteroffensive", "operation", "operations", "launched", "took", "control", "won", "lost",
             "campaign", "conquered", "controlled", "counterattacks", "surrendered", "surrender", "withdrew", "retreated"});
        add(EventType::Clash, 6,
            {"clash", "clashes", "clashed", "fighting", "fought", "battle", "battles", "skirmish", "skirmishes",
             "war", "wars", "hostilities", "firefight", "counter", "escalated", "escalation", "combat", "aggression"});
        add(EventType::Ceasefire, 8,
            {"ceasefire", "ceasefires", "truce", "armistice", "halted", "cease", "halt"});
        add(EventType::Agreement, 7,
            {"agreement", "agreements", "signed", "handover", "handed", "returned", "deal", "accord", "treaty",
             "tripartite", "trilateral", "accepted"});
        add(EventType::Statement, 3,
            {"said", "says", "stated", "statement", "statements", "claimed", "claims", "claim", "announced",
             "announcement", "reported", "reports", "denied", "denies", "insists", "insisted", "accused", "accuses",
             "blames", "blamed", "warned", "warns", "described", "condemned", "condemns", "confirmed", "confirms",
             "told", "demanding", "demanded", "urged", "admit", "admitted", "reiterated", "disclosed", "unveiled",
             "noted", "informed", "expressed", "appeal", "appealed", "called", "declared", "alleged", "stressed",
             "emphasized", "concern", "footage", "video", "findings"});
        add(EventType::Casualty, 8,
            {"killed", "wounded", "injured", "injuries", "dead", "died", "casualties", "fatalities", "deaths",
             "death", "mine", "landmine", "landmines", "explosion", "blast", "missing", "expelled", "victims"});
        add(EventType::Deployment, 5,
            {"deployed", "deployment", "deploy", "stationed", "peacekeeping", "peacekeepers", "drills", "exercises",
             "training", "presence", "troops", "reinforcements", "buildup", "transfers", "moving", "mandate",
             "persisted", "remained", "stockpiling", "mobilization", "mobilisation"});
        add(EventType::Negotiation, 6,
            {"talks", "negotiations", "negotiation", "negotiate", "met", "meeting", "meet", "mediated", "mediation",
             "phoned", "summit", "visited", "visit"});
        add(EventType::Blockade, 8, {"blockade", "blockaded", "blocked", "blocking", "checkpoint", "closure"});
        add(EventType::Humanitarian, 7,
            {"humanitarian", "aid", "refugees", "evacuated", "evacuation", "displaced", "displacement", "exodus",
             "fled", "convoy"});
        add(EventType::Other, 4, {"decree", "martial", "tested", "dissolved", "dissolution", "patchwork", "linked"});
        return t;
    }();
    return table;
}

// [SECTION] Word classes. Every test below is one hash lookup of the folded word (the scan runs
// on every token of every sentence, so linear searches of word lists were a hot spot).
enum WordClassBit : unsigned {
    kModal = 1u << 0,
    kPastIrregular = 1u << 1,
    kLocative = 1u << 2,
    kReporting = 1u << 3,
    kAgent = 1u << 4,
    kFunction = 1u << 5,
    kOperation = 1u << 6,
    kStart = 1u << 7,
    kHalt = 1u << 8,
    kPresentReporting = 1u << 9,
    // Cue words of single rules: a sentence without them skips the rule's scan.
    kHave = 1u << 10,       // has, have (present perfect)
    kUntil = 1u << 11,      // until, till
    kAfter = 1u << 12,      // after (one day of ...)
    kCause = 1u << 13,      // trigger, upcoming ...
    kPrecede = 1u << 14,    // preceding, ahead, prior, before
    kAppeal = 1u << 15,     // appealed, agreed, accepted, surrendered
    kDeFacto = 1u << 17,    // de (facto), separatist
    kHedge = 1u << 18,      // reportedly, allegedly, unconfirmed
    kExchange = 1u << 19,   // exchange (of fire)
    kTrigger = 1u << 20,    // a word of the event lexicon
    kAux = 1u << 21,        // been, was, were, has, have, had: the next verb is past
    kAs = 1u << 22,         // as (of <date>)
    kEarlier = 1u << 23,    // previously, repeatedly, times (several times, last time)
};

unsigned word_class(std::string_view w) {
    static const std::unordered_map<std::string_view, unsigned, WordHash> table = [] {
        std::unordered_map<std::string_view, unsigned, WordHash> t;
        auto add = [&](unsigned bit, std::initializer_list<std::string_view> words) {
            for (std::string_view x : words) t[x] |= bit;
        };
        // Forecasts, assessments and counterfactuals: "seemed a full victory", "was supposed to
        // guarantee", "the statement indicates", "the advance poses a threat", "the bloc seeks to".
        add(kModal, {"will", "would", "could", "might", "likely", "unlikely", "inevitable", "seems", "seem", "seemed",
                     "perhaps", "probably", "suggests", "indicates", "supposed", "perspective", "poses", "seeks",
                     "represents", "constitutes"});
        add(kPastIrregular, {"took", "fought", "met",  "struck", "hit",  "said",
                                                                "told", "fled",   "won",  "lost",   "shot", "began",
                                                                "begun", "left",  "held", "retook"});
        add(kLocative, {"in",     "near",  "at",      "around", "outside", "into",
                                                        "inside", "across", "towards", "toward", "from",   "within",
                                                        "along",  "over"});
        add(kReporting, {"says",   "said",   "insists", "insisted", "claims", "expressed",
                                                        "claimed", "stated", "announced", "noted",  "agreed",
                                                        "accused", "blamed", "blames",  "warned",  "denied",
                                                        "reported"});
        add(kAgent, {"forces",    "army",       "military",  "troops",   "side",      "government", "authorities", "ministry",
        "president", "officials",  "units",     "formations", "artillery", "drones",  "leader",     "minister",
        "regime",    "militants",  "personnel", "spokesman", "spokesperson", "office", "community",  "population",
        "fighters",  "groups",     "soldiers",  "leadership", "peacekeepers", "defense"});
        add(kFunction, {"the",    "a",      "an",      "on",       "in",        "as",   "at",      "according", "moreover", "however",
        "also",   "after",  "before",  "since",    "during",    "this", "that",    "meanwhile", "nonetheless",
        "in",     "while",  "although", "reportedly", "shortly"});
        add(kOperation, {"operation", "operations", "measures", "offensive", "war",
                                                        "counterattack", "counteroffensive", "campaign",
                                                        "hostilities", "assault", "incursion"});
        add(kStart, {"launched", "began", "begun", "started", "start",
                                                        "initiated", "beginning", "launch", "outbreak", "opened"});
        add(kHalt, {"halted", "ended", "stopped", "ceased", "concluded",
                                                       "suspended", "ceasefire", "truce", "surrendered"});
        add(kPresentReporting, {"says",   "blames", "insists", "claims", "accuses",
                                                        "denies", "warns",  "argues",  "believes", "maintains"});
        add(kHave, {"has", "have"});
        add(kUntil, {"until", "till"});
        add(kAfter, {"after"});
        add(kCause, {"trigger", "triggered", "upcoming", "imminent"});
        add(kPrecede, {"preceding", "ahead", "prior", "before"});
        add(kAppeal, {"appealed", "agreed", "accepted", "surrendered"});
        add(kDeFacto, {"de", "separatist"});
        add(kHedge, {"reportedly", "allegedly", "unconfirmed"});
        add(kExchange, {"exchange"});
        add(kAux, {"been", "was", "were", "has", "have", "had"});
        add(kAs, {"as"});
        add(kEarlier, {"previously", "repeatedly", "earlier", "times", "time"});
        for (const auto& [word, trigger] : lexicon()) t[word] |= kTrigger;
        return t;
    }();
    if (w.size() > 12) return 0u;  // longer than any listed word
    const auto it = table.find(w);
    return it == table.end() ? 0u : it->second;
}

// Reading such a word makes the sentence a forecast or an analysis unless a past-tense event word
// is also there ("X said the operation will continue" stays a statement).
bool is_modal(std::string_view w) { return (word_class(w) & kModal) != 0; }

bool is_past(std::string_view w) {
    if (word_class(w) & kPastIrregular) return true;
    return w.size() > 4 && w.ends_with("ed");
}

bool is_locative(std::string_view w) { return (word_class(w) & kLocative) != 0; }

bool is_reporting_verb(std::string_view w) { return (word_class(w) & kReporting) != 0; }

bool is_agent_head(std::string_view w) { return (word_class(w) & kAgent) != 0; }


// [SECTION] Sentences.

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
        "mr",  "mrs", "ms",  "dr",  "gen", "col", "lt",  "maj", "sgt",  "capt", "cpt", "adm",
        "st",  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",  "sept", "oct", "nov",
        "dec", "no",  "vs",  "etc", "prof", "gov", "sen", "rep", "jr",  "sr"};
    return std::find(a.begin(), a.end(), w) != a.end();
}

// Byte ranges of the sentences of `text` (whitespace trimmed). A sentence ends at . ! or ?
// (with any closing quotes or brackets) followed by white space, except a period before a
// lower-case word, after an initial ("J. Smith") or after a title or month abbreviation before a
// capital or digit; a line break always ends one. This is the subset of the Unicode sentence rules
// (UAX #29, which ICU's sentence iterator implements) that news prose needs, at a fraction of the
// cost; the abbreviation list is what ICU's rules lack.
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

std::string first_words(std::string_view s, std::size_t n) {
    std::string out;
    std::size_t words = 0;
    bool in = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (!sp && !in && ++words > n) {
            while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
            return out + "\xE2\x80\xA6";
        }
        in = !sp;
        out.push_back(sp ? ' ' : s[i]);
    }
    return out;
}

// [SECTION] The operation frame. A report about an offensive or a war names the day it started
// ("On September 19 ... launched an operation", "since the start of the war on September 27") and
// often when it ended ("halted as of 13:00, September 20", "the one-day operation", "lasted 44
// days"). Undated happenings the text reports during it are dated to that interval, as annotators do
// ("the event falls somewhere in the interval the text supports"), not to the dateline.
bool is_operation_word(std::string_view w) { return (word_class(w) & kOperation) != 0; }



// "one", "two" ... "ten" or digits (1..99); -1 otherwise.
int small_number(std::string_view w) {
    static constexpr std::array<std::string_view, 11> n{"zero", "one", "two", "three", "four", "five",
                                                        "six",  "seven", "eight", "nine", "ten"};
    for (std::size_t i = 0; i < n.size(); ++i)
        if (w == n[i]) return static_cast<int>(i);
    int v = 0;
    for (char c : w) {
        if (c < '0' || c > '9' || v > 99) return -1;
        v = v * 10 + (c - '0');
    }
    return w.empty() || v == 0 ? -1 : v;
}

// Length in days written next to an operation word: "one-day operation", "a 44-day war",
// "lasted 44 days". 0 when none.
int stated_duration_days(const std::vector<Token>& toks) {
    for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
        const int n = small_number(toks[i].folded);
        if (n <= 0) continue;
        if (toks[i + 1].folded == "day") {
            // "one-day-long", "a 44-day war", "the one-day local anti-terror operation"
            for (std::size_t j = i + 2; j < std::min(toks.size(), i + 7); ++j)
                if (is_operation_word(toks[j].folded) || toks[j].folded == "long") return n;
        }
        if (toks[i + 1].folded == "days" && i > 0 && toks[i - 1].folded == "lasted") return n;
    }
    return 0;
}

// Present-tense reporting verbs: the claim is made now, at publication ("Baku blames Moscow").

// "the de facto regime", "the separatist authorities": an unrecognised administration, named by what
// it is rather than where. Returns the token index after the phrase, or 0.
std::size_t de_facto_rule_end(const std::vector<Token>& toks, std::size_t i) {
    std::size_t j = i;
    if (j + 1 < toks.size() && toks[j].folded == "de" && toks[j + 1].folded == "facto") j += 2;
    else if (j < toks.size() && toks[j].folded == "separatist") j += 1;
    else return 0;
    if (j < toks.size() && toks[j].folded == "separatist") ++j;
    if (j < toks.size() && (toks[j].folded == "regime" || toks[j].folded == "authorities" ||
                            toks[j].folded == "government" || toks[j].folded == "leadership"))
        return j + 1;
    return 0;
}

struct Candidate {
    std::size_t place;
    std::size_t mention;  // index into mentions
    int score;
};

}  // namespace

Extractor::Extractor(const Gazetteer& gazetteer, ExtractorOptions options) : gazetteer_(gazetteer), options_(options) {}

std::vector<Event> Extractor::extract(const Document& doc, Diagnostics& diags) const {
    std::vector<Event> out;
    extract(doc, diags, [&](Event&& e) { out.push_back(std::move(e)); });
    return out;
}

void Extractor::extract(const Document& doc, Diagnostics& diags, const std::function<void(Event&&)>& sink) const {
    const std::string_view text = doc.text;
    const auto& lex = lexicon();

    // Pass 1: sentences of prose blocks, their tokens and place mentions; the document's focus
    // region (the region it names most) and the places that give ambiguous names a context.
    struct Sentence {
        TextSpan span;
        std::size_t block;
        std::vector<Token> tokens;  // offsets relative to span.begin
        std::vector<PlaceMention> places;
        std::vector<unsigned> cls;  // word classes of each token (WordClassBit)
        unsigned cues = 0;          // all of them together
        // A town or district named by the sentence just before, in the same paragraph, when that
        // sentence reports nothing itself ("Scenes of panic in the streets of Stepanakert. People
        // run for cover as shells land."): the scene this sentence happens in.
        std::optional<std::pair<std::size_t, TextSpan>> scene;
    };
    std::vector<Sentence> sentences;
    std::optional<std::size_t> regime_seat;
    std::map<std::size_t, int> region_count;
    std::map<std::size_t, int> place_count;
    std::vector<LonLat> context;
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        const TextBlock& b = doc.blocks[bi];
        if (b.kind != BlockKind::Prose) continue;
        const std::string_view block = text.substr(b.span.begin, b.span.end - b.span.begin);
        std::optional<std::pair<std::size_t, TextSpan>> scene;  // from the previous sentence
        for (const TextSpan& s : split_sentences(block)) {
            Sentence sen;
            sen.span = {b.span.begin + s.begin, b.span.begin + s.end};
            sen.block = bi;
            const std::string_view st = text.substr(sen.span.begin, sen.span.end - sen.span.begin);
            sen.tokens = tokenize(st);
            // One lookup per token gives its word classes (lexicon word, modal, cue of a rule ...);
            // kept with the sentence so later passes do not look words up again.
            sen.cls.resize(sen.tokens.size());
            for (std::size_t i = 0; i < sen.tokens.size(); ++i) sen.cues |= sen.cls[i] = word_class(sen.tokens[i].folded);
            const bool has_trigger = (sen.cues & kTrigger) != 0;
            sen.places = gazetteer_.find_mentions(st, sen.tokens);
            for (const auto& m : sen.places) {
                const NamedPlace& p = gazetteer_.place(m.place);
                if (p.precision == LocationPrecision::Region) ++region_count[m.place];
                if (p.precision != LocationPrecision::Country) ++place_count[m.place];
                if (m.alternatives.empty() && p.has_position && context.size() < 64) context.push_back(p.position);
            }
            // "the de facto regime in Khankendi": where that administration sits, for sentences that
            // name it without a place.
            const bool de_facto_words = st.find("facto") != std::string_view::npos ||
                                        st.find("eparatist") != std::string_view::npos;
            for (std::size_t i = 0; de_facto_words && i < sen.tokens.size() && !regime_seat; ++i) {
                const std::size_t after = de_facto_rule_end(sen.tokens, i);
                if (after == 0 || after + 1 >= sen.tokens.size() || sen.tokens[after].folded != "in") continue;
                for (const auto& m : sen.places)
                    if (m.first_token == after + 1 && gazetteer_.place(m.place).precision == LocationPrecision::Point &&
                        gazetteer_.place(m.place).has_position)
                        regime_seat = m.place;
            }
            std::optional<std::pair<std::size_t, TextSpan>> next_scene;
            if (!has_trigger)
                for (const auto& m : sen.places) {
                    const NamedPlace& p = gazetteer_.place(m.place);
                    if (p.has_position && (p.precision == LocationPrecision::Point || p.precision == LocationPrecision::District))
                        next_scene = std::make_pair(m.place, TextSpan{sen.span.begin + m.begin, sen.span.begin + m.end});
                }
            sen.scene = scene;
            scene = next_scene;
            if (has_trigger) sentences.push_back(std::move(sen));  // the rest only informed the focus
        }
    }
    std::optional<std::size_t> focus;
    {
        int best = 0;
        for (const auto& [p, n] : (region_count.empty() ? place_count : region_count))
            if (n > best) {
                best = n;
                focus = p;
            }
    }

    // Frame pass: the operation the document reports (start, end) and a status date ("As of
    // October 26"), read from the few sentences that have an operation or "as of" word.
    const std::optional<Date> reference =
        doc.publication_date ? doc.publication_date
                             : (doc.estimated_publication ? std::optional<Date>(doc.estimated_publication->start)
                                                          : std::nullopt);
    std::optional<DateRange> frame;
    bool frame_halted = false;  // the frame ends at a stated halt (ceasefire, surrender)
    std::optional<Date> as_of;
    {
        using std::chrono::sys_days;
        std::optional<Date> start;
        std::vector<Date> halts_at;
        int duration = 0;
        for (const Sentence& sen : sentences) {
            const auto& toks = sen.tokens;
            const bool op = (sen.cues & kOperation) != 0, starts = (sen.cues & kStart) != 0,
                       halts = (sen.cues & kHalt) != 0;
            bool as_of_here = false;
            for (std::size_t i = 0; (sen.cues & kAs) && i + 1 < toks.size(); ++i)
                as_of_here |= (sen.cls[i] & kAs) && toks[i + 1].folded == "of";
            if (!(op && starts) && !halts && !as_of_here) continue;
            const std::string_view st = text.substr(sen.span.begin, sen.span.end - sen.span.begin);
            const auto sentence_dates = find_dates(st, toks, DateContext{doc.publication_date, std::nullopt});
            for (const DateMention& d : sentence_dates) {
                if (d.range.precision != DatePrecision::Day || d.kind == DateKind::Since) continue;
                std::size_t k = 0;
                while (k < toks.size() && toks[k].begin < d.begin) ++k;
                if (as_of_here && !as_of && k >= 2 && toks[k - 2].folded == "as" && toks[k - 1].folded == "of")
                    as_of = d.range.end;
                // In "launched on September 19, were suspended on September 20" only the date
                // nearest the start word starts the operation.
                bool nearest_start = false;
                if (op && starts) {
                    std::size_t best_gap = toks.size() + 1, this_gap = toks.size() + 1;
                    for (std::size_t i = 0; i < toks.size(); ++i) {
                        if (!(sen.cls[i] & kStart)) continue;
                        for (const DateMention& o : sentence_dates) {
                            if (o.range.precision != DatePrecision::Day || o.kind == DateKind::Since) continue;
                            std::size_t ok = 0;
                            while (ok < toks.size() && toks[ok].begin < o.begin) ++ok;
                            const std::size_t gap = ok > i ? ok - i : i - ok;
                            best_gap = std::min(best_gap, gap);
                            if (o.begin == d.begin) this_gap = std::min(this_gap, gap);
                        }
                    }
                    nearest_start = this_gap == best_gap;
                }
                if (op && starts && nearest_start) {
                    // The current operation: the latest start within two months before the reference.
                    const bool recent = !reference || (sys_days(d.range.start) <= sys_days(*reference) &&
                                                       sys_days(*reference) - sys_days(d.range.start) <= std::chrono::days(62));
                    if (recent && (!start || sys_days(d.range.start) > sys_days(*start))) {
                        start = d.range.start;
                        duration = stated_duration_days(toks);
                    }
                }
                if (halts) halts_at.push_back(d.range.start);
            }
        }
        if (start) {
            std::optional<Date> end;
            for (const Date& h : halts_at)  // the first halt after the start ends the operation
                if (sys_days(h) > sys_days(*start) && (!end || sys_days(h) < sys_days(*end))) end = h;
            frame_halted = end.has_value();
            if (duration > 0) end = Date(sys_days(*start) + std::chrono::days(duration));
            if (!end && as_of && sys_days(*as_of) >= sys_days(*start)) end = as_of;
            if (!end && doc.publication_date && sys_days(*doc.publication_date) >= sys_days(*start))
                end = doc.publication_date;
            if (!end) end = start;
            frame = DateRange{*start, *end, DatePrecision::Day};
        }
    }

    // Pass 2: events.
    std::optional<Date> narrative;
    std::optional<DateRange> paragraph_date;  // the last date given in the current paragraph
    std::optional<Date> paragraph_day;        // the last day given in the current paragraph
    std::optional<Date> last_day;             // the last day given anywhere before this sentence
    std::optional<Date> paragraph_since;      // "since August" earlier in the paragraph
    constexpr std::size_t no_block = static_cast<std::size_t>(-1);
    std::size_t status_block = no_block;  // the paragraph of an open "As of <date>" status report
    std::size_t last_block = static_cast<std::size_t>(-1);
    int counter = 0;
    std::string stem = doc.name;
    if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
    if (auto us = stem.find('_'); us != std::string::npos && us > 0) stem.resize(us);

    for (Sentence& sen : sentences) {
        const std::string_view st = text.substr(sen.span.begin, sen.span.end - sen.span.begin);
        const auto& toks = sen.tokens;
        if (sen.block != last_block) {
            // A new paragraph keeps the narrative date only when it is close to the dateline.
            if (narrative && doc.publication_date) {
                const auto gap = std::chrono::sys_days(*doc.publication_date) - std::chrono::sys_days(*narrative);
                if (gap.count() > 7 || gap.count() < -1) narrative.reset();
            } else if (narrative && !doc.publication_date) {
                narrative.reset();
            }
            last_block = sen.block;
            paragraph_date.reset();
            paragraph_day.reset();
            paragraph_since.reset();
        }
        if (!context.empty() && !sen.places.empty()) {
            bool ambiguous = false;
            for (const auto& m : sen.places) ambiguous |= !m.alternatives.empty();
            if (ambiguous) sen.places = gazetteer_.find_mentions(st, toks, context);
        }

        // The word classes the sentence contains: rules whose cue words are absent skip their scans.
        const unsigned cues = sen.cues;
        const std::vector<unsigned>& cls = sen.cls;

        // A claim in the present ("Baku blames ...") or present perfect ("the ministry has
        // reported ...") is made at publication, whatever it is about.
        bool present_claim = false;
        bool perfect_claim = false;  // "Iran has expressed concern": some time up to now
        bool past_report = false;    // "... said", "... stated" (not after has/have)
        for (std::size_t i = 0; (cues & (kPresentReporting | kHave)) && i < toks.size(); ++i) {
            const bool perfect = i + 1 < toks.size() && (cls[i] & kHave) &&
                                 ((cls[i + 1] & kReporting) ||
                                  (i + 2 < toks.size() && toks[i + 1].folded.ends_with("ly") &&  // "has repeatedly stated"
                                   (cls[i + 2] & kReporting)));
            present_claim |= (cls[i] & kPresentReporting) || perfect;
            perfect_claim |= perfect;
        }
        for (std::size_t i = 0; perfect_claim && i < toks.size(); ++i)
            if ((cls[i] & kReporting) && !(cls[i] & kPresentReporting) &&
                !(i >= 1 && (cls[i - 1] & kHave)) && !(i >= 2 && (cls[i - 2] & kHave)))
                past_report = true;

        // Dates of the sentence.
        DateContext dctx{doc.publication_date, narrative};
        const auto all_dates = find_dates(st, toks, dctx);
        // A date introduced by a non-adjacent "since" ("the third ceasefire since the start of the war
        // on September 27") dates a background event, not this sentence's.
        std::vector<DateMention> dates, background;
        for (const auto& d : all_dates) {
            std::size_t k = 0;
            while (k < toks.size() && toks[k].begin < d.begin) ++k;
            bool behind = false;
            for (std::size_t b = k >= 8 ? k - 8 : 0; b + 1 < k; ++b) {
                if (toks[b].folded != "since") continue;
                const std::string_view between = st.substr(toks[b].end, d.begin - toks[b].end);
                behind = between.find_first_of(",;") == std::string_view::npos;
            }
            // In a present claim, a date that only qualifies a noun ("its 2020 peacekeeping mandate",
            // "the statement signed on 10 November 2020") dates that thing, not the claim.
            bool attributive = false;
            if (present_claim && d.kind != DateKind::Since) {
                std::size_t after = k;
                while (after < toks.size() && toks[after].begin < d.end) ++after;
                if (d.range.precision == DatePrecision::Year && after < toks.size() && k > 0 &&
                    st.substr(d.end, toks[after].begin - d.end).find_first_not_of(' ') == std::string_view::npos &&
                    !is_locative(toks[after].folded) && !(word_class(toks[after].folded) & kFunction) &&
                    (toks[k - 1].folded == "the" || toks[k - 1].folded == "its" || toks[k - 1].folded == "their" ||
                     toks[k - 1].folded == "his" || toks[k - 1].folded == "her"))
                    attributive = true;
                if (d.range.precision == DatePrecision::Day && k >= 2 && toks[k - 1].folded == "on" &&
                    (toks[k - 2].folded == "signed" || toks[k - 2].folded == "adopted" ||
                     toks[k - 2].folded == "concluded" || toks[k - 2].folded == "reached"))
                    attributive = true;
            }
            if ((behind && d.kind != DateKind::Since && d.range.precision == DatePrecision::Day) || attributive)
                background.push_back(d);
            else
                dates.push_back(d);
        }
        // "the 2023 anti-terror operation" names the reported operation by its year: that year is
        // the frame's, not this sentence's date.
        if (frame) {
            const auto names_frame = [&](const DateMention& d) {
                if (d.range.precision != DatePrecision::Year || d.range.start.year() != frame->start.year() ||
                    d.range.end.year() != frame->start.year())
                    return false;
                std::size_t k = 0;
                while (k < toks.size() && toks[k].begin < d.end) ++k;  // first token after the year
                for (std::size_t j = k; j < std::min(toks.size(), k + 4); ++j) {
                    if (j > k && st.substr(toks[j - 1].end, toks[j].begin - toks[j - 1].end).find_first_of(",.;:") !=
                                     std::string_view::npos)
                        break;
                    if (is_operation_word(toks[j].folded)) return true;
                }
                return false;
            };
            std::erase_if(dates, names_frame);
            std::erase_if(background, names_frame);
        }
        for (const auto& d : dates)
            if (d.range.precision == DatePrecision::Day && d.kind != DateKind::Since) narrative = d.range.start;

        // Event words.
        // Forecasts: event words after "will", "would", "likely" ... count only in the past tense; those
        // before it only when they are past-tense verbs or the sentence dates them first.
        std::size_t modal_at = toks.size();
        for (std::size_t i = 0; (cues & kModal) && i < toks.size(); ++i)
            if (is_modal(toks[i].folded)) {
                modal_at = i;
                break;
            }
        const bool modal = modal_at < toks.size();
        bool dated_before_modal = false;
        for (const auto& d : all_dates) dated_before_modal |= modal && d.begin < toks[modal_at].begin;
        int best_weight = 0;
        std::size_t trigger_at = 0;
        EventType type = EventType::Other;
        bool any_past = false;
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (!(cls[i] & kTrigger)) continue;
            auto it = lex.find(toks[i].folded);
            if (it == lex.end()) continue;
            const bool past = is_past(toks[i].folded) || (i > 0 && (cls[i - 1] & kAux));
            if (modal && !past && (i > modal_at || !dated_before_modal)) continue;
            // Words that are place names or parts of them ("Mine" villages, "Control" headings) are not triggers.
            bool in_place = false;
            for (const auto& m : sen.places) in_place |= i >= m.first_token && i < m.last_token;
            if (in_place) continue;
            any_past |= past;
            int w = it->second.weight;
            // "came under (the) control", "took control": capture; "under the terms of": not a capture.
            if (toks[i].folded == "control" && !(i > 0 && (toks[i - 1].folded == "under" || toks[i - 1].folded == "took" ||
                                                           toks[i - 1].folded == "the")))
                continue;
            if (toks[i].folded == "counter" && !(i + 1 < toks.size() && toks[i + 1].folded.starts_with("attack"))) continue;
            if (past) w += 1;  // a verb that reports the happening outranks the nouns around it
            if (w > best_weight) {
                best_weight = w;
                trigger_at = i;
                type = it->second.type;
            }
        }
        if (best_weight == 0) continue;
        if (modal && !any_past && !dated_before_modal) continue;
        // "exchange of fire" is a clash, "came under fire" a strike.
        for (std::size_t i = 0; (cues & kExchange) && i + 2 < toks.size(); ++i)
            if (toks[i].folded == "exchange" && toks[i + 1].folded == "of" && toks[i + 2].folded == "fire" &&
                type != EventType::Casualty)
                type = EventType::Clash;

        // Places: candidates scored by specificity and by a locative preposition before them;
        // countries, far-away places and actors ("Baku says", "Baku's") only with a preposition.
        std::vector<Candidate> cands;
        std::optional<std::size_t> country_mention;  // the first country named (often the actor)
        std::size_t first_reporting = toks.size();  // the first reporting verb ("said", "claimed")
        for (std::size_t i = 0; (cues & kReporting) && i < toks.size(); ++i)
            if (cls[i] & kReporting) {
                first_reporting = i;
                break;
            }
        const bool places_after_reporting = std::any_of(sen.places.begin(), sen.places.end(), [&](const PlaceMention& m) {
            return m.first_token > first_reporting && gazetteer_.place(m.place).precision != LocationPrecision::Country;
        });
        for (std::size_t k = 0; k < sen.places.size(); ++k) {
            const PlaceMention& m = sen.places[k];
            const NamedPlace& p = gazetteer_.place(m.place);
            if (!p.has_position) continue;
            std::size_t f = m.first_token;
            std::string_view prev = f > 0 ? std::string_view(toks[f - 1].folded) : std::string_view();
            if (prev == "the" && f > 1) prev = toks[f - 2].folded;
            if ((prev == "of") && f >= 3 &&
                (toks[f - 2].folded == "city" || toks[f - 2].folded == "town" || toks[f - 2].folded == "towns" ||
                 toks[f - 2].folded == "cities" || toks[f - 2].folded == "village" || toks[f - 2].folded == "streets" ||
                 toks[f - 2].folded == "districts" || toks[f - 2].folded == "airbases" ||
                 toks[f - 2].folded == "outskirts" || toks[f - 2].folded == "region"))
                prev = "in";
            // Members of a list share the preposition of its first element.
            for (std::size_t q = k; q > 0; --q) {
                const auto& a = sen.places[q - 1];
                const std::string_view g = st.substr(a.end, sen.places[q].begin - a.end);
                if (g.size() > 16) break;  // not a list separator
                std::string gg;
                for (char c : g)
                    if (c != ' ') gg.push_back(c);
                if ((gg == "," || gg == "and" || gg == ",and") &&
                    gazetteer_.place(a.place).precision == p.precision) {
                    const std::size_t ff = a.first_token;
                    std::string_view pp = ff > 0 ? std::string_view(toks[ff - 1].folded) : std::string_view();
                    if (pp == "the" && ff > 1) pp = toks[ff - 2].folded;
                    if (pp == "of" && ff >= 3) pp = "in";
                    if (is_locative(pp)) prev = pp;
                } else {
                    break;
                }
            }
            const bool locative = is_locative(prev);
            const bool actor_like = sen.places[k].last_token < toks.size() &&
                                    (toks[m.last_token - 1].possessive || is_reporting_verb(toks[m.last_token].folded));
            const bool far = focus && Gazetteer::distance_km(p.position, gazetteer_.place(*focus).position) > 400;
            int score = 0;
            switch (p.precision) {
                case LocationPrecision::Point: score = 3; break;
                case LocationPrecision::District: score = 3; break;
                case LocationPrecision::Region: score = 2; break;
                case LocationPrecision::Country: score = 0; break;
            }
            if (locative) score += 3;
            // "The authorities in Stepanakert said drones struck Martuni": a place in the speaker's
            // phrase, before the reporting verb, yields to the places of what was reported.
            if (m.last_token <= first_reporting && places_after_reporting) score -= 2;
            // A capital after "of", "by", "to" or "from" is its government ("the terms of Baku").
            const std::string_view before = f > 0 ? std::string_view(toks[f - 1].folded) : std::string_view();
            const bool capital = p.kind.find("capital") != std::string::npos &&
                                 (before == "of" || before == "by" || before == "to" || before == "with");
            // "Azerbaijani borders", "Armenian forces": a demonym describes, it does not locate.
            if (p.precision == LocationPrecision::Country) {
                const std::string& surface = toks[m.last_token - 1].folded;
                if (m.last_token == m.first_token + 1 && surface != fold_for_match(p.name) &&
                    (surface.ends_with("i") || surface.ends_with("ian") || surface.ends_with("ish") ||
                     surface.ends_with("ese")))
                    continue;
            }
            // A dateline opening the sentence ("STEPANAKERT — Azerbaijan launched ...") names where the
            // report was filed, not where it happened, when the sentence names other places.
            if (m.first_token == 0 && sen.places.size() > 1) {
                std::string_view after = st.substr(m.end, std::min<std::size_t>(8, st.size() - m.end));
                while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
                if (after.starts_with("\xE2\x80\x94") || after.starts_with("\xE2\x80\x93") || after.starts_with("-") ||
                    after.starts_with("("))
                    continue;
            }
            if (p.precision == LocationPrecision::Country && !far && !country_mention) country_mention = k;
            if (!locative && (p.precision == LocationPrecision::Country || far || actor_like || capital)) continue;
            if (far && p.precision == LocationPrecision::Country) continue;
            cands.push_back({m.place, k, score});
        }
        std::vector<std::pair<std::size_t, std::string>> chosen;  // place, surface text
        std::size_t list_first_token = 0;
        std::size_t primary_mention = 0;
        if (!cands.empty()) {
            const Candidate* best = &cands.front();
            for (const auto& c : cands)
                if (c.score > best->score) best = &c;
            primary_mention = best->mention;
            // The whole coordinated list the best mention belongs to ("the towns of Fuzuli and Hadrut").
            std::size_t lo = best->mention, hi = best->mention;
            auto joined = [&](std::size_t a, std::size_t b) {
                const std::string_view g = st.substr(sen.places[a].end, sen.places[b].begin - sen.places[a].end);
                if (g.size() > 16) return false;  // not a list separator
                std::string gg;
                for (char c : g)
                    if (c != ' ') gg.push_back(c);
                return gg == "," || gg == "and" || gg == ",and" || gg == "or";
            };
            while (lo > 0 && joined(lo - 1, lo)) --lo;
            list_first_token = sen.places[lo].first_token;
            while (hi + 1 < sen.places.size() && joined(hi, hi + 1)) ++hi;
            for (std::size_t k = lo; k <= hi; ++k) {
                const PlaceMention& m = sen.places[k];
                const NamedPlace& p = gazetteer_.place(m.place);
                if (!p.has_position) continue;
                if (k != primary_mention && (p.precision == LocationPrecision::Country ||
                                             p.precision != gazetteer_.place(sen.places[primary_mention].place).precision))
                    continue;
                bool dup = false;
                for (const auto& c : chosen) {
                    const NamedPlace& q = gazetteer_.place(c.first);
                    dup |= c.first == m.place || Gazetteer::distance_km(q.position, p.position) < 1.0;
                }
                if (!dup) chosen.emplace_back(m.place, std::string(st.substr(m.begin, m.end - m.begin)));
            }
        }
        // Decrees, martial law, weapons tests and visits happen in the country that holds them when
        // the text names no other place ("Azerbaijan tested an air defence system").
        if (chosen.empty() && type == EventType::Other && country_mention) {
            const PlaceMention& m = sen.places[*country_mention];
            chosen.emplace_back(m.place, std::string(st.substr(m.begin, m.end - m.begin)));
        }
        if (chosen.empty() && sen.scene)
            chosen.emplace_back(sen.scene->first,
                                std::string(text.substr(sen.scene->second.begin, sen.scene->second.end - sen.scene->second.begin)));
        // "liberated over 300 settlements, including the cities of A, B and C": the list is a sample,
        // so the whole happening is also an event of the region.
        if (!chosen.empty() && focus && gazetteer_.place(chosen.front().first).precision != LocationPrecision::Region) {
            for (std::size_t b = list_first_token >= 4 ? list_first_token - 4 : 0; b < list_first_token; ++b)
                if (toks[b].folded == "including") {
                    chosen.emplace_back(*focus, "(not stated)");
                    break;
                }
        }
        bool stated = !chosen.empty();
        if (chosen.empty() && regime_seat && (cues & kDeFacto))
            for (std::size_t i = 0; i < toks.size(); ++i)
                if (de_facto_rule_end(toks, i) > 0) {
                    chosen.emplace_back(*regime_seat, "(not stated)");
                    break;
                }
        if (chosen.empty()) {
            if (!focus) {
                diags.add(Severity::Info, DiagCode::PlaceUnknown, doc.path, fmt::format("byte {}", doc.base_offset + sen.span.begin),
                          fmt::format("event without a place: '{}'", first_words(st, 12)));
                continue;
            }
            chosen.emplace_back(*focus, "(not stated)");
        }

        // Date of the event.
        using std::chrono::sys_days;
        DateRange when;
        bool dated = false;
        const auto first_day_date = std::find_if(dates.begin(), dates.end(), [](const DateMention& m) {
            return m.range.precision == DatePrecision::Day && m.kind != DateKind::Since;
        });
        bool status_here = false;  // "As of October 26, ..." opens a status report
        if (first_day_date != dates.end()) {
            std::size_t k = 0;
            while (k < toks.size() && toks[k].begin < first_day_date->begin) ++k;
            status_here = k >= 2 && toks[k - 2].folded == "as" && toks[k - 1].folded == "of";
        }
        if (first_day_date != dates.end()) paragraph_day = first_day_date->range.start;
        else if (!dates.empty()) paragraph_day.reset();  // "since August": the story moved off that day
        // "Since August, Turkish personnel have been training ...": a state that the rest of the
        // paragraph goes on describing, up to the report's date.
        for (const DateMention& d : dates)
            if (d.kind == DateKind::Since && d.range.precision != DatePrecision::Day && toks.size() > 0 &&
                (st.substr(d.begin, 5) == "since" || st.substr(d.begin, 5) == "Since"))
                paragraph_since = d.range.start;
        if (status_here) {
            status_block = sen.block;
        } else if (first_day_date != dates.end()) {
            status_block = no_block;  // a new explicit date closes the status report
        }
        std::optional<DateRange> frame_relative;  // a date read against the operation frame
        // "X persisted until the 2023 operation": from the last day the text spoke of up to the
        // operation's start (year precision, as the span is not dated closely).
        if (frame && (cues & kUntil) && last_day && sys_days(*last_day) < sys_days(frame->start)) {
            for (std::size_t i = 0; i + 1 < toks.size() && !frame_relative; ++i) {
                if (toks[i].folded != "until" && toks[i].folded != "till") continue;
                for (std::size_t j = i + 1; j < std::min(toks.size(), i + 6); ++j)
                    if (is_operation_word(toks[j].folded) &&
                        std::any_of(all_dates.begin(), all_dates.end(), [&](const DateMention& d) {
                            return d.begin >= toks[i].end && d.begin < toks[j].begin &&
                                   d.range.start.year() == frame->start.year();
                        })) {
                        frame_relative = DateRange{*last_day, frame->start, DatePrecision::Year};
                        break;
                    }
            }
        }
        // "after one day of military action": counted from the start of the operation.
        if (frame) {
            for (std::size_t i = 0; (cues & kAfter) && i + 3 < toks.size(); ++i)
                if (toks[i].folded == "after" && small_number(toks[i + 1].folded) > 0 &&
                    (toks[i + 2].folded == "day" || toks[i + 2].folded == "days") && toks[i + 3].folded == "of") {
                    const Date at(sys_days(frame->start) + std::chrono::days(small_number(toks[i + 1].folded)));
                    frame_relative = DateRange{at, at, DatePrecision::Day};
                }
            // What set the operation off ("the trigger point", "the upcoming operation") is dated to
            // the day it began.
            for (std::size_t i = 0; (cues & kCause) && i < toks.size() && !frame_relative; ++i) {
                const std::string_view w = toks[i].folded;
                if (w == "trigger" || w == "triggered" || w == "upcoming" || w == "imminent")
                    frame_relative = DateRange{frame->start, frame->start, DatePrecision::Day};
            }
            // "attempts ... several times", "had previously laid mines": repeated or earlier acts,
            // before the operation began, when no date is given: repeated ones over that year,
            // single earlier ones in the run-up (the same span as "preceding" below).
            bool earlier = false, repeated = false;
            for (std::size_t i = 0; (cues & kEarlier) && all_dates.empty() && i < toks.size(); ++i) {
                const std::string_view w = toks[i].folded;
                const std::string_view prev = i > 0 ? std::string_view(toks[i - 1].folded) : std::string_view();
                const bool times = (w == "times" || w == "time");
                repeated |= w == "repeatedly" || (times && (prev == "several" || prev == "many" || prev == "multiple"));
                earlier |= w == "previously" || (w == "earlier" && i == 0) || (times && prev == "last");
            }
            if (repeated && !frame_relative && !present_claim) {
                // Acts repeated over time: some time that year, before the operation.
                const Date before(sys_days(frame->start) - std::chrono::days(1));
                frame_relative = DateRange{Date(before.year(), std::chrono::January, std::chrono::day(1)), before,
                                           DatePrecision::Year};
            } else if (earlier && !frame_relative && !present_claim) {
                const Date before(sys_days(frame->start) - std::chrono::days(1));
                const Date from(sys_days(frame->start) - std::chrono::days(49));
                frame_relative =
                    DateRange{Date(from.year(), from.month(), std::chrono::day(1)), before, DatePrecision::Month};
            }
            // "Preceding the operation", "ahead of the offensive": the weeks before it began (the
            // same span as "recently" before a dateline).
            for (std::size_t i = 0; (cues & kPrecede) && i + 1 < toks.size() && !frame_relative; ++i) {
                const std::string_view w = toks[i].folded;
                if (w != "preceding" && w != "ahead" && w != "prior" && w != "before") continue;
                for (std::size_t j = i + 1; j < std::min(toks.size(), i + 5); ++j)
                    if (is_operation_word(toks[j].folded)) {
                        const Date before(sys_days(frame->start) - std::chrono::days(1));
                        const Date from(sys_days(frame->start) - std::chrono::days(49));
                        frame_relative = DateRange{Date(from.year(), from.month(), std::chrono::day(1)), before,
                                                   DatePrecision::Month};
                        break;
                    }
            }
        }
        if (frame_relative) {
            when = *frame_relative;
            dated = true;
        } else if (!dates.empty()) {
            when = dates.front().range;
            dated = true;
            // Periods that reach up to "now" ("recently", "in the last few months") end where the
            // reported operation began: they describe the run-up to it.
            const bool up_to_now = (dates.front().kind == DateKind::Deictic || dates.front().kind == DateKind::Since) &&
                                   when.precision != DatePrecision::Day &&
                                   st.substr(dates.front().begin, 5) != "since" &&
                                   st.substr(dates.front().begin, 5) != "Since";
            if (frame && up_to_now && sys_days(when.start) < sys_days(frame->start) &&
                sys_days(when.end) > sys_days(frame->start))
                when.end = frame->start;
            // "in this handout picture released September 29, 2020": the picture shows something
            // from before its release, during the war then under way (the 44-day war of 2020).
            {
                std::size_t k = 0;
                while (k < toks.size() && toks[k].begin < dates.front().begin) ++k;
                const bool released = (k >= 1 && (toks[k - 1].folded == "released" || toks[k - 1].folded == "published" ||
                                                  toks[k - 1].folded == "taken")) ||
                                      (k >= 2 && toks[k - 1].folded == "on" &&
                                       (toks[k - 2].folded == "released" || toks[k - 2].folded == "published" ||
                                        toks[k - 2].folded == "taken"));
                bool picture = false;
                for (std::size_t q = 0; released && q < toks.size() && !picture; ++q) {
                    const std::string_view w = toks[q].folded;
                    picture = w == "picture" || w == "photo" || w == "photograph" || w == "image" || w == "footage" ||
                              w == "video";
                }
                // Day-dated wars of the conflict calendar only (a war known to the year says
                // nothing about which days a picture shows).
                for (const ConflictSpan* war : options_.calendar.of_kind(ConflictSpan::Kind::War)) {
                    if (war->range.precision != DatePrecision::Day) continue;
                    if (released && picture && when.precision == DatePrecision::Day &&
                        sys_days(when.start) > sys_days(war->range.start) &&
                        sys_days(when.end) <= sys_days(war->range.end))
                        when.start = war->range.start;
                }
            }
            paragraph_date = when;
        } else if (paragraph_day) {
            // The paragraph gave a day a few sentences earlier: its story continues on that day.
            when = DateRange{*paragraph_day, *paragraph_day, DatePrecision::Day};
        } else if (paragraph_since && !present_claim && (as_of || doc.publication_date) &&
                   sys_days(*paragraph_since) < sys_days(as_of ? *as_of : *doc.publication_date)) {
            when = DateRange{*paragraph_since, as_of ? *as_of : *doc.publication_date, DatePrecision::Month};
        } else if (status_block != no_block && status_block != sen.block && as_of) {
            // Later paragraphs of a status report ("As of October 26, ...") without a date of their
            // own cover the week up to the status date.
            when = DateRange{Date(sys_days(*as_of) - std::chrono::days(7)), *as_of, DatePrecision::Day};
        } else if (paragraph_date && paragraph_date->precision == DatePrecision::Year && reference &&
                   std::chrono::sys_days(paragraph_date->end) + std::chrono::days(365) <
                       std::chrono::sys_days(*reference)) {
            when = *paragraph_date;  // "In 1991 ... The subsequent occupation ..." stays in 1991
        } else {
            std::optional<Date> fallback = narrative ? narrative
                                                     : (doc.publication_date ? doc.publication_date
                                                                             : (doc.estimated_publication
                                                                                    ? std::optional<Date>(doc.estimated_publication->start)
                                                                                    : std::nullopt));

            const Date frame_last = frame && doc.publication_date && sys_days(*doc.publication_date) > sys_days(frame->end)
                                        ? *doc.publication_date
                                        : (frame ? frame->end : Date{});
            // Only an operation reported as a whole (a few days) or a status report ("As of ...")
            // dates its undated sentences to the frame: in a daily report from a long war, an
            // undated sentence is news of the day, dated by the dateline.
            const bool frame_dates_undated =
                frame && (as_of || sys_days(frame->end) - sys_days(frame->start) <= std::chrono::days(7));
            if (frame_dates_undated && fallback && !present_claim && sys_days(*fallback) >= sys_days(frame->start) &&
                sys_days(*fallback) <= sys_days(frame_last)) {
                when = *frame;  // happened during the reported operation, day not stated
            } else if (perfect_claim && !past_report && !as_of && doc.publication_date) {
                // A present-perfect claim with no date happened some time this year, up to now.
                when = DateRange{Date(doc.publication_date->year(), std::chrono::January, std::chrono::day(1)),
                                 *doc.publication_date, DatePrecision::Year};
            } else if (present_claim && (as_of || doc.publication_date)) {
                // A status report ("As of October 26, ...") speaks in the present of its status date.
                const Date now = as_of ? *as_of : *doc.publication_date;
                when = DateRange{now, now, DatePrecision::Day};
            } else if (present_claim && doc.estimated_publication) {
                when = *doc.estimated_publication;
            } else if (narrative) {
                when = DateRange{*narrative, *narrative, DatePrecision::Day};
            } else if (doc.publication_date) {
                when = DateRange{*doc.publication_date, *doc.publication_date, DatePrecision::Day};
            } else if (doc.estimated_publication) {
                when = *doc.estimated_publication;
            } else {
                diags.add(Severity::Info, DiagCode::DateUnparsed, doc.path, fmt::format("byte {}", doc.base_offset + sen.span.begin),
                          fmt::format("event without a date: '{}'", first_words(st, 12)));
                continue;
            }
        }

        if (first_day_date != dates.end()) last_day = first_day_date->range.start;
        const std::optional<DateRange> first_dated_day_or_year =
            dates.empty() || frame_relative ? std::nullopt : std::optional<DateRange>(dates.front().range);
        // A campaign or war said to begin inside one of the conflict's past wars lasts until that war
        // ended (the wars and their end dates come from the conflict calendar, which is data), when
        // the text was written after it.
        if ((cues & kOperation) && (cues & kStart) && first_dated_day_or_year && reference) {
            const Date from = first_dated_day_or_year->start;
            for (const ConflictSpan* war : options_.calendar.of_kind(ConflictSpan::Kind::War))
                if (first_dated_day_or_year->precision == DatePrecision::Day &&
                    sys_days(from) >= sys_days(war->range.start) && sys_days(from) < sys_days(war->range.end) &&
                    sys_days(war->range.end) < sys_days(*reference)) {
                    when = DateRange{from, war->range.end, war->range.precision};
                    paragraph_day.reset();  // the paragraph goes on about the war, not that day
                    paragraph_date = when;
                }
        }
        // Appeals, acceptances and agreements that end an operation date to the day it halted
        // ("the regime appealed for talks", "Baku agreed to meet") when the text gives no day.
        if (frame && frame_halted && (cues & kAppeal) && dates.empty() && !frame_relative) {
            for (const Token& t : toks)
                if (t.folded == "appealed" || t.folded == "agreed" || t.folded == "accepted" ||
                    t.folded == "surrendered") {
                    when = DateRange{frame->end, frame->end, DatePrecision::Day};
                    break;
                }
        }
        // Episodes of the conflict calendar (data: geodata/conflict_calendar.csv) that an undated or
        // day-dated mention stands for, as the annotation guide applies them: an "ongoing" span (the
        // Lachin corridor blockade) runs from its start to the date the text gives; a "period" (the
        // handovers under the 10 Nov 2020 statement) is the whole period.
        if (!chosen.empty()) {
            const LonLat where = gazetteer_.place(chosen.front().first).position;
            const bool own_day = first_day_date != dates.end();
            const auto in = [](const DateRange& r, Date a, Date b) {
                return sys_days(r.start) <= sys_days(b) && sys_days(r.end) >= sys_days(a);
            };
            for (const ConflictSpan& span : options_.calendar.spans) {
                if (span.kind == ConflictSpan::Kind::War) continue;
                if (span.centre && Gazetteer::distance_km(where, *span.centre) >= span.radius_km) continue;
                bool named = false;
                for (const Token& t : toks) {
                    for (const auto& cue : span.cues) named = named || t.folded == cue;
                    if (named) break;
                }
                if (!named) continue;
                const Date start = span.range.start, end = span.range.end;
                if (span.kind == ConflictSpan::Kind::Ongoing && !own_day && in(when, start, end)) {
                    const Date stop = sys_days(when.end) < sys_days(end) ? when.end : end;
                    when = DateRange{start, stop, span.range.precision};
                } else if (span.kind == ConflictSpan::Kind::Period && when.precision == DatePrecision::Day &&
                           (!own_day || first_day_date->range.start == start) &&
                           sys_days(when.start) >= sys_days(start) && sys_days(when.end) <= sys_days(end)) {
                    when = DateRange{start, end, span.range.precision};
                }
            }
        }

        // Actor and target: the nearest agent phrase before the event word and the first after it.
        auto phrase_at = [&](std::size_t i, std::size_t& last) -> bool {
            // A phrase starts with a capitalised non-function word and runs over capitalised words,
            // "of", "the" and agent nouns ("Azerbaijani Armed Forces", "Armenia's foreign ministry").
            if (!toks[i].capitalized || (cls[i] & (kFunction | kTrigger)) ||
                toks[i].numeric)
                return false;
            last = i;
            for (std::size_t j = i + 1; j < toks.size(); ++j) {
                const std::string_view g = st.substr(toks[j - 1].end, toks[j].begin - toks[j - 1].end);
                if (g.find_first_of(",.;:()\"") != std::string_view::npos && !toks[j - 1].possessive) break;
                if (toks[j].capitalized || (cls[j] & kAgent) ||
                    ((toks[j].folded == "of" || toks[j].folded == "the") && j + 1 < toks.size() && toks[j + 1].capitalized) ||
                    (toks[j - 1].possessive && !(cls[j] & kTrigger)))
                    last = j;
                else
                    break;
            }
            return true;
        };
        std::string actor, target;
        for (std::size_t i = 0; i < trigger_at;) {
            std::size_t last = 0;
            if (phrase_at(i, last) && (last < trigger_at || (last == trigger_at && is_agent_head(toks[last].folded)))) {
                actor = std::string(st.substr(toks[i].begin, toks[last].end - toks[i].begin));
                break;
            } else {
                ++i;
            }
        }
        for (std::size_t i = trigger_at + 1; i < toks.size(); ++i) {
            std::size_t last = 0;
            if (phrase_at(i, last)) {
                target = std::string(st.substr(toks[i].begin, toks[last].end - toks[i].begin));
                break;
            }
        }

        double confidence = 0.45;
        if (dated) confidence += 0.2;
        if (stated) confidence += 0.15;
        if (type != EventType::Statement) confidence += 0.1;
        for (const auto& t : toks)
            if ((cues & kHedge) && (t.folded == "reportedly" || t.folded == "allegedly" || t.folded == "unconfirmed")) {
                confidence -= 0.15;
                break;
            }
        confidence = std::clamp(confidence, 0.05, 0.95);

        std::string quote(st);
        if (options_.max_quote_bytes > 0 && quote.size() > options_.max_quote_bytes) {
            std::size_t cut = quote.rfind(' ', options_.max_quote_bytes);
            quote.resize(cut == std::string::npos ? options_.max_quote_bytes : cut);
        }
        for (const auto& [pi, surface] : chosen) {
            const NamedPlace& p = gazetteer_.place(pi);
            Event e;
            e.id = fmt::format("{}-{:03d}", stem, ++counter);
            e.date = when;
            e.place = p.name;
            e.place_text = surface;
            e.position = p.position;
            e.has_position = p.has_position;
            e.location_precision = p.precision;
            e.type = type;
            e.actor = actor;
            e.target = target;
            e.summary = fmt::format("{} at {}: {}", event_type_name(type), p.name, first_words(st, 18));
            e.source = SourceRef{doc.name, doc.base_offset + sen.span.begin, doc.base_offset + sen.span.end, quote};
            e.confidence = std::round(confidence * 100.0) / 100.0;
            sink(std::move(e));
        }
        for (const auto& d : background) {
            if (!focus) break;
            // The event word closest before the date ("the start of the war on ..." -> clash,
            // "signed on ..." -> agreement); for a year, the noun it qualifies ("2020 peacekeeping
            // mandate" -> deployment).
            EventType bt = EventType::Other;
            bool typed = false;
            if (d.range.precision == DatePrecision::Year) {
                std::size_t n = 0;
                for (const auto& t : toks) {
                    if (t.begin < d.end) continue;
                    if (++n > 3) break;
                    if (auto it = lex.find(t.folded); it != lex.end() && it->second.type != EventType::Statement) {
                        bt = it->second.type;
                        typed = true;
                        break;
                    }
                }
            }
            for (const auto& t : toks) {
                if (typed || t.begin >= d.begin) break;
                if (auto it = lex.find(t.folded); it != lex.end() && it->second.type != EventType::Statement) bt = it->second.type;
            }
            const NamedPlace& p = gazetteer_.place(*focus);
            Event e;
            e.id = fmt::format("{}-{:03d}", stem, ++counter);
            e.date = d.range;
            e.place = p.name;
            e.place_text = "(not stated)";
            e.position = p.position;
            e.has_position = p.has_position;
            e.location_precision = p.precision;
            e.type = bt;
            e.summary = fmt::format("{} (background) at {}: {}", event_type_name(bt), p.name,
                                    first_words(st.substr(d.begin >= 60 ? d.begin - 60 : 0), 18));
            e.source = SourceRef{doc.name, doc.base_offset + sen.span.begin, doc.base_offset + sen.span.end, quote};
            e.confidence = 0.5;
            sink(std::move(e));
        }
    }
}

}  // namespace sitmap::core
