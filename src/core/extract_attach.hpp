// Extraction stage 4, attachment: which places and which actor belong to an event frame. A place
// in the frame's own words wins, with a locative preposition ("in", "near", "into") and a precise
// place (town, district) preferred; the speaker's place ("Baku said", "the ministry in Yerevan
// said") yields to the place of what was reported; origins ("from Baku", "took off from
// Azerbaijan"), appositions ("a breakaway region of Azerbaijan"), demonyms ("Armenian forces") and
// datelines ("STEPANAKERT —") do not locate. Claims, talks and decrees with no other place are
// placed at the country that speaks ("Armenia called ..."); what has no place at all goes to the
// document's focus region, marked "(not stated)". Part of sitmap_core: std only.
#pragma once
#include "core/document.hpp"
#include "core/extract_frames.hpp"
#include "core/gazetteer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::core::extract {

/// One sentence as the attachment stage sees it, with what every frame asks of it computed once
/// (so that a sentence listing thousands of places costs linear time): make it with view_of().
struct SentenceView {
    std::string_view text;
    const std::vector<Token>& tokens;
    const std::vector<PlaceMention>& places;
    std::vector<char> in_place;       ///< per token: inside a place mention
    std::vector<char> list_locative;  ///< per mention: governed by "in", "near" ... or its list's first member is
    std::vector<char> place_starts;   ///< per token: a place mention starts here
};
SentenceView view_of(std::string_view text, const std::vector<Token>& tokens, const std::vector<PlaceMention>& places);

/// A one-word place name inside a person's name ("Vahan Hunanyan", "Major Davit Ararat"): no place.
bool part_of_person_name(const SentenceView& s, const PlaceMention& m);

struct PlacePick {
    std::size_t place = 0;  ///< gazetteer index
    TextSpan surface;       ///< bytes within the sentence; empty for "(not stated)"
    bool stated = true;     ///< named by the sentence (false: scene, focus or speaker fallback)
    bool tolerant = false;  ///< matched tolerantly (a variant spelling)
};

/// The places of `frame` (several for a coordinated list "the towns of Fuzuli and Hadrut"); empty
/// when the sentence names none that fits (the caller falls back to scene or focus).
std::vector<PlacePick> attach_places(const Gazetteer& gazetteer, const SentenceView& s, const Frame& frame,
                                     std::optional<std::size_t> focus);

/// What the sentence's grammar says about one of its place mentions, for the place model
/// (extract_place.hpp): the rules attach_places applies, as facts rather than decisions.
struct MentionTraits {
    bool excluded = false;  ///< an origin, apposition, demonym, person's name or dateline
    bool locative = false;  ///< governed by "in", "near", "at" ... (or its list's first member is)
    bool actor = false;     ///< the speaker's words ("Baku's", "Baku said", "Yerevan officials")
    bool road = false;      ///< inside a road's name
    bool in_frame = false;  ///< inside the frame's own words
    bool before_trigger = false;
    std::size_t distance = 0;  ///< tokens between the mention and the event word
};
MentionTraits mention_traits(const Gazetteer& gazetteer, const SentenceView& s, const Frame& frame, std::size_t k);

/// The country or capital that speaks or acts in the frame ("Armenia called", "Baku's ministry
/// said"), if any: the fallback place of claims, talks and decrees.
std::optional<PlacePick> speaking_country(const Gazetteer& gazetteer, const SentenceView& s, const Frame& frame);

/// The actor (organisation, force, office, country or person) of a frame, or "".
std::string find_actor(const SentenceView& s, const Frame& frame);

/// The first named party after the event word ("shelled Armenian positions" -> "Armenian"), or "".
std::string find_target(const SentenceView& s, const Frame& frame);

}  // namespace sitmap::core::extract
