// Event: one dated, geocoded happening extracted from a document, with the verbatim sentence it
// came from (SourceRef: document, byte offsets, quote). The twelve event types are a closed list.
// Part of sitmap_core: plain data; no GDAL (io/events_io writes and reads files), no GL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/gazetteer.hpp"
#include "core/geometry.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sitmap::core {

enum class EventType {
    Strike,        ///< shelling, missiles, drones, air strikes
    Capture,       ///< offensives, advances, captures, "came under control"
    Clash,         ///< fighting, clashes, exchanges of fire
    Ceasefire,     ///< truces, halts of fighting
    Agreement,     ///< signed statements, deals, handovers under an agreement
    Statement,     ///< claims, denials, appeals, accusations, announcements
    Casualty,      ///< killed, wounded, mine incidents
    Deployment,    ///< troop presence, movements, basing, drills, training, peacekeepers
    Negotiation,   ///< talks, meetings, calls between parties
    Blockade,      ///< blocked roads, corridors, checkpoints
    Humanitarian,  ///< aid, evacuation, refugees, displacement
    Other,         ///< decrees, martial law, visits, weapons tests
};

inline constexpr std::array<EventType, 12> all_event_types{
    EventType::Strike,      EventType::Capture,   EventType::Clash,        EventType::Ceasefire,
    EventType::Agreement,   EventType::Statement, EventType::Casualty,     EventType::Deployment,
    EventType::Negotiation, EventType::Blockade,  EventType::Humanitarian, EventType::Other};

/// "strike", "capture", ... (the names used in files).
std::string_view event_type_name(EventType t);
/// Inverse of event_type_name; nullopt for anything else.
std::optional<EventType> parse_event_type(std::string_view name);

/// Where an event was read: the document's file name, the byte range [begin, end) of the clause
/// that reports it (at most 16 words around its event word) within the file, and that clause,
/// verbatim.
struct SourceRef {
    std::string document;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string quote;
};

struct Event {
    std::string id;  ///< unique within its document ("003-04")
    DateRange date;
    std::string place;       ///< canonical gazetteer name; empty when no place could be given
    std::string place_text;  ///< the words in the text ("Stepanakert"), or "(not stated)"
    LonLat position;
    bool has_position = false;
    LocationPrecision location_precision = LocationPrecision::Point;
    EventType type = EventType::Other;
    std::string actor;
    std::string target;
    std::string summary;
    std::string note;  ///< the analyst's own note (a correction; never extracted)
    SourceRef source;
    double confidence = 0.5;  ///< 0..1
};

}  // namespace sitmap::core
