// `sitmap query --date D --at LAT,LON`: which side controlled a point on a date, as one JSON line.
// A thin verb over io::load_control_timeline and core::ControlTimeline::control_at.
#pragma once
#include <CLI/CLI.hpp>

namespace sitmap::app {

/// Adds the `query` subcommand to `parent`; when it runs, its exit status is stored in `exit_code`.
/// Malformed --date/--at values and dates outside the data throw sitmap::UsageError (exit 2).
CLI::App* add_query_command(CLI::App& parent, int& exit_code);

}  // namespace sitmap::app
