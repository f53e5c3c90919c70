// Event extraction (see extractor.hpp): the stages in order.
//   1 structure   extract_structure  passages: paragraphs, list and timeline items, live-blog entries
//   2 frames      extract_frames     sentences, clauses, event frames (a claim and its act are two)
//   3 time        extract_time       date roles; the reference time moving through the narrative
//   4 attachment  extract_attach     places and actors of each frame
//   5 here        dating each frame, the conflict calendar's spans, within-document deduplication,
//                 confidence, and the events themselves.
#include "core/extractor.hpp"

#include "core/extract_attach.hpp"
#include "core/extract_frames.hpp"
#include "core/extract_structure.hpp"
#include "core/extract_time.hpp"
#include "core/text_tokens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

namespace sitmap::core {

namespace {

// The words between a claim's verb and a date that only say how and where the claim was made
// ("said in identically worded statements on Saturday", "told reporters at a briefing in Baku on
// Monday"): the date is the claim's, not that of what it is about.
bool speech_setting(const std::vector<Token>& toks, std::size_t from, std::size_t to) {
    if (to > from + 8) return false;
    for (std::size_t i = from; i < to && i < toks.size(); ++i) {
        const std::string_view w = toks[i].folded;
        if (!extract::one_of(
                w, {"in",         "a",          "an",        "the",         "its",        "his",         "her",
                    "their",      "at",         "on",        "late",        "early",      "joint",       "written",
                    "statement",  "statements", "interview", "briefing",    "conference", "press",       "news",
                    "televised",  "address",    "speech",    "post",        "message",    "remarks",     "comments",
                    "telegram",   "channel",    "reporters", "journalists", "parliament", "identically", "worded",
                    "separate",   "similar",    "brief",     "short",       "video",      "social",      "media",
                    "official",   "website",    "online",    "evening",     "morning",    "afternoon",   "daily",
                    "weekly",     "bulletin",   "report",    "note",        "reports",    "claim",       "claims",
                    "accusation", "accusations"}))
            return false;
    }
    return true;
}

using namespace extract;
using std::chrono::days;
using std::chrono::sys_days;

std::string first_words(std::string_view s, std::size_t n) {
    std::string out;
    std::size_t words = 0;
    bool in = false;
    for (char c : s) {
        const bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!sp && !in && ++words > n) {
            while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
            return out + "\xE2\x80\xA6";
        }
        in = !sp;
        out.push_back(sp ? ' ' : c);
    }
    return out;
}

struct Sentence {
    TextSpan span;  // into doc.text
    std::size_t passage = 0;
    std::vector<Token> tokens;
    std::vector<PlaceMention> places;
};

// The place an undated, unplaced sentence's scene was set in: the last town or district named by
// a sentence of the same passage.
struct Scene {
    std::size_t place = 0;
    std::string surface;
    std::optional<DateRange> when;  // the date of the sentence that named it, when it had an event
};

// Definite descriptions that refer back to a place named earlier ("the corridor", "the bridge",
// "the town"): the class of place each names.
// What "the road", "the town", "the area" stand for: the last place of that class named before.
enum class PlaceClass { None, Corridor, Bridge, Town, Village, District, Area };

PlaceClass class_of_noun(std::string_view w) {
    if (w == "corridor" || w == "road" || w == "highway" || w == "route") return PlaceClass::Corridor;
    if (w == "bridge" || w == "checkpoint" || w == "crossing") return PlaceClass::Bridge;
    if (w == "town" || w == "city") return PlaceClass::Town;
    if (w == "village" || w == "villages" || w == "settlement") return PlaceClass::Village;
    if (w == "district" || w == "region" || w == "province") return PlaceClass::District;
    if (w == "area") return PlaceClass::Area;  // any narrow place: "in the same area", "the area"
    return PlaceClass::None;
}

PlaceClass class_of_place(const NamedPlace& p) {
    if (p.kind.find("corridor") != std::string::npos) return PlaceClass::Corridor;
    if (p.kind.find("bridge") != std::string::npos) return PlaceClass::Bridge;
    if (p.kind == "town" || p.kind == "city") return PlaceClass::Town;  // not capitals: "the town" is rarely one
    if (p.kind == "village") return PlaceClass::Village;
    if (p.precision == LocationPrecision::District) return PlaceClass::District;
    return PlaceClass::None;
}

struct Draft {
    Event event;
    std::string lemma;  // the event word's lemma (for deduplication)
    std::size_t sentence = 0;
    bool dated_here = false;                 // the clause gave its own date
    std::vector<PlaceCandidate> candidates;  // what its place was chosen from (kept for place_trace)
};

// The document's focus: the region it names most (else the place it names most).
std::optional<std::size_t> focus_of(const Gazetteer& gaz, const std::vector<Sentence>& sentences) {
    std::map<std::size_t, int> regions, places;
    for (const auto& s : sentences)
        for (const auto& m : s.places) {
            const NamedPlace& p = gaz.place(m.place);
            if (!p.has_position) continue;
            // "since the second Karabakh war": the war's name, not what the report is about.
            if (m.last_token < s.tokens.size() &&
                (s.tokens[m.last_token].folded == "war" || s.tokens[m.last_token].folded == "wars"))
                continue;
            // Lines, corridors and borders are where things happen, not what a report is about.
            if (p.precision == LocationPrecision::Region && p.kind == "region") ++regions[m.place];
            if (p.precision != LocationPrecision::Country) ++places[m.place];
        }
    std::optional<std::size_t> best;
    int n = 0;
    for (const auto& [p, c] : (regions.empty() ? places : regions))
        if (c > n) {
            n = c;
            best = p;
        }
    return best;
}

// The quoted words of a frame: its clause, at most kQuoteWords words around the event word.
constexpr std::size_t kQuoteWords = 16;

// The words of the frame's clause that state the event: from the event word to the place it is
// given when the clause names it ("hit Armenia proper: Vardenis, Goris, Sotk and Jermuk"), widened
// around them to `max_words`; a place farther than that from the event word is left out.
// `after`: the token where the words of this place's part of a list start (the end of the place
// before it in the list; 0 for the first): a place too far from the event word for one quote is
// quoted with the words of its own part ("Sarafsha, Hasangaydi, Imambaghi (in Jabrayil)").
std::pair<std::size_t, std::size_t> quote_window(const std::vector<Token>& toks, const Frame& f, const PlacePick& pk,
                                                 std::size_t max_words, std::size_t after = 0) {
    const std::size_t at = std::clamp(f.trigger, f.quote_begin, f.quote_end - 1);
    std::size_t lo = at, hi = at + 1;
    if (pk.stated && pk.surface.end > pk.surface.begin) {
        std::size_t first = f.quote_end, last = f.quote_begin;
        for (std::size_t i = f.quote_begin; i < f.quote_end; ++i)
            if (toks[i].begin >= pk.surface.begin && toks[i].end <= pk.surface.end) {
                first = std::min(first, i);
                last = std::max(last, i + 1);
            }
        // A part of a list with words of its own (its villages) is quoted alone, even near the
        // event word.
        const bool own_part = after > 0 && first < last && first >= after + 3 && first > at;
        if (first < last && !own_part && std::max(hi, last) - std::min(lo, first) <= max_words) {
            lo = std::min(lo, first);
            hi = std::max(hi, last);
        } else if (first < last && first > at && after > 0) {
            const std::size_t from = std::max({f.quote_begin, after, last > max_words ? last - max_words : 0});
            return {std::min(from, first), last};
        }
    }
    if (hi - lo >= max_words) return {lo, hi};
    // Widen as before around the event word, within its clause: a third of the room before, the
    // rest after; what the clause's end leaves unused goes before.
    const std::size_t qb = f.quote_begin, qe = f.quote_end;
    const std::size_t room = max_words - (hi - lo);
    const std::size_t before = std::min(lo - qb, room / 3);
    const std::size_t e = std::min(qe, hi + (room - before));
    std::size_t b = lo - before;
    if (e - b < max_words) b = e > qb + max_words ? e - max_words : qb;
    return {b, e};
}

// A chronology's item that names only a date and a place ("20 October – Zangilan city",
// "Kalbajar on 25 November") after items that told an act tells the same kind of act: the list
// leaves its verb out. Nothing when the item names no place or gives no date.
std::optional<Frame> elliptical_item(const std::vector<Token>& toks, const std::vector<PlaceMention>& places,
                                     const Passage& passage, const Trigger& act) {
    if (places.empty() || toks.size() > 16) return std::nullopt;
    bool dated = passage.own_date.has_value();
    for (const Token& t : toks) dated = dated || (word_class(t.folded) & kWeekOrMonth) != 0;
    if (!dated) return std::nullopt;
    Frame f;
    f.trigger = places.front().first_token;
    f.word = act;
    f.word.verb = false;
    f.begin = f.quote_begin = 0;
    f.end = f.quote_end = toks.size();
    return f;
}

// Multi-word cue match on folded tokens ("44 day war").
// Where `phrase` (words separated by spaces) first occurs in tokens [b, e), or e.
std::size_t phrase_at(const std::vector<Token>& t, std::size_t b, std::size_t e, std::string_view phrase) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < phrase.size();) {
        const std::size_t j = std::min(phrase.find(' ', i), phrase.size());
        if (j > i) words.push_back(phrase.substr(i, j - i));
        i = j + 1;
    }
    if (words.empty()) return e;
    for (std::size_t i = b; i + words.size() <= e; ++i) {
        bool ok = true;
        for (std::size_t k = 0; k < words.size() && ok; ++k) ok = t[i + k].folded == words[k];
        if (ok) return i;
    }
    return e;
}

bool has_phrase(const std::vector<Token>& t, std::size_t b, std::size_t e, std::string_view phrase) {
    return phrase_at(t, b, e, phrase) < e;
}

// How often a multi-word cue occurs in the folded tokens.
int count_phrase(const std::vector<Token>& t, std::string_view phrase) {
    const std::size_t words = static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    const std::string_view first = phrase.substr(0, phrase.find(' '));
    int n = 0;
    for (std::size_t i = 0; i + words <= t.size(); ++i)
        if (t[i].folded == first && has_phrase(t, i, i + words, phrase)) ++n;
    return n;
}

EventType noun_type(std::string_view head) {
    if (head == "statement" || head == "declaration" || head == "agreement" || head == "accord" || head == "deal" ||
        head == "treaty" || head == "protocol" || head == "document" || head == "accords" || head == "arrangement")
        return EventType::Agreement;
    if (head == "ceasefire" || head == "truce" || head == "armistice" || head == "ceasefires")
        return EventType::Ceasefire;
    if (head == "war" || head == "clashes" || head == "fighting" || head == "escalation" || head == "hostilities" ||
        head == "conflict")
        return EventType::Clash;
    if (head == "offensive" || head == "operation" || head == "invasion") return EventType::Capture;
    if (head == "attack" || head == "attacks") return EventType::Strike;
    if (head == "summit" || head == "meeting" || head == "talks") return EventType::Negotiation;
    if (head == "blockade") return EventType::Blockade;
    if (head == "exodus" || head == "handover")
        return head == "exodus" ? EventType::Humanitarian : EventType::Agreement;
    if (head == "massacre" || head == "pogrom" || head == "pogroms") return EventType::Casualty;
    if (head == "mandate") return EventType::Deployment;
    return EventType::Other;
}

// Marks the drafts that repeat an earlier one (see stage 5 in Extractor::extract).
std::vector<char> deduplicate(std::vector<Draft>& drafts) {
    constexpr std::size_t kRecent = 8;
    std::vector<char> dropped(drafts.size(), 0);
    std::map<std::tuple<int, std::string, std::int32_t, std::int32_t>, std::vector<std::size_t>> buckets;
    // Each quote's content_words(), as a sorted vector (filled when compared).
    std::vector<std::optional<std::vector<std::string>>> words(drafts.size());
    auto words_of = [&](std::size_t k) -> const std::vector<std::string>& {
        if (!words[k]) {
            std::vector<std::string> w;
            for (auto& t : tokenize(drafts[k].event.source.quote))
                if (t.folded.size() > 3) w.push_back(std::move(t.folded));
            std::sort(w.begin(), w.end());
            w.erase(std::unique(w.begin(), w.end()), w.end());
            words[k] = std::move(w);
        }
        return *words[k];
    };
    for (std::size_t b = 0; b < drafts.size(); ++b) {
        const Event& y = drafts[b].event;
        auto& kept = buckets[{static_cast<int>(y.type), y.place, day_number(y.date.start), day_number(y.date.end)}];
        for (std::size_t k = kept.size() > kRecent ? kept.size() - kRecent : 0; k < kept.size() && !dropped[b]; ++k) {
            const std::size_t a = kept[k];
            if (drafts[a].sentence == drafts[b].sentence && drafts[a].lemma != drafts[b].lemma) continue;
            // Two clauses of one sentence that say the same kind of thing ("the ministry said ...,
            // and its spokeswoman said ...") are two events: their quotes do not overlap.
            const SourceRef& qa = drafts[a].event.source;
            const SourceRef& qb = y.source;
            if (drafts[a].sentence == drafts[b].sentence && (qa.end <= qb.begin || qb.end <= qa.begin)) continue;
            const bool same_word = drafts[a].lemma == drafts[b].lemma;
            std::size_t shared = 0;
            const auto& wb = words_of(b);
            const auto& wa = words_of(a);
            for (std::size_t ib = 0, ia = 0; ib < wb.size() && ia < wa.size();) {  // both sorted
                if (wb[ib] < wa[ia]) {
                    ++ib;
                } else if (wa[ia] < wb[ib]) {
                    ++ia;
                } else {
                    ++shared;
                    ++ib;
                    ++ia;
                }
            }
            const double share = wb.empty() ? 0.0 : static_cast<double>(shared) / static_cast<double>(wb.size());
            if ((same_word && (share >= 0.3 || drafts[b].sentence <= drafts[a].sentence + 2)) || share >= 0.6) {
                dropped[b] = 1;
                drafts[a].event.confidence = std::min(0.95, drafts[a].event.confidence + 0.05);
            }
        }
        if (!dropped[b]) kept.push_back(b);
    }
    return dropped;
}

// When the document was written, for dates without a year: the publication date; without one,
// the span it was probably written in, or a war of the conflict calendar it names ("The 44-day
// war at a glance"), or the end of the latest year it names.
struct WritingTime {
    std::optional<Date> year_hint;
    std::optional<DateRange> written;  ///< what the text presents as happening now happened then
};

WritingTime writing_time(const Document& doc, const ConflictCalendar& calendar, std::optional<Date> published) {
    const std::string_view text = doc.text;
    std::optional<Date> year_hint = published;
    std::optional<DateRange> written = doc.estimated_publication;
    if (!year_hint && doc.estimated_publication) year_hint = doc.estimated_publication->start;
    if (!year_hint) {
        const auto& head = tokenize_remembered(text.substr(0, std::min<std::size_t>(text.size(), 20000)));
        for (const ConflictSpan* war : calendar.of_kind(ConflictSpan::Kind::War))
            for (const auto& cue : war->cues)
                if (!year_hint && has_phrase(head, 0, head.size(), cue))
                    year_hint = Date(sys_days(war->range.end) + days(31));
        // Else the end of the latest year it names ("in late 2020"): it was written after that.
        int latest = 0;
        for (const Token& t : head) {
            if (!t.numeric || t.folded.size() != 4) continue;
            const int y = std::atoi(t.folded.c_str());
            if (y >= 1988 && y <= 2100) latest = std::max(latest, y);
        }
        if (latest > 0) {
            const Date end_of_year(std::chrono::year(latest), std::chrono::December, std::chrono::day(31));
            if (!year_hint || sys_days(end_of_year) > sys_days(*year_hint)) {
                year_hint = end_of_year;
                // What it presents as happening now happened in that year or the next, as far as
                // the text says (year precision: honest about how little is known).
                written = DateRange{Date(std::chrono::year(latest), std::chrono::January, std::chrono::day(1)),
                                    Date(std::chrono::year(latest + 1), std::chrono::December, std::chrono::day(31)),
                                    DatePrecision::Year};
            }
        }
    }
    return {year_hint, written};
}

// A place name that is part of a person's name ("Vahan Hunanyan said") is no mention at all: it
// must not set the scene or become the document's focus.
std::vector<PlaceMention> without_person_names(std::string_view st, const std::vector<Token>& tokens,
                                               std::vector<PlaceMention> places) {
    if (std::none_of(places.begin(), places.end(),
                     [](const PlaceMention& m) { return m.last_token == m.first_token + 1; }))
        return places;  // only a one-word name can be part of a person's name
    const SentenceView view = view_of(st, tokens, places);
    std::vector<PlaceMention> out;
    for (const auto& m : places)
        if (!part_of_person_name(view, m)) out.push_back(m);
    return out;
}

// A government's own measures ("imposed martial law", "declared a state of war", "announced a
// partial mobilisation", "a curfew"): where they apply is the country that takes them, the one
// (or ones: "Azerbaijan and Armenia imposed martial law") named as their subject or by its people's
// name ("the Azerbaijani President approved ..."). Empty when the clause is no such measure.
std::vector<PlacePick> measure_countries(const Gazetteer& gaz, const SentenceView& s, const Frame& f) {
    const auto& t = s.tokens;
    bool measure = false;
    for (std::size_t i = f.begin; i < f.end && !measure; ++i) {
        const std::string_view w = t[i].folded;
        measure = w == "martial" || w == "mobilization" || w == "mobilisation" || w == "curfew" ||
                  (w == "state" && i + 2 < t.size() && t[i + 1].folded == "of" &&
                   (t[i + 2].folded == "war" || t[i + 2].folded == "emergency"));
    }
    std::vector<PlacePick> out;
    if (!measure) return out;
    for (const PlaceMention& m : s.places) {
        if (m.first_token < f.begin || m.first_token >= f.trigger) continue;
        const NamedPlace& p = gaz.place(m.place);
        if (!p.has_position || p.precision != LocationPrecision::Country) continue;
        if (m.first_token > 0 && t[m.first_token - 1].folded == "between") continue;
        if (std::none_of(out.begin(), out.end(), [&](const PlacePick& q) { return q.place == m.place; }))
            out.push_back({m.place, TextSpan{m.begin, m.end}, true, m.tolerant});
    }
    return out;
}

// The sentences of the passages (date headings aside) with their tokens and place mentions; an
// ambiguous name is resolved towards the document's other places, which `context` gets.
std::vector<Sentence> read_sentences(const Gazetteer& gaz, std::string_view text, const std::vector<Passage>& passages,
                                     std::vector<LonLat>& context) {
    std::vector<Sentence> sentences;
    for (std::size_t pi = 0; pi < passages.size(); ++pi) {
        const Passage& p = passages[pi];
        if (p.kind == PassageKind::DateHeading) continue;
        const std::string_view block = text.substr(p.span.begin, p.span.end - p.span.begin);
        bool first = true;
        for (const TextSpan& s : split_sentences(block)) {
            Sentence sen;
            sen.span = {p.span.begin + s.begin, p.span.begin + s.end};
            // A wire's dateline opening the paragraph is not part of its first sentence.
            if (first) sen.span.begin += dateline_length(text.substr(sen.span.begin, sen.span.end - sen.span.begin));
            first = false;
            sen.passage = pi;
            const std::string_view st = text.substr(sen.span.begin, sen.span.end - sen.span.begin);
            sen.tokens = tokenize(st);
            sen.places = without_person_names(st, sen.tokens, gaz.find_mentions(st, sen.tokens));
            for (const auto& m : sen.places) {
                const NamedPlace& np = gaz.place(m.place);
                if (m.alternatives.empty() && np.has_position && context.size() < 64 &&
                    np.precision != LocationPrecision::Country)
                    context.push_back(np.position);
            }
            sentences.push_back(std::move(sen));
        }
    }
    for (auto& sen : sentences) {  // ambiguous names resolved towards the document's places
        const bool ambiguous = std::any_of(sen.places.begin(), sen.places.end(),
                                           [](const PlaceMention& m) { return !m.alternatives.empty(); });
        if (ambiguous && !context.empty()) {
            const std::string_view st = text.substr(sen.span.begin, sen.span.end - sen.span.begin);
            sen.places = without_person_names(st, sen.tokens, gaz.find_mentions(st, sen.tokens, context));
        }
    }
    return sentences;
}

// Sentences a page prints twice (a standfirst repeated as the first paragraph, a caption under
// the photo and again in the gallery): one report, read once. The copy kept is the one in the
// longer passage, where the narrative around it dates and places it; among equals the later (a
// standfirst or a caption comes before the body that tells it in its place).
std::vector<char> repeated_sentences(const std::vector<Sentence>& sentences, const std::vector<Passage>& passages) {
    std::vector<char> skip(sentences.size(), 0);
    std::map<std::string, std::size_t> seen;  // words -> the copy kept so far
    auto length = [&](std::size_t si) {
        const TextSpan& p = passages[sentences[si].passage].span;
        return p.end - p.begin;
    };
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        if (sentences[si].tokens.size() < 6) continue;
        std::string key;
        for (const auto& t : sentences[si].tokens) (key += t.folded) += ' ';
        auto [it, fresh] = seen.emplace(std::move(key), si);
        if (fresh) continue;
        if (length(si) >= length(it->second)) {
            skip[it->second] = 1;
            it->second = si;
        } else {
            skip[si] = 1;
        }
    }
    return skip;
}

// The date a frame's own words give its event, or nullptr: the event-role date nearest the event
// word within the frame's words, else a date that qualifies the event noun; never, for a claim, a
// date after the text's time.
const RoledDate* event_date_of(const Frame& f, const std::vector<RoledDate>& dates, const std::vector<Token>& toks,
                               std::optional<Date> now) {
    const RoledDate* best = nullptr;
    std::size_t best_gap = toks.size() + 1;
    for (const RoledDate& d : dates) {
        if (d.role != DateRole::Event) continue;
        // A claim is dated by the words around its verb ("said on Tuesday"), not by the
        // dates of what it is about ("said the border was drawn in Soviet times"), unless
        // only the claim's setting stands between ("said in a written statement on
        // Tuesday"): that date is the claim's, even past the frame's words, and it wins.
        const bool setting = f.statement && d.token > f.trigger + 1 && speech_setting(toks, f.trigger + 1, d.token);
        if (!setting && (d.token < f.begin || d.token >= f.end)) continue;
        if (f.statement && d.token > f.trigger + 3 && !setting) continue;
        const std::size_t gap = setting ? 0 : (d.token > f.trigger ? d.token - f.trigger : f.trigger - d.token);
        if (gap < best_gap) {
            best_gap = gap;
            best = &d;
        }
    }
    // "the 1994 ceasefire", "the trilateral statement of 9 November 2020": the event word is the
    // noun a date qualifies (the noun "statement" names an agreement, not a claim, here).
    for (const RoledDate& d : dates)
        if (!best && d.role == DateRole::Attributive &&
            ((f.trigger > d.token && f.trigger <= d.token + 4) || (f.trigger + 2 == d.token)) &&
            (!f.statement || !f.word.verb))
            best = &d;
    // A claim is made by the time it is reported: a date after publication is a plan it
    // announces ("a coupon system from 20 January"), not when it was made.
    if (best && f.statement && now && sys_days(best->mention.range.start) > sys_days(*now)) return nullptr;
    return best;
}

// Stage 5 and the output: one event, several mentions. A later mention of the same act (same type, place and
// dates, and the same event word or most of the same words) is the same event. Candidates are
// bucketed by (type, place, dates), and each is compared with the last few kept in its bucket,
// so a long document costs linear time.
void emit(const Document& doc, std::vector<Draft>& drafts,
          const std::function<void(const Event&, const std::vector<PlaceCandidate>&)>& place_trace,
          const std::function<void(Event&&)>& sink) {
    std::vector<char> dropped(deduplicate(drafts));
    int counter = 0;
    std::string stem = doc.name;
    if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
    if (auto us = stem.find('_'); us != std::string::npos && us > 0) stem.resize(us);
    for (std::size_t a = 0; a < drafts.size(); ++a) {
        if (dropped[a]) continue;
        Event e = std::move(drafts[a].event);
        e.id = fmt::format("{}-{:03d}", stem, ++counter);
        if (place_trace) place_trace(e, drafts[a].candidates);
        sink(std::move(e));
    }
}

// Attributive dates name other, earlier events ("the trilateral statement of 10 November 2020"):
// each is an event of its own, placed at the document's focus `np`, unless the clause's own event
// word is that event.
void named_in_passing(const NamedPlace& np, const Document& doc, const Sentence& sen, std::size_t si,
                      const std::vector<RoledDate>& dates, const std::vector<Frame>& frames,
                      std::vector<Draft>& drafts) {
    const std::string_view st = std::string_view(doc.text).substr(sen.span.begin, sen.span.end - sen.span.begin);
    const auto& toks = sen.tokens;
    for (const RoledDate& d : dates) {
        if (d.role != DateRole::Attributive && d.passing.empty()) continue;
        const std::string_view head = d.role == DateRole::Attributive ? d.head : d.passing;
        const bool own = std::any_of(frames.begin(), frames.end(), [&](const Frame& f) {
            if (d.role != DateRole::Attributive) return f.trigger + 2 == d.token && !f.statement;
            return f.trigger >= d.token && f.trigger <= d.token + 4 && !f.statement;
        });
        if (own) continue;  // the clause's own event word is that event
        Draft dr;
        Event& e = dr.event;
        e.date = d.mention.range;
        e.place = np.name;
        e.place_text = "(not stated)";
        e.position = np.position;
        e.has_position = np.has_position;
        e.location_precision = np.precision;
        e.type = noun_type(head);
        const std::size_t b = d.token >= 6 ? d.token - 6 : 0;
        const std::size_t en = std::min(toks.size(), d.token + 8);
        const std::size_t qb = toks[b].begin, qe = toks[en - 1].end;
        e.summary = fmt::format("{} (named in passing) at {}: {}", event_type_name(e.type), np.name,
                                first_words(st.substr(qb, qe - qb), 18));
        e.source = SourceRef{doc.name, doc.base_offset + sen.span.begin + qb, doc.base_offset + sen.span.begin + qe,
                             std::string(st.substr(qb, qe - qb))};
        e.confidence = 0.5;
        dr.lemma = std::string(head);
        dr.sentence = si;
        dr.dated_here = true;
        drafts.push_back(std::move(dr));
    }
}

// The scene after a sentence: the last town, district or corridor it names (not a capital, nor a
// speaker's place) sets the scene for the next; else the scene stays.
std::optional<Scene> scene_after(const Gazetteer& gaz, const Sentence& sen, std::string_view st,
                                 std::optional<Scene> scene) {
    std::optional<Scene> next_scene = std::move(scene);
    for (const auto& m : sen.places) {
        const NamedPlace& np = gaz.place(m.place);
        const bool capital = np.kind.find("capital") != std::string::npos;
        const auto next =
            m.last_token < sen.tokens.size() ? trigger_of(sen.tokens[m.last_token].folded, "") : std::nullopt;
        const bool speaker = sen.tokens[m.last_token - 1].possessive || (next && next->reporting);
        // Towns, districts and corridors set a scene; broad regions and countries do not.
        const bool narrow = np.precision == LocationPrecision::Point || np.precision == LocationPrecision::District ||
                            np.kind.find("corridor") != std::string::npos;
        if (np.has_position && !capital && !speaker && narrow)
            next_scene = Scene{m.place, std::string(st.substr(m.begin, m.end - m.begin))};
    }
    return next_scene;
}

// Date headings between two passages set the running date: a year heading, the year of what
// follows; a day heading, the day a live blog or a chronology goes on to.
void read_date_headings(const std::vector<Passage>& passages, std::size_t from, std::size_t to,
                        std::optional<int>& heading_year, TimeAnchor& anchor) {
    for (std::size_t q = from; q < to; ++q) {
        if (passages[q].kind != PassageKind::DateHeading || !passages[q].own_date) continue;
        const DateRange& h = *passages[q].own_date;
        if (h.precision == DatePrecision::Year && h.start.year() == h.end.year())
            heading_year = static_cast<int>(h.start.year());
        else {
            if (heading_year && static_cast<int>(h.start.year()) != *heading_year) heading_year.reset();
            // A day heading within a month after publication: a live blog's later day.
            if (h.precision == DatePrecision::Day && anchor.now() &&
                sys_days(h.start) <= sys_days(*anchor.now()) + days(31))
                anchor.advance_now(h.start);
            // An earlier day of a live blog or a chronology (newest first, or a day of the
            // month before): what follows it was written, or is told, on that day.
            if (h.precision == DatePrecision::Day && anchor.now() && sys_days(h.start) < sys_days(*anchor.now()) &&
                sys_days(h.start) + days(31) >= sys_days(*anchor.now()))
                anchor.set_now(h.start);
            anchor.observe(h);
        }
    }
}

// The span of a war of the conflict calendar the frame's words name ("during the 44-day war"), the
// last one listed when several are. Cheap test first: a cue can only match where the clause has a
// cue's last word.
std::optional<DateRange> war_named(const ConflictCalendar& calendar, const std::set<std::string, std::less<>>& cue_ends,
                                   const std::vector<Token>& toks, const Frame& f) {
    bool names_a_war = false;
    for (std::size_t i = f.begin; i < f.end && !names_a_war; ++i) names_a_war = cue_ends.count(toks[i].folded) > 0;
    if (!names_a_war) return std::nullopt;
    std::optional<DateRange> when;
    for (const ConflictSpan& span : calendar.spans) {
        if (span.kind != ConflictSpan::Kind::War) continue;
        for (const auto& cue : span.cues) {
            const std::size_t at = phrase_at(toks, f.begin, f.end, cue);
            if (at >= f.end) continue;
            // "the largest clashes since the end of the second Karabakh war", "after the 44-day
            // war": the war is the time it is measured from, not when the event happened.
            bool measured_from = false;
            for (std::size_t k = at; k > f.begin && k + 5 > at && !measured_from; --k)
                measured_from = one_of(toks[k - 1].folded, {"since", "after", "before", "following", "until", "than"});
            if (!measured_from) when = span.range;
        }
    }
    return when;
}

// The extractor's own confidence in an event: what the text itself states about it (its own date
// and place, a verb, a strong event word; hedged, matched tolerantly, only a region or country).
double stated_confidence(const Frame& f, const PlacePick& pk, const NamedPlace& np, bool dated_here) {
    double c = 0.35;
    if (dated_here) c += 0.2;
    if (pk.stated) c += 0.2;
    if (f.word.verb) c += 0.1;
    if (!f.statement && f.word.weight >= 6) c += 0.05;
    if (f.hedged) c -= 0.15;
    if (pk.tolerant) c -= 0.1;
    if (np.precision == LocationPrecision::Region || np.precision == LocationPrecision::Country) c -= 0.05;
    return std::round(std::clamp(c, 0.05, 0.95) * 100.0) / 100.0;
}

// "the city", "the district": the nearest place of that kind the sentence itself names before
// the noun ("Authorities in Stepanakert say the city came under fire"), else the last one the text
// named; nothing when the frame's words hold no such noun.
struct NounPlace {
    PlacePick place;
    std::string surface;
};
std::optional<NounPlace> place_by_noun(const Gazetteer& gaz, const Sentence& sen, std::string_view st, const Frame& f,
                                       const std::map<PlaceClass, Scene>& last_of_class) {
    const auto& toks = sen.tokens;
    for (std::size_t i = std::min(f.begin, f.quote_begin); i + 1 < std::max(f.end, f.quote_end); ++i) {
        if (toks[i].folded != "the") continue;
        const std::size_t n = i + 2 < toks.size() && toks[i + 1].folded == "same" ? i + 2 : i + 1;
        const PlaceClass c = class_of_noun(toks[n].folded);
        if (c == PlaceClass::None) continue;
        std::optional<NounPlace> found;
        for (const auto& m : sen.places) {
            if (m.first_token >= i) break;
            const NamedPlace& np = gaz.place(m.place);
            if (np.has_position && class_of_place(np) == c)
                found = NounPlace{PlacePick{m.place, {}, false, m.tolerant},
                                  std::string(st.substr(m.begin, m.end - m.begin))};
        }
        if (found) return found;
        if (auto it = last_of_class.find(c); it != last_of_class.end())
            return NounPlace{PlacePick{it->second.place, {}, false, false}, it->second.surface};
    }
    return std::nullopt;
}

// The span of the conflict calendar an event's words stand for, near `where`: a blockade still in
// force stretches an undated mention over it; a day inside the handover period is the period.
DateRange calendar_span(const ConflictCalendar& calendar, LonLat where, const std::vector<Token>& toks, const Frame& f,
                        DateRange when, bool dated_here) {
    for (const ConflictSpan& span : calendar.spans) {
        if (span.kind == ConflictSpan::Kind::War) continue;
        if (span.centre && Gazetteer::distance_km(where, *span.centre) >= span.radius_km) continue;
        bool named = false;
        for (std::size_t i = f.begin; i < f.end && !named; ++i)
            for (const auto& cue : span.cues) named = named || toks[i].folded == cue;
        if (!named) continue;
        const Date start = span.range.start, end = span.range.end;
        if (span.kind == ConflictSpan::Kind::Ongoing && !dated_here && when.overlaps(span.range)) {
            const Date stop = sys_days(when.end) < sys_days(end) ? when.end : end;
            when = DateRange{start, stop, span.range.precision};
        } else if (span.kind == ConflictSpan::Kind::Period && when.precision == DatePrecision::Day &&
                   sys_days(when.start) >= sys_days(start) && sys_days(when.end) <= sys_days(end) &&
                   (!dated_here || when.start == start)) {
            when = DateRange{start, end, span.range.precision};
        }
    }
    return when;
}

}  // namespace

// The publication date: the document's, else a yearless dateline's day in the year the conflict
// calendar gives it (the span whose cues the text names most; an Info note says which).
std::optional<Date> publication_of(const Document& doc, const ConflictCalendar& calendar, Diagnostics& diags) {
    if (doc.publication_date || !doc.yearless_dateline) return doc.publication_date;
    const std::string_view text = doc.text;
    const std::string_view head_text = text.substr(0, std::min<std::size_t>(text.size(), 20000));
    const auto head = tokenize_remembered(head_text);  // a copy: find_dates below may tokenize too
    // The text's own full date of that day ("BAKU, September 20. ... as of 13:00, 20 September
    // 2023"): its year, before any guess.
    const unsigned month = doc.yearless_dateline->month, day_of_month = doc.yearless_dateline->day;
    // Not the dateline's own line: "On September 27, 2020, the conflict escalated" read as a
    // dateline is a sentence about 2020, not the day of writing.
    const std::size_t line_at = head_text.find(doc.yearless_dateline->line);
    const std::size_t line_end =
        line_at == std::string_view::npos ? line_at : line_at + doc.yearless_dateline->line.size();
    for (const DateMention& m : find_dates(head_text, head, DateContext{})) {
        if (line_at != std::string_view::npos && m.begin >= line_at && m.begin < line_end) continue;
        const std::chrono::year_month_day ymd{std::chrono::sys_days(m.range.start)};
        if (m.kind != DateKind::Absolute || m.range.precision != DatePrecision::Day || m.range.start != m.range.end ||
            static_cast<unsigned>(ymd.month()) != month || static_cast<unsigned>(ymd.day()) != day_of_month)
            continue;
        diags.add(Severity::Info, DiagCode::DocumentNoDate, doc.path, "",
                  fmt::format("dateline '{}' has no year; dated {} by the same day written in full in the text",
                              doc.yearless_dateline->line.substr(0, 60), format_iso(m.range.start)));
        return m.range.start;
    }
    std::vector<int> hits;
    for (const ConflictSpan& span : calendar.spans) {
        int n = 0;
        for (const auto& cue : span.cues) n += count_phrase(head, cue);
        hits.push_back(n);
    }
    const auto date = date_in_calendar(calendar, doc.yearless_dateline->month, doc.yearless_dateline->day, hits);
    if (date)
        diags.add(Severity::Info, DiagCode::DocumentNoDate, doc.path, "",
                  fmt::format("dateline '{}' has no year; dated {} by the conflict calendar",
                              doc.yearless_dateline->line.substr(0, 60), format_iso(*date)));
    return date;
}

Extractor::Extractor(const Gazetteer& gazetteer, ExtractorOptions options) : gazetteer_(gazetteer), options_(options) {}

std::vector<Event> Extractor::extract(const Document& doc, Diagnostics& diags) const {
    std::vector<Event> out;
    extract(doc, diags, [&](Event&& e) { out.push_back(std::move(e)); });
    return out;
}

namespace {

// One document through stages 2-5. It holds what is fixed for the whole text (stage 1's passages
// and sentences, where the text is focused, how often it names each place) and what moves along
// it (the reference time, the scene, the list being read), and runs the stages sentence by
// sentence: frames, then per frame its date, its places and its drafts.
class DocumentRun {
public:
    DocumentRun(const Gazetteer& gaz, const ExtractorOptions& options, const Document& doc, Diagnostics& diags);
    void run(const std::function<void(Event&&)>& sink);

private:
    // What one sentence gives each of its frames.
    struct SentenceContext {
        std::size_t index;
        const Sentence& sen;
        std::string_view st;
        const Passage& passage;
        const std::vector<Frame>& frames;
        const std::vector<RoledDate>& dates;
        const SentenceView& view;
        std::optional<DateRange> event_date;  // the first event-role date of the sentence
        std::vector<std::size_t> previous_places;
    };
    struct FrameDate {
        DateRange when;
        bool dated_here = false;
        const RoledDate* best = nullptr;
    };
    struct PlaceChoice {
        std::vector<PlacePick> picks;
        bool fixed = false;  // the rules are sure (a government's own measure): no model re-ranks it
        std::string surface_override;
        std::vector<PlaceCandidate> candidates;
    };

    void enter_passage(const Sentence& sen, const Passage& passage);
    std::vector<Frame> frames_of(const Sentence& sen, std::string_view st, const Passage& passage, bool new_passage);
    std::optional<FrameDate> date_of(const SentenceContext& c, const Frame& f);
    std::optional<PlaceChoice> places_of(const SentenceContext& c, std::size_t fi, const DateRange& when);
    void rank(const SentenceContext& c, const Frame& f, PlaceChoice& choice) const;
    void add_drafts(const SentenceContext& c, const Frame& f, const FrameDate& d, const PlaceChoice& choice);
    void move_narrative(const SentenceContext& c, std::size_t fi, const FrameDate& d);
    void leave_sentence(const Sentence& sen, std::string_view st, std::size_t si, const std::vector<RoledDate>& dates,
                        const std::vector<Frame>& frames, const std::optional<Scene>& next_scene);
    // Undated list items of a timeline are dated later, between their neighbours' dates (the next
    // dated item's, or the publication date when the list ends).
    void close_pending(std::optional<Date> until);

    // Fixed for the document.
    const Gazetteer& gaz_;
    const ExtractorOptions& options_;
    const Document& doc_;
    Diagnostics& diags_;
    std::string_view text_;
    std::optional<Date> published_;  // a dateline without a year ("YEREVAN, May 14 -") is dated
    WritingTime writing_;
    std::vector<Passage> passages_;
    std::vector<LonLat> context_;  // where the document's unambiguous places are
    std::vector<Sentence> sentences_;
    std::vector<char> repeated_;  // per sentence: a copy of another, read there (no events here)
    std::optional<std::size_t> focus_;
    std::map<std::size_t, int> document_counts_;              // how often the text and each passage name each
    std::vector<std::map<std::size_t, int>> passage_counts_;  // place: what the place model weighs
    std::optional<std::size_t> document_top_;
    std::optional<std::size_t> other_country_;
    std::optional<std::size_t> country_top_;  // the country the text names most (the last fallback)
    bool rank_places_ = false;
    std::vector<std::size_t> title_places_;            // what the headline names: where a report often happens
    std::set<std::string, std::less<>> war_cue_ends_;  // the last word of every war cue ("war")

    // Moving along the text.
    TimeAnchor anchor_;
    std::vector<Draft> drafts_;
    std::optional<Scene> scene_;
    std::map<PlaceClass, Scene> last_of_class_;  // the last place of each class the text named
    std::size_t last_passage_ = static_cast<std::size_t>(-1);
    std::optional<int> heading_year_;
    std::optional<int> passage_year_;  // the year of the dates this paragraph gave, when not the dateline's
    std::vector<std::size_t> pending_items_;
    std::optional<DateRange> last_item_date_;
    std::size_t last_list_ = 0;
    // The acts this list's items told, by kind: an item that leaves its verb out tells the
    // commonest (the latest among equals).
    std::map<EventType, std::pair<int, Trigger>> list_acts_;
    std::optional<EventType> list_act_;
    // Within a sentence: a claim's date and places lend themselves to the act it reports.
    std::optional<DateRange> statement_date_;
    std::vector<PlacePick> statement_places_;
};

DocumentRun::DocumentRun(const Gazetteer& gaz, const ExtractorOptions& options, const Document& doc, Diagnostics& diags)
    : gaz_(gaz),
      options_(options),
      doc_(doc),
      diags_(diags),
      text_(doc.text),
      published_(publication_of(doc, options.calendar, diags)),
      writing_(writing_time(doc, options.calendar, published_)),
      // Stage 1 and the mentions of stage 2: passages, sentences, their tokens and places.
      passages_(read_structure(doc, published_, writing_.year_hint)),
      sentences_(read_sentences(gaz, text_, passages_, context_)),
      repeated_(repeated_sentences(sentences_, passages_)),
      focus_(focus_of(gaz, sentences_)),
      passage_counts_(passages_.size()),
      anchor_(published_, writing_.written) {
    for (const auto& s : sentences_)
        for (const auto& m : s.places) {
            ++document_counts_[m.place];
            ++passage_counts_[s.passage][m.place];
        }
    document_top_ = most_named(gaz_, document_counts_, true);
    other_country_ = country_beside_focus(gaz_, document_counts_, focus_);
    int top = 0;
    for (const auto& [place, n] : document_counts_)
        if (const NamedPlace& p = gaz_.place(place);
            p.has_position && p.precision == LocationPrecision::Country && n > top) {
            top = n;
            country_top_ = place;
        }
    rank_places_ = options_.place_model || options_.place_trace;
    if (rank_places_ && !doc.title.empty()) {
        const auto title_tokens = tokenize(doc.title);
        for (const auto& m : gaz_.find_mentions(doc.title, title_tokens, context_))
            if (gaz_.place(m.place).precision != LocationPrecision::Country && title_places_.size() < 4)
                title_places_.push_back(m.place);
    }
    for (const ConflictSpan* war : options_.calendar.of_kind(ConflictSpan::Kind::War))
        for (const auto& cue : war->cues)
            war_cue_ends_.insert(cue.substr(cue.rfind(' ') == std::string::npos ? 0 : cue.rfind(' ') + 1));
}

void DocumentRun::close_pending(std::optional<Date> until) {
    for (std::size_t d : pending_items_)
        if (last_item_date_ && until && sys_days(*until) >= sys_days(last_item_date_->end))
            drafts_[d].event.date = DateRange{last_item_date_->start, *until, DatePrecision::Day};
    pending_items_.clear();
}

void DocumentRun::enter_passage(const Sentence& sen, const Passage& passage) {
    read_date_headings(passages_, last_passage_ == static_cast<std::size_t>(-1) ? 0 : last_passage_ + 1, sen.passage,
                       heading_year_, anchor_);
    if (passage.list != last_list_) {
        close_pending(anchor_.now());  // a list ended
        last_item_date_.reset();
        list_acts_.clear();
        list_act_.reset();
        last_list_ = passage.list;
    }
    // A live-blog entry tells what happened by the day it was posted: that day is its date.
    std::optional<DateRange> own = passage.own_date;
    if (!own && passage.kind == PassageKind::LiveEntry && anchor_.now())
        own = DateRange{*anchor_.now(), *anchor_.now(), DatePrecision::Day};
    anchor_.begin_passage(connective_at(sen.tokens, 0, sen.tokens.size()) != Connective::None, own);
    // An update stamped with a later day is written on that day: "on Wednesday" counts back from it.
    if (passage.update && passage.own_date) anchor_.advance_now(passage.own_date->start);
    if (passage.kind == PassageKind::TimelineItem && passage.own_date) {
        close_pending(passage.own_date->start);  // a dated item closes the undated before it
        last_item_date_ = passage.own_date;
    }
    scene_.reset();
    passage_year_.reset();
    last_passage_ = sen.passage;
}

std::vector<Frame> DocumentRun::frames_of(const Sentence& sen, std::string_view st, const Passage& passage,
                                          bool new_passage) {
    const auto& toks = sen.tokens;
    std::vector<Frame> frames = find_frames(st, toks);
    // A clause that leaves out its verb tells an act only of the places it names first.
    std::erase_if(frames, [&](const Frame& f) {
        return f.gapped && std::none_of(sen.places.begin(), sen.places.end(),
                                        [&](const PlaceMention& m) { return m.first_token == f.trigger; });
    });
    if (passage.list != 0 && (passage.kind == PassageKind::TimelineItem || passage.kind == PassageKind::ListItem)) {
        if (frames.empty() && new_passage && list_act_) {
            if (auto f = elliptical_item(toks, sen.places, passage, list_acts_[*list_act_].second))
                frames.push_back(*f);
        } else {
            for (const Frame& f : frames) {
                if (f.statement) continue;
                auto& [n, word] = list_acts_[f.word.type];
                ++n;
                word = f.word;
                if (!list_act_ || n >= list_acts_[*list_act_].first) list_act_ = f.word.type;
            }
        }
    }
    return frames;
}

std::optional<DocumentRun::FrameDate> DocumentRun::date_of(const SentenceContext& c, const Frame& f) {
    const auto& toks = c.sen.tokens;
    FrameDate out;
    out.best = event_date_of(f, c.dates, toks, anchor_.now());
    std::optional<DateRange> when;
    if (out.best) {
        when = out.best->mention.range;
        out.dated_here = true;
    } else if (f.reported && statement_date_) {
        when = statement_date_;
    } else if (c.event_date && c.frames.size() == 1 && !f.statement) {
        when = c.event_date;
        out.dated_here = true;
    } else if (c.passage.kind == PassageKind::TimelineItem && c.passage.own_date) {
        when = c.passage.own_date;
        out.dated_here = true;
    } else {
        when = anchor_.undated(f.present && !f.reported, connective_at(toks, f.quote_begin, f.end));
    }
    // Spans of the conflict calendar named without a date ("during the 44-day war").
    if (!out.dated_here)
        if (auto war = war_named(options_.calendar, war_cue_ends_, toks, f)) {
            when = war;
            out.dated_here = true;
        }
    if (!when) {
        diags_.add(Severity::Info, DiagCode::DateUnparsed, doc_.path,
                   fmt::format("byte {}", doc_.base_offset + c.sen.span.begin),
                   fmt::format("event without a date: '{}'", first_words(c.st, 12)));
        return std::nullopt;
    }
    if (f.statement) statement_date_ = when;
    out.when = *when;
    return out;
}

std::optional<DocumentRun::PlaceChoice> DocumentRun::places_of(const SentenceContext& c, std::size_t fi,
                                                               const DateRange& when) {
    const Frame& f = c.frames[fi];
    PlaceChoice out;
    auto& picks = out.picks;
    // An agreed document the text mentions ("under the trilateral statement of 10 November")
    // was not signed at the places around it: it stays with the region.
    if (!f.document)
        picks = attach_places(gaz_, c.view, f, focus_);
    else if (focus_)
        picks.push_back(PlacePick{*focus_, {}, false, false});
    if (picks.empty() || f.word.type == EventType::Other || f.word.type == EventType::Deployment || f.statement)
        if (auto countries = measure_countries(gaz_, c.view, f); !countries.empty()) {
            picks = std::move(countries);
            out.fixed = true;
        }
    if (picks.empty() && f.statement && !statement_places_.empty()) picks = statement_places_;
    const bool speaks = f.statement || f.word.type == EventType::Negotiation || f.word.type == EventType::Other ||
                        f.word.type == EventType::Deployment || f.word.type == EventType::Humanitarian;
    if (picks.empty() && f.statement && fi + 1 < c.frames.size() && c.frames[fi + 1].reported) {
        // A claim is placed where the act it reports happened.
        picks = attach_places(gaz_, c.view, c.frames[fi + 1], focus_);
        if (picks.size() > 1) picks.resize(1);
    }
    // Claims that name no place: the country that speaks, then the scene; acts: the scene of
    // the passage (a town or district the sentences before named), then the speaker's
    // country for talks, decrees, deployments and flows of people.
    if (picks.empty())
        if (auto named = place_by_noun(gaz_, c.sen, c.st, f, last_of_class_)) {
            picks.assign(1, named->place);
            out.surface_override = named->surface;
        }
    auto use_scene = [&] {
        if (!picks.empty() || !scene_) return;
        // A scene set by a report of another time (history after the news, "In 1992-1994 ...") is
        // not where this event happened.
        if (scene_->when && (sys_days(when.end) + days(60) < sys_days(scene_->when->start) ||
                             sys_days(scene_->when->end) + days(60) < sys_days(when.start)))
            return;
        picks.push_back(PlacePick{scene_->place, {}, false, false});
        out.surface_override = scene_->surface;
    };
    auto use_country = [&] {
        if (!picks.empty() || !speaks) return;
        if (auto sc = speaking_country(gaz_, c.view, f);
            sc &&
            (!focus_ || Gazetteer::distance_km(gaz_.place(sc->place).position, gaz_.place(*focus_).position) <= 400))
            picks.push_back(*sc);  // a far country's claims (Moscow, Washington) stay with the region
    };
    // A denial is placed where the denied act would have been (the scene), not at the denier.
    std::string lemma_buffer;
    const bool denial = f.statement && denial_lemma(lemma(c.sen.tokens[f.trigger].folded, lemma_buffer));
    if (f.statement && !denial) {
        use_country();
        use_scene();
    } else {
        use_scene();
        use_country();
    }
    // A report whose towns lie in another country than its focus region's (the border
    // inside Armenia, Karabakh named as background): that country, not the region.
    if (picks.empty() && other_country_) picks.push_back(PlacePick{*other_country_, {}, false, false});
    if (picks.empty() && focus_) picks.push_back(PlacePick{*focus_, {}, false, false});
    // A report that names only countries ("Armenia's defence ministry said ... captured by
    // Azerbaijan"): the country it names most.
    if (picks.empty() && country_top_) picks.push_back(PlacePick{*country_top_, {}, false, false});
    if (picks.empty()) {
        diags_.add(Severity::Info, DiagCode::PlaceUnknown, doc_.path,
                   fmt::format("byte {}", doc_.base_offset + c.sen.span.begin),
                   fmt::format("event without a place: '{}'", first_words(c.st, 12)));
        return std::nullopt;
    }
    if (f.statement) statement_places_ = picks;
    if (!out.fixed) rank(c, f, out);
    return out;
}

// The place model: the likeliest of every place around the event (the rules' choice among
// them). The rules' choice is what later frames lean on, so a model's pick does not change what
// the next frame's candidates look like.
void DocumentRun::rank(const SentenceContext& c, const Frame& f, PlaceChoice& choice) const {
    if (!rank_places_) return;
    auto& picks = choice.picks;
    const auto speaker = speaking_country(gaz_, c.view, f);
    const PlaceContext pctx{.focus = focus_,
                            .scene = scene_ ? std::optional<std::size_t>(scene_->place) : std::nullopt,
                            .speaker = speaker ? std::optional<std::size_t>(speaker->place) : std::nullopt,
                            .passage_top = most_named(gaz_, passage_counts_[c.sen.passage], false),
                            .document_top = document_top_,
                            .title = title_places_,
                            .previous = c.previous_places,
                            .document_counts = &document_counts_,
                            .passage_counts = &passage_counts_[c.sen.passage]};
    choice.candidates = place_candidates(gaz_, c.view, f, picks, pctx);
    // A list the rules read as several places ("the towns of Fuzuli and Hadrut") stays.
    if (options_.place_model && !choice.candidates.empty() && picks.size() == 1 && !f.document) {
        const PlaceCandidate& top = choice.candidates[best_place(*options_.place_model, choice.candidates)];
        // The model learns "within 25 km of the annotator's place", which a region's anchor near a
        // town passes as well as the town: the town the sentence names is kept over a wider area
        // around it ("entered Shusha town in Nagorno-Karabakh" is Shusha, not the region).
        const NamedPlace& first = gaz_.place(picks.front().place);
        const NamedPlace& wide = gaz_.place(top.place);
        const bool narrower_named =
            picks.front().stated &&
            (first.precision == LocationPrecision::Point || first.precision == LocationPrecision::District) &&
            (wide.precision == LocationPrecision::Region || wide.precision == LocationPrecision::Country) &&
            Gazetteer::distance_km(first.position, wide.position) <= 25.0;
        if (!(top.sources & kFromHeuristic) && !narrower_named) {
            if (top.mention) {
                const PlaceMention& m = c.sen.places[*top.mention];
                picks.assign(1, PlacePick{top.place, TextSpan{m.begin, m.end}, true, m.tolerant});
            } else {
                picks.assign(1, PlacePick{top.place, {}, false, false});
            }
            choice.surface_override = (top.sources & kFromScene) && scene_ ? scene_->surface : std::string();
        }
    }
    if (!options_.place_trace) choice.candidates.clear();
}

void DocumentRun::add_drafts(const SentenceContext& c, const Frame& f, const FrameDate& d, const PlaceChoice& choice) {
    const auto& toks = c.sen.tokens;
    const std::string_view st = c.st;
    // Quote: the frame's clause, cut to the words that state the event and its place.
    auto quote_for = [&](const PlacePick& pk) {
        // Where this place's part of a list starts: after the place before it, when it is listed.
        std::size_t after_byte = 0;
        if (pk.stated)
            for (const PlacePick& other : choice.picks)
                if (other.stated && other.surface.end <= pk.surface.begin)
                    after_byte = std::max(after_byte, other.surface.end);
        const std::size_t after =
            after_byte == 0
                ? 0
                : static_cast<std::size_t>(std::partition_point(toks.begin(), toks.end(),
                                                                [&](const Token& k) { return k.end <= after_byte; }) -
                                           toks.begin());
        const auto [qb, qe] = quote_window(toks, f, pk, kQuoteWords, after);
        const std::size_t qbyte = toks[qb].begin;
        std::size_t qstop = toks[qe - 1].end;  // keep a closing quote, bracket or full stop
        while (qstop < st.size() && (st[qstop] == '.' || st[qstop] == '"' || st[qstop] == ')')) ++qstop;
        return std::pair{qbyte, qstop};
    };
    const std::string actor = find_actor(c.view, f);
    const std::string target = find_target(c.view, f);
    std::string lemma_buf;
    const std::string lemma(extract::lemma(toks[f.trigger].folded, lemma_buf));
    for (const PlacePick& pk : choice.picks) {
        const NamedPlace& np = gaz_.place(pk.place);
        const auto [qbyte, qstop] = quote_for(pk);
        Draft draft;
        Event& e = draft.event;
        e.date = d.when;
        e.place = np.name;
        e.place_text = pk.stated
                           ? std::string(st.substr(pk.surface.begin, pk.surface.end - pk.surface.begin))
                           : (choice.surface_override.empty() ? std::string("(not stated)") : choice.surface_override);
        if (!pk.stated && pk.surface.end > pk.surface.begin)
            e.place_text = std::string(st.substr(pk.surface.begin, pk.surface.end - pk.surface.begin));
        e.position = np.position;
        e.has_position = np.has_position;
        e.location_precision = np.precision;
        e.type = f.word.type;
        e.actor = actor;
        e.target = target;
        e.summary = fmt::format("{} at {}: {}", event_type_name(f.word.type), np.name,
                                first_words(st.substr(qbyte, qstop - qbyte), 18));
        e.source = SourceRef{doc_.name, doc_.base_offset + c.sen.span.begin + qbyte,
                             doc_.base_offset + c.sen.span.begin + qstop, std::string(st.substr(qbyte, qstop - qbyte))};
        e.confidence = stated_confidence(f, pk, np, d.dated_here);
        draft.lemma = lemma;
        draft.sentence = c.index;
        draft.dated_here = d.dated_here;
        draft.candidates = choice.candidates;
        if (c.passage.kind != PassageKind::TimelineItem && c.passage.list != 0 && !d.dated_here && !f.statement)
            pending_items_.push_back(drafts_.size());
        drafts_.push_back(std::move(draft));
    }
}

// A date still ahead of the publication (a deadline, a plan) does not move the narrative. A date
// that names another event after the sentence's verb ("said the decision was in line with the
// Moscow statement of 10 October") dates that event, not the narrative: the story does not move
// back to it. As the subject ("The operation, launched on 19 September, targeted ...") it is what
// the sentence tells, and the story moves there.
void DocumentRun::move_narrative(const SentenceContext& c, std::size_t fi, const FrameDate& d) {
    const bool attributive = d.best && d.best->role == DateRole::Attributive &&
                             std::any_of(c.frames.begin(), c.frames.begin() + static_cast<std::ptrdiff_t>(fi),
                                         [](const Frame& g) { return g.word.verb; });
    // A vague span counted back from now ("in recent days", "over the past few months", "since
    // August") says how long, not when the story is: the next sentences are not dated by it.
    bool vague = false;
    if (d.best && d.when.precision != DatePrecision::Day) {
        const std::string_view words = c.st.substr(d.best->mention.begin, d.best->mention.end - d.best->mention.begin);
        vague = d.best->mention.kind == DateKind::Since ||
                (d.best->mention.kind == DateKind::Deictic &&
                 (words.find("recent") != std::string_view::npos || words.find("past") != std::string_view::npos ||
                  words.find("few") != std::string_view::npos));
    }
    if (d.dated_here && !attributive && !vague &&
        (!anchor_.now() || sys_days(d.when.start) <= sys_days(*anchor_.now()))) {
        anchor_.observe(d.when);
        if (d.best && d.best->mention.kind == DateKind::Absolute && d.when.start.year() == d.when.end.year() &&
            (!anchor_.now() || d.when.start.year() != anchor_.now()->year()))
            passage_year_ = static_cast<int>(d.when.start.year());
    }
}

void DocumentRun::leave_sentence(const Sentence& sen, std::string_view st, std::size_t si,
                                 const std::vector<RoledDate>& dates, const std::vector<Frame>& frames,
                                 const std::optional<Scene>& next_scene) {
    if (focus_) named_in_passing(gaz_.place(*focus_), doc_, sen, si, dates, frames, drafts_);
    scene_ = next_scene;
    for (const auto& m : sen.places) {
        const NamedPlace& np = gaz_.place(m.place);
        const PlaceClass c = class_of_place(np);
        if (np.has_position && c != PlaceClass::None) {
            last_of_class_[c] = Scene{m.place, std::string(st.substr(m.begin, m.end - m.begin))};
            last_of_class_[PlaceClass::Area] = last_of_class_[c];
        }
    }
}

void DocumentRun::run(const std::function<void(Event&&)>& sink) {
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const Sentence& sen = sentences_[si];
        const std::string_view st = text_.substr(sen.span.begin, sen.span.end - sen.span.begin);
        const auto& toks = sen.tokens;
        const Passage& passage = passages_[sen.passage];
        const bool new_passage = sen.passage != last_passage_;
        if (new_passage) enter_passage(sen, passage);

        // The places of the sentence before, in this passage (the place model weighs them).
        std::vector<std::size_t> previous_places;
        if (rank_places_ && si > 0 && sentences_[si - 1].passage == sen.passage)
            for (const auto& m : sentences_[si - 1].places)
                if (gaz_.place(m.place).precision != LocationPrecision::Country && previous_places.size() < 6)
                    previous_places.push_back(m.place);
        const auto ref = anchor_.reference();
        const std::optional<int> text_year = heading_year_ ? heading_year_ : passage_year_;
        // Without a dateline, the span the text was probably written in (or a war it names) is where
        // its narrative starts: years of undated days are inferred forward from it.
        const DateContext dctx{anchor_.now(), ref ? std::optional<Date>(ref->start) : writing_.year_hint, text_year,
                               doc_.numeric_day_first};
        const std::vector<Frame> frames =
            repeated_[si] ? std::vector<Frame>{} : frames_of(sen, st, passage, new_passage);
        // Only a sentence that reports something needs its dates read.
        const std::vector<RoledDate> dates =
            frames.empty() ? std::vector<RoledDate>{} : dates_with_roles(st, toks, dctx);
        const SentenceView view = view_of(st, toks, sen.places);
        const std::optional<Scene> next_scene = scene_after(gaz_, sen, st, scene_);

        SentenceContext c{si, sen, st, passage, frames, dates, view, std::nullopt, std::move(previous_places)};
        for (const RoledDate& d : dates)
            if (d.role == DateRole::Event) {
                c.event_date = d.mention.range;
                break;
            }
        statement_date_.reset();
        statement_places_.clear();
        std::optional<DateRange> first_when;
        for (std::size_t fi = 0; fi < frames.size(); ++fi) {
            const Frame& f = frames[fi];
            auto d = date_of(c, f);
            if (!d) continue;
            if (!first_when) first_when = d->when;
            const auto choice = places_of(c, fi, d->when);
            if (!choice) continue;
            // Calendar spans that an undated mention stands for (a blockade still in force, the
            // handover period).
            d->when = calendar_span(options_.calendar, gaz_.place(choice->picks.front().place).position, toks, f,
                                    d->when, d->dated_here);
            add_drafts(c, f, *d, *choice);
            move_narrative(c, fi, *d);
        }
        // The scene this sentence sets carries the date of its first event.
        std::optional<Scene> dated_scene = next_scene;
        if (dated_scene && first_when &&
            (!scene_ || scene_->place != dated_scene->place || scene_->surface != dated_scene->surface))
            dated_scene->when = first_when;
        leave_sentence(sen, st, si, dates, frames, dated_scene);
    }
    close_pending(anchor_.now());
    emit(doc_, drafts_, options_.place_trace, sink);
}

}  // namespace

void Extractor::extract(const Document& doc, Diagnostics& diags, const std::function<void(Event&&)>& sink) const {
    if (doc.base_offset == 0) {
        if (auto lang = non_english_language(doc.text)) {
            diags.add(Severity::Warning, DiagCode::DocumentLanguage, doc.path, "",
                      fmt::format("not read: the text looks {}, not English; no events were extracted from it", *lang));
            return;
        }
    }
    DocumentRun(gazetteer_, options_, doc, diags).run(sink);
}

}  // namespace sitmap::core
