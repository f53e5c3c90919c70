// Issue 13, video: the export dialog's video in the real window under Xvfb (the "video:" script
// step starts it as the Export video button does, at the window's size) decodes to the frames the
// window composes: count and size, and the last frame's pixels against `sitmap render` of the same
// day (the export parity test's reference), within what H.264 loses.
#include "../cli/run_command.hpp"
#include "io/image.hpp"
#include "io/video.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

namespace fs = std::filesystem;
using namespace sitmap;

TEST_CASE("the export dialog writes a video of the window's frames", "[gl][video][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        if (std::getenv("SITMAP_REQUIRE_GL")) FAIL("xvfb-run not installed: the window video test cannot run");
        WARN("xvfb-run not installed: window video test not run");
        return;
    }
    const fs::path dir = fs::temp_directory_path() / fmt::format("sitmap_window_video_{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir / "frames");
    const fs::path video = dir / "war.mp4";
    // 18, 20, 22 October 2020: one video frame per UI frame, then the window quits.
    const auto window = test::run_sitmap(fmt::format("--view karabakh --edits '{}' --frames 12 --script "
                                                     "video:2020-10-18,2020-10-22,2d,'{}' wait wait wait wait wait",
                                                     (dir / "edits.gpkg").string(), video.string()),
                                         "xvfb-run -a -s '-screen 0 1280x800x24'");
    INFO(window.err);
    REQUIRE(window.exit_code == 0);
    REQUIRE(fs::exists(video));
    CHECK_FALSE(fs::exists(dir / "war.mp4.part"));
    const io::DecodedVideo v = io::read_video(video);
    CHECK(v.width == 1280);
    CHECK(v.height == 800);
    REQUIRE(v.frames.size() == 3);

    const auto rendered = test::run_sitmap(
        fmt::format("render -q --view karabakh --size 1280x800 --from 2020-10-22 --to 2020-10-22 -o '{}'",
                    (dir / "frames").string()));
    INFO(rendered.err);
    REQUIRE(rendered.exit_code == 0);
    const io::RgbaImage direct = io::read_png(dir / "frames" / "frame-00000.png");
    double same = 0, first = 0;
    for (int y = 0; y < direct.height; ++y)
        for (int x = 0; x < direct.width; ++x)
            for (int c = 0; c < 3; ++c) {
                same += std::abs(int(v.frames[2].at(x, y)[c]) - int(direct.at(x, y)[c]));
                first += std::abs(int(v.frames[0].at(x, y)[c]) - int(direct.at(x, y)[c]));
            }
    same /= 3.0 * direct.width * direct.height;
    first /= 3.0 * direct.width * direct.height;
    INFO("22 October against render: " << same << "; 18 October against it: " << first);
    CHECK(same < 3.0);
    CHECK(first > same);
    if (same < 3.0) fs::remove_all(dir);
}
