// The built base-map Scene kept in the user's cache directory, so a `sitmap render` does not read
// the GeoPackages and triangulate every layer again (0.2 s of a 4K export's CPU time). A cache
// file is only used when its key matches: the key names every input file (path, size, modification
// time), the program and the projection. A file that is missing, stale, cut short or damaged is
// a miss (the scene is built again and the file replaced), never an error.
#pragma once
#include "core/scene.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::io {

/// Where caches go: $SITMAP_CACHE_DIR, else $XDG_CACHE_HOME/sitmap, else $HOME/.cache/sitmap.
/// Empty when none of them is set, or when SITMAP_CACHE_DIR is "off" (caching disabled).
std::filesystem::path user_cache_dir();

/// A key for a cache built from `inputs`: each file's absolute path, size and modification time
/// (a missing file is named as missing), this program's (/proc/self/exe) size and modification
/// time, and `extra` (the projection's parameters, say).
std::string cache_key(const std::vector<std::filesystem::path>& inputs, const std::string& extra);

/// The scene stored at `path` under `key`, or nullopt when there is none, it has another key
/// (stale), or it does not read back whole (cut short, damaged, another format version).
std::optional<core::Scene> read_scene_cache(const std::filesystem::path& path, const std::string& key);

/// Stores `scene` at `path` under `key`: written to a file of this process beside it, then renamed,
/// so concurrent writers and readers never see half a file. Creates the directory. Returns false
/// (and leaves no partial file) when it cannot be written; a cache that cannot be written is not an
/// error.
bool write_scene_cache(const std::filesystem::path& path, const std::string& key, const core::Scene& scene);

/// The bytes write_scene_cache stores for `scene` under `key` (tests compare two scenes by them).
std::string serialize_scene(const core::Scene& scene, const std::string& key);

}  // namespace sitmap::io
