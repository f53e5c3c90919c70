// The window's files and places: File > Open, Open recent and drops onto the window (documents,
// an events file or a briefing, by kind), the events-list export, saved views (persisted beside
// the corrections in views.json), the camera's flight to a found place or a named view, and
// links handed to the browser. Glue between ui (requests in state.files), io and EventSession.
#pragma once
#include "app/data_paths.hpp"
#include "app/event_session.hpp"
#include "core/camera_flight.hpp"
#include "ui/app_state.hpp"

#include <GLFW/glfw3.h>

#include <filesystem>
#include <string>

namespace sitmap::app {

class WindowFiles {
public:
    /// Loads the saved views and recent files from `views_path` (a bad file is a warning in
    /// Problems, and is not overwritten until the user saves a view or opens a file).
    WindowFiles(ui::AppState& state, const DataPaths& paths, std::filesystem::path views_path);

    /// Makes files dropped onto `window` open as File > Open would open them.
    static void accept_drops(GLFWwindow* window);

    /// Once per frame, after the panels of the previous frame raised their requests: Ctrl+F and
    /// Ctrl+O, drops, opens, the list export, saving a view, a link to open, and the flight
    /// (`dt`: seconds since the last frame).
    void update(ui::AppState& state, EventSession& events, double dt);
    /// True while the camera flies to a place or view.
    bool flying() const { return !flight_.done(); }

    /// Script steps for tests (run_window --script): find:TEXT (type TEXT in the find box and
    /// Enter), find-type:TEXT (type only), view:NAME, save-view:NAME, open:PATH, drop:PATH,
    /// export-list:PATH, open-link (the selected event's source URL).
    static bool knows_script_step(const std::string& step);
    /// Applies `step` when it is one of those; returns false otherwise.
    bool apply_script_step(ui::AppState& state, const std::string& step);

    /// Opens `path` by its kind; on failure shows a message naming it and keeps the current data.
    void open(ui::AppState& state, EventSession& events, const std::string& path);
    /// Whether `path` is a briefing (a JSON file with slides), which the command line opens as
    /// File > Open does rather than reading it as events.
    static bool is_briefing(const std::string& path);

private:
    void export_list(ui::AppState& state);
    void save_view(ui::AppState& state, const std::string& name);
    void start_flight(ui::AppState& state, const core::GeoBox& box);
    void persist(ui::AppState& state);
    void fail(ui::AppState& state, const std::string& message);

    DataPaths paths_;
    std::filesystem::path views_path_;
    bool views_file_bad_ = false;  ///< the views file could not be read: do not overwrite it silently
    core::CameraFlight flight_;
    std::string flight_label_;  ///< what the flight goes to ("Khankendi", "Syunik")
};

}  // namespace sitmap::app
