#include "app/presentation.hpp"

#include "app/annotation_editor.hpp"
#include "app/map_view.hpp"
#include "app/render_image.hpp"
#include "compose/slides.hpp"
#include "compose/video_plan.hpp"
#include "core/base_map.hpp"
#include "core/briefing.hpp"
#include "core/control_scene.hpp"
#include "core/error.hpp"
#include "io/briefing_io.hpp"
#include "ui/event_panels.hpp"
#include "ui/key_bindings.hpp"

#include <imgui.h>

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>

namespace sitmap::app {

namespace fs = std::filesystem;

namespace {
// The same transition as a briefing video (compose/video_plan), so the video moves as F5 does.
constexpr double kTransitionSeconds = compose::kSlideTransitionSeconds;
double ease(double t) {
    return compose::slide_ease(t);
}
}  // namespace

Presentation::Presentation(ui::AppState& state, const DataPaths& paths) {
    auto& b = state.brief;
    const fs::path sample = paths.root / "assets" / "briefings" / "karabakh_2020_2023.json";
    b.path = sample.string();
    std::error_code ec;
    if (fs::exists(sample, ec)) {
        try {
            b.briefing = io::load_briefing(sample);
        } catch (const std::exception& e) {
            state.diagnostics.add(core::Severity::Warning, core::DiagCode::RecordInvalid, sample.string(), "",
                                  e.what());
        }
    }
}

void Presentation::set_fullscreen(GLFWwindow* window, bool on) {
    if (on == fullscreen_ || !window) return;
    if (on) {
        glfwGetWindowPos(window, &saved_x_, &saved_y_);
        glfwGetWindowSize(window, &saved_w_, &saved_h_);
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
            const GLFWvidmode* mode = glfwGetVideoMode(monitor);
            glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        }
    } else {
        glfwSetWindowMonitor(window, nullptr, saved_x_, saved_y_, saved_w_, saved_h_, 0);
    }
    fullscreen_ = on;
}

void Presentation::start_slide(ui::AppState& state, int index, bool animate) {
    auto& b = state.brief;
    if (index < 0 || index >= static_cast<int>(b.briefing.slides.size())) return;
    const core::Slide& slide = b.briefing.slides[static_cast<std::size_t>(index)];
    b.current = index;
    if (saved_layers_.empty())
        saved_layers_ = compose::apply_slide_layers(state.scene, slide);
    else
        compose::apply_slide_layers(state.scene, slide);
    state.ev.filter = compose::slide_filter(slide);
    try {
        state.ev.window = compose::slide_window(slide);
    } catch (const std::exception&) {
    }
    state.ev.selected.reset();
    if (!slide.highlighted_events.empty()) state.ev.selected = state.ev.events.find(slide.highlighted_events.front());
    state.ev.filter_changed = true;
    const core::Camera target =
        compose::slide_camera(slide, state.projector, state.camera.width(), state.camera.height());
    transition_.from_centre = state.camera.centre();
    transition_.from_mpp = state.camera.metres_per_pixel();
    transition_.to_centre = target.centre();
    transition_.to_mpp = target.metres_per_pixel();
    transition_.from_date = state.date;
    transition_.to_date = slide.date;
    transition_.t = animate ? 0.0 : 1.0;
    if (!animate) {
        state.camera.set_centre(target.centre());
        state.camera.set_metres_per_pixel(target.metres_per_pixel());
        if (slide.date) state.date = slide.date;
    }
    state.map_dirty = true;
}

void Presentation::update(ui::AppState& state, GLFWwindow* window, EventSession& events, double dt) {
    auto& b = state.brief;
    const ImGuiIO& io = ImGui::GetIO();
    (void)events;
    if (!io.WantCaptureKeyboard || b.presenting) {
        if (ui::pressed(ui::Action::Present) && !b.briefing.slides.empty()) {
            b.presenting = !b.presenting;
            if (b.presenting) b.go_to = std::max(0, b.current);
        }
        if (ui::pressed(ui::Action::Screenshot)) b.screenshot_requested = true;
        if (!b.presenting && ui::pressed(ui::Action::ExportDialog)) b.show_export = !b.show_export;
        if (!b.presenting && ui::pressed(ui::Action::BriefingPanel)) b.show_panel = !b.show_panel;
        if (b.presenting) {
            const int n = static_cast<int>(b.briefing.slides.size());
            if (ui::pressed(ui::Action::SlideNext)) b.go_to = std::min(n - 1, b.current + 1);
            if (ui::pressed(ui::Action::SlidePrevious)) b.go_to = std::max(0, b.current - 1);
            if (ui::pressed(ui::Action::SlideFirst)) b.go_to = 0;
            if (ui::pressed(ui::Action::SlideLast)) b.go_to = n - 1;
            if (ui::pressed(ui::Action::EndPresentation)) b.presenting = false;
        }
    }
    set_fullscreen(window, b.presenting);
    if (!b.presenting && !saved_layers_.empty()) {
        compose::restore_layers(state.scene, saved_layers_);
        saved_layers_.clear();
        state.map_dirty = true;
    }
    if (b.go_to) {
        const int target = *b.go_to;
        b.go_to.reset();
        start_slide(state, target, b.presenting);
    }
    if (b.load_requested) {
        b.load_requested = false;
        try {
            b.briefing = io::load_briefing(b.path);
            b.current = -1;
            b.dirty = false;
            b.message = fmt::format("Loaded {} slides from {}", b.briefing.slides.size(), b.path);
            for (const auto& id : core::unknown_layer_ids(b.briefing, core::map_layer_ids()))
                state.diagnostics.add(core::Severity::Warning, core::DiagCode::RecordInvalid, b.path, "",
                                      fmt::format("{} is not a layer id; the slide shows the layers it knows", id));
        } catch (const std::exception& e) {
            b.message = e.what();  // names the file and the field
        }
    }
    if (b.save_requested) {
        b.save_requested = false;
        try {
            io::save_briefing(b.path, b.briefing);
            b.dirty = false;
            b.message = fmt::format("Saved {} slides to {}", b.briefing.slides.size(), b.path);
        } catch (const std::exception& e) {
            b.message = e.what();
        }
    }
    if (b.add_slide_requested) {
        b.add_slide_requested = false;
        core::Slide s = compose::slide_from_view(state.camera, state.projector, state.scene, state.ev.filter,
                                                 state.ev.window, state.date);
        if (state.ev.selected && *state.ev.selected < state.ev.events.events().size())
            s.highlighted_events.push_back(core::event_key(state.ev.events.events()[*state.ev.selected]));
        // With the before/after view on, the slide is a compare slide of the same two dates.
        if (state.compare.active && state.compare.left && state.date)
            s.compare = core::SlideCompare{*state.compare.left, *state.date, state.compare.divider};
        b.briefing.slides.push_back(std::move(s));
        b.current = static_cast<int>(b.briefing.slides.size()) - 1;
        b.dirty = true;
        b.message = fmt::format("Slide {} added", b.current + 1);
    }
    if (b.update_view_requested) {
        b.update_view_requested = false;
        if (b.current >= 0 && b.current < static_cast<int>(b.briefing.slides.size())) {
            const core::Slide s = compose::slide_from_view(state.camera, state.projector, state.scene, state.ev.filter,
                                                           state.ev.window, state.date);
            auto& slide = b.briefing.slides[static_cast<std::size_t>(b.current)];
            slide.view = s.view;
            slide.visible_layers = s.visible_layers;
            b.dirty = true;
        }
    }
    // Transition: view and date move together with an ease-in-out curve.
    if (transition_.t < 1.0) {
        transition_.t = std::min(1.0, transition_.t + dt / kTransitionSeconds);
        const double e = ease(transition_.t);
        state.camera.set_centre(
            {transition_.from_centre.x + (transition_.to_centre.x - transition_.from_centre.x) * e,
             transition_.from_centre.y + (transition_.to_centre.y - transition_.from_centre.y) * e});
        state.camera.set_metres_per_pixel(std::exp(
            std::log(transition_.from_mpp) + (std::log(transition_.to_mpp) - std::log(transition_.from_mpp)) * e));
        if (transition_.to_date) {
            const auto from = transition_.from_date.value_or(*transition_.to_date);
            const auto a = core::day_number(from), z = core::day_number(*transition_.to_date);
            state.date = core::date_from_day_number(a + static_cast<std::int32_t>(std::lround((z - a) * e)));
        }
        state.ev.filter_changed = true;
        state.map_dirty = true;
    }
}

void Presentation::fulfil_requests(ui::AppState& state, render::Renderer& renderer, EventSession& events,
                                   const render::OffscreenTarget& /*map*/, float ui_scale) {
    auto& b = state.brief;
    if (b.screenshot_requested) {
        b.screenshot_requested = false;
        // The map as the window shows it (no panels), named by the time.
        const std::time_t now = std::time(nullptr);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
        const fs::path path = fs::absolute(fmt::format("sitmap-{}.png", stamp));
        try {
            // Only the map the panels leave visible, so its furniture (scale bar, attribution) sits
            // at the image's edges instead of above a band that was under the panels.
            const core::Camera camera = state.camera.without_rows(static_cast<int>(state.ui_inset_top),
                                                                  static_cast<int>(state.ui_inset_bottom));
            // The window's composed frame, drawn for those rows only (no panel insets left in it);
            // with the before/after view on, its two halves (app/map_view).
            if (const auto split = window_split(state, frame_request(state, ui_scale))) {
                const compose::ComposedSplit frames = compose::compose_split(state.scene, state.projector, *split);
                io::write_png(path, render_frames(renderer, state.scene, camera,
                                                  frames.options(camera.width(), camera.height())));
            } else {
                const compose::FrameOptions frame = events.frame().options();
                io::write_png(path, render_image(renderer, state.scene, camera, frame));
            }
            state.map_dirty = true;  // the renderer's last draw was the screenshot
            b.message = fmt::format("Screenshot saved to {}", path.string());
        } catch (const std::exception& e) {
            b.message = e.what();
        }
        state.notify(b.message);
    }
    if (b.export_requested) {
        b.export_requested = false;
        const auto& e = b.export_settings;
        try {
            io::check_writable(e.path);
            // The window's view, at the export's size: same ground, more pixels.
            const core::Camera camera = core::Camera::fit(state.camera.visible_box(), e.width, e.height, 0);
            const compose::Furniture furniture = export_furniture(e, e.width, e.height, ui_scale);
            // The window's frame (its events, or only the accepted), with the export's furniture.
            compose::FrameRequest request = window_request(state, furniture.ui_scale);
            request.metres_per_pixel = camera.metres_per_pixel();
            request.events.reviewed_only = e.reviewed_only;
            request.events.fanned.clear();
            request.events.mark_edited = false;
            request.furniture = furniture;
            const auto t0 = std::chrono::steady_clock::now();
            io::RgbaImage image;
            if (const auto split = window_split(state, request)) {  // the before/after view, as shown
                const compose::ComposedSplit frames = compose::compose_split(state.scene, state.projector, *split);
                image = render_frames(renderer, state.scene, camera, frames.options(camera.width(), camera.height()));
            } else {
                const compose::ComposedFrame frame = compose::compose_frame(state.scene, state.projector, request);
                image = render_image(renderer, state.scene, camera, frame.options());
            }
            write_image_file(e.path, image, camera, state.projector, e.world_file);
            b.message =
                fmt::format("Exported {}x{} to {} in {:.1f} s", e.width, e.height, fs::absolute(e.path).string(),
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        } catch (const std::exception& ex) {
            b.message = ex.what();
        }
        state.notify(b.message);
        state.map_dirty = true;  // the renderer's last draw was the export
    }
}

compose::Furniture export_furniture(const ui::ExportSettings& e, int width, int height, float ui_scale) {
    const float scale = e.scale > 0 ? e.scale : auto_ui_scale(width, height) * std::max(1.0f, ui_scale);
    return {.ui_scale = scale,
            .title = e.title,
            .subtitle = e.subtitle,
            .legend = e.legend,
            .north_arrow = e.north_arrow,
            .locator = e.locator,
            .off_map_box = true};
}

compose::FrameRequest window_request(const ui::AppState& state, float ui_scale) {
    compose::FrameRequest r{.metres_per_pixel = state.camera.metres_per_pixel(),
                            .date = state.date,
                            .events = {.events = &state.ev.events,
                                       .filter = state.ev.filter,
                                       .window = state.ev.window,
                                       .selected = state.ev.selected,
                                       .fanned = state.ev.fanned,
                                       .mark_edited = true},
                            .furniture = {.ui_scale = ui_scale, .off_map_box = false}};
    add_edited_annotations(state, r);  // the slide being edited shows its annotations
    return r;
}

compose::FrameRequest Presentation::frame_request(const ui::AppState& state, float ui_scale) const {
    const auto& b = state.brief;
    if (!b.presenting || b.current < 0 || b.current >= static_cast<int>(b.briefing.slides.size()))
        return window_request(state, ui_scale);
    const auto& slide = b.briefing.slides[static_cast<std::size_t>(b.current)];
    compose::FrameRequest r;
    try {
        r = compose::slide_frame(slide, state.projector, state.camera.width(), state.camera.height(), &state.ev.events,
                                 ui_scale)
                .request;
    } catch (const std::exception&) {  // a bad events.window: the slide as the window shows it
        r = window_request(state, ui_scale);
    }
    // During a transition the view and the date move; the rest is the slide's.
    r.metres_per_pixel = state.camera.metres_per_pixel();
    if (state.date) r.date = state.date;
    return r;
}

}  // namespace sitmap::app
