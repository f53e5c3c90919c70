// Events from files sitmap did not write: a field mapping from sitmap's event columns to the
// columns a GIS file has (`--fields date=event_date,lat=Y,lon=X`), the positions ogr2ogr writes
// into a CSV (X/Y columns, a WKT column) and the date forms GIS tools write. Plain string work on
// one record's fields: no GDAL here (events_io reads the files and calls these).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::io {

/// Which column of a source file holds each of sitmap's event columns. Keys are sitmap's CSV
/// columns (io::event_csv_columns) or `date`, which fills both date_start and date_end.
struct EventFieldMap {
    /// (sitmap column, source column), in the order given.
    std::vector<std::pair<std::string, std::string>> columns;

    bool empty() const { return columns.empty(); }
    /// The source column for `sitmap_column`, or empty.
    std::string source_of(std::string_view sitmap_column) const;
};

/// Parses "date=event_date,lat=Y,lon=X,event_type=kind" (comma-separated KEY=COLUMN pairs; spaces
/// around names are dropped). Throws sitmap::UsageError quoting the bad entry: an unknown key (the
/// message lists the known ones), an empty column, a key given twice, or date with date_start.
EventFieldMap parse_event_field_map(std::string_view spec);

/// The source columns `map` names that are not among `available` (a file's header or a layer's
/// fields), in the map's order.
std::vector<std::string> missing_source_columns(const EventFieldMap& map, const std::vector<std::string>& available);

/// Turns one record of a foreign file into sitmap's fields, in place:
/// - with a non-empty `map`, each mapped sitmap column takes its source column's value, and what
///   a foreign file seldom has gets a default: date_end the start day, date_precision `day`,
///   event_type `other`;
/// - without lat/lon, the position comes from ogr2ogr's X and Y columns (-lco GEOMETRY=AS_XY) or a
///   WKT POINT column named WKT or wkt_geom (-lco GEOMETRY=AS_WKT).
/// Returns a message naming the field on bad input (a WKT value that is not a point), else empty.
std::string apply_event_field_map(const EventFieldMap& map, std::map<std::string, std::string>& record);

/// A date as GIS tools write it, as YYYY-MM-DD: "2020-09-27", ogr2ogr's "2020/09/27", either with
/// a time after it ("2020/09/27 10:00:00+00", "2020-09-27T10:00:00Z"), or a written day ("27
/// September 2020", "Sep 27, 2020"). Anything else is returned unchanged, so the caller's message
/// quotes it as it was.
std::string normalize_date_text(std::string_view text);

}  // namespace sitmap::io
