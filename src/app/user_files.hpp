// Where the window keeps what it remembers besides corrections (saved views, recent files), and
// the lookup of a view name as `render --view` and `sitmap --view` take it: the built-in views,
// then the user's saved ones. Part of sitmap_app: glue over core::UserViews and io.
#pragma once
#include "core/geometry.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace sitmap::app {

/// $XDG_DATA_HOME/sitmap/views.json (~/.local/share/sitmap/views.json), beside edits.gpkg.
std::filesystem::path default_user_views_path();

/// The box of view `name`: a built-in view, else one saved in the user's views file. Throws
/// sitmap::UsageError naming `option` and listing the known names when there is none, and
/// sitmap::Error naming the views file when it cannot be read.
core::GeoBox resolve_view(const std::string& name, const char* option = "--view");

}  // namespace sitmap::app
