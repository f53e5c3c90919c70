// The export dialog's video in the window: builds a VideoJob from the dialog's settings (the
// window's view and frame at the chosen size, over a date range or the loaded briefing), then
// renders one frame per UI frame so the window stays live, the progress bar moves and Cancel
// works. Cancelling (or an error) removes the partial file; a finished video is renamed into place.
#pragma once
#include "app/video_export.hpp"
#include "core/briefing.hpp"
#include "render/renderer.hpp"
#include "ui/app_state.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace sitmap::app {

/// The --script step "video:FROM,TO,STEP,PATH": the export dialog's video of that range at the
/// window's size, started as the Export video button does (window tests). False when `step` is
/// not one; throws UsageError when it is one but malformed.
bool apply_video_script_step(ui::AppState& state, const std::string& step);

class WindowVideoExport {
public:
    /// Starts, advances, cancels or finishes the video the dialog asked for. Call once per frame
    /// with the GL context current, after the window's map is drawn.
    void update(ui::AppState& state, render::Renderer& renderer, float ui_scale);
    bool running() const { return job_ != nullptr; }

private:
    void start(ui::AppState& state, float ui_scale);

    std::unique_ptr<VideoJob> job_;
    core::Briefing briefing_;  ///< the briefing being played (the shots point into it)
    std::chrono::steady_clock::time_point started_;
};

}  // namespace sitmap::app
