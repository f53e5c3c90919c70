// Writing and reading event files: GeoPackage (layer "events", points in EPSG:4326, DATE fields
// date_start/date_end so QGIS's temporal controller can use them), GeoJSON and CSV (the fixed
// column list below, RFC-4180 quoting). The format follows the file extension. Writes are atomic
// (temporary file, then rename). Part of sitmap_io: the only place events meet GDAL.
#pragma once
#include "core/diagnostics.hpp"
#include "core/event.hpp"
#include "io/event_field_map.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::io {

/// The CSV columns, in order.
inline constexpr std::array<std::string_view, 15> event_csv_columns{
    "doc",     "event_id", "date_start",         "date_end",   "date_precision", "place",
    "lat",     "lon",      "location_precision", "event_type", "actor",          "target",
    "summary", "quote",    "confidence"};

enum class EventsFormat { Csv, GeoJson, GeoPackage };

/// True for the other GIS formats read_events reads through OGR, by extension: FlatGeobuf (.fgb),
/// Shapefile (.shp), KML, GML, SpatiaLite (.sqlite), GPX. They are read, not written.
bool is_ogr_events_file(const std::filesystem::path& path);

/// The format for `path` by its extension (.csv, .geojson/.json, .gpkg); throws sitmap::UsageError
/// naming the path otherwise.
EventsFormat events_format_for(const std::filesystem::path& path);

struct WriteEventsOptions {
    /// CSV only: start with a UTF-8 byte-order mark, so spreadsheets (Excel) read the file as
    /// UTF-8 instead of the system's code page (ə, Armenian and quotes stay readable). sitmap and
    /// GDAL read it either way.
    bool csv_bom = false;
};

/// Writes `events` to `path` in the format of its extension; throws sitmap::Error when the file
/// cannot be written (the message names the path).
void write_events(const std::filesystem::path& path, const std::vector<core::Event>& events,
                  const WriteEventsOptions& options = {});

/// Writes events to `path` one at a time, in the format of its extension, into a temporary file
/// beside it; finish() puts it in place atomically and durably, as write_events does (the same
/// bytes for CSV and GeoJSON). Memory does not grow with the number of events: `sitmap extract`
/// writes each document's events as it is done. Without finish() (an error, nothing to write) the
/// temporary file is removed and any previous file stays. Throws sitmap::Error naming the path.
class EventsWriter {
public:
    explicit EventsWriter(const std::filesystem::path& path, const WriteEventsOptions& options = {});
    ~EventsWriter();
    EventsWriter(const EventsWriter&) = delete;
    EventsWriter& operator=(const EventsWriter&) = delete;

    void add(const core::Event& e);
    void finish();
    std::size_t count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The CSV text of `events` (header line first, LF line ends).
std::string events_to_csv(const std::vector<core::Event>& events);

/// Reads an events file written by write_events (or edited by hand), any OGR vector file
/// is_ogr_events_file names, or an ACLED export. `fields` maps sitmap's columns to a foreign
/// file's (see event_field_map.hpp); a CSV as ogr2ogr writes it (X/Y or WKT columns, YYYY/MM/DD
/// dates) reads without one. Bad rows/features become RecordInvalid diagnostics with file:line or
/// feature id; throws sitmap::Error when the file cannot be opened at all, or lacks a column the
/// mapping names (the message lists the columns it has).
std::vector<core::Event> read_events(const std::filesystem::path& path, core::Diagnostics& diags,
                                     const EventFieldMap& fields = {});

/// The field types GDAL reports for the events layer of a GeoPackage ("date_start" -> "Date"), so
/// callers and tests can check that dates are real DATE columns. Throws sitmap::Error if unreadable.
std::vector<std::pair<std::string, std::string>> gpkg_event_field_types(const std::filesystem::path& path);

}  // namespace sitmap::io
