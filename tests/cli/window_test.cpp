#include "run_command.hpp"
#include "xvfb.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>

#include <unistd.h>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

// The real GLFW window under Xvfb: opens, draws the map and the UI, pans/zooms through the test
// script, and saves what it shows. Where xvfb-run is absent the case WARNs instead of running, and
// fails where SITMAP_REQUIRE_GL is set (CI installs it with scripts/install-deps.sh).
namespace {

// True when xvfb-run is there. Without it a window test cannot run: a warning on a developer's
// machine, a failure where SITMAP_REQUIRE_GL is set (CI), so a missing display never passes there.
using sitmap::test::have_xvfb;

}  // namespace

TEST_CASE("the window opens under Xvfb, draws the map and saves a screenshot", "[cli][window]") {
    if (!have_xvfb("window test")) return;
    const fs::path shot = fs::temp_directory_path() / ("sitmap_window_test_" + std::to_string(::getpid()) + ".png");
    fs::remove(shot);
    const auto r =
        run_sitmap("--frames 6 --script zoom:1.5 pan:40,-20 home layers:off --screenshot '" + shot.string() + "'",
                   "xvfb-run -a -s '-screen 0 1280x800x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    REQUIRE(fs::exists(shot));
    CHECK(fs::file_size(shot) > 100'000);  // a full map, not a blank frame
    CHECK_THAT(r.err, Catch::Contains("screenshot written"));
}

TEST_CASE("an invalid test script step is rejected with the step quoted, before any window opens", "[cli][window]") {
    // No display at all: the script is checked before GLFW starts (under xvfb-run this case was
    // flaky, exit 5 about one run in six).
    const auto r = run_sitmap("--frames 2 --script teleport", "env -u DISPLAY -u WAYLAND_DISPLAY");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("'teleport'"));
}

TEST_CASE("a correction made before a crash is recovered at the next start", "[cli][window][recovery]") {
    if (!have_xvfb("recovery test")) return;
    const fs::path dir = fs::temp_directory_path() / ("sitmap_recovery_test_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string edits = (dir / "edits.gpkg").string();
    const std::string xvfb = "xvfb-run -a -s '-screen 0 800x600x24'";
    // Select an event, delete it, then die without saving or running any destructor.
    const auto crashed = run_sitmap(
        "--width 800 --height 600 --edits '" + edits + "' --frames 8 --script wait select:0 delete wait crash", xvfb);
    INFO(crashed.err);
    CHECK(crashed.exit_code == 70);
    CHECK_FALSE(fs::exists(edits));           // never saved...
    REQUIRE(fs::exists(edits + ".journal"));  // ...but journalled
    CHECK(fs::file_size(edits + ".journal") > 10);
    const auto restarted = run_sitmap("--width 800 --height 600 --edits '" + edits + "' --frames 2", xvfb);
    INFO(restarted.err);
    CHECK(restarted.exit_code == 0);
    CHECK_THAT(restarted.err, Catch::Contains("Recovered 1 unsaved correction"));
    fs::remove_all(dir);
}

TEST_CASE("review in the window: decisions journalled, recovered after a crash, saved, then used by render",
          "[cli][window][review]") {
    if (!have_xvfb("review window test")) return;
    const fs::path dir = fs::temp_directory_path() / ("sitmap_review_window_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string edits = "'";
    edits += (dir / "edits.gpkg").string();
    edits += "'";
    std::string events = "'";
    events += (fs::path(SITMAP_TESTDATA_DIR) / "review" / "events.geojson").string();
    events += "'";
    const std::string xvfb = "SITMAP_USER=e2e xvfb-run -a -s '-screen 0 1024x700x24'";
    const std::string open = events + " --width 1024 --height 700 --edits " + edits;
    // Lowest confidence first: 004 (0.20) accepted, 001 (0.35) rejected, 003 (0.55) moved to
    // Stepanakert through the gazetteer search and accepted; then the process dies unsaved.
    const auto crashed =
        run_sitmap(open + " --frames 12 --script wait review accept reject place:Stepanakert accept wait crash", xvfb);
    INFO(crashed.err);
    CHECK(crashed.exit_code == 70);
    CHECK_FALSE(fs::exists(dir / "edits.gpkg"));
    REQUIRE(fs::exists(dir / "edits.gpkg.journal"));

    // The next start recovers the four decisions; review resumes and Ctrl+S (save) writes them.
    const fs::path shot = dir / "review.png";
    const auto restarted =
        run_sitmap(open + " --frames 6 --script wait review save wait --screenshot " + shot.string(), xvfb);
    INFO(restarted.err);
    CHECK(restarted.exit_code == 0);
    CHECK_THAT(restarted.err, Catch::Contains("Recovered 4 unsaved correction"));
    REQUIRE(fs::exists(dir / "edits.gpkg"));
    CHECK(fs::file_size(dir / "edits.gpkg.journal") == 0);  // saved: nothing left to recover
    CHECK(fs::file_size(shot) > 100'000);
    // The place fixed through the search: one relocate edit to the gazetteer's Khankendi, by e2e.
    std::string query = "ogrinfo -q -where \"kind='relocate'\" ";
    query += edits + " edits";
    std::string listing;
    if (FILE* p = ::popen(query.c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) listing.append(buf, n);
        ::pclose(p);
    }
    CHECK_THAT(listing, Catch::Contains("place (String) = Khankendi") &&
                            Catch::Contains("key (String) = review.txt#003") &&
                            Catch::Contains("author (String) = e2e"));

    // render --reviewed-only draws the two accepted events; the rejected one never.
    std::string render = "render --view karabakh --size 400x300 --date 2020-10-10 --reviewed-only --events ";
    render += events + " --edits " + edits + " -o ";
    render += (dir / "map.png").string();
    const auto rendered = run_sitmap(render);
    INFO(rendered.err);
    CHECK(rendered.exit_code == 0);
    CHECK_THAT(rendered.err, Catch::Contains("2 event(s) drawn (accepted in review only)"));
    CHECK_THAT(rendered.err, Catch::Contains("2 accepted, 1 rejected (never drawn), 1 unreviewed"));
    fs::remove_all(dir);
}

TEST_CASE("a malformed date typed into 'Go to date' keeps the window and its date", "[cli][window]") {
    // Before the fix, the field's style colour was pushed under one flag and popped under another:
    // the first bad date aborted the app on ImGui's style-stack assertion.
    if (!have_xvfb("go-to-date test")) return;
    const fs::path shot = fs::temp_directory_path() / ("sitmap_goto_" + std::to_string(::getpid()) + ".png");
    fs::remove(shot);
    const auto r = run_sitmap(
        "--frames 8 --script goto:2020-13-45 wait goto:hello wait goto:2020-11-10 wait "
        "--screenshot '" +
            shot.string() + "'",
        "xvfb-run -a -s '-screen 0 1024x700x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(shot));
    fs::remove(shot);
}

namespace {

/// Width and height from a PNG's IHDR chunk (0 x 0 when `path` is not a PNG).
std::pair<int, int> png_size(const fs::path& path) {
    std::FILE* f = std::fopen(path.string().c_str(), "rb");
    if (!f) return {0, 0};
    unsigned char h[24] = {};
    const std::size_t n = std::fread(h, 1, sizeof h, f);
    std::fclose(f);
    if (n < 24 || h[1] != 'P' || h[2] != 'N' || h[3] != 'G') return {0, 0};
    auto be32 = [&](int at) { return (h[at] << 24) | (h[at + 1] << 16) | (h[at + 2] << 8) | h[at + 3]; };
    return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("F12 saves the map the panels leave visible, not the band under them", "[cli][window][screenshot]") {
    if (!have_xvfb("F12 screenshot test")) return;
    const fs::path dir = fs::temp_directory_path() / ("sitmap_f12_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    // The screenshot is written to the working directory, named by the time.
    const auto r = run_sitmap("--width 800 --height 600 --frames 6 --script wait wait screenshot wait",
                              "cd '" + dir.string() + "' && xvfb-run -a -s '-screen 0 800x600x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    fs::path shot;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".png") shot = entry.path();
    REQUIRE_FALSE(shot.empty());
    const auto [w, h] = png_size(shot);
    CHECK(w == 800);
    // The menu bar and the bottom panels (status, date slider, events timeline) take rows the map
    // does not show there; the image keeps only the rows between them.
    CHECK(h > 300);
    CHECK(h < 560);
    fs::remove_all(dir);
}

namespace {

std::string ogr_listing(const std::string& args) {
    std::string listing;
    if (FILE* p = ::popen(("ogrinfo -q " + args).c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) listing.append(buf, n);
        ::pclose(p);
    }
    return listing;
}

}  // namespace

TEST_CASE(
    "F11: a journal that cannot be opened is reported at start; corrections stay in memory and Save as keeps them",
    "[cli][window][recovery][bad-input]") {
    if (!have_xvfb("journal warning test")) return;
    const fs::path dir = fs::temp_directory_path() / ("sitmap_journal_ro_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    // The journal's name is taken by a directory: it cannot be opened, not even by root (CI's
    // container), for whom a read-only directory would still be writable.
    fs::create_directories(dir / "edits.gpkg.journal");
    const fs::path elsewhere = dir / "elsewhere.gpkg";
    const auto r =
        run_sitmap("--width 800 --height 600 --edits '" + (dir / "edits.gpkg").string() +
                       "' --frames 10 --script wait select:0 delete wait save-as:" + elsewhere.string() + " wait",
                   "xvfb-run -a -s '-screen 0 800x600x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);  // once: exit 1 at the first correction, "cannot open the recovery journal"
    CHECK_THAT(r.err, Catch::Contains("corrections are not journalled") && Catch::Contains("edits.gpkg.journal"));
    REQUIRE(fs::exists(elsewhere));
    CHECK_THAT(ogr_listing("'" + elsewhere.string() + "' edits"), Catch::Contains("kind (String) = delete"));
    REQUIRE(fs::exists(elsewhere.string() + ".journal"));  // journalling resumes beside the new file
    CHECK(fs::file_size(elsewhere.string() + ".journal") == 0);
    fs::remove_all(dir);
}

TEST_CASE("F11: a journal that fills the disk mid-session ends journalling with a warning, not the window",
          "[cli][window][recovery][bad-input]") {
    if (!have_xvfb("full-disk journal test")) return;
    const fs::path dir = fs::temp_directory_path() / ("sitmap_journal_full_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string edits = (dir / "edits.gpkg").string();
    // Files may not grow past 1 KiB (bash's ulimit -f counts KiB): a full disk for the journal,
    // whose records are ~250 bytes. SIGXFSZ is ignored, so write(2) fails with EFBIG instead.
    std::string steps;
    for (int i = 0; i < 8; ++i) steps += " select:" + std::to_string(i) + " delete";
    const auto r =
        run_sitmap("--width 800 --height 600 --edits '" + edits + "' --frames 24 --script wait" + steps + " wait",
                   "MESA_SHADER_CACHE_DISABLE=true xvfb-run -a -s '-screen 0 800x600x24' bash -c 'trap "
                   "\"\" XFSZ; ulimit -f 1; exec \"$@\"' _");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("corrections are not journalled") && Catch::Contains("File too large"));
    CHECK(fs::file_size(edits + ".journal") <= 1024);
    fs::remove_all(dir);
}
