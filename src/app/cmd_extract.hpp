// `sitmap extract DOCS_OR_DIRS... -o FILE`: news documents to dated, geocoded events, written as
// GeoPackage, GeoJSON or CSV by the output's extension. Part of sitmap_app; a thin verb over
// app/events_source and io/events_io (no GL).
#pragma once
#include <CLI/CLI.hpp>

namespace sitmap::app {

/// Adds the `extract` subcommand to `parent`; when it runs, its exit status goes to `exit_code`:
/// 0 when at least one document was read (1 under --strict if there were problems), 1 when none.
CLI::App* add_extract_command(CLI::App& parent, int& exit_code);

}  // namespace sitmap::app
