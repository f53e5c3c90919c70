#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

// The real GLFW window under Xvfb: opens, draws the map and the UI, pans/zooms through the test
// script, and saves what it shows. Where xvfb-run is absent the case WARNs instead of running;
// CI installs it (scripts/install-deps.sh), so there it always runs.
TEST_CASE("the window opens under Xvfb, draws the map and saves a screenshot", "[cli][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        WARN("xvfb-run not installed: window test not run");
        return;
    }
    const fs::path shot = fs::temp_directory_path() / "sitmap_window_test.png";
    fs::remove(shot);
    const auto r = run_sitmap("--frames 6 --script zoom:1.5 pan:40,-20 home layers:off --screenshot '" +
                                  shot.string() + "'",
                              "xvfb-run -a -s '-screen 0 1280x800x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    REQUIRE(fs::exists(shot));
    CHECK(fs::file_size(shot) > 100'000);  // a full map, not a blank frame
    CHECK_THAT(r.err, Catch::Contains("screenshot written"));
}

TEST_CASE("an invalid test script step is rejected with the step quoted", "[cli][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) return;
    const auto r = run_sitmap("--frames 2 --script teleport", "xvfb-run -a -s '-screen 0 640x480x24'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("'teleport'"));
}

TEST_CASE("a correction made before a crash is recovered at the next start", "[cli][window][recovery]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        WARN("xvfb-run not installed: recovery test not run");
        return;
    }
    const fs::path dir = fs::temp_directory_path() / "sitmap_recovery_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string edits = (dir / "edits.gpkg").string();
    const std::string xvfb = "xvfb-run -a -s '-screen 0 800x600x24'";
    // Select an event, delete it, then die without saving or running any destructor.
    const auto crashed = run_sitmap("--width 800 --height 600 --edits '" + edits +
                                        "' --frames 8 --script wait select:0 delete wait crash",
                                    xvfb);
    INFO(crashed.err);
    CHECK(crashed.exit_code == 70);
    CHECK_FALSE(fs::exists(edits));                    // never saved...
    REQUIRE(fs::exists(edits + ".journal"));           // ...but journalled
    CHECK(fs::file_size(edits + ".journal") > 10);
    const auto restarted = run_sitmap("--width 800 --height 600 --edits '" + edits + "' --frames 2", xvfb);
    INFO(restarted.err);
    CHECK(restarted.exit_code == 0);
    CHECK_THAT(restarted.err, Catch::Contains("Recovered 1 unsaved correction"));
    fs::remove_all(dir);
}
