// What the window remembers between sessions besides corrections: the views the user saved by
// name ("Save current view as...") and the recently opened files. Plain data plus its JSON text;
// reading and writing the file is io's job (io/user_views_io). Also the built-in named views
// (region, Karabakh, Lachin corridor, Syunik, Nakhchivan) the View menu and `render --view` offer.
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/geometry.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// A named lon/lat box the map can show.
struct NamedView {
    std::string name;   ///< what `render --view` takes ("lachin"); for saved views, what the user typed
    std::string title;  ///< what the View menu shows ("Lachin corridor")
    GeoBox box;
};

/// The built-in views, in menu order: region, karabakh, lachin, syunik, nakhchivan.
const std::vector<NamedView>& builtin_views();
/// "region, karabakh, lachin, syunik, nakhchivan" (for messages).
std::string builtin_view_names();

/// What kind of file the user opened (File > Open, a drop, the recent list).
enum class OpenedKind { Documents, Events, Briefing };
std::string_view opened_kind_name(OpenedKind k);  ///< "documents", "events", "briefing"
std::optional<OpenedKind> parse_opened_kind(std::string_view text);

struct RecentFile {
    std::string path;
    OpenedKind kind = OpenedKind::Documents;
};

struct UserViews {
    std::vector<NamedView> saved;    ///< in the order saved
    std::vector<RecentFile> recent;  ///< most recent first
};

/// Most recent files kept.
inline constexpr std::size_t kMaxRecentFiles = 10;

/// Adds `view`, replacing a saved view of the same name (case-sensitive). A view with an empty
/// name or an empty box is not added (returns false).
bool save_view(UserViews& views, NamedView view);
/// The saved view named `name`, or null.
const NamedView* find_saved_view(const UserViews& views, std::string_view name);
/// Puts `file` first in the recent list (removing an older entry of the same path), keeping at
/// most kMaxRecentFiles.
void remember_recent(UserViews& views, RecentFile file);

/// The JSON text of `views` ({"views": [{"name", "title", "bbox": [W,S,E,N]}], "recent": [{"path",
/// "kind"}]}), pretty-printed, ending with a newline.
std::string user_views_to_json(const UserViews& views);
/// Parses user_views_to_json's text. Throws sitmap::Error naming `file` and the field at fault
/// ("views.json: views[1].bbox: expected [W,S,E,N] with W<E, S<N").
UserViews user_views_from_json(std::string_view text, std::string_view file);

}  // namespace sitmap::core
