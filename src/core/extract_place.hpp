// Extraction stage 4b, the place model: which of the places around an event is where it happened.
// The rules of attach_places and the fallbacks (scene, speaking country, focus) give a first
// choice; this stage gathers every place the sentence, its passage and its document offer,
// describes each by what the text says of it (named in the clause, after "in", the speaker's,
// precise or broad, how often the passage and the document name it, the first choice or not), and
// lets a logistic model trained on the development corpus (geodata/place_model.csv,
// tools/sitmap_train_place, docs/place_model.md) pick the likeliest. Without a model the first
// choice stands. Part of sitmap_core: std only.
#pragma once
#include "core/confidence_model.hpp"
#include "core/extract_attach.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::core::extract {

/// Where a candidate came from (bits; a place can come from several).
enum PlaceSource : unsigned {
    kFromHeuristic = 1u << 0,         ///< the rules' first choice
    kFromFrame = 1u << 1,             ///< named in the frame's own words
    kFromSentence = 1u << 2,          ///< named elsewhere in the sentence
    kFromScene = 1u << 3,             ///< the last town or district the passage named
    kFromSpeaker = 1u << 4,           ///< the country that speaks or acts
    kFromFocus = 1u << 5,             ///< the region the document names most
    kFromPassage = 1u << 6,           ///< the place its passage names most
    kFromDocument = 1u << 7,          ///< the town, district or corridor the document names most
    kFromTitle = 1u << 8,             ///< named by the document's title (its headline)
    kFromPrevious = 1u << 9,          ///< named by the sentence before, in the same passage
    kFromDocumentCountry = 1u << 10,  ///< the country most of the document's towns and districts lie in
};

/// What the text around a frame offers besides the sentence's own mentions.
struct PlaceContext {
    std::optional<std::size_t> focus;
    std::optional<std::size_t> scene;
    std::optional<std::size_t> speaker;
    std::optional<std::size_t> passage_top;
    std::optional<std::size_t> document_top;
    std::vector<std::size_t> title;     ///< places the title names (no countries)
    std::vector<std::size_t> previous;  ///< places the sentence before names (same passage; no countries)
    const std::map<std::size_t, int>* document_counts = nullptr;  ///< mentions per place, whole document
    const std::map<std::size_t, int>* passage_counts = nullptr;   ///< mentions per place, this passage
};

struct PlaceCandidate {
    std::size_t place = 0;               ///< gazetteer index
    unsigned sources = 0;                ///< PlaceSource bits
    std::optional<std::size_t> mention;  ///< index into the sentence's places, when it names it
    std::vector<double> features;        ///< place_features(), place_feature_names() order
};

/// The country a place lies in ("Armenia" for a row of country "AM" or "Armenia"); empty when the
/// gazetteer gives none. A country's own row gives itself.
std::string_view country_key(const NamedPlace& place);

/// Whether a place tells which country a text is about: a town, village or district, not a
/// capital (which often stands for its government).
bool inside_country(const NamedPlace& place);

/// The country most of a document's towns and districts lie in (at least 60% of at least three
/// mentions), when it is not the country of the document's focus region: a report on the border
/// inside Armenia that names Karabakh only as background. Only countries the document names.
std::optional<std::size_t> country_beside_focus(const Gazetteer& gazetteer, const std::map<std::size_t, int>& counts,
                                                std::optional<std::size_t> focus);

/// Feature names, stable: the keys of the model file.
const std::vector<std::string>& place_feature_names();

/// The candidates for `frame`, the first choice `heuristic` first, each with its features; places
/// without a position are left out. Deterministic order.
std::vector<PlaceCandidate> place_candidates(const Gazetteer& gazetteer, const SentenceView& s, const Frame& frame,
                                             const std::vector<PlacePick>& heuristic, const PlaceContext& context);

/// The index of the candidate the model rates highest (the first among equals). Precondition:
/// candidates is not empty and the model's names are place_feature_names().
std::size_t best_place(const LogisticModel& model, const std::vector<PlaceCandidate>& candidates);

/// The candidates of one event with their labels (1: where the annotator put it).
struct LabelledCandidates {
    std::vector<std::vector<double>> features;
    std::vector<int> right;
};

/// Mention counts per place and the most-named place, from mentions with a position: the most named
/// of all but countries (for a passage), or of towns, districts and corridors (for a document).
std::optional<std::size_t> most_named(const Gazetteer& gazetteer, const std::map<std::size_t, int>& counts,
                                      bool narrow_only);

}  // namespace sitmap::core::extract
