// Loading the gazetteer (geodata/gazetteer.csv, built by scripts/build-gazetteer.py) into a
// core::Gazetteer. Bad rows become RecordInvalid diagnostics with file:line; the rest load.
// Part of sitmap_io: file access only, no GDAL needed here.
#pragma once
#include "core/diagnostics.hpp"
#include "core/gazetteer.hpp"

#include <filesystem>
#include <string_view>

namespace sitmap::io {

/// Parses gazetteer CSV text (columns name,variants,lat,lon,kind,precision,country,district,origin,...;
/// `variants` separated by '|'). `file` names the source in diagnostics.
core::Gazetteer parse_gazetteer_csv(std::string_view text, const std::string& file, core::Diagnostics& diags);

/// Reads and parses `path`; throws sitmap::Error when the file cannot be read at all.
core::Gazetteer load_gazetteer(const std::filesystem::path& path, core::Diagnostics& diags);

}  // namespace sitmap::io
