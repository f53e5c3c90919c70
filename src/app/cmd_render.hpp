// `sitmap render`: draws the map headlessly (EGL surfaceless) to a PNG, exactly as the window does.
#pragma once
#include <CLI/CLI.hpp>

namespace sitmap::app {

/// Adds the `render` subcommand to `parent`; when it runs, its exit status goes to `exit_code`.
CLI::App* add_render_command(CLI::App& parent, int& exit_code);

}  // namespace sitmap::app
