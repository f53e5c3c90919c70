// AppState: the one object the UI reads and edits (scene layers' visibility/opacity, camera, panels).
// The renderer draws from it; panels never draw map content themselves.
#pragma once
#include "core/camera.hpp"
#include "core/control_timeline.hpp"
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"
#include "ui/briefing_state.hpp"
#include "ui/event_state.hpp"
#include "ui/file_state.hpp"
#include "ui/tool_state.hpp"

#include <optional>
#include <string>

namespace sitmap::ui {

struct AppState {
    core::Scene scene;
    core::Projector projector;
    core::Camera camera;
    core::Diagnostics diagnostics;
    std::string data_dir;

    std::optional<core::LonLat> cursor;  ///< lon/lat under the mouse, if over the map
    float frame_ms = 0;
    bool map_dirty = true;      ///< the map must be redrawn (camera or layers changed)
    float ui_inset_top = 0;     ///< framebuffer pixels covered by the menu bar
    float ui_inset_bottom = 0;  ///< framebuffer pixels covered by the status bar

    EventUiState ev;  ///< events: data, filter, selection, edit hooks
    bool ev_dragging = false;
    FilesUiState files;      ///< find a place, named views, File > Open, list export, links
    CompareUiState compare;  ///< the before/after (swipe) view
    MeasureUiState measure;  ///< the distance tool
    BriefingUiState brief;   ///< briefing slides, presentation mode, export dialog  ///< an event symbol is being
                             ///< dragged: the map must not pan

    /// The control data the "control" layers were built from (stepping between changes).
    std::optional<core::ControlTimeline> timeline;
    std::optional<core::Date> date;  ///< shown date of the control situation (set by the date slider)
    bool playing = false;            ///< the date advances by itself
    float play_days_per_second = 4;  ///< playback speed
    bool play_loop = false;          ///< playback starts again from the beginning at the end
    bool date_zoomed = false;        ///< slider spans Sep 2020 - Jun 2024 instead of all the data
    /// Text for the "Go to date" field, submitted on the next frame as if typed and Enter pressed
    /// (the window's --script goto:TEXT step; empty otherwise).
    std::string goto_date_text;

    bool show_layers = true;
    bool show_about = false;
    bool show_diagnostics = false;
    bool quit = false;

    /// A message shown in the status bar for a few seconds ("Screenshot saved to ...").
    std::string notice;
    double notice_until = 0;  ///< ImGui time (seconds) until which it shows
    void notify(std::string message, double seconds = 6.0);

    /// The view the window started on (--view), in projected metres; Home returns to it. Unset:
    /// the whole region.
    std::optional<core::WorldBox> home_view;
    /// Resets the camera to home_view (or the whole region), keeping the window's size.
    void reset_view();
    /// How far the window's camera may zoom at its current size: in to the closest scale the data
    /// supports, out to the whole region (core::Camera::limits_for over scene.bounds).
    core::ZoomLimits zoom_limits() const {
        return core::Camera::limits_for(scene.bounds, camera.width(), camera.height());
    }
};

}  // namespace sitmap::ui
