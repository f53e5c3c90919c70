// Extraction stage 0, the lexicon: which words report a happening (by lemma, so "flee", "fled",
// "fleeing" are one entry), of which event type and weight; reporting verbs; word classes the
// later stages test (modal, locative, agent nouns, function words, negation). Every test is one
// hash lookup of a folded token (text_tokens.hpp). Part of sitmap_core: std only.
#pragma once
#include "core/event.hpp"

#include <initializer_list>
#include <optional>
#include <string_view>

namespace sitmap::core::extract {

/// What an event word says: its type, how strongly it marks an event (physical acts outweigh
/// reporting verbs), and whether it is a verb form that reports the act (past tense, participle).
struct Trigger {
    EventType type = EventType::Other;
    int weight = 0;
    bool verb = false;       ///< an inflected verb form ("shelled", "fled", "were evacuated")
    bool reporting = false;  ///< a reporting verb or noun ("said", "claimed", "statement")
};

/// The lemma of a folded English word form: "shelled" -> "shell", "fleeing" -> "flee", "struck" ->
/// "strike", "casualties" -> "casualty". Words it does not know come back unchanged.
std::string_view lemma(std::string_view folded, std::string& buffer);

/// The trigger a folded word is, given the next word (particles: "turned over", "shot down",
/// "came under"). nullopt when it reports nothing.
std::optional<Trigger> trigger_of(std::string_view folded, std::string_view next);

enum WordClass : unsigned {
    kModal = 1u << 0,        ///< will, would, could, likely, expected ...: a forecast or an assessment
    kLocative = 1u << 1,     ///< in, near, at, into ...
    kAgentHead = 1u << 2,    ///< forces, ministry, president, troops ...: heads of actor phrases
    kFunction = 1u << 3,     ///< the, a, on, however ...: never start an actor phrase
    kNegation = 1u << 4,     ///< not, no, never, denied
    kAux = 1u << 5,          ///< was, were, been, has, have, had: the next verb is a past form
    kHedge = 1u << 6,        ///< reportedly, allegedly, unconfirmed
    kPresent = 1u << 7,      ///< says, claims, insists ...: a claim made at publication
    kHave = 1u << 8,         ///< has, have (a present perfect)
    kWeekOrMonth = 1u << 9,  ///< monday ... sunday, january ... december: not actors
    kOrigin = 1u << 10,      ///< from, off: "took off from Baku" names where a thing came from
    kPronoun = 1u << 11,     ///< it, they, he, she, we, this ...: not actors
};

/// The word classes of a folded token (a bit set of WordClass).
unsigned word_class(std::string_view folded);

/// True for a past tense or participle ("shelled", "fought", "struck").
bool is_past_form(std::string_view folded);

/// True when `w` is one of `list` (the stages' small word tests).
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (auto x : list)
        if (w == x) return true;
    return false;
}

/// A verb of denial by its lemma ("deny", "reject", "dismiss", "refute"): it tells no act.
inline bool denial_lemma(std::string_view lemma) {
    return one_of(lemma, {"deny", "reject", "dismiss", "refute"});
}

}  // namespace sitmap::core::extract
