// The presenter notes window: a second GLFW window, with its own GL context and Dear ImGui
// context, open while a briefing is presented (F5) with brief.show_notes on (N toggles it).
// It shows ui::draw_presenter_notes_window; the presented window shows no notes. With a second
// monitor it opens there by itself; on a single screen (where it would cover the presented map)
// only when N asks. Keys typed into it drive the presentation as the main window's do.
#pragma once
#include "ui/app_state.hpp"

#include <GLFW/glfw3.h>

#include <chrono>
#include <filesystem>
#include <string>

struct ImGuiContext;

namespace sitmap::app {

class PresenterNotesWindow {
public:
    /// Nothing opens yet; `font_dir` holds DejaVuSans.ttf, `ui_scale` is the main window's.
    PresenterNotesWindow(std::filesystem::path font_dir, float ui_scale);
    ~PresenterNotesWindow();
    PresenterNotesWindow(const PresenterNotesWindow&) = delete;
    PresenterNotesWindow& operator=(const PresenterNotesWindow&) = delete;

    /// Opens, draws or closes the window as the presentation asks. Call once per frame with the
    /// main window's context current (GL and ImGui); both are current again on return. When the
    /// window cannot be opened, the presentation goes on without it and a notice says why.
    void update(ui::AppState& state, GLFWwindow* main);
    bool is_open() const { return window_ != nullptr; }

    /// The --script steps "notesshot:PNG" (the notes window's next frame is written to PNG, or a
    /// line on stderr says there is no notes window) and "notes:on" / "notes:off" (N).
    static bool knows_script_step(const std::string& step) {
        return step.starts_with("notesshot:") || step == "notes:on" || step == "notes:off";
    }
    void apply_script_step(ui::AppState& state, const std::string& step);

private:
    void open(GLFWwindow* main);
    void close();
    void draw(const ui::AppState& state);

    std::filesystem::path font_dir_;
    float ui_scale_ = 1;
    GLFWwindow* window_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    bool backends_ = false;  ///< the ImGui GLFW and OpenGL backends are initialised
    bool was_presenting_ = false;
    std::chrono::steady_clock::time_point started_;
    std::string shot_path_;
};

}  // namespace sitmap::app
