#include "app/cmd_extract.hpp"

#include "app/data_paths.hpp"
#include "app/diagnostics_print.hpp"
#include "app/events_source.hpp"
#include "app/progress_bar.hpp"
#include "core/base_map.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/events_io.hpp"
#include "io/pg_store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <memory>

namespace sitmap::app {

namespace {

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string output;
    std::string data_dir;
    std::string min_confidence = "0";  ///< events below this confidence are not written
    unsigned jobs = 0;                 ///< worker threads; 0: one per hardware thread
    bool strict = false;
    bool quiet = false;
    bool verbose = false;
    bool csv_bom = false;
    bool progress = false;  ///< a progress bar even when stderr is not a terminal
};

// Where the events go: an events file (written beside, then renamed) or the PostgreSQL store (one
// transaction, committed at the end). Either way nothing changes unless finish() is reached.
class EventsOutput {
public:
    EventsOutput(const std::string& target, bool csv_bom) {
        if (io::is_pg_source(target)) {
            pg_ = std::make_unique<io::PgEventStore>(target);
            pg_->begin_writes();
        } else {
            file_ = std::make_unique<io::EventsWriter>(target, io::WriteEventsOptions{.csv_bom = csv_bom});
        }
    }
    void add(const core::Event& e) {
        ++count_;
        if (pg_)
            pg_->add(e);
        else
            file_->add(e);
    }
    void finish() {
        if (pg_)
            pg_->commit_writes();
        else
            file_->finish();
    }
    std::size_t count() const { return count_; }
    /// What to call the target in messages (a connection string without its password).
    std::string name(const std::string& target) const {
        return pg_ ? fmt::format("PostgreSQL ({})", pg_->name()) : target;
    }

private:
    std::unique_ptr<io::EventsWriter> file_;
    std::unique_ptr<io::PgEventStore> pg_;
    std::size_t count_ = 0;
};

int run_extract(const ExtractOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    // A bad extension is a usage error, before any work.
    if (!io::is_pg_source(o.output)) io::events_format_for(o.output);
    const double min_confidence = core::parse_confidence_arg(o.min_confidence);
    const DataPaths paths = find_data_paths(o.data_dir);
    std::vector<std::string> inputs = o.inputs;
    if (inputs.empty()) inputs.push_back(paths.documents().string());

    core::Diagnostics diags;
    // Events go to the output as each document is done (in the documents' order), so memory does
    // not grow with the corpus; the file replaces any old one only when everything is written.
    EventsOutput out(o.output, o.csv_bom);
    std::vector<core::Event> far;  // placed far outside the region: flagged at the end (rare)
    std::size_t below = 0;         // events under --min-confidence, counted but not kept
    const bool tty = isatty(fileno(stderr)) != 0;
    ProgressBar bar(stderr, !o.quiet && (tty || o.progress), tty);
    auto progress = [&](const DocumentsProgress& p) {
        bar.update({.done = p.done,
                    .total = p.total,
                    .bytes_done = p.bytes_done,
                    .bytes_total = p.bytes_total,
                    .events = out.count()});
    };
    const ExtractStats stats = extract_documents(
        inputs, paths, diags,
        [&](core::Event&& e) {
            if (e.confidence < min_confidence) {
                ++below;
                return;
            }
            if (e.has_position && core::far_outside_region(e.position)) far.push_back(e);
            out.add(e);
        },
        progress, o.jobs);
    bar.finish();

    core::flag_events_outside_region(far, diags);
    const std::size_t problems = print_diagnostics(diags, {.quiet = o.quiet, .verbose = o.verbose});
    if (stats.documents_read == 0) {
        std::fprintf(stderr, "sitmap extract: no document could be read from %s (%zu listed); nothing written\n",
                     fmt::format("'{}'", fmt::join(inputs, "', '")).c_str(), stats.documents_listed);
        return 1;
    }
    out.finish();
    if (!o.quiet) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const std::string dropped =
            below > 0 ? fmt::format(" ({} below --min-confidence {:g} not written)", below, min_confidence) : "";
        std::fprintf(stderr, "%zu events from %zu documents%s, %zu problems; wrote %s (%.2f s)\n", out.count(),
                     stats.documents_read, dropped.c_str(), problems, out.name(o.output).c_str(), s);
    }
    return o.strict && problems > 0 ? 1 : 0;
}

}  // namespace

CLI::App* add_extract_command(CLI::App& parent, int& exit_code) {
    auto opts = std::make_shared<ExtractOptions>();
    CLI::App* cmd = parent.add_subcommand(
        "extract",
        "Extract dated, geocoded events from news documents (UTF-8 text; a Key: value header closed by --- "
        "is optional).");
    cmd->add_option("inputs", opts->inputs, "Documents or directories of documents (default: assets/documents)");
    cmd->add_option("-o,--output", opts->output,
                    "Events file: .gpkg, .geojson or .csv (written atomically), or a PostgreSQL/PostGIS store: "
                    "PG:\"dbname=... host=...\" (one transaction; events corrected there are kept)")
        ->required();
    cmd->add_option("--data", opts->data_dir, "Directory holding geodata/ and assets/ (default: found automatically)");
    cmd->add_option("--min-confidence", opts->min_confidence,
                    "Write only events whose confidence is at least this (0..1); the summary counts the rest")
        ->capture_default_str();
    cmd->add_option("-j,--jobs", opts->jobs,
                    "Documents extracted at once, on as many threads (default 0: one per processor); the output "
                    "is the same whatever the number")
        ->capture_default_str();
    cmd->add_flag("--csv-bom", opts->csv_bom,
                  "Start a .csv output with a UTF-8 byte-order mark, so spreadsheets such as Excel read it as "
                  "UTF-8");
    cmd->add_flag("--progress", opts->progress,
                  "Show the progress bar (files, MB/s, time left) even when stderr is not a terminal; -q hides it");
    cmd->add_flag("--strict", opts->strict, "Exit with status 1 when any document had a problem");
    cmd->add_flag("-q,--quiet", opts->quiet, "Print only errors: no warnings, progress or summary");
    cmd->add_flag("-v,--verbose", opts->verbose, "Also print informational diagnostics (events without a place, ...)");
    cmd->callback([opts, &exit_code] { exit_code = run_extract(*opts); });
    return cmd;
}

}  // namespace sitmap::app
