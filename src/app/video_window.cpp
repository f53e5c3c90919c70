#include "app/video_window.hpp"

#include "app/presentation.hpp"
#include "app/render_image.hpp"
#include "compose/video_plan.hpp"
#include "core/date.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

namespace sitmap::app {

namespace {
double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

bool apply_video_script_step(ui::AppState& state, const std::string& step) {
    if (!step.starts_with("video:")) return false;
    std::vector<std::string> parts;
    std::size_t pos = 6;
    for (int i = 0; i < 3; ++i) {
        const std::size_t comma = step.find(',', pos);
        if (comma == std::string::npos)
            throw usage_error("invalid --script step '{}' (expected video:FROM,TO,STEP,PATH)", step);
        parts.push_back(step.substr(pos, comma - pos));
        pos = comma + 1;
    }
    auto& v = state.brief.video;
    v.briefing = false;
    v.from = parts[0];
    v.to = parts[1];
    v.step = parts[2];
    v.path = step.substr(pos);
    v.width = state.camera.width();
    v.height = state.camera.height();
    state.brief.show_export = true;
    state.brief.export_video = true;
    state.brief.video_requested = true;
    return true;
}

void WindowVideoExport::start(ui::AppState& state, float ui_scale) {
    const auto& v = state.brief.video;
    const auto& e = state.brief.export_settings;
    const compose::Furniture furniture = export_furniture(e, v.width, v.height, ui_scale);
    const float scale = furniture.ui_scale;
    std::vector<VideoShot> shots;
    if (v.briefing) {
        if (state.brief.briefing.slides.empty()) throw usage_error("the briefing has no slides to play");
        briefing_ = state.brief.briefing;
        shots =
            briefing_shots(briefing_, state.projector, v.width, v.height, &state.ev.events, scale, 0, v.fps, v.hold);
        for (auto& shot : shots) {
            shot.request.furniture.legend = e.legend;
            shot.request.furniture.north_arrow = e.north_arrow;
            shot.request.furniture.locator = e.locator;
        }
    } else {
        const core::Date from = core::parse_date_arg(v.from, "from"), to = core::parse_date_arg(v.to, "to");
        if (std::chrono::sys_days(to) < std::chrono::sys_days(from))
            throw usage_error("invalid to '{}' (before from '{}')", v.to, v.from);
        const compose::FrameStep step = compose::parse_frame_step(v.step, "step");
        if (compose::estimate_frame_count(from, to, step) > 20000)
            throw usage_error("{} to {} at {} is more than 20000 frames: choose a larger step", v.from, v.to, v.step);
        // The window's view and frame (its events and filters), at the video's size, as the image export.
        const core::Camera camera = core::Camera::fit(state.camera.visible_box(), v.width, v.height, 0);
        compose::FrameRequest request = window_request(state, scale);
        request.events.reviewed_only = e.reviewed_only;
        request.events.fanned.clear();
        request.events.mark_edited = false;
        request.furniture = furniture;
        shots = range_shots(camera, request, compose::frame_dates(from, to, step));
    }
    job_ = std::make_unique<VideoJob>(v.path, v.fps, std::move(shots));
    started_ = std::chrono::steady_clock::now();
    state.brief.message = fmt::format("Writing {} frames to {}", job_->total(), v.path);
}

void WindowVideoExport::update(ui::AppState& state, render::Renderer& renderer, float ui_scale) {
    auto& b = state.brief;
    auto& progress = b.video_progress;
    if (b.video_cancel_requested) {
        b.video_cancel_requested = false;
        if (job_) {
            const int done = job_->frames_done();
            job_.reset();  // the writer removes the partial file
            b.message = fmt::format("Video cancelled after {} frames; the partial file was removed", done);
            state.notify(b.message);
        }
    }
    if (b.video_requested) {
        b.video_requested = false;
        if (!job_) {
            try {
                start(state, ui_scale);
            } catch (const std::exception& ex) {
                job_.reset();
                b.message = ex.what();  // names the field or the file
                state.notify(b.message);
            }
        }
    }
    if (job_) {
        try {
            // One frame per UI frame: the window keeps drawing, the bar moves, Cancel is heard.
            job_->render_next(renderer, state.scene, state.projector);
            state.map_dirty = true;  // the renderer's last draw was the video's frame
            if (job_->done()) {
                job_->finish();
                const auto size = job_->size();
                b.message = fmt::format("Exported {} frames ({}x{}, {} fps) to {} in {:.1f} s", job_->total(),
                                        size.width, size.height, job_->fps(),
                                        std::filesystem::absolute(b.video.path).string(), seconds_since(started_));
                job_.reset();
                state.notify(b.message);
            }
        } catch (const std::exception& ex) {
            job_.reset();
            b.message = ex.what();
            state.notify(b.message);
            state.map_dirty = true;
        }
    }
    progress.running = job_ != nullptr;
    progress.done = job_ ? job_->frames_done() : 0;
    progress.total = job_ ? job_->total() : 0;
    progress.seconds = job_ ? seconds_since(started_) : 0;
}

}  // namespace sitmap::app
