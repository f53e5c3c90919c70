// What a file the user opens in the window is (File > Open, a drop onto the window, the recent
// list): documents, an events file or a briefing, by its extension and, for .json, by what its
// first bytes say. Part of sitmap_core: the caller reads the bytes; no file access here.
#pragma once
#include "core/user_views.hpp"

#include <optional>
#include <string_view>

namespace sitmap::core {

/// The kind of `name` (a file name or path): a directory is documents; .txt/.md/.text documents;
/// .gpkg .geojson .csv .fgb .shp .kml .gml .sqlite .gpx events; .json a briefing when `head` (the
/// file's first bytes) has a "slides" key and is not a GeoJSON FeatureCollection, else events.
/// Extensions are compared case-insensitively. Nullopt for anything else.
std::optional<OpenedKind> opened_kind_for(std::string_view name, bool is_directory, std::string_view head);

/// "documents (.txt, .md, or a folder), events (.gpkg, .geojson, .csv, .fgb, .shp, .kml, .gml,
/// .sqlite, .gpx) or a briefing (.json)": what the window says it opens.
std::string_view openable_kinds_text();

}  // namespace sitmap::core
