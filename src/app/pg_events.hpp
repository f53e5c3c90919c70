// Events from the PostgreSQL store for the window and `sitmap render`: one bbox/date window of
// them (the database applies both), paged and capped, with the review decisions and deletions
// stored there turned into edits, so core::EditableEvents shows them as it shows a saved file's.
// Part of sitmap_app: glue over io::PgEventStore; no GL or ImGui.
#pragma once
#include "core/event.hpp"
#include "core/event_edits.hpp"
#include "core/geometry.hpp"
#include "core/projector.hpp"
#include "io/pg_store.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sitmap::app {

/// Which events to read: those in `bbox` (lon/lat; unset = anywhere) overlapping [from, to].
struct EventsWindow {
    std::optional<core::GeoBox> bbox;
    std::optional<core::Date> from, to;
    bool include_unplaced = true;  ///< events without a position (the window lists them apart)
};

/// One window of the store's events.
struct PgWindowEvents {
    std::vector<core::Event> events;
    std::vector<core::EventEdit> marks;                      ///< stored decisions and deletions, as edits (see above)
    std::unordered_map<std::string, std::int32_t> versions;  ///< event_key -> stored version
    std::size_t pages = 0;                                   ///< round trips it took
    bool truncated = false;                                  ///< `max_events` reached: more events match than were read
};

/// A stored decision or deletion as the edits that would have made it (with author and time).
std::vector<core::EventEdit> marks_of(const io::PgRow& row);

/// Reads the events of `window`, at most `max_events` (0 = all), `page` rows per round trip.
/// Throws sitmap::Error (from io) when the store cannot be read.
PgWindowEvents read_pg_window(io::PgEventStore& store, const EventsWindow& window, std::size_t max_events = 0,
                              std::size_t page = 20000);

/// The lon/lat box around a projected view `box` (its edges sampled, as parallels curve), grown by
/// `margin` of its size on every side so markers at the edge are not cut off.
core::GeoBox lonlat_box_of(const core::Projector& projector, const core::WorldBox& box, double margin = 0.05);

}  // namespace sitmap::app
