// Where sitmap finds its shipped data (geodata/, assets/): --data, $SITMAP_DATA_DIR, the directory
// above the executable (build tree or install prefix), or the source tree it was built from.
#pragma once
#include <filesystem>
#include <string>

namespace sitmap::app {

struct DataPaths {
    std::filesystem::path root;
    std::filesystem::path geodata() const { return root / "geodata"; }
    std::filesystem::path fonts() const { return root / "assets" / "fonts"; }
    std::filesystem::path documents() const { return root / "assets" / "documents"; }
};

/// Resolves the data root. `override_dir` (from --data) wins when non-empty.
DataPaths find_data_paths(const std::string& override_dir = {});

}  // namespace sitmap::app
