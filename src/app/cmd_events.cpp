#include "app/cmd_events.hpp"

#include "app/data_paths.hpp"
#include "app/diagnostics_print.hpp"
#include "app/events_source.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/event_list_query.hpp"
#include "core/parse.hpp"
#include "io/events_io.hpp"

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace sitmap::app {

namespace {

namespace fs = std::filesystem;

struct EventsOptions {
    std::vector<std::string> inputs;
    std::string output;
    std::string from, to;
    std::vector<std::string> types;
    std::string min_confidence = "0";
    std::string format;  ///< csv | geojson, for -o - (standard output)
    std::string data_dir;
    bool quiet = false;
    bool csv_bom = false;
    std::string fields;  ///< --fields: sitmap column=file column, ...
};

/// The query the options describe; throws UsageError naming the argument at fault.
core::ListQuery query_from(const EventsOptions& o) {
    core::ListQuery q;
    if (!o.from.empty()) q.from = core::parse_date_arg(o.from, "--from");
    if (!o.to.empty()) q.to = core::parse_date_arg(o.to, "--to");
    if (q.from && q.to && core::day_number(*q.to) < core::day_number(*q.from))
        throw usage_error("--to '{}' is before --from '{}'", o.to, o.from);
    for (const auto& t : o.types) q.filter.types.merge(core::parse_event_types_arg(t, "--type"));
    q.filter.min_confidence = core::parse_confidence_arg(o.min_confidence, "--min-confidence");
    return q;
}

/// Writes to standard output through a temporary file (the writers write files atomically).
void write_to_stdout(const std::vector<core::Event>& events, const std::string& format, bool csv_bom) {
    if (format != "csv" && format != "geojson")
        throw usage_error("invalid --format '{}' (expected csv or geojson; needed with -o -)", format);
    const fs::path tmp = fs::temp_directory_path() / ("sitmap-events-" + std::to_string(::getpid()) + "." + format);
    io::write_events(tmp, events, {.csv_bom = csv_bom});
    std::ifstream in(tmp, std::ios::binary);
    std::cout << in.rdbuf();
    std::cout.flush();
    std::error_code ec;
    fs::remove(tmp, ec);
}

int run_events(const EventsOptions& o) {
    // Arguments first: a typo costs nothing.
    const core::ListQuery query = query_from(o);
    const bool to_stdout = o.output == "-";
    if (!to_stdout) {
        io::events_format_for(o.output);  // a bad extension names the path
        if (!o.format.empty()) {
            const auto f = io::events_format_for(o.output);
            const bool same = (o.format == "csv" && f == io::EventsFormat::Csv) ||
                              (o.format == "geojson" && f == io::EventsFormat::GeoJson);
            if (!same) throw usage_error("--format '{}' does not match the extension of -o '{}'", o.format, o.output);
        }
    }
    const io::EventFieldMap fields = io::parse_event_field_map(o.fields);
    const DataPaths paths = find_data_paths(o.data_dir);
    core::Diagnostics diags;
    const std::vector<core::Event> all =
        load_events(o.inputs, paths, diags, /*inputs_required=*/!o.inputs.empty(), fields);
    print_diagnostics(diags, {.quiet = o.quiet});
    std::vector<core::Event> listed;
    for (std::size_t i : core::list_events(all, query)) listed.push_back(all[i]);
    if (to_stdout)
        write_to_stdout(listed, o.format.empty() ? "csv" : o.format, o.csv_bom);
    else
        io::write_events(o.output, listed, {.csv_bom = o.csv_bom});
    if (!o.quiet)
        std::fprintf(stderr, "%zu of %zu events written to %s\n", listed.size(), all.size(),
                     to_stdout ? "standard output" : o.output.c_str());
    return 0;
}

}  // namespace

CLI::App* add_events_command(CLI::App& parent, int& exit_code) {
    auto opts = std::make_shared<EventsOptions>();
    CLI::App* cmd = parent.add_subcommand(
        "events",
        "Write the events list, filtered as the window's Events panel filters it, with quotes and sources "
        "(CSV, GeoJSON or GeoPackage).");
    cmd->add_option("inputs", opts->inputs,
                    "Events files (.gpkg, .geojson, .csv, ...) or documents / directories of documents "
                    "(default: assets/documents)");
    cmd->add_option("-o,--output", opts->output,
                    "Output file: .csv, .geojson or .gpkg (written atomically); - for standard output")
        ->required();
    cmd->add_option("--from", opts->from, "First day (YYYY-MM-DD): events dated on or after it");
    cmd->add_option("--to", opts->to, "Last day (YYYY-MM-DD): events dated on or before it");
    cmd->add_option("--type", opts->types,
                    "Event type (strike, capture, clash, ceasefire, agreement, statement, casualty, deployment, "
                    "negotiation, blockade, humanitarian, other); repeat or join with commas");
    cmd->add_option("--min-confidence", opts->min_confidence, "Leave out events below this confidence (0..1)");
    cmd->add_option("--format", opts->format, "csv | geojson: the format for -o - (otherwise the extension's)");
    cmd->add_option("--data", opts->data_dir, "Directory holding geodata/ and assets/ (default: found automatically)");
    cmd->add_flag("--csv-bom", opts->csv_bom, "Start a CSV file with a UTF-8 byte-order mark (for Excel)");
    cmd->add_option("--fields", opts->fields, fields_option_help());
    cmd->add_flag("-q,--quiet", opts->quiet, "Print only errors: no warnings, no summary line");
    cmd->callback([opts, &exit_code] { exit_code = run_events(*opts); });
    return cmd;
}

}  // namespace sitmap::app
