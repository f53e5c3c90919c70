// Issue 10: every slide of the sample briefing gives the same pixels in the window's presentation
// (F5, the real GLFW window under Xvfb) as in `sitmap render --briefing`, within the golden-image
// tolerance. Both compose the slide with compose::slide_frame; this test is what keeps it so (F5
// once drew events on slides whose events.show is false).
#include "../cli/run_command.hpp"
#include "image_compare.hpp"
#include "io/briefing_io.hpp"
#include "io/image.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

namespace fs = std::filesystem;
using namespace sitmap;

TEST_CASE("every slide of the sample briefing looks the same in F5 and in render --briefing",
          "[gl][briefing][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        if (std::getenv("SITMAP_REQUIRE_GL")) FAIL("xvfb-run not installed: the slide-parity test cannot run");
        WARN("xvfb-run not installed: slide-parity test not run");
        return;
    }
    const fs::path briefing = fs::path(SITMAP_SOURCE_DIR) / "assets" / "briefings" / "karabakh_2020_2023.json";
    const std::size_t slides = io::load_briefing(briefing).slides.size();
    REQUIRE(slides >= 10);
    const fs::path dir = fs::temp_directory_path() / fmt::format("sitmap_slide_parity_{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir / "render");
    const std::string edits = (dir / "edits.gpkg").string();  // no corrections on either side

    // The window: F5, then each slide's map once its transition has ended (mapshot waits for it).
    std::string script = "present";
    for (std::size_t n = 1; n <= slides; ++n)
        script +=
            fmt::format("{} mapshot:'{}'", n == 1 ? "" : " next", (dir / fmt::format("window-{:02d}.png", n)).string());
    script += " quit";
    const auto window = test::run_sitmap("--edits '" + edits + "' --frames 20000 --script " + script,
                                         "xvfb-run -a -s '-screen 0 1280x800x24'");
    INFO(window.err);
    REQUIRE(window.exit_code == 0);

    // The same slides at the window's size (full screen under Xvfb: 1280 x 800).
    const auto rendered = test::run_sitmap("render -q --briefing '" + briefing.string() + "' --size 1280x800 -o '" +
                                           (dir / "render").string() + "'");
    INFO(rendered.err);
    REQUIRE(rendered.exit_code == 0);

    bool all_same = true;
    for (std::size_t n = 1; n <= slides; ++n) {
        const auto a = io::read_png(dir / fmt::format("window-{:02d}.png", n));
        const auto b = io::read_png(dir / "render" / fmt::format("slide-{:02d}.png", n));
        REQUIRE(a.width == b.width);
        REQUIRE(a.height == b.height);
        const auto d = test::compare_images(a, b);
        INFO("slide " << n << ": mean delta " << d.mean << ", max " << d.max << ", pixels over 48: " << d.over);
        if (!d.within_tolerance()) io::write_png(dir / fmt::format("diff-{:02d}.png", n), d.diff);
        all_same = all_same && d.within_tolerance();
        CHECK(d.within_tolerance());
    }
    if (all_same)
        fs::remove_all(dir);
    else
        WARN("window-NN.png, render/slide-NN.png and diff-NN.png kept in " << dir.string());
}
