// Printing collected diagnostics on stderr for the command-line verbs, summarised so that 10,000
// undated documents or a file of bad rows cost a dozen lines. Part of sitmap_app; no GL or ImGui.
#pragma once
#include "core/diagnostics.hpp"

#include <cstddef>
#include <cstdio>

namespace sitmap::app {

struct DiagnosticsPrintOptions {
    bool quiet = false;         ///< errors only (the verbs' -q)
    bool verbose = false;       ///< also informational notes, and nothing folded (-v)
    std::size_t per_code = 10;  ///< lines printed per code and severity; the rest are counted in one line
};

/// Prints `diags` to `out` (compiler style, one per line): errors always, warnings unless quiet,
/// notes only when verbose. Unless verbose, after options.per_code lines of one code and severity,
/// one line says how many more there were; lines naming a record and lines about a whole file
/// (such as a reader's own "25 of 27 rows rejected") are counted apart. Returns how many warnings
/// and errors there were, printed or not.
std::size_t print_diagnostics(const core::Diagnostics& diags, const DiagnosticsPrintOptions& options,
                              std::FILE* out = stderr);

}  // namespace sitmap::app
