// sitmap: one executable, thin over the engine. Without a verb it opens the window; verbs are
// render, extract, query, events. Errors are caught here, once: message on stderr, exit code
// 2 for malformed arguments, 1 for everything else.
#include "app/cmd_events.hpp"
#include "app/cmd_extract.hpp"
#include "app/cmd_query.hpp"
#include "app/cmd_render.hpp"
#include "app/events_source.hpp"
#include "app/window.hpp"
#include "core/error.hpp"
#include "io/event_field_map.hpp"
#include "io/pg_store.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    const auto process_start = std::chrono::steady_clock::now();
    using namespace sitmap;
    CLI::App cli{
        "sitmap: a situation map of the South Caucasus.\n"
        "Without a verb, opens the map window on the default dataset."};
    cli.set_version_flag("--version", SITMAP_VERSION);
    cli.require_subcommand(0, 1);
    app::WindowOptions window;
    cli.add_option("inputs", window.inputs, "Documents or geodata to open (default: the shipped dataset)");
    cli.add_option("--data", window.data_dir, "Directory holding geodata/ and assets/ (default: found automatically)");
    cli.add_option("--edits", window.edits,
                   "GeoPackage where corrections to events are saved (default: ~/.local/share/sitmap/edits.gpkg); "
                   "unsaved ones are journalled beside it and recovered after a crash");
    cli.add_option("--view", window.view,
                   "Initial view: region | karabakh | lachin | syunik | nakhchivan, or a view saved in the window")
        ->capture_default_str();
    cli.add_option("--width", window.width, "Initial window width in pixels")->capture_default_str();
    cli.add_option("--height", window.height, "Initial window height in pixels")->capture_default_str();
    cli.add_option("--frames", window.frames, "Quit after this many frames (for tests and benchmarks)");
    cli.add_option("--screenshot", window.screenshot, "After --frames frames, save the window to this PNG");
    cli.add_option("--script", window.script,
                   "Actions applied one per frame, for tests: pan:DX,DY zoom:F home layers:off about select:N delete "
                   "review accept reject review-next place:NAME date:TEXT save crash wait present next slide:N quit, "
                   "export-to:PNG (Export in the export dialog, at the window's size), idle (the next frame waits for "
                   "input as an idle "
                   "window does), and mapshot:PNG (waits until the map has settled, then saves it without panels; see "
                   "--script teleport)");
    cli.add_flag("--print-timing", window.print_timing, "Print start-up and frame times to stderr");
    cli.add_option("--fields", window.fields, app::fields_option_help());
    std::string user;
    cli.add_option("--user", user,
                   "Name recorded with your corrections and review decisions (default: $SITMAP_USER, else $USER)");

    int exit_code = 0;
    const char* exit_codes =
        "\nExit codes: 0 success; 1 runtime failure (unreadable or missing input file, unwritable output, no "
        "OpenGL 3.3); 2 malformed arguments or an unknown verb (the message quotes the value, or names the file "
        "and field).";
    cli.footer(exit_codes);
    for (CLI::App* verb : {app::add_render_command(cli, exit_code), app::add_query_command(cli, exit_code),
                           app::add_extract_command(cli, exit_code), app::add_events_command(cli, exit_code)})
        verb->footer(exit_codes);

    try {
        // "sitmap rendr" must not open the window on a document called "rendr": a first word that
        // is neither a verb nor an existing file, and does not look like a path, is an unknown verb.
        if (argc > 1 && argv[1][0] != '-') {
            const std::string first = argv[1];
            std::error_code ec;
            const bool verb = first == "render" || first == "query" || first == "extract" || first == "events";
            if (!verb && !io::is_pg_source(first) && first.find_first_of("/.") == std::string::npos &&
                !std::filesystem::exists(first, ec))
                throw usage_error("unknown verb '{}' (expected render, extract, query or events; or files to open)",
                                  first);
        }
        cli.parse(argc, argv);
        if (cli.get_subcommands().empty()) {
            if (!window.screenshot.empty() && window.frames == 0) window.frames = 3;
            (void)io::parse_event_field_map(window.fields);  // a bad mapping is exit 2, before any window
            // core::current_user_name() reads it: one place decides who the reviewer is.
            if (!user.empty()) ::setenv("SITMAP_USER", user.c_str(), 1);
            exit_code = app::run_window(window, process_start);
        }
    } catch (const CLI::ParseError& e) {
        return cli.exit(e) == 0 ? 0 : 2;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "sitmap: error: %s\n", e.what());
        return 2;
    } catch (const Error& e) {
        std::fprintf(stderr, "sitmap: error: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sitmap: internal error: %s\n", e.what());
        return 1;
    }
    return exit_code;
}
