// The interactive window: GLFW + OpenGL 3.3 core + Dear ImGui over the shared Renderer.
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace sitmap::app {

struct WindowOptions {
    std::string data_dir;             ///< --data
    std::string edits;                ///< --edits: GeoPackage of corrections (default: user data dir)
    std::vector<std::string> inputs;  ///< documents/geodata to open (later issues)
    int width = 1280;
    int height = 800;
    std::string screenshot;           ///< write the window to this PNG after `frames` frames, then quit
    int frames = 0;                   ///< quit after this many frames (0 = run until closed)
    std::string view = "region";      ///< initial view
    bool print_timing = false;        ///< print start-up and frame timing to stderr
    std::vector<std::string> script;  ///< test actions per frame: "pan:DX,DY", "zoom:F", "key:home"
    std::string fields;               ///< --fields: sitmap column=file column, for foreign events files
};

/// Opens the window and runs until it is closed. Returns the process exit code.
/// Throws sitmap::Error when no display or no OpenGL 3.3 core is available.
int run_window(const WindowOptions& options, std::chrono::steady_clock::time_point process_start);

}  // namespace sitmap::app
