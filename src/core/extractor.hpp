// Extractor: turns a Document into Events. Sentences come from a small splitter (the part of the
// Unicode sentence rules news needs, plus abbreviations); each prose sentence with an event word (a
// lexicon of strike/capture/.../statement verbs and nouns) becomes one event per place it happens
// at, dated by the date grammar (date_extract.hpp) and the annotation guide's rules: the operation
// the text reports, status reports, run-up periods, claims made at publication, or the narrative
// date of its paragraph. Headings, captions and page furniture are skipped; forecasts and analysis
// ("will", "would", "likely") are not events.
// Part of sitmap_core: no file access, no GDAL, GL or ImGui. No document-specific rules.
#pragma once
#include "core/conflict_calendar.hpp"
#include "core/diagnostics.hpp"
#include "core/document.hpp"
#include "core/event.hpp"
#include "core/extract_place.hpp"
#include "core/gazetteer.hpp"

#include <functional>
#include <vector>

namespace sitmap::core {

struct ExtractorOptions {
    std::size_t max_quote_bytes = 0;  ///< 0: whole sentence; otherwise cut at a word boundary
    /// The conflict's wars and episodes (geodata/conflict_calendar.csv): spans that undated
    /// mentions stand for. Empty: those rules are off and the text's own dates are kept.
    ConflictCalendar calendar;
    /// The place model (geodata/place_model.csv, core/extract_place.hpp): picks among the places
    /// around each event. Empty: the rules' first choice stands.
    std::optional<LogisticModel> place_model;
    /// For training the place model: called with each event as it is emitted (before the sink) and
    /// the candidates its place was chosen from (empty for events named in passing).
    std::function<void(const Event&, const std::vector<extract::PlaceCandidate>&)> place_trace;
};

class Extractor {
public:
    /// `gazetteer` must outlive the extractor.
    explicit Extractor(const Gazetteer& gazetteer, ExtractorOptions options = {});

    /// Extracts events from `doc`, passing each to `sink` in text order (bounded memory for streamed
    /// documents). Problems (no place for an event) go to `diags` with the document's path.
    void extract(const Document& doc, Diagnostics& diags, const std::function<void(Event&&)>& sink) const;

    /// Convenience: collects the events of `doc`.
    std::vector<Event> extract(const Document& doc, Diagnostics& diags) const;

private:
    const Gazetteer& gazetteer_;
    ExtractorOptions options_;
};

}  // namespace sitmap::core
