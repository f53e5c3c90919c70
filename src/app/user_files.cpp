#include "app/user_files.hpp"

#include "core/base_map.hpp"
#include "core/error.hpp"
#include "core/user_views.hpp"
#include "io/user_views_io.hpp"

#include <cstdlib>

namespace sitmap::app {

namespace fs = std::filesystem;

fs::path default_user_views_path() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "sitmap" / "views.json";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "sitmap" / "views.json";
    return fs::path("sitmap-views.json");
}

core::GeoBox resolve_view(const std::string& name, const char* option) {
    if (auto v = core::named_view(name)) return *v;
    const fs::path path = default_user_views_path();
    const core::UserViews user = io::load_user_views(path);
    if (const auto* v = core::find_saved_view(user, name)) return v->box;
    std::string saved;
    for (const auto& s : user.saved) saved += (saved.empty() ? "" : ", ") + s.name;
    throw usage_error("invalid {} '{}' (expected one of {}{})", option, name, core::builtin_view_names(),
                      saved.empty() ? std::string(" or a view saved in the window")
                                    : "; or a saved view: " + saved + " (" + path.string() + ")");
}

}  // namespace sitmap::app
