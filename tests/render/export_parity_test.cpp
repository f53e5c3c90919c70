// Issue 10, §1: the export dialog and animation frames draw the composed frame the window shows.
// The real window under Xvfb (1280 x 800, the Karabakh view it opens on) exports its view at its
// own size through the export dialog's path (presentation.cpp: the window's frame request with the
// dialog's furniture); `sitmap render --from/--to` draws the same day as an animation frame. Both
// compose the frame with compose::compose_frame over the same camera, so their pixels agree within
// the golden-image tolerance; a frame composed apart (another default date, time window, filter or
// event set) would not.
#include "../cli/run_command.hpp"
#include "image_compare.hpp"
#include "io/image.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace sitmap;

TEST_CASE("the export dialog's image and an animation frame are the frame the window composes",
          "[gl][export][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        if (std::getenv("SITMAP_REQUIRE_GL")) FAIL("xvfb-run not installed: the export parity test cannot run");
        WARN("xvfb-run not installed: export parity test not run");
        return;
    }
    const fs::path dir = fs::temp_directory_path() / fmt::format("sitmap_export_parity_{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir / "frames");
    const std::string edits = (dir / "edits.gpkg").string();  // no corrections
    // A war day with events in the view (the shipped documents, extracted by both).
    const std::string day = "2020-10-20";
    const auto window = test::run_sitmap("--view karabakh --edits '" + edits + "' --frames 8 --script goto:" + day +
                                             " wait wait export-to:'" + (dir / "export.png").string() + "' wait wait",
                                         "xvfb-run -a -s '-screen 0 1280x800x24'");
    INFO(window.err);
    REQUIRE(window.exit_code == 0);
    REQUIRE(fs::exists(dir / "export.png"));
    const auto rendered = test::run_sitmap("render -q --view karabakh --size 1280x800 --from " + day + " --to " + day +
                                           " --step 1d -o '" + (dir / "frames").string() + "'");
    INFO(rendered.err);
    REQUIRE(rendered.exit_code == 0);

    const auto exported = io::read_png(dir / "export.png");
    const auto frame = io::read_png(dir / "frames" / "frame-00000.png");
    REQUIRE(exported.width == frame.width);
    REQUIRE(exported.height == frame.height);
    const auto d = test::compare_images(exported, frame);
    INFO("mean delta " << d.mean << ", max " << d.max << ", pixels over 48: " << d.over);
    if (!d.within_tolerance()) io::write_png(dir / "diff.png", d.diff);
    CHECK(d.within_tolerance());
    // Not a blank pair: the map has land, water and the day's event symbols.
    CHECK(d.pixels == 1280u * 800u);
    if (d.within_tolerance())
        fs::remove_all(dir);
    else
        WARN("export.png, frames/frame-00000.png and diff.png kept in " << dir.string());
}
