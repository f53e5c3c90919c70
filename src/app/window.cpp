#include "app/window.hpp"

#include "app/annotation_editor.hpp"
#include "app/data_paths.hpp"
#include "app/event_session.hpp"
#include "app/map_loader.hpp"
#include "app/map_view.hpp"
#include "app/notes_window.hpp"
#include "app/presentation.hpp"
#include "app/user_files.hpp"
#include "app/video_window.hpp"
#include "app/window_files.hpp"
#include "compose/compose.hpp"
#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "core/error.hpp"
#include "io/image.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"
#include "ui/app_state.hpp"
#include "ui/briefing_panel.hpp"
#include "ui/date_slider.hpp"
#include "ui/event_panels.hpp"
#include "ui/file_menu.hpp"
#include "ui/find_place_panel.hpp"
#include "ui/key_bindings.hpp"
#include "ui/map_tools.hpp"
#include "ui/panels.hpp"
#include "ui/presenter_notes.hpp"
#include "ui/review_panel.hpp"
#include "ui/slide_editor.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <string_view>

namespace sitmap::app {

namespace {

std::string glfw_error_text;
void on_glfw_error(int code, const char* text) {
    glfw_error_text = fmt::format("{} (GLFW error {:#x})", text, code);
}

/// glfwInit/glfwTerminate as one object.
struct GlfwSession {
    GlfwSession() {
        glfwSetErrorCallback(on_glfw_error);
        if (!glfwInit())
            throw fmt_error("cannot open a window: {}. Use `sitmap render` for output without a display.",
                            glfw_error_text.empty() ? "no display" : glfw_error_text);
    }
    ~GlfwSession() { glfwTerminate(); }
    GlfwSession(const GlfwSession&) = delete;
    GlfwSession& operator=(const GlfwSession&) = delete;
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

/// ImGui context + backends, shut down in reverse order.
struct ImGuiSession {
    ImGuiSession(GLFWwindow* window, const std::filesystem::path& font_dir, float scale) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // no imgui.ini files left in the user's working directory
        // Latin + IPA (Azerbaijani ə), Cyrillic, Armenian, Georgian, punctuation, arrows.
        // Arrows, geometric shapes, symbols and dingbats carry the event-type symbols.
        static const ImWchar ranges[] = {0x0020, 0x024F, 0x0250, 0x02AF, 0x0370, 0x03FF, 0x0400, 0x04FF,
                                         0x0530, 0x058F, 0x10A0, 0x10FF, 0x2010, 0x205E, 0x2190, 0x21FF,
                                         0x2295, 0x2298, 0x25A0, 0x25FF, 0x2600, 0x27BF, 0};
        const auto font = (font_dir / "DejaVuSans.ttf").string();
        if (!io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f * scale, nullptr, ranges))
            throw fmt_error("{}: cannot load the UI font", font);
        ImGui::StyleColorsLight();
        ImGuiStyle& style = ImGui::GetStyle();
        style.WindowRounding = 4;
        style.FrameRounding = 3;
        style.WindowBorderSize = 1;
        style.Colors[ImGuiCol_WindowBg].w = 0.94f;
        style.ScaleAllSizes(scale);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;
};

void handle_input(ui::AppState& state, GLFWwindow* window, double fb_per_window) {
    ImGuiIO& io = ImGui::GetIO();
    auto& cam = state.camera;
    const ImVec2 mouse = io.MousePos;
    const bool mouse_valid = mouse.x > -1e6 && mouse.y > -1e6;
    const core::ScreenPx pointer{mouse.x * fb_per_window, mouse.y * fb_per_window};
    if (!io.WantCaptureMouse && mouse_valid) {
        if (!state.ev_dragging && !state.compare.dragging && !state.ev.add_mode && !state.brief.annotation_drag &&
            ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f) && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
            cam.pan_pixels(io.MouseDelta.x * fb_per_window, io.MouseDelta.y * fb_per_window);
            state.map_dirty = true;
        }
        if (io.MouseWheel != 0) {
            cam.zoom_at(pointer, std::pow(1.25, io.MouseWheel), state.zoom_limits());
            state.map_dirty = true;
        }
        state.cursor = state.projector.inverse(cam.world(pointer));
    } else {
        state.cursor.reset();
    }
    // ImGui 1.86 indexes keys by the backend's native codes (GLFW_KEY_*), not ImGuiKey.
    // While presenting, the arrow keys step slides (app/presentation.cpp).
    if (!io.WantCaptureKeyboard && !state.brief.presenting) {
        const double step = 120.0;
        const core::ScreenPx centre{cam.width() / 2.0, cam.height() / 2.0};
        // In review mode Left/Right step through the events instead (ui/review_panel).
        if (!state.ev.review.active) {
            if (ui::pressed(ui::Action::PanLeft)) cam.pan_pixels(step, 0), state.map_dirty = true;
            if (ui::pressed(ui::Action::PanRight)) cam.pan_pixels(-step, 0), state.map_dirty = true;
        }
        if (ui::pressed(ui::Action::PanUp)) cam.pan_pixels(0, step), state.map_dirty = true;
        if (ui::pressed(ui::Action::PanDown)) cam.pan_pixels(0, -step), state.map_dirty = true;
        if (ui::pressed(ui::Action::ZoomIn)) cam.zoom_at(centre, 1.5, state.zoom_limits()), state.map_dirty = true;
        if (ui::pressed(ui::Action::ZoomOut)) cam.zoom_at(centre, 1 / 1.5, state.zoom_limits()), state.map_dirty = true;
        if (ui::pressed(ui::Action::HomeView)) state.reset_view();
        if (ui::pressed(ui::Action::ToggleLayers)) state.show_layers = !state.show_layers;
        if (ui::pressed(ui::Action::Quit)) state.quit = true;
    }
    cam.clamp_centre(state.scene.bounds);
    (void)window;
}

/// Test/benchmark actions, one per frame: "pan:DX,DY" (pixels), "zoom:F" (about the centre), "home".
[[noreturn]] void throw_bad_script_step(const std::string& step) {
    throw usage_error(
        "invalid --script step '{}' (expected pan:DX,DY, zoom:F, home, layers:off, about, present, "
        "next, slide:N, select:N, delete, review, accept, reject, review-next, place:NAME, date:TEXT, "
        "goto:DATE, save, save-as:PATH, screenshot, help, add, crash, export, briefing, wait, mapshot:PNG, "
        "notesshot:PNG, notes:on, notes:off, end, "
        "video:FROM,TO,STEP,PATH or quit)",
        step);
}

// True for a step apply_script_step knows: checked for the whole script before the window opens,
// so a bad step is a usage error (exit 2) without a display being touched.
bool is_script_step(const std::string& step) {
    double a = 0, b = 0;
    int k = 0;
    static constexpr std::array<std::string_view, 20> words{
        "home",   "layers:off",  "about", "present", "next", "export",     "briefing", "delete", "review", "accept",
        "reject", "review-next", "save",  "crash",   "wait", "screenshot", "help",     "add",    "quit",   "idle"};
    if (std::find(words.begin(), words.end(), std::string_view(step)) != words.end()) return true;
    if (WindowFiles::knows_script_step(step)) return true;  // find:, view:, open:, export-list:, ...
    if (PresenterNotesWindow::knows_script_step(step) || step == "end") return true;  // notes, Esc in F5
    return std::sscanf(step.c_str(), "pan:%lf,%lf", &a, &b) == 2 || std::sscanf(step.c_str(), "zoom:%lf", &a) == 1 ||
           std::sscanf(step.c_str(), "select:%d", &k) == 1 || std::sscanf(step.c_str(), "slide:%d", &k) == 1 ||
           step.starts_with("place:") || step.starts_with("date:") || step.starts_with("goto:") ||
           step.starts_with("mapshot:") || step.starts_with("export-to:") || step.starts_with("save-as:") ||
           step.starts_with("video:");
}

void apply_script_step(ui::AppState& state, const std::string& step) {
    auto& cam = state.camera;
    double a = 0, b = 0;
    if (std::sscanf(step.c_str(), "pan:%lf,%lf", &a, &b) == 2) {
        cam.pan_pixels(a, b);
    } else if (std::sscanf(step.c_str(), "zoom:%lf", &a) == 1) {
        cam.zoom_at({cam.width() / 2.0, cam.height() / 2.0}, a, state.zoom_limits());
    } else if (step == "home") {
        state.reset_view();
    } else if (step == "layers:off") {
        state.show_layers = false;
    } else if (step == "about") {
        state.show_about = true;
    } else if (step == "present") {
        state.brief.presenting = true;
        state.brief.go_to = 0;
    } else if (step == "end") {  // Esc while presenting
        state.brief.presenting = false;
    } else if (step == "next") {
        state.brief.go_to = state.brief.current + 1;
    } else if (step == "export") {
        state.brief.show_export = true;
    } else if (step.starts_with("export-to:")) {  // Export in the dialog, to this path at the window's size
        state.brief.export_settings.path = step.substr(10);
        state.brief.export_settings.width = cam.width();
        state.brief.export_settings.height = cam.height();
        state.brief.export_requested = true;
    } else if (apply_video_script_step(state, step)) {  // the export dialog's video at the window's size
    } else if (step == "briefing") {
        state.brief.show_panel = true;
    } else if (step == "delete") {  // delete the selected event, as the Delete key does
        if (state.ev.selected) {
            const auto& e = state.ev.events.events()[*state.ev.selected];
            ui::apply_edit(state, {.kind = core::EventEdit::Kind::Delete, .key = core::event_key(e)});
        }
    } else if (step == "review" || step == "accept" || step == "reject" || step == "review-next" ||
               step.starts_with("place:") || step.starts_with("date:")) {
        // Review mode, as its keys drive it: R, Enter, X, Space, P + search + Enter, D + text + Enter.
        core::Date d = state.date.value_or(core::Date{});
        if (step == "review")
            ui::toggle_review(state, d);
        else if (step == "accept")
            ui::review_decide(state, d, core::EventEdit::Kind::Accept);
        else if (step == "reject")
            ui::review_decide(state, d, core::EventEdit::Kind::Reject);
        else if (step == "review-next")
            ui::review_step(state, d, +1);
        else if (step.starts_with("date:"))
            ui::review_set_date(state, d, step.substr(5));
        else if (const auto& places = state.ev.review.places) {
            const auto hits = places->search(step.substr(6), 1);
            if (!hits.empty()) ui::review_relocate(state, hits.front().place);
        }
        if (d != core::Date{}) state.date = d;
    } else if (step.starts_with("goto:")) {  // type into "Go to date" and press Enter
        state.goto_date_text = step.substr(5);
    } else if (step == "save") {
        state.ev.save_requested = true;
    } else if (step.starts_with("save-as:")) {  // Ctrl+Shift+S, a path typed, Enter
        state.ev.save_as_requested = step.substr(8);
    } else if (step == "add") {  // A
        state.ev.add_mode = true;
    } else if (step == "help") {  // F1
        state.ev.show_help = true;
    } else if (step == "screenshot") {  // F12
        state.brief.screenshot_requested = true;
    } else if (step == "crash") {  // end abruptly, as a crash would: no destructors, no save
        std::_Exit(70);
    } else if (step == "quit") {
        state.quit = true;
    } else if (step == "wait") {
    } else if (int k = 0; std::sscanf(step.c_str(), "select:%d", &k) == 1) {
        if (k >= 0 && static_cast<std::size_t>(k) < state.ev.events.events().size()) {
            state.ev.show_details = true;
            core::Date d = state.date.value_or(core::Date{});
            ui::select_event(state, static_cast<std::size_t>(k), d);  // as a click in the list does
            state.date = d;
        }
    } else if (int n = 0; std::sscanf(step.c_str(), "slide:%d", &n) == 1) {
        state.brief.go_to = n - 1;
    } else {
        throw_bad_script_step(step);  // run_window checked the script already; kept for safety
    }
    cam.clamp_centre(state.scene.bounds);
    state.map_dirty = true;
}

}  // namespace

int run_window(const WindowOptions& options, std::chrono::steady_clock::time_point process_start) {
    for (const auto& step : options.script)
        if (!is_script_step(step)) throw_bad_script_step(step);
    const DataPaths paths = find_data_paths(options.data_dir);
    GlfwSession glfw;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_STENCIL_BITS, 8);
    WindowPtr window(glfwCreateWindow(options.width, options.height, "sitmap \u2014 South Caucasus", nullptr, nullptr));
    if (!window)
        throw fmt_error("sitmap needs OpenGL 3.3 core profile, which this display does not provide: {}",
                        glfw_error_text.empty() ? "window creation failed" : glfw_error_text);
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(options.frames > 0 ? 0 : 1);
    render::require_gl33();
    render::keep_gl_driver_loaded();

    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window.get(), &xscale, &yscale);
    const float ui_scale = std::clamp(xscale, 1.0f, 3.0f);

    ui::AppState state;
    state.brief.hint_hides = options.script.empty();  // scripted frames must not depend on timing
    state.data_dir = paths.root.string();
    state.scene = load_base_scene(paths.geodata(), state.projector, state.diagnostics, &state.timeline);

    // Renderer and ImGui live inside this scope, so their GL objects die before the window.
    {
        ImGuiSession imgui(window.get(), paths.fonts(), ui_scale);
        render::Renderer renderer(paths.fonts());
        renderer.upload(state.scene);
        std::unique_ptr<render::OffscreenTarget> map_target;
        // Briefings named on the command line open as File > Open opens them; the rest are events.
        std::vector<std::string> inputs, briefings;
        for (const auto& in : options.inputs) (WindowFiles::is_briefing(in) ? briefings : inputs).push_back(in);
        EventSession events(state, inputs, paths,
                            options.edits.empty() ? default_edits_path() : std::filesystem::path(options.edits),
                            io::parse_event_field_map(options.fields));
        for (const auto& d : state.diagnostics.all()) std::fprintf(stderr, "%s\n", d.format().c_str());
        // Errors open the Problems panel; warnings wait behind the status bar's counter.
        if (state.diagnostics.count(core::Severity::Error) > 0) state.show_diagnostics = true;
        // One default-date policy for every output (compose::default_date): the latest reported
        // events, so the first view shows what the documents describe, else the last change of control.
        if (!state.date) state.date = compose::default_date(state.scene, state.ev.events.events());
        Presentation presentation(state, paths);
        PresenterNotesWindow notes_window(paths.fonts(), ui_scale);  // during F5, on another monitor
        WindowFiles files(state, paths, default_user_views_path());
        WindowFiles::accept_drops(window.get());
        for (const auto& b : briefings) files.open(state, events, b);
        AnnotationEditor annotation_editor;
        WindowVideoExport video_export;  // the export dialog's video, a frame per UI frame
        auto last_frame = std::chrono::steady_clock::now();

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window.get(), &fb_w, &fb_h);
        state.camera.resize(fb_w, fb_h);
        state.home_view = core::project_box(state.projector, resolve_view(options.view));
        state.camera = core::Camera::fit(*state.home_view, fb_w, fb_h);  // as reset_view: render's camera

        std::vector<double> frame_ms, frame_cpu_ms;
        int frame = 0;
        std::size_t script_pos = 0;  ///< next --script step
        bool idle_next = false;      ///< "idle" step: the next frame waits for input as an idle window does
        while (true) {
            if (glfwWindowShouldClose(window.get()) || state.quit) {
                // Unsaved corrections: ask first (scripted runs never ask).
                if (options.frames > 0 || events.may_quit(state)) break;
                glfwSetWindowShouldClose(window.get(), GLFW_FALSE);
            }
            // Idle windows wait for input instead of spinning; scripted runs wait only on "idle".
            const auto t_wait = std::chrono::steady_clock::now();
            const bool waits = idle_next || !(options.frames > 0 || state.map_dirty);
            idle_next = false;
            if (waits)
                glfwWaitEventsTimeout(0.25);
            else
                glfwPollEvents();
            // Timed from here: the status bar's frame time is the work of a frame, not the idle wait.
            const auto t_frame = std::chrono::steady_clock::now();
            const std::clock_t cpu_frame = std::clock();  // the process's CPU time, llvmpipe's threads too

            int w = 0, h = 0, win_w = 0, win_h = 0;
            glfwGetFramebufferSize(window.get(), &w, &h);
            glfwGetWindowSize(window.get(), &win_w, &win_h);
            if (w <= 0 || h <= 0) continue;  // minimised
            if (w != state.camera.width() || h != state.camera.height()) {
                state.camera.resize(w, h);
                state.map_dirty = true;
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            const double fb_per_window = win_w > 0 ? static_cast<double>(w) / win_w : 1.0;
            {
                const ImGuiIO& io = ImGui::GetIO();
                const core::ScreenPx pointer{io.MousePos.x * fb_per_window, io.MousePos.y * fb_per_window};
                const bool over_map = !io.WantCaptureMouse && io.MousePos.x > -1e6;
                // Annotate mode takes clicks on annotations first (app/annotation_editor).
                const bool took = annotation_editor.handle_input(state, pointer, over_map, !io.WantCaptureKeyboard,
                                                                 renderer.last_layout().annotation_hits);
                events.handle_input(state, pointer, renderer.last_marker_hits(), over_map && !took,
                                    !io.WantCaptureKeyboard);
                ui::handle_map_tools_input(state, pointer, over_map && !took, !io.WantCaptureKeyboard);
            }
            handle_input(state, window.get(), fb_per_window);
            {
                const auto now = std::chrono::steady_clock::now();
                const double dt = std::chrono::duration<double>(now - last_frame).count();
                presentation.update(state, window.get(), events, dt);
                files.update(state, events, dt);
                last_frame = now;
            }
            // One script step per frame; "mapshot:PNG" holds the script until the map has settled.
            const std::string* step = script_pos < options.script.size() ? &options.script[script_pos] : nullptr;
            if (step && *step == "idle") {
                idle_next = true;
                ++script_pos;
                step = nullptr;
            } else if (step && !step->starts_with("mapshot:")) {
                if (PresenterNotesWindow::knows_script_step(*step))
                    notes_window.apply_script_step(state, *step);
                else if (!files.apply_script_step(state, *step))
                    apply_script_step(state, *step);
                ++script_pos;
                step = nullptr;
            }

            // The map is drawn only when something changed, into a texture reused by later frames.
            if (!map_target || map_target->width() != w || map_target->height() != h) {
                map_target = std::make_unique<render::OffscreenTarget>(w, h);
                state.map_dirty = true;
            }
            // The frame is composed once (compose::compose_frame: the window's, or the slide's while
            // presenting) and drawn only when something changed, into a texture reused by later frames.
            const compose::FrameRequest request = presentation.frame_request(state, ui_scale);
            events.update(state, request);
            const bool map_settled = !state.map_dirty && !presentation.transitioning() && !files.flying();
            if (state.map_dirty) {
                map_target->bind();
                // One frame, or the before/after view's two halves (app/map_view).
                const auto measure = measure_marks(state);
                draw_window_map(renderer, state, events.frame(), window_split(state, request),
                                {state.ui_inset_top, state.ui_inset_bottom, measure ? &*measure : nullptr});
                state.map_dirty = false;
            }
            presentation.fulfil_requests(state, renderer, events, *map_target, ui_scale);
            video_export.update(state, renderer, ui_scale);
            if (step && map_settled) {
                // The map as the window shows it (no panels), once nothing moves any more: the
                // slide-parity test compares it with `render --briefing`.
                const std::string path = step->substr(8);
                io::write_png(path, io::RgbaImage{map_target->width(), map_target->height(), map_target->read_rgba()});
                std::fprintf(stderr, "map written to %s\n", path.c_str());
                ++script_pos;
            }
            map_target->blit_to_window();  // the map texture into the window

            if (state.brief.presenting) {
                // Presentation: the map alone, with the slide counter.
                if (state.ui_inset_top != 0 || state.ui_inset_bottom != 0) state.map_dirty = true;
                state.ui_inset_top = state.ui_inset_bottom = 0;
                ui::draw_presentation_overlay(state);
                ui::handle_presenter_notes_key(state);  // the notes have their own window
            } else {
                state.ui_inset_top = ui::draw_menu_bar(state);
                ui::draw_layers_panel(state);
                const float status_h = ui::draw_status_bar(state);
                const float slider_h = ui::draw_date_slider(state, status_h);
                {
                    core::Date date = events.shown_date(state);
                    const core::Date before = date;
                    using namespace std::chrono;
                    // Historical mentions (the 1990s war, the 1920s) would squeeze 2020-2024 into a
                    // sliver: the histogram covers the recent conflict, from 2018 at the earliest.
                    const core::Date from = std::clamp(events.first_date(), core::Date{year(2018), January, day(1)},
                                                       core::Date{year(2020), September, day(1)},
                                                       [](auto a, auto b) { return sys_days(a) < sys_days(b); });
                    const core::Date to = std::max(events.last_date(), core::Date{year(2024), June, day(30)},
                                                   [](auto a, auto b) { return sys_days(a) < sys_days(b); });
                    const float timeline_h = ui::draw_event_timeline(state, date, from, to, status_h + slider_h);
                    if (date != before) state.date = date, state.map_dirty = true;
                    const float inset = status_h + slider_h + timeline_h;
                    if (inset != state.ui_inset_bottom) state.map_dirty = true;  // furniture moves with the panels
                    state.ui_inset_bottom = inset;
                }
                events.draw_ui(state, state.ui_inset_bottom);
                ui::draw_about_panel(state);
                ui::draw_diagnostics_panel(state);
                ui::draw_briefing_panel(state);
                ui::draw_export_dialog(state);
                ui::draw_find_place(state);
                ui::draw_file_dialogs(state);
                ui::draw_compare_panel(state);
            }
            ImGui::Render();
            render::Renderer::bind_window_framebuffer(w, h);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            ++frame;
            const bool last = options.frames > 0 && frame >= options.frames;
            if (last && !options.screenshot.empty()) {
                io::write_png(options.screenshot, io::RgbaImage{w, h, render::read_window_rgba(w, h)});
                std::fprintf(stderr, "screenshot written to %s\n", options.screenshot.c_str());
            }
            glfwSwapBuffers(window.get());
            notes_window.update(state, window.get());
            if (options.print_timing) render::finish();
            const auto now = std::chrono::steady_clock::now();
            state.frame_ms = std::chrono::duration<float, std::milli>(now - t_frame).count();
            frame_ms.push_back(state.frame_ms);
            frame_cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - cpu_frame) / CLOCKS_PER_SEC);
            if (waits && options.print_timing)
                std::fprintf(stderr, "idle frame: waited %.1f ms, status bar %.1f ms, whole frame %.1f ms\n",
                             std::chrono::duration<double, std::milli>(t_frame - t_wait).count(), state.frame_ms,
                             std::chrono::duration<double, std::milli>(now - t_wait).count());
            if (frame == 1 && options.print_timing)
                std::fprintf(stderr, "first frame after %.0f ms\n",
                             std::chrono::duration<double, std::milli>(now - process_start).count());
            if (last) break;
        }
        if (options.print_timing && frame_ms.size() > 1) {
            std::vector<double> rest(frame_ms.begin() + 1, frame_ms.end());
            std::sort(rest.begin(), rest.end());
            std::vector<double> cpu(frame_cpu_ms.begin() + 1, frame_cpu_ms.end());
            std::sort(cpu.begin(), cpu.end());
            std::fprintf(stderr,
                         "frames: %zu, median %.1f ms, max %.1f ms, CPU per frame (all threads) median %.1f ms\n",
                         rest.size(), rest[rest.size() / 2], rest.back(), cpu[cpu.size() / 2]);
        }
    }
    return 0;
}

}  // namespace sitmap::app
