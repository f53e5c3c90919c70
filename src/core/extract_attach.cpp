// Place and actor attachment (see extract_attach.hpp).
#include "core/extract_attach.hpp"
#include <cctype>

#include "core/extract_lexicon.hpp"

#include <algorithm>
#include <set>

namespace sitmap::core::extract {

namespace {

std::string_view word(const std::vector<Token>& t, std::size_t i) {
    return i < t.size() ? std::string_view(t[i].folded) : std::string_view();
}

// The preposition governing a mention: the word before it, skipping "the" and nouns of the kind
// "the city of", "the villages of", "the outskirts of".
std::string_view governing(const std::vector<Token>& t, std::size_t first) {
    std::size_t k = first;
    if (k > 0 && word(t, k - 1) == "the") --k;
    if (k >= 2 && word(t, k - 1) == "of" &&
        one_of(word(t, k - 2),
               {"city",     "town",      "towns",  "cities",     "village",     "villages", "streets", "districts",
                "district", "outskirts", "region", "settlement", "settlements", "area",     "areas",   "direction",
                "airbases", "suburbs",   "centre", "center",     "heights",     "vicinity"})) {
        k -= 2;
        if (k > 0 && word(t, k - 1) == "the") --k;
        if (k > 0 && (word(t, k - 1) == "of" || one_of(word(t, k - 1), {"several", "two", "three", "four", "five"})))
            --k;
    }
    return k > 0 ? word(t, k - 1) : std::string_view();
}

bool bare_list_gap(std::string_view g) {
    if (g.size() > 16) return false;
    std::string s;
    for (char c : g)
        if (c != ' ') s.push_back(c);
    return s == "," || s == "and" || s == ",and" || s == "or" || s == ",or" || s == "/";
}

// A noun that names the kind of the places after it: "the districts of Tartar and Aghdam". Not
// villages: a village list stays one event, at its district (gold_notes.md), so "the city of
// Jabrayil and the villages of ..." is two lists.
bool kind_noun(std::string_view w) {
    return one_of(w, {"city", "cities", "town", "towns", "district", "districts", "province", "provinces"});
}

// The words between two places of one coordinated list: a bare ", " / " and " / " or ", or a
// conjunction or comma with the next place's own article, preposition or kind ("the line of
// contact and the Lachin corridor", "in Tartar and in Barda", "the city of Ganja, the districts
// of Tartar, Aghdam and Aghjabadi").
bool list_gap(std::string_view g) {
    if (bare_list_gap(g)) return true;
    if (g.size() > 36) return false;
    std::vector<std::string> w;
    std::string cur;
    for (char c : g) {
        if (c == ',' || c == ' ') {
            if (!cur.empty()) w.push_back(cur);
            cur.clear();
            if (c == ',') w.emplace_back(",");
        } else {
            cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    if (!cur.empty()) w.push_back(cur);
    std::size_t i = 0;
    const bool comma = i < w.size() && w[i] == ",";
    if (comma) ++i;
    const bool conj = i < w.size() && (w[i] == "and" || w[i] == "or");
    if (conj) ++i;
    if (!comma && !conj) return false;
    const std::size_t words = i;
    if (i < w.size() && one_of(w[i], {"in", "on", "near", "at"})) ++i;
    if (i < w.size() && w[i] == "the") ++i;
    // ", the districts of": a new kind opens the next part of the list (a bare ", the" does not:
    // "Stepanakert, the capital").
    const bool kind = i + 1 < w.size() && kind_noun(w[i]) && w[i + 1] == "of";
    if (kind) i += 2;
    return i == w.size() && i > words && (conj || kind);
}

bool is_demonym(const Token& last, const NamedPlace& p) {
    if (p.precision != LocationPrecision::Country && p.kind.find("country") == std::string::npos) return false;
    const std::string& w = last.folded;
    return w != fold_for_match(p.name) &&
           (w.ends_with("i") || w.ends_with("ian") || w.ends_with("ish") || w.ends_with("ese") || w.ends_with("an"));
}

// The mention just before `m` in its sentence, or nullptr when `m` is the first.
const PlaceMention* previous_mention(const SentenceView& s, const PlaceMention& m) {
    const auto it = std::find_if(s.places.begin(), s.places.end(),
                                 [&](const PlaceMention& o) { return o.begin == m.begin && o.end == m.end; });
    return it == s.places.begin() || it == s.places.end() ? nullptr : &*(it - 1);
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// The district a district seat names ("Fuzuli" -> "Fuzuli district"), or the place itself.
std::size_t district_named(const Gazetteer& gaz, std::size_t place) {
    return gaz.place(place).precision == LocationPrecision::District ? place : gaz.district_of(place).value_or(place);
}

// "the city of Fuzuli in the Karabakh region", "Jermuk in eastern Armenia": a region or a country
// right after a narrower place and joined to it by "in" says where that place lies; it is not a
// second place of the event. (A district after a village list is not one: the list's event is
// placed at its district, gold_notes.md.)
bool container_of_previous(const Gazetteer& gaz, const SentenceView& s, const PlaceMention& m) {
    const PlaceMention* previous = previous_mention(s, m);
    if (!previous) return false;
    const PlaceMention& before = *previous;
    const NamedPlace& p = gaz.place(m.place);
    const NamedPlace& q = gaz.place(before.place);
    const bool wide =
        p.precision == LocationPrecision::Country || (p.precision == LocationPrecision::Region && p.kind == "region");
    const bool narrow =
        q.has_position && (q.precision == LocationPrecision::Point || q.precision == LocationPrecision::District);
    if (!wide || !narrow || before.last_token >= m.first_token) return false;
    const std::string_view gap = s.text.substr(before.end, m.begin - before.end);
    if (gap.find_first_of(".;:()\"") != std::string_view::npos) return false;
    const auto& t = s.tokens;
    std::size_t i = before.last_token;
    if (one_of(word(t, i), {"town", "city", "village", "district", "region", "province"})) ++i;  // "Shusha town in"
    if (word(t, i) != "in") return false;
    for (++i; i < m.first_token; ++i) {
        const std::string_view w = word(t, i);
        const bool direction = w.find("north") != std::string_view::npos || w.find("south") != std::string_view::npos ||
                               w.find("east") != std::string_view::npos || w.find("west") != std::string_view::npos;
        if (w != "the" && !direction && !one_of(w, {"central", "breakaway", "disputed", "occupied", "neighbouring"}))
            return false;
    }
    return true;
}

// "clashes between Armenia and Azerbaijan", "talks between Baku and Yerevan": the two sides of an
// event, not where it happened.
bool between_parties(const Gazetteer& gaz, const SentenceView& s, const PlaceMention& m) {
    const NamedPlace& p = gaz.place(m.place);
    if (p.precision != LocationPrecision::Country && p.kind.find("capital") == std::string::npos) return false;
    const auto& t = s.tokens;
    if (m.first_token > 0 && word(t, m.first_token - 1) == "between") return true;
    const PlaceMention* previous = previous_mention(s, m);
    if (!previous) return false;
    const PlaceMention& before = *previous;
    return before.last_token + 1 == m.first_token && word(t, before.last_token) == "and" && before.first_token > 0 &&
           word(t, before.first_token - 1) == "between";
}

// Why a mention does not locate the frame, or nullptr when it may.
// A capital standing for its government rather than for a place: land handed back "to Baku", an
// order telling "Baku to" act, "Baku requested", "Yerevan has repeatedly said".
bool capital_as_government(const std::vector<Token>& t, const PlaceMention& m) {
    std::string buf;
    auto lem = [&](std::size_t i) { return i < t.size() ? lemma(t[i].folded, buf) : std::string_view(); };
    if (m.first_token > 0 && t[m.first_token - 1].folded == "to")
        for (std::size_t i = m.first_token - 1; i-- > 0 && i + 10 > m.first_token;)
            if (one_of(lem(i), {"return", "hand", "cede", "transfer", "surrender", "give"})) return true;
    const std::size_t n = m.last_token;
    if (n + 1 < t.size() && t[n].folded == "to" && !t[n + 1].capitalized && !t[n + 1].numeric &&
        (word_class(t[n + 1].folded) & (kFunction | kPronoun | kWeekOrMonth)) == 0)
        return true;
    std::size_t v = n;
    // "Yerevan and Baku accused each other": two capitals acting together.
    if (v + 1 < t.size() && t[v].folded == "and" && t[v + 1].capitalized) v += 2;
    if (v < t.size() && one_of(t[v].folded, {"has", "had", "have"})) ++v;
    if (v < t.size() && one_of(t[v].folded, {"long", "repeatedly", "also", "always", "never", "already"})) ++v;
    if (v < t.size() && one_of(lem(v), {"request", "demand", "ask", "refuse", "reject", "insist", "want", "accuse",
                                        "respond", "reply", "agree", "decline", "seek"}))
        return true;
    // The subject of a verb in the past ("Baku tried to return the region by force", "Yerevan shot
    // down helicopters", "Baku lost control"): the government acting, not where it happened.
    return v == n && v < t.size() && is_past_form(t[v].folded) && !t[v].capitalized &&
           !one_of(t[v].folded, {"hosted", "saw", "witnessed", "celebrated", "marked"});
}

bool excluded(const Gazetteer& gaz, const SentenceView& s, const PlaceMention& m, std::size_t others) {
    const auto& t = s.tokens;
    const NamedPlace& p = gaz.place(m.place);
    if (!p.has_position) return true;
    if (is_demonym(t[m.last_token - 1], p)) return true;
    if (container_of_previous(gaz, s, m)) return true;
    if (between_parties(gaz, s, m)) return true;
    // "Lake Sevan" is the lake, not the town named after it.
    if (m.first_token > 0 && t[m.first_token - 1].folded == "lake" && t[m.first_token - 1].capitalized &&
        p.kind.find("lake") == std::string::npos)
        return true;
    // "the second Karabakh war", "the Nagorno-Karabakh wars": the war's name, not a place of the event.
    if (one_of(word(t, m.last_token), {"war", "wars"})) return true;
    const std::string_view prev = governing(t, m.first_token);
    if (word_class(prev) & kOrigin) return true;  // "from Baku", "took off from Azerbaijan"
    if (p.kind.find("capital") != std::string::npos && capital_as_government(t, m)) return true;
    // "surrendered to Azerbaijan", "the transfer of four villages to Azerbaijan": the country that
    // receives, not where it happened.
    if (p.precision == LocationPrecision::Country && m.first_token > 0 && t[m.first_token - 1].folded == "to") {
        // (People taken there are where they arrive: "transfers of patients to Armenia".)
        std::string buf;
        bool people = false;
        for (std::size_t i = m.first_token - 1; i-- > 0 && i + 10 > m.first_token;) {
            people = people || one_of(t[i].folded, {"patients", "prisoners", "detainees", "bodies", "wounded",
                                                    "civilians", "people", "residents", "refugees", "children",
                                                    "soldiers", "servicemen", "families", "evacuees", "remains"});
            if (!people && one_of(lemma(t[i].folded, buf), {"return", "hand", "cede", "transfer", "surrender", "give",
                                                            "pass", "handover", "deliver", "capitulate"}))
                return true;
        }
    }
    // "a breakaway region of Azerbaijan", "part of Armenia": the country describes, not locates.
    if (prev == "of" && m.first_token >= 2 &&
        one_of(word(t, m.first_token - 2),
               {"region",    "part",       "territory",  "territories", "province", "republic",
                "enclave",   "exclave",    "integrity",  "sovereignty", "citizens", "people",
                "president", "government", "minister",   "ministry",    "leader",   "side",
                "forces",    "army",       "ambassador", "capital",     "border",   "borders"}))
        return true;
    if (part_of_person_name(s, m)) return true;
    // Dateline at the sentence start ("STEPANAKERT —", "BAKU, Oct 4 (Caspian Wire) -").
    if (m.first_token == 0 && others > 0) {
        std::string_view after = s.text.substr(m.end, std::min<std::size_t>(40, s.text.size() - m.end));
        while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
        const bool caps = s.text.substr(m.begin, m.end - m.begin).find_first_of("abcdefghijklmnopqrstuvwxyz") ==
                          std::string_view::npos;
        if (after.starts_with("\xE2\x80\x94") || after.starts_with("\xE2\x80\x93") || after.starts_with("-") ||
            after.starts_with("(") || (caps && after.starts_with(",")))
            return true;
    }
    return false;
}

// The speaker's words: a mention that is possessive or followed by an agent noun or a reporting
// verb ("Baku's", "Baku said", "Yerevan officials").
bool actor_like(const SentenceView& s, const PlaceMention& m) {
    const auto& t = s.tokens;
    if (t[m.last_token - 1].possessive) return true;
    const std::string_view next = word(t, m.last_token);
    // "Yerevan officials said", not "near Talish, officials said" (the comma ends the place's phrase).
    const bool joined =
        m.last_token < t.size() &&
        s.text.substr(m.end, t[m.last_token].begin - std::min(m.end, t[m.last_token].begin)).find_first_of(",;:") ==
            std::string_view::npos;
    if ((word_class(next) & kAgentHead) && joined) return true;
    const auto trig = trigger_of(next, word(t, m.last_token + 1));
    return trig && trig->reporting;
}

int precision_score(LocationPrecision p) {
    switch (p) {
        case LocationPrecision::Point:
            return 4;
        case LocationPrecision::District:
            return 3;
        case LocationPrecision::Region:
            return 2;
        case LocationPrecision::Country:
            return -1;
    }
    return 0;
}

// How strongly the governing word says "here": "in", "near", "at" fully; "to", "towards", "into"
// name a destination ("the road to Armenia") and count less.
int locative_score(std::string_view prev) {
    if (prev == "to" || prev == "towards" || prev == "toward" || prev == "into" || prev == "on") return 1;
    return (word_class(prev) & kLocative) ? 3 : 0;
}

// A name inside a road's name ("the Ahmadbayli-Fuzuli-Shusha road"): the road, not the place.
bool in_road_name(const SentenceView& s, const PlaceMention& m) {
    const auto& t = s.tokens;
    std::size_t j = m.last_token;
    // Skip over "-X-Y" joined names.
    while (j < t.size() && s.text.substr(t[j - 1].end, t[j].begin - t[j - 1].end) == "-") ++j;
    if (j >= t.size()) return false;
    const bool joined = j > m.last_token ||
                        (m.first_token > 0 && s.text.substr(t[m.first_token - 1].end,
                                                            t[m.first_token].begin - t[m.first_token - 1].end) == "-");
    return joined && (t[j].folded == "road" || t[j].folded == "highway" || t[j].folded == "railway" ||
                      t[j].folded == "route" || t[j].folded == "pipeline");
}

}  // namespace

// Part of a person's name ("Major Davit Ararat", "Shahriyar Alibayli", "Vahan Hunanyan said"): a
// one-word place between capitalised words that are no places.
bool part_of_person_name(const SentenceView& s, const PlaceMention& m) {
    const auto& t = s.tokens;
    if (m.last_token != m.first_token + 1) return false;
    auto name_word = [&](std::size_t i) {
        if (i >= t.size() || !t[i].capitalized || t[i].numeric) return false;
        if (s.in_place[i]) return false;
        if (one_of(t[i].folded,
                   {"mayor",     "governor", "head",      "district", "region",     "city",    "town",    "province",
                    "airport",   "road",     "corridor",  "bridge",   "checkpoint", "valley",  "river",   "lake",
                    "mountains", "heights",  "direction", "sector",   "front",      "highway", "hospital"}))
            return false;
        return (word_class(t[i].folded) & (kFunction | kWeekOrMonth | kAgentHead | kLocative)) == 0;
    };
    const bool joined_before =
        m.first_token > 0 && name_word(m.first_token - 1) &&
        s.text.substr(t[m.first_token - 1].end, t[m.first_token].begin - t[m.first_token - 1].end) == " ";
    const bool joined_after =
        name_word(m.last_token) &&
        s.text.substr(t[m.last_token - 1].end, t[m.last_token].begin - t[m.last_token - 1].end) == " ";
    return (joined_before && m.first_token > 1) || joined_after;
}

// The place an act verb takes as its object ("captured Fuzuli", "enters the town of Lachin",
// "shelled the villages of A and B"): where that act happened.
bool direct_object(const SentenceView& s, const Frame& f, const PlaceMention& m) {
    const EventType t = f.word.type;
    if (f.statement || m.first_token <= f.trigger || m.first_token > f.trigger + 7) return false;
    if (t != EventType::Capture && t != EventType::Strike && t != EventType::Agreement) return false;
    for (std::size_t i = f.trigger + 1; i < m.first_token; ++i)
        if (!one_of(s.tokens[i].folded, {"the", "town", "city", "village", "villages", "settlement", "settlements",
                                         "of", "district", "region", "heights", "height", "control", "over"}))
            return false;
    return true;
}

namespace {

// "A, B, C (in Fuzuli), D, E (in Jabrayil)", "A, B villages in Fuzuli, C, D villages in Khojaly":
// an announcement's villages grouped by district. Each village list of one district is one event,
// at its district (gold_notes.md); so the frame has one place per district the list names.
std::vector<PlacePick> districts_of_village_lists(const Gazetteer& gaz, const SentenceView& s, const Frame& f) {
    std::vector<PlacePick> out;
    for (std::size_t k = 1; k < s.places.size(); ++k) {
        const PlaceMention& m = s.places[k];
        if (m.first_token < f.begin || m.last_token > f.end) continue;
        const NamedPlace& p = gaz.place(m.place);
        const bool seat = p.precision == LocationPrecision::District || p.kind == "town" || p.kind == "city";
        if (!p.has_position || !seat) continue;
        const PlaceMention& before = s.places[k - 1];
        const std::string g = lowered(s.text.substr(before.end, m.begin - std::min(m.begin, before.end)));
        const bool village_before = gaz.place(before.place).kind == "village";
        const bool tag = g == " (in " || g == " (" || g == " in " || g == " villages in " || g == " village in " ||
                         g == " villages of " || g == " (in the ";
        if (!tag || (!village_before && g.find("village") == std::string::npos)) continue;
        const std::size_t district = district_named(gaz, m.place);
        if (std::none_of(out.begin(), out.end(), [&](const PlacePick& q) { return q.place == district; }))
            out.push_back({district, TextSpan{m.begin, m.end}, true, m.tolerant});
    }
    if (out.size() < 2) out.clear();
    return out;
}

// A list of three or more villages is one event at their district (gold_notes.md): the district the sentence
// names after them ("Dordchinar and Kurdlar in the Fuzuli district"), else the one the gazetteer
// gives the first village. Unchanged when the places are not all villages or no district is known.
void village_list_to_district(const Gazetteer& gaz, const SentenceView& s, const Frame& f,
                              std::vector<PlacePick>& picks) {
    // (Two villages named together are often each a story of its own: "Hin Tagher and Khtsaberd,
    // the last two Armenian-held villages", "Zabukh and Sus".)
    if (picks.size() < 3) return;
    for (const PlacePick& pk : picks)
        if (gaz.place(pk.place).kind != "village") return;
    for (const PlaceMention& m : s.places) {
        if (m.first_token < f.begin || m.last_token > f.end || m.begin < picks.back().surface.end) continue;
        const NamedPlace& p = gaz.place(m.place);
        if (!p.has_position) continue;
        if (p.precision != LocationPrecision::District && p.kind != "town" && p.kind != "city") continue;
        picks.assign(1, PlacePick{district_named(gaz, m.place), TextSpan{m.begin, m.end}, true, m.tolerant});
        return;
    }
    const NamedPlace& first = gaz.place(picks.front().place);
    if (first.district.empty()) return;
    const std::string name = first.district + " district";
    for (std::size_t i : gaz.lookup(name))
        if (gaz.place(i).name == name && gaz.place(i).has_position) {
            picks.assign(1, PlacePick{i, {}, false, false});
            return;
        }
}

}  // namespace

std::vector<PlacePick> attach_places(const Gazetteer& gaz, const SentenceView& s, const Frame& f,
                                     std::optional<std::size_t> focus) {
    if (!f.statement)
        if (auto by_district = districts_of_village_lists(gaz, s, f); !by_district.empty()) return by_district;
    struct Cand {
        std::size_t mention;
        int score;
    };
    std::vector<Cand> cands;
    const auto& t = s.tokens;
    for (int pass = 0; pass < 2 && cands.empty(); ++pass) {
        // Pass 0: the frame's own words; pass 1: the rest of the sentence (not for a reported act,
        // whose speaker's places are not where it happened).
        if (pass == 1 && f.reported) break;
        for (std::size_t k = 0; k < s.places.size(); ++k) {
            const PlaceMention& m = s.places[k];
            const bool inside = m.first_token >= f.begin && m.last_token <= f.end;
            if ((pass == 0) != inside) continue;
            if (excluded(gaz, s, m, s.places.size() - 1) || in_road_name(s, m)) continue;
            const NamedPlace& p = gaz.place(m.place);
            const std::string_view prev = governing(t, m.first_token);
            const bool locative = s.list_locative[k] != 0;  // a list's members share its first's preposition
            const bool actor = actor_like(s, m);
            // Far from what the document is about (talks in Moscow, a session in New York): the
            // event belongs to the region the document covers.
            // Talks are placed where they were held ("met in Washington", "talks in Moscow"), as the
            // annotation guide's seed 004 does; what they agreed applies to the region.
            const bool venue = locative && f.word.type == EventType::Negotiation && !f.statement;
            // (A country's anchor is its capital: Armenia's lies 450 km from Baku, yet "on the
            // Azerbaijani-Armenian border" is not far from a report filed in Baku; Ukraine is.)
            const double km = focus ? Gazetteer::distance_km(p.position, gaz.place(*focus).position) : 0.0;
            const bool far = km > (p.precision == LocationPrecision::Country ? 600.0 : 400.0);
            if (far && !venue) continue;
            if (p.precision == LocationPrecision::Country && !locative) continue;  // countries only with "in"
            if (!locative && actor) continue;
            // "shelled Fuzuli, officials in Baku said": where the speaker is, not where the act was.
            if (actor && !f.statement && m.first_token > f.trigger) continue;
            // "the terms of Baku": its government; but a claim aimed at it ("stood with Baku",
            // "demanding that Baku halt") has it as its focus.
            if (!locative && p.kind.find("capital") != std::string::npos &&
                one_of(prev, {"of", "by", "to", "with", "and"}))
                continue;
            int score = precision_score(p.precision) + (locative ? std::max(1, locative_score(prev)) : 0);
            if (!locative && direct_object(s, f, m)) score += 3;  // "captured Fuzuli", "enters the town of Lachin"
            if (m.tolerant) score -= 1;
            if (f.statement && m.last_token <= f.trigger) score -= 1;  // the speaker's place
            cands.push_back({k, score});
        }
    }
    std::vector<PlacePick> out;
    if (cands.empty()) return out;
    std::set<std::size_t> taken;  // places already given
    const Cand* best = &cands.front();
    for (const auto& c : cands)
        if (c.score > best->score) best = &c;
    // The whole coordinated list the best mention belongs to.
    std::size_t lo = best->mention, hi = best->mention;
    auto joined = [&](std::size_t a, std::size_t b) {
        return list_gap(s.text.substr(s.places[a].end, s.places[b].begin - s.places[a].end));
    };
    // "Stepanakert, capital of Artsakh, and the cities of Shushi and Hadrut": an apposition saying
    // what a place is the capital of does not end the list (the region it names is not a member).
    auto apposition = [&](std::size_t a, std::size_t b) {
        const std::string g = lowered(s.text.substr(s.places[a].end, s.places[b].begin - s.places[a].end));
        return one_of(g, {", capital of ", ", the capital of ", ", the regional capital of ", ", regional capital of ",
                          ", the main town of "});
    };
    while (lo > 0 && joined(lo - 1, lo)) --lo;
    for (;;) {
        if (hi + 1 < s.places.size() && joined(hi, hi + 1)) {
            ++hi;
        } else if (hi + 2 < s.places.size() && apposition(hi, hi + 1) && joined(hi + 1, hi + 2)) {
            hi += 2;
        } else {
            break;
        }
    }
    const LocationPrecision want = gaz.place(s.places[best->mention].place).precision;
    // A list whose parts name their kinds may mix towns and districts ("the city of Ganja, the
    // districts of Tartar and Aghdam"); otherwise a district after a town is its apposition
    // ("Talish, Tartar district") or where the villages before it lie.
    bool coordinated = false;
    // "the Tartar and Aghdam districts": the plural kind after the last name is every name's kind
    // (the last one alone matches a district entry).
    {
        const PlaceMention& last = s.places[hi];
        const std::string tail = lowered(s.text.substr(last.begin, last.end - last.begin));
        coordinated = hi > lo && (tail.ends_with("districts") || tail.ends_with("regions") ||
                                  one_of(word(t, last.last_token), {"districts", "regions", "provinces"}));
    }
    for (std::size_t k = lo; k < hi && !coordinated; ++k) {
        const std::string_view g = s.text.substr(s.places[k].end, s.places[k + 1].begin - s.places[k].end);
        coordinated = g.find(" of ") != std::string_view::npos;
    }
    auto narrow = [](LocationPrecision p) { return p == LocationPrecision::Point || p == LocationPrecision::District; };
    for (std::size_t k = lo; k <= hi; ++k) {
        const PlaceMention& m = s.places[k];
        const NamedPlace& p = gaz.place(m.place);
        if (!p.has_position || excluded(gaz, s, m, s.places.size() - 1)) continue;
        const bool same_kind = p.precision == want || (coordinated && narrow(p.precision) && narrow(want));
        if (k != best->mention && (!same_kind || p.precision == LocationPrecision::Country)) continue;
        if (taken.count(m.place)) continue;
        bool dup = false;
        for (std::size_t c = 0; c < out.size() && out.size() < 64 && !dup; ++c)
            dup = Gazetteer::distance_km(gaz.place(out[c].place).position, p.position) < 1.0;
        taken.insert(m.place);
        if (!dup) out.push_back({m.place, TextSpan{m.begin, m.end}, true, m.tolerant});
    }
    village_list_to_district(gaz, s, f, out);
    return out;
}

SentenceView view_of(std::string_view text, const std::vector<Token>& tokens, const std::vector<PlaceMention>& places) {
    SentenceView s{text,
                   tokens,
                   places,
                   std::vector<char>(tokens.size(), 0),
                   std::vector<char>(places.size(), 0),
                   std::vector<char>(tokens.size(), 0)};
    for (const PlaceMention& m : places) {
        for (std::size_t i = m.first_token; i < m.last_token && i < tokens.size(); ++i) s.in_place[i] = 1;
        if (m.first_token < tokens.size()) s.place_starts[m.first_token] = 1;
    }
    for (std::size_t k = 0; k < places.size(); ++k) {
        bool locative = (word_class(governing(tokens, places[k].first_token)) & kLocative) != 0;
        if (!locative && k > 0 && list_gap(text.substr(places[k - 1].end, places[k].begin - places[k - 1].end)))
            locative = s.list_locative[k - 1] != 0;
        s.list_locative[k] = locative ? 1 : 0;
    }
    return s;
}

MentionTraits mention_traits(const Gazetteer& gaz, const SentenceView& s, const Frame& f, std::size_t k) {
    const PlaceMention& m = s.places[k];
    MentionTraits t;
    t.excluded = excluded(gaz, s, m, s.places.size() - 1);
    t.road = in_road_name(s, m);
    t.locative = s.list_locative[k] != 0;
    t.actor = actor_like(s, m);
    t.in_frame = m.first_token >= f.begin && m.last_token <= f.end;
    t.before_trigger = m.last_token <= f.trigger;
    t.distance = t.before_trigger ? f.trigger - m.last_token + 1 : m.first_token - f.trigger;
    return t;
}

std::optional<PlacePick> speaking_country(const Gazetteer& gaz, const SentenceView& s, const Frame& f) {
    // The country that speaks or acts: the one nearest before the verb ("Azerbaijani soldiers ...
    // were still dug in, Armenian officials said" is Armenia speaking), or the one right after a
    // reporting verb ("said Armenia's foreign ministry"). A capital named as a speaker ("Baku
    // says") is its government, not a place the text gives.
    std::optional<PlacePick> best;
    for (const PlaceMention& m : s.places) {
        if (m.first_token >= f.end) break;
        const NamedPlace& p = gaz.place(m.place);
        if (!p.has_position || p.precision != LocationPrecision::Country) continue;
        if (word_class(governing(s.tokens, m.first_token)) & kOrigin) continue;
        if (m.last_token <= f.trigger) {
            best = PlacePick{m.place, TextSpan{m.begin, m.end}, false, m.tolerant};
        } else if (f.statement && m.first_token == f.trigger + 1 && !best) {
            return PlacePick{m.place, TextSpan{m.begin, m.end}, false, m.tolerant};
        } else {
            break;
        }
    }
    return best;
}

namespace {

bool all_caps(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        letter = letter || (c >= 'A' && c <= 'Z');
    }
    return letter;
}

// A capitalised phrase starting at token i: [i, last]. False when token i cannot start one.
bool phrase_at(const SentenceView& s, std::size_t i, std::size_t limit, std::size_t& last) {
    const auto& t = s.tokens;
    const unsigned c = word_class(t[i].folded);
    if (!t[i].capitalized || t[i].numeric || (c & (kFunction | kPronoun | kWeekOrMonth))) return false;
    if (trigger_of(t[i].folded, word(t, i + 1))) return false;
    const std::string_view surface = s.text.substr(t[i].begin, t[i].end - t[i].begin);
    if (surface.size() > 2 && all_caps(surface) && i == 0) return false;  // "YEREVAN —" dateline
    last = i;
    for (std::size_t j = i + 1; j < limit; ++j) {
        const std::string_view g = s.text.substr(t[j - 1].end, t[j].begin - t[j - 1].end);
        if (g.find_first_of(",.;:()\"") != std::string_view::npos && !t[j - 1].possessive) break;
        const unsigned cj = word_class(t[j].folded);
        if (cj & kWeekOrMonth) break;
        if ((t[j].capitalized && !trigger_of(t[j].folded, "")) || (cj & kAgentHead) ||
            ((t[j].folded == "of" || t[j].folded == "the") && j + 1 < limit && t[j + 1].capitalized) ||
            (t[j - 1].possessive && !trigger_of(t[j].folded, "")))
            last = j;
        else
            break;
    }
    return true;
}

bool good_actor(const SentenceView& s, std::size_t first, std::size_t last) {
    const auto& t = s.tokens;
    for (std::size_t j = first; j <= last; ++j)
        if (word_class(t[j].folded) & kAgentHead) return true;
    // A place mention starting in the phrase: a country, a capital. Per token, not per mention of
    // the sentence (issue 12 F1: a 50,000-name list asked every mention for every phrase).
    for (std::size_t j = first; j <= last && j < s.place_starts.size(); ++j)
        if (s.place_starts[j]) return true;
    if (last > first) return true;  // a name of two words or more
    // One capitalised word directly before a reporting verb: a person ("Aliyev said").
    const auto trig = trigger_of(word(t, last + 1), word(t, last + 2));
    return trig && trig->reporting;
}

}  // namespace

std::string find_actor(const SentenceView& s, const Frame& f) {
    const auto& t = s.tokens;
    std::string best;
    for (std::size_t i = f.begin; i < f.trigger; ++i) {
        std::size_t last = 0;
        if (!phrase_at(s, i, f.trigger, last)) continue;
        if (good_actor(s, i, last)) best = std::string(s.text.substr(t[i].begin, t[last].end - t[i].begin));
        i = last;
    }
    if (best.empty() && f.statement) {
        // "..., said Hikmet Hajiyev": the speaker after the verb.
        std::size_t last = 0;
        if (f.trigger + 1 < t.size() && phrase_at(s, f.trigger + 1, t.size(), last) &&
            good_actor(s, f.trigger + 1, last))
            best = std::string(s.text.substr(t[f.trigger + 1].begin, t[last].end - t[f.trigger + 1].begin));
    }
    return best;
}

std::string find_target(const SentenceView& s, const Frame& f) {
    const auto& t = s.tokens;
    for (std::size_t i = f.trigger + 1; i < f.end; ++i) {
        std::size_t last = 0;
        if (phrase_at(s, i, f.end, last) && good_actor(s, i, last))
            return std::string(s.text.substr(t[i].begin, t[last].end - t[i].begin));
    }
    return {};
}

}  // namespace sitmap::core::extract
