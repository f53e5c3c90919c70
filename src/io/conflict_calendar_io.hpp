// Reads geodata/conflict_calendar.csv into core::ConflictCalendar. Bad rows are reported with
// file:line and skipped; the rest load.
#pragma once
#include "core/conflict_calendar.hpp"
#include "core/diagnostics.hpp"

#include <filesystem>

namespace sitmap::io {

/// Columns: kind,name,start,end,precision,cues,lat,lon,radius_km,source (cues separated by '|',
/// folded to lower case; lat/lon/radius empty = anywhere). A missing file is a FileMissing
/// diagnostic and an empty calendar.
core::ConflictCalendar load_conflict_calendar(const std::filesystem::path& path, core::Diagnostics& diags);

}  // namespace sitmap::io
