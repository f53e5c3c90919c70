#include "app/video_export.hpp"

#include "app/render_image.hpp"
#include "compose/slides.hpp"
#include "compose/video_plan.hpp"
#include "core/error.hpp"

namespace sitmap::app {

std::vector<VideoShot> range_shots(const core::Camera& camera, const compose::FrameRequest& base,
                                   const std::vector<core::Date>& dates) {
    std::vector<VideoShot> out;
    out.reserve(dates.size());
    for (const core::Date d : dates) {
        VideoShot shot{camera, base, nullptr};
        shot.request.date = d;
        out.push_back(std::move(shot));
    }
    return out;
}

std::vector<VideoShot> briefing_shots(const core::Briefing& briefing, const core::Projector& projector, int width,
                                      int height, const core::EditableEvents* events, float ui_scale,
                                      double min_confidence, int fps, double hold_seconds) {
    std::vector<compose::SlideFrame> slides;
    for (const auto& slide : briefing.slides)
        slides.push_back(compose::slide_frame(slide, projector, width, height, events, ui_scale, min_confidence));
    std::vector<VideoShot> out;
    for (const auto& shot : compose::briefing_timeline(slides.size(), fps, hold_seconds)) {
        const auto& to = slides[shot.slide];
        VideoShot v{to.camera, to.request, &briefing.slides[shot.slide]};
        if (shot.t < 1 && shot.slide > 0) {
            // As F5 moves: the next slide's layers and events, the view and date on their way.
            const auto& from = slides[shot.slide - 1];
            v.camera = compose::interpolate_view(from.camera, to.camera, shot.t);
            if (to.request.date) v.request.date = compose::interpolate_date(from.request.date, to.request.date, shot.t);
        }
        out.push_back(std::move(v));
    }
    return out;
}

namespace {
int checked_fps(int fps) {
    if (fps < 1 || fps > 60) throw usage_error("invalid --fps {} (expected 1..60 frames per second)", fps);
    return fps;
}
const core::Camera& first_camera(const std::vector<VideoShot>& shots, const std::filesystem::path& path) {
    if (shots.empty()) throw usage_error("{}: the video has no frames", path.string());
    return shots.front().camera;
}
}  // namespace

VideoJob::VideoJob(const std::filesystem::path& path, int fps, std::vector<VideoShot> shots)
    : shots_(std::move(shots)),
      fps_(checked_fps(fps)),
      writer_(path, first_camera(shots_, path).width(), first_camera(shots_, path).height(), fps) {}

void VideoJob::render_next(render::Renderer& renderer, core::Scene& scene, const core::Projector& projector) {
    if (done()) return;
    VideoShot& shot = shots_[next_];
    std::vector<bool> before;
    if (shot.slide) before = compose::apply_slide_layers(scene, *shot.slide);
    shot.request.metres_per_pixel = shot.camera.metres_per_pixel();
    io::RgbaImage image;
    try {
        const compose::ComposedFrame frame = compose::compose_frame(scene, projector, shot.request);
        image = render_image(renderer, scene, shot.camera, frame.options());
    } catch (...) {
        if (shot.slide) compose::restore_layers(scene, before);
        throw;
    }
    if (shot.slide) compose::restore_layers(scene, before);
    writer_.add_frame(image);
    ++next_;
}

void VideoJob::finish() {
    writer_.finish();
}

}  // namespace sitmap::app
