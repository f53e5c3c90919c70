// Reading and writing the user's views file (saved named views and recent files, see
// core/user_views.hpp): a small JSON file kept beside the corrections file, replaced atomically.
// Part of sitmap_io; no GDAL needed here.
#pragma once
#include "core/user_views.hpp"

#include <filesystem>

namespace sitmap::io {

/// Reads `path`. A missing file gives empty views (the first run); an unreadable or malformed
/// one throws sitmap::Error naming the file (and the field, see core::user_views_from_json).
core::UserViews load_user_views(const std::filesystem::path& path);

/// Writes `views` to `path` atomically (creating its directory); throws sitmap::Error naming the
/// path on failure, leaving the previous file as it was.
void save_user_views(const std::filesystem::path& path, const core::UserViews& views);

}  // namespace sitmap::io
