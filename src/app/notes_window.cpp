#include "app/notes_window.hpp"

#include "core/error.hpp"
#include "io/image.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"
#include "ui/presenter_notes.hpp"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace sitmap::app {

namespace {

/// Keys typed into the notes window go to the main window's ImGui context, which is current
/// while glfwPollEvents runs: arrows, Space and Esc step and end the presentation from either.
void forward_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

/// Switches GL and ImGui to one window for a scope and back to what was current after it.
class CurrentContexts {
public:
    CurrentContexts(GLFWwindow* window, ImGuiContext* imgui)
        : gl_(glfwGetCurrentContext()), imgui_(ImGui::GetCurrentContext()) {
        glfwMakeContextCurrent(window);
        ImGui::SetCurrentContext(imgui);
    }
    ~CurrentContexts() {
        glfwMakeContextCurrent(gl_);
        ImGui::SetCurrentContext(imgui_);
    }
    CurrentContexts(const CurrentContexts&) = delete;
    CurrentContexts& operator=(const CurrentContexts&) = delete;

private:
    GLFWwindow* gl_;
    ImGuiContext* imgui_;
};

/// Where the notes go: the middle of a monitor other than the primary one (F5 fills the
/// primary), else the primary's top left corner.
void place_window(GLFWwindow* window, int w, int h) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* primary = glfwGetPrimaryMonitor();
    for (int i = 0; i < count; ++i) {
        if (monitors[i] == primary) continue;
        int x = 0, y = 0;
        glfwGetMonitorPos(monitors[i], &x, &y);
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        glfwSetWindowPos(window, x + std::max(0, (mode->width - w) / 2), y + std::max(0, (mode->height - h) / 2));
        return;
    }
    glfwSetWindowPos(window, 40, 60);
}

}  // namespace

PresenterNotesWindow::PresenterNotesWindow(std::filesystem::path font_dir, float ui_scale)
    : font_dir_(std::move(font_dir)), ui_scale_(ui_scale) {}

PresenterNotesWindow::~PresenterNotesWindow() {
    close();
}

void PresenterNotesWindow::open(GLFWwindow* main) {
    const int w = static_cast<int>(720 * ui_scale_), h = static_cast<int>(480 * ui_scale_);
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // The presented window keeps the focus (a full-screen window that loses it may iconify).
    glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    window_ = glfwCreateWindow(w, h, "sitmap \u2014 presenter notes", nullptr, nullptr);
    glfwDefaultWindowHints();
    if (!window_) throw fmt_error("cannot open the presenter notes window (GLFW could not create it)");
    glfwSetWindowAttrib(main, GLFW_AUTO_ICONIFY, GLFW_FALSE);
    place_window(window_, w, h);
    glfwShowWindow(window_);
    glfwSetKeyCallback(window_, forward_key);

    ImGuiContext* main_imgui = ImGui::GetCurrentContext();
    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(main_imgui);
    CurrentContexts in_notes(window_, imgui_);
    glfwSwapInterval(0);  // never hold the presented window's frames back
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    static const ImWchar ranges[] = {0x0020, 0x024F, 0x0250, 0x02AF, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x0530,
                                     0x058F, 0x10A0, 0x10FF, 0x2010, 0x205E, 0x2190, 0x21FF, 0};
    const auto font = (font_dir_ / "DejaVuSans.ttf").string();
    // Larger than the main window's 15 px: read at a glance from a lectern.
    if (!io.Fonts->AddFontFromFileTTF(font.c_str(), 22.0f * ui_scale_, nullptr, ranges))
        throw fmt_error("{}: cannot load the presenter notes font", font);
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(ui_scale_);
    ImGui_ImplGlfw_InitForOpenGL(window_, false);  // keys: forward_key; the rest is polled
    ImGui_ImplOpenGL3_Init("#version 330 core");
    backends_ = true;
}

void PresenterNotesWindow::close() {
    if (backends_) {
        CurrentContexts in_notes(window_, imgui_);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        backends_ = false;
    }
    if (imgui_) ImGui::DestroyContext(imgui_);  // not the current one: the main context stays current
    imgui_ = nullptr;
    if (window_) glfwDestroyWindow(window_);
    window_ = nullptr;
}

void PresenterNotesWindow::apply_script_step(ui::AppState& state, const std::string& step) {
    if (step.starts_with("notesshot:"))
        shot_path_ = step.substr(10);
    else
        state.brief.show_notes = step == "notes:on";
}

void PresenterNotesWindow::update(ui::AppState& state, GLFWwindow* main) {
    auto& b = state.brief;
    if (b.presenting && !was_presenting_) {
        started_ = std::chrono::steady_clock::now();
        // On a single screen the notes window would cover the presented map: N opens it there.
        int monitors = 0;
        glfwGetMonitors(&monitors);
        if (monitors < 2) b.show_notes = false;
    }
    was_presenting_ = b.presenting;
    if (window_ && glfwWindowShouldClose(window_)) b.show_notes = false;  // closed by the presenter
    const bool wanted = b.presenting && b.show_notes && !b.briefing.slides.empty();
    if (wanted && !window_) {
        try {
            open(main);
        } catch (const std::exception& e) {  // the presentation goes on without notes
            close();
            b.show_notes = false;
            state.notify(e.what());
        }
    }
    if (!wanted && window_) close();
    if (window_) draw(state);
    if (!shot_path_.empty() && !window_) {
        std::fprintf(stderr, "no presenter notes window to write to %s\n", shot_path_.c_str());
        shot_path_.clear();
    }
}

void PresenterNotesWindow::draw(const ui::AppState& state) {
    CurrentContexts in_notes(window_, imgui_);
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w <= 0 || h <= 0) return;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui::draw_presenter_notes_window(state,
                                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
    ImGui::Render();
    render::Renderer::bind_window_framebuffer(w, h, true);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!shot_path_.empty()) {
        io::write_png(shot_path_, io::RgbaImage{w, h, render::read_window_rgba(w, h)});
        std::fprintf(stderr, "presenter notes written to %s\n", shot_path_.c_str());
        shot_path_.clear();
    }
    glfwSwapBuffers(window_);
}

}  // namespace sitmap::app
