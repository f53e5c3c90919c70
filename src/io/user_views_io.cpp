#include "io/user_views_io.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace sitmap::io {

namespace fs = std::filesystem;

core::UserViews load_user_views(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fmt_error("{}: cannot read the views file", path.string());
    std::stringstream ss;
    ss << in.rdbuf();
    return core::user_views_from_json(ss.str(), path.string());
}

void save_user_views(const fs::path& path, const core::UserViews& views) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (ec) throw fmt_error("{}: cannot create the folder for the views file: {}", path.string(), ec.message());
    write_file_atomically(path, core::user_views_to_json(views), "views file");
}

}  // namespace sitmap::io
