// `sitmap events [INPUTS] [--from D] [--to D] [--type T] [--min-confidence X] -o FILE`: the events
// list, filtered as the window's list export filters it (core::list_events), written as CSV,
// GeoJSON or GeoPackage with quotes and sources. A thin verb over app::load_events and io.
#pragma once
#include <CLI/CLI.hpp>

namespace sitmap::app {

/// Adds the `events` subcommand to `parent`; when it runs, its exit status is stored in
/// `exit_code`. Malformed --from/--to/--type/--min-confidence values and a bad output extension
/// throw sitmap::UsageError naming the argument (exit 2); unreadable inputs and an unwritable
/// output throw sitmap::Error naming the file (exit 1).
CLI::App* add_events_command(CLI::App& parent, int& exit_code);

}  // namespace sitmap::app
