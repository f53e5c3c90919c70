// Video export: the composed frames of a date range or of a briefing (as F5 plays it) rendered
// offscreen one at a time and encoded by io::VideoWriter. `sitmap render -o war.mp4` runs a job to
// the end; the window's export dialog runs one frame per UI frame, with progress and Cancel.
#pragma once
#include "compose/compose.hpp"
#include "core/briefing.hpp"
#include "core/camera.hpp"
#include "core/event_edits.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"
#include "io/video.hpp"
#include "render/renderer.hpp"

#include <filesystem>
#include <vector>

namespace sitmap::app {

/// One frame of a video: its view, the frame it composes, and the briefing slide whose layers it
/// shows (nullptr: the layers as they are).
struct VideoShot {
    core::Camera camera;
    compose::FrameRequest request;
    const core::Slide* slide = nullptr;
};

/// `base` at each of `dates`, seen by `camera`.
std::vector<VideoShot> range_shots(const core::Camera& camera, const compose::FrameRequest& base,
                                   const std::vector<core::Date>& dates);

/// A briefing at width x height as F5 plays it: each slide (compose::slide_frame, with its title
/// and caption) held `hold_seconds`, and between slides the view and date easing over
/// compose::kSlideTransitionSeconds (compose::briefing_timeline). The shots point into `briefing`.
/// Throws UsageError for a slide with a bad events.window.
std::vector<VideoShot> briefing_shots(const core::Briefing& briefing, const core::Projector& projector, int width,
                                      int height, const core::EditableEvents* events, float ui_scale,
                                      double min_confidence, int fps, double hold_seconds);

/// Renders shots into a video file one frame at a time with the current GL context. Destroying
/// the job before finish() (cancel, error) removes the partial file.
class VideoJob {
public:
    /// Opens `path` (.mp4 or .gif) for frames of the first shot's camera size. Throws sitmap::Error.
    VideoJob(const std::filesystem::path& path, int fps, std::vector<VideoShot> shots);

    /// Composes, renders and encodes the next frame (a slide's layers applied only while it is drawn).
    void render_next(render::Renderer& renderer, core::Scene& scene, const core::Projector& projector);
    /// Writes the file's end and renames it into place; call when done().
    void finish();

    bool done() const { return next_ >= shots_.size(); }
    int frames_done() const { return static_cast<int>(next_); }
    int total() const { return static_cast<int>(shots_.size()); }
    int fps() const { return fps_; }
    io::VideoSize size() const { return writer_.size(); }
    int width() const { return shots_.front().camera.width(); }
    int height() const { return shots_.front().camera.height(); }

private:
    std::vector<VideoShot> shots_;
    std::size_t next_ = 0;
    int fps_;
    io::VideoWriter writer_;
};

}  // namespace sitmap::app
