// Briefings in the window: loading/saving briefing files, adding the current view as a slide,
// presentation mode (F5: full screen, panels hidden, arrow keys step slides with smooth transitions
// of view and date), the export dialog's renders, and the F12 screenshot.
#pragma once
#include "app/data_paths.hpp"
#include "app/event_session.hpp"
#include "compose/compose.hpp"
#include "core/camera.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"
#include "ui/app_state.hpp"

#include <GLFW/glfw3.h>

#include <optional>
#include <vector>

namespace sitmap::app {

/// The frame of the window outside presentations: its date (or the default), the events its filter,
/// time window, selection and opened group show, corrections marked; no off-map box (the window
/// has its own strip).
compose::FrameRequest window_request(const ui::AppState& state, float ui_scale);
/// The export dialog's furniture (title, subtitle, legend, north arrow, locator) for an output of
/// `width` x `height`, at the dialog's text scale or, when it is automatic, the output's own.
compose::Furniture export_furniture(const ui::ExportSettings& e, int width, int height, float ui_scale);

class Presentation {
public:
    /// Loads the sample briefing (assets/briefings/) if present, so F5 has something to show.
    Presentation(ui::AppState& state, const DataPaths& paths);

    /// Keys (F5, F12, arrows and Esc while presenting), panel requests, and the running transition.
    /// Call once per frame after input handling; `dt` is the frame's duration in seconds.
    void update(ui::AppState& state, GLFWwindow* window, EventSession& events, double dt);
    /// Fulfils export and screenshot requests (needs the GL context; call after the map is drawn).
    void fulfil_requests(ui::AppState& state, render::Renderer& renderer, EventSession& events,
                         const render::OffscreenTarget& map, float ui_scale);
    /// The frame the window shows: the current slide's (compose::slide_frame, as `render
    /// --briefing` draws it) while presenting, at the animated view and date; else window_request.
    compose::FrameRequest frame_request(const ui::AppState& state, float ui_scale) const;
    /// True while the view and date move towards a slide.
    bool transitioning() const { return transition_.t < 1.0; }

private:
    void start_slide(ui::AppState& state, int index, bool animate);
    void set_fullscreen(GLFWwindow* window, bool on);

    struct Transition {
        core::WorldXY from_centre, to_centre;
        double from_mpp = 1, to_mpp = 1;
        std::optional<core::Date> from_date, to_date;
        double t = 1;  ///< 0..1; 1 = finished
    };
    Transition transition_;
    bool fullscreen_ = false;
    int saved_x_ = 0, saved_y_ = 0, saved_w_ = 1280, saved_h_ = 800;
    std::vector<bool> saved_layers_;
};

}  // namespace sitmap::app
