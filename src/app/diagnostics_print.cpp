#include "app/diagnostics_print.hpp"

#include <fmt/format.h>

#include <map>
#include <string>
#include <tuple>

namespace sitmap::app {

std::size_t print_diagnostics(const core::Diagnostics& diags, const DiagnosticsPrintOptions& options, std::FILE* out) {
    using core::Severity;
    // Lines naming a record (line, feature) and lines about a whole file or document fold apart,
    // so a reader's own count ("25 of 27 rows rejected") still shows after its listed rows.
    using Group = std::tuple<Severity, core::DiagCode, bool>;
    std::map<Group, std::size_t> printed, folded;
    std::size_t problems = 0;
    for (const auto& d : diags.all()) {
        if (d.severity >= Severity::Warning) ++problems;
        if (d.severity == Severity::Info && !options.verbose) continue;
        if (d.severity == Severity::Warning && options.quiet) continue;
        const Group group{d.severity, d.code, !d.where.empty()};
        if (!options.verbose && printed[group] >= options.per_code) {
            ++folded[group];
            continue;
        }
        ++printed[group];
        std::fprintf(out, "%s\n", d.format().c_str());
    }
    for (const auto& [group, n] : folded) {
        const Severity severity = std::get<0>(group);
        const char* what = severity == Severity::Error     ? "errors"
                           : severity == Severity::Warning ? "warnings"
                                                           : "notes";
        std::fprintf(
            out, "%s\n",
            fmt::format("sitmap: ... and {} more {} like these [{}]", n, what, core::code_name(std::get<1>(group)))
                .c_str());
    }
    return problems;
}

}  // namespace sitmap::app
