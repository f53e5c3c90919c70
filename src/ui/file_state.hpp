// The files-and-places part of AppState: the find-a-place box, named and saved views, File > Open
// (dialog, recent files, drops), the events-list export and links an event's panel opens. Panels
// set requests; the app loop (app/window_files) reads files, moves the camera and opens URLs.
#pragma once
#include "core/geometry.hpp"
#include "core/place_finder.hpp"
#include "core/user_views.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::ui {

/// The "Find a place" box (Ctrl+F).
struct FindPlaceState {
    bool open = false;
    bool focus = false;  ///< give the text field the keyboard on the next frame
    std::string query;
    std::string listed_query;  ///< the query `matches` were found for
    std::vector<core::PlaceMatch> matches;
    int cursor = 0;  ///< highlighted match (Up/Down, Enter picks it)
};

struct FilesUiState {
    FindPlaceState find;
    /// Request: fly the camera to show this lon/lat box (a picked place, a named view).
    std::optional<core::GeoBox> fly_to;
    std::string fly_label;  ///< what it is, for the status line ("Khankendi")

    /// Saved views and recent files, as the views file holds them (loaded by the app).
    core::UserViews user;
    bool save_view_prompt = false;
    std::string save_view_name;
    std::optional<std::string> save_view_requested;  ///< a name: save the current view under it

    bool show_open = false;                   ///< the Open dialog
    std::string open_path;                    ///< typed or picked in the dialog
    std::string browse_dir;                   ///< the folder the dialog lists
    std::vector<std::string> open_requested;  ///< paths to open, in order (dialog, recent, drops)

    bool show_export_list = false;  ///< the "Export events list" dialog
    std::string export_list_path = "sitmap-events.csv";
    bool export_list_requested = false;

    std::string open_url_requested;  ///< a URL to hand to the browser (xdg-open)

    /// A file that could not be opened or written: shown in a modal naming the file; the data
    /// loaded before stays.
    std::string error;
    bool error_popup = false;
};

}  // namespace sitmap::ui
