#include "app/data_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace sitmap::app {

namespace fs = std::filesystem;

DataPaths find_data_paths(const std::string& override_dir) {
    if (!override_dir.empty()) return {fs::path(override_dir)};
    if (const char* env = std::getenv("SITMAP_DATA_DIR"); env && *env) return {fs::path(env)};
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
            if (fs::is_directory(dir / "geodata", ec) && fs::is_directory(dir / "assets", ec)) return {dir};
            if (fs::is_directory(dir / "share" / "sitmap", ec)) return {dir / "share" / "sitmap"};
        }
    }
    return {fs::path(SITMAP_DATA_DIR)};
}

}  // namespace sitmap::app
