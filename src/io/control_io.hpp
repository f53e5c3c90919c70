// Loads geodata/control.gpkg (layers control_periods, control_changes, control_background,
// control_coverage; see geodata/SOURCES.md) into core::ControlTimeline. GDAL stays inside io: the
// caller only sees core types. Bad rows become located diagnostics and are skipped.
#pragma once
#include "core/control_timeline.hpp"
#include "core/diagnostics.hpp"

#include <filesystem>
#include <optional>

namespace sitmap::io {

/// File name of the control data inside the geodata directory.
inline constexpr const char* kControlFile = "control.gpkg";

/// Reads the control timeline from `path`. Returns nullopt, with a FileMissing / FileUnreadable /
/// LayerMissing diagnostic naming the path, when the file or its `control_periods` layer cannot be
/// read. A row with a bad date, controller, kind or confidence, or valid_to <= valid_from, is skipped
/// with a RecordInvalid diagnostic naming the feature. Missing optional layers (changes, background,
/// coverage) are reported as warnings and the timeline still loads.
std::optional<core::ControlTimeline> load_control_timeline(const std::filesystem::path& path, core::Diagnostics& diags);

}  // namespace sitmap::io
