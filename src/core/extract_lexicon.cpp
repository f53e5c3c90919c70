// The event lexicon by lemma (see extract_lexicon.hpp). Entries are general English news
// vocabulary for armed conflict, its diplomacy and its humanitarian side; none is keyed to a
// particular document. Weights: physical acts 6-8, state changes 5-7, reporting 3.
#include "core/extract_lexicon.hpp"

#include "core/flat_string_map.hpp"
#include "core/text_tokens.hpp"

#include <initializer_list>
#include <string>

namespace sitmap::core::extract {

namespace {

struct Entry {
    EventType type;
    int weight;
    bool reporting;
};

using Table = FlatStringMap<Entry>;

const Table& lexicon() {
    static const Table table = [] {
        Table t;
        auto add = [&](EventType type, int weight, std::initializer_list<const char*> words, bool reporting = false) {
            for (const char* w : words) t.try_emplace(w, Entry{type, weight, reporting});
        };
        add(EventType::Strike, 6,
            {"shell",       "shelling",   "strike",     "bomb",       "bombing",   "bombard", "bombardment", "missile",
             "rocket",      "drone",      "airstrike",  "air-strike", "artillery", "target",  "hit",         "destroy",
             "destruction", "neutralize", "neutralise", "fire",       "attack",    "pound",   "raid",        "munition",
             "barrage",     "mortar",     "shoot",      "downed",     "intercept", "damage",  "explode"});
        add(EventType::Capture, 7,
            {"capture",
             "seize",
             "liberate",
             "liberation",
             "retake",
             "recapture",
             "occupy",
             "occupation",
             "offensive",
             "advance",
             "counterattack",
             "counteroffensive",
             "counter-offensive",
             "operation",
             "launch",
             "conquer",
             "surrender",
             "capitulate",
             "withdraw",
             "retreat",
             "overrun",
             "storm",
             "encircle",
             "breach",
             "repel",
             "repulse",
             "enter",
             "surround",
             "resume",
             "push",
             "penetrate",
             "infiltrate",
             "regain",
             "free",
             "incursion"});
        add(EventType::Clash, 6,
            {"clash",       "fight",     "fighting", "battle",     "skirmish", "war",        "hostility",
             "hostilities", "firefight", "escalate", "escalation", "combat",   "aggression", "provocation",
             "violate",     "violation", "shootout", "exchange",   "erupt",    "flare",      "standoff"});
        add(EventType::Ceasefire, 8, {"ceasefire", "cease-fire", "truce", "armistice", "halt", "cease", "collapse"});
        add(EventType::Agreement, 7,
            {"agreement", "sign", "handover", "return", "deal", "accord", "treaty", "trilateral", "accept", "agree",
             "cede", "transfer", "swap", "release", "repatriate", "repatriation"});
        add(EventType::Statement, 3,
            {"say",        "said",      "stated",     "statement", "claim",     "announce",  "announcement",
             "report",     "deny",      "insist",     "accuse",    "blame",     "warn",      "describe",
             "condemn",    "confirm",   "tell",       "told",      "demand",    "urge",      "admit",
             "reiterate",  "disclose",  "noted",      "inform",    "express",   "appeal",    "call",
             "declare",    "allege",    "stress",     "emphasize", "emphasise", "vow",       "pledge",
             "threaten",   "reject",    "dismiss",    "protest",   "welcome",   "criticize", "criticise",
             "respond",    "tweet",     "accusation", "denial",    "assert",    "argue",     "acknowledge",
             "insistence", "complain",  "complaint",  "ask",       "letter",    "address",   "speech",
             "briefing",   "post",      "comment",    "recall",    "invoke",    "quote",     "publish",
             "voice",      "circulate", "refuse",     "refute"},
            true);
        add(EventType::Casualty, 8,
            {"kill", "wound", "injure", "injury", "dead", "die", "casualty", "fatality", "death", "mine", "landmine",
             "explosion", "blast", "missing", "victim", "bodies", "perish"});
        add(EventType::Deployment, 5,
            {"deploy",      "land",      "remain",       "patrols",       "reinforce", "relocate",
             "garrison",    "command",   "post",         "deployment",    "stationed", "peacekeeping",
             "peacekeeper", "drill",     "exercise",     "reinforcement", "buildup",   "build-up",
             "mobilize",    "mobilise",  "mobilization", "mobilisation",  "arrive",    "patrol",
             "dispatch",    "stockpile", "redeploy",     "pullout",       "pull-out"});
        add(EventType::Negotiation, 6,
            {"talk", "negotiation", "negotiate", "meet", "meeting", "mediate", "mediation", "phone", "summit", "host",
             "discuss", "discussion", "consultation", "telephone", "convene"});
        add(EventType::Blockade, 8,
            {"blockade", "block", "checkpoint", "closure", "close", "obstruct", "disrupt", "cut", "sever",
             "interrupt"});
        add(EventType::Humanitarian, 7,
            {"humanitarian", "aid",    "refugee",  "evacuate",  "evacuation", "displace", "displacement",
             "exodus",       "flee",   "convoy",   "deliver",   "delivery",   "shelter",  "relief",
             "influx",       "leave",  "abandon",  "resettle",  "arrival",    "arrivals", "medical",
             "transfer",     "ration", "shortage", "shortages", "starvation", "restore",  "reopen"});
        add(EventType::Other, 4,
            {"decree",     "martial", "test",    "dissolve",  "dissolution", "arrest",       "detain",
             "sentenced",  "raise",   "ratify",  "recognize", "recognise",   "impose",       "sanction",
             "visit",      "appoint", "resign",  "elect",     "referendum",  "delimitation", "demarcation",
             "inaugurate", "charged", "chair",   "tour",      "open",        "rebuild",      "reconstruction",
             "ban",        "suspend", "seizure", "smuggle",   "ruling",      "order",        "lawsuit",
             "curfew",     "file",    "issue",   "instruct",  "parade",      "ceremony",     "vote"});
        return t;
    }();
    return table;
}

// Irregular forms to their lemma.
const FlatStringMap<std::string_view>& irregular() {
    static const FlatStringMap<std::string_view> t{
        {"fled", "flee"},
        {"fought", "fight"},
        {"struck", "strike"},
        {"stricken", "strike"},
        {"shot", "shoot"},
        {"met", "meet"},
        {"said", "say"},
        {"says", "say"},
        {"told", "tell"},
        {"withdrew", "withdraw"},
        {"withdrawn", "withdraw"},
        {"overran", "overrun"},
        {"retook", "retake"},
        {"retaken", "retake"},
        {"began", "begin"},
        {"begun", "begin"},
        {"broke", "break"},
        {"broken", "break"},
        {"took", "take"},
        {"taken", "take"},
        {"came", "come"},
        {"left", "leave"},
        {"held", "hold"},
        {"sent", "send"},
        {"died", "die"},
        {"dying", "die"},
        {"lost", "lose"},
        {"won", "win"},
        {"casualties", "casualty"},
        {"fatalities", "fatality"},
        {"hostilities", "hostility"},
        {"injuries", "injury"},
        {"bodies", "bodies"},
        {"deaths", "death"},
        {"hit", "hit"},
        {"cut", "cut"},
        {"drove", "drive"},
        {"driven", "drive"},
        {"fell", "fall"},
        {"fallen", "fall"},
        {"hid", "hide"},
        {"brought", "bring"},
        {"ran", "run"},
        {"laid", "lay"},
        {"ceded", "cede"},
        {"refugees", "refugee"},
        {"stricken", "strike"},
    };
    return t;
}

bool known(std::string_view w) {
    return lexicon().contains(w);
}

// Phrasal verbs whose particle makes the event: "turned over", "handed back", "shot down", "came
// under (fire/control)", "took over/control", "pulled out", "set off", "broke out", "fell to".
std::optional<Trigger> phrasal(std::string_view lem, std::string_view next) {
    auto mk = [](EventType t, int w) { return Trigger{t, w, true, false}; };
    if ((lem == "turn" || lem == "hand") && (next == "over" || next == "back")) return mk(EventType::Agreement, 7);
    if (lem == "take" && (next == "over" || next == "control")) return mk(EventType::Capture, 7);
    if (lem == "come" && next == "under") return mk(EventType::Strike, 6);
    if (lem == "fall" && next == "to") return mk(EventType::Capture, 7);
    // "Jabrayil fell in early October", "the fall of Shusha" (not "arrivals fell sharply").
    if (lem == "fall" && (next == "in" || next == "on" || next == "of" || next == "after" || next == "within"))
        return mk(EventType::Capture, 6);
    if (lem == "take" && next == "up") return mk(EventType::Deployment, 5);  // "take up positions"
    if (lem == "pull" && (next == "out" || next == "back")) return mk(EventType::Deployment, 5);
    if (lem == "break" && next == "out") return mk(EventType::Clash, 6);
    if (lem == "open" && next == "fire") return mk(EventType::Strike, 6);
    if (lem == "set" && next == "up") return mk(EventType::Blockade, 6);
    if ((lem == "pour" || lem == "stream" || lem == "cross") &&
        (next == "into" || next == "across" || next == "the" || next == "via"))
        return mk(EventType::Humanitarian, 7);
    if (lem == "leave" && (next == "for" || next == "karabakh" || next == "the" || next == "their"))
        return mk(EventType::Humanitarian, 6);
    if (lem == "send" && (next == "troops" || next == "reinforcements")) return mk(EventType::Deployment, 5);
    if (lem == "lose" && next == "contact") return mk(EventType::Casualty, 6);
    if (lem == "touch" && next == "down") return mk(EventType::Deployment, 5);
    if (lem == "take" && next == "prisoner") return mk(EventType::Casualty, 7);
    if (lem == "come" && next == "back") return mk(EventType::Agreement, 6);
    // "travelled to Nakhchivan", "flew to Moscow": a visit.
    if ((lem == "travel" || lem == "travell" || lem == "fly" || lem == "flew") && next == "to")
        return mk(EventType::Other, 5);
    return std::nullopt;
}

}  // namespace

std::string_view lemma(std::string_view w, std::string& buf) {
    if (known(w)) return w;
    if (const auto* lem = irregular().find(w)) return *lem;
    auto try_form = [&](std::string_view stem, std::string_view add) -> bool {
        buf.assign(stem);
        buf.append(add);
        return known(buf);
    };
    const std::size_t n = w.size();
    if (n > 4 && w.ends_with("ies") && try_form(w.substr(0, n - 3), "y")) return buf;
    if (n > 4 && w.ends_with("ied") && try_form(w.substr(0, n - 3), "y")) return buf;
    if (n > 5 && w.ends_with("ing")) {
        const std::string_view s = w.substr(0, n - 3);
        if (try_form(s, "") || try_form(s, "e")) return buf;
        if (s.size() > 2 && s[s.size() - 1] == s[s.size() - 2] && try_form(s.substr(0, s.size() - 1), "")) return buf;
    }
    if (n > 3 && w.ends_with("ed")) {
        const std::string_view s = w.substr(0, n - 2);
        if (try_form(s, "") || try_form(w.substr(0, n - 1), "")) return buf;  // "shelled", "arrived"
        if (s.size() > 2 && s[s.size() - 1] == s[s.size() - 2] && try_form(s.substr(0, s.size() - 1), "")) return buf;
    }
    if (n > 3 && w.ends_with("es") && (try_form(w.substr(0, n - 2), "") || try_form(w.substr(0, n - 1), "")))
        return buf;
    if (n > 3 && w.ends_with("s") && !w.ends_with("ss") && try_form(w.substr(0, n - 1), "")) return buf;
    return w;
}

bool is_past_form(std::string_view w) {
    if (w.size() > 3 && w.ends_with("ed")) return true;
    if (w == "hit" || w == "cut" || w == "shot") return true;  // also present; the auxiliary decides
    return irregular().contains(w) && !w.ends_with("s") && !w.ends_with("ing");
}

// The bare verb of an inflected form, whether or not the lexicon knows it ("turned" -> "turn").
std::string verb_base(std::string_view w) {
    if (const auto* lem = irregular().find(w)) return std::string(*lem);
    if (w.size() > 4 && w.ends_with("ed")) return std::string(w.substr(0, w.size() - 2));
    if (w.size() > 5 && w.ends_with("ing")) return std::string(w.substr(0, w.size() - 3));
    if (w.size() > 3 && w.ends_with("s") && !w.ends_with("ss")) return std::string(w.substr(0, w.size() - 1));
    return std::string(w);
}

namespace {

// What trigger_of needs to know of a word, computed once per word and thread.
struct WordInfo {
    std::optional<Entry> entry;  // the lexicon entry of its lemma
    std::string base;            // its bare verb form, for phrasal verbs
    bool past = false;
    bool ing = false;
    bool phrasal_base = false;  // base is a verb phrasal() knows: only then is the next word asked
};

// The bare verbs phrasal() tests (it returns nothing for any other).
bool phrasal_verb(std::string_view base) {
    return one_of(base, {"turn",   "hand",  "take",  "come", "fall", "pull",  "break",  "open",    "set", "pour",
                         "stream", "cross", "leave", "send", "lose", "touch", "travel", "travell", "fly", "flew"});
}

const WordInfo& word_info(std::string_view folded) {
    thread_local FlatStringMap<WordInfo> cache;
    if (const WordInfo* known = cache.find(folded)) return *known;
    if (cache.size() > 200000) cache.clear();  // bounded: a long text of new words
    WordInfo info;
    std::string buf;
    const std::string_view lem = lemma(folded, buf);
    if (const Entry* e = lexicon().find(lem)) info.entry = *e;
    info.base = lem == folded ? verb_base(folded) : std::string(lem);
    info.past = is_past_form(folded);
    info.ing = folded.ends_with("ing");
    info.phrasal_base = phrasal_verb(info.base);
    return cache.try_emplace(folded, std::move(info)).first;
}

// Words that can follow the verb of a phrasal trigger (see phrasal()).
bool particle(std::string_view w) {
    static const FlatStringMap<int> words{
        {"over", 0},     {"back", 0},  {"control", 0}, {"under", 0},          {"to", 0},      {"out", 0},
        {"fire", 0},     {"up", 0},    {"into", 0},    {"across", 0},         {"the", 0},     {"for", 0},
        {"karabakh", 0}, {"their", 0}, {"troops", 0},  {"reinforcements", 0}, {"contact", 0}, {"down", 0},
        {"prisoner", 0}, {"to", 0},    {"via", 0}};
    return words.contains(w);
}

}  // namespace

std::optional<Trigger> trigger_of(std::string_view folded, std::string_view next) {
    if (folded.size() < 2 || folded.size() > 24) return std::nullopt;
    const WordInfo& info = word_info(folded);
    if (info.phrasal_base && particle(next))
        if (auto p = phrasal(info.base, next)) {
            p->verb = info.base != folded || info.past;
            return p;
        }
    if (!info.entry) return std::nullopt;
    Trigger t{info.entry->type, info.entry->weight, false, info.entry->reporting};
    t.verb = info.past || info.ing;
    return t;
}

unsigned word_class(std::string_view w) {
    static const FlatStringMap<unsigned> table = [] {
        FlatStringMap<unsigned> t;
        auto add = [&](unsigned bit, std::initializer_list<std::string_view> words) {
            for (std::string_view x : words) t[x] |= bit;
        };
        add(kModal, {"will",      "would",   "could",  "might",    "may",      "likely",    "unlikely", "inevitable",
                     "seems",     "seem",    "seemed", "perhaps",  "probably", "supposed",  "expected", "plans",
                     "planned",   "intends", "aims",   "poses",    "seeks",    "risk",      "risks",    "if",
                     "unless",    "should",  "must",   "possible", "possibly", "potential", "forecast", "predict",
                     "predicted", "fears",   "feared", "want",     "wants"});
        add(kLocative, {"in", "near", "at", "around", "outside", "into", "inside", "across", "towards", "toward",
                        "within", "along", "over", "on", "through", "throughout", "between", "to"});
        add(kOrigin, {"from", "off"});
        add(kAgentHead,
            {"forces",       "force",        "army",      "military",  "troops",    "side",        "government",
             "authorities",  "ministry",     "president", "officials", "official",  "units",       "formations",
             "leader",       "leaders",      "minister",  "regime",    "militants", "personnel",   "spokesman",
             "spokeswoman",  "spokesperson", "office",    "fighters",  "groups",    "soldiers",    "leadership",
             "peacekeepers", "contingent",   "command",   "service",   "police",    "committee",   "council",
             "parliament",   "assembly",     "ombudsman", "agency",    "mission",   "envoy",       "ambassador",
             "department",   "guard",        "guards",    "brigade",   "battalion", "separatists", "administration",
             "cabinet",      "premier",      "mfa",       "mod",       "icrc",      "osce",        "un",
             "eu",           "nato",         "kremlin",   "pentagon"});
        add(kFunction,
            {"the",       "a",         "an",          "on",     "in",       "as",         "at",        "according",
             "moreover",  "however",   "also",        "after",  "before",   "since",      "during",    "this",
             "that",      "meanwhile", "nonetheless", "while",  "although", "reportedly", "shortly",   "prior",
             "despite",   "following", "earlier",     "later",  "then",     "today",      "yesterday", "but",
             "and",       "or",        "of",          "for",    "by",       "with",       "from",      "to",
             "amid",      "when",      "where",       "if",     "once",     "until",      "under",     "over",
             "there",     "here",      "now",         "last",   "next",     "photo",      "video",     "update",
             "updated",   "breaking",  "read",        "source", "sources",  "some",       "many",      "several",
             "all",       "both",      "each",        "such",   "these",    "those",      "other",     "another",
             "his",       "her",       "its",         "their",  "our",      "my",         "your",      "in",
             "according", "further",   "still",       "thus",   "hence",    "so",         "yet",       "even",
             "only",      "just",      "about",       "around", "nearly",   "almost",     "what",      "who",
             "which",     "how",       "why",         "local",  "new",      "former",     "late",      "early"});
        add(kPronoun, {"it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those", "them", "one",
                       "none", "nobody", "everyone", "someone", "us"});
        add(kNegation,
            {"not", "no", "never", "neither", "nor", "without", "denied", "denies", "deny", "nothing", "nt"});
        add(kAux, {"been", "was", "were", "has", "have", "had", "be", "being", "is", "are", "got", "get"});
        add(kHedge, {"reportedly", "allegedly", "unconfirmed", "purportedly", "unverified", "rumoured", "rumored"});
        add(kPresent, {"says", "blames", "insists", "claims", "accuses", "denies", "warns", "argues", "believes",
                       "maintains", "demands", "calls", "urges", "rejects", "condemns"});
        add(kHave, {"has", "have"});
        add(kWeekOrMonth, {"monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                           "february", "march",    "april",     "may",      "june",   "july",     "august", "september",
                           "october",  "november", "december",  "jan",      "feb",    "mar",      "apr",    "jun",
                           "jul",      "aug",      "sep",       "sept",     "oct",    "nov",      "dec",    "mon",
                           "tue",      "wed",      "thu",       "fri",      "sat",    "sun",      "gmt",    "utc"});
        return t;
    }();
    if (w.size() > 14) return 0u;
    const unsigned* c = table.find(w);
    return c ? *c : 0u;
}

}  // namespace sitmap::core::extract
