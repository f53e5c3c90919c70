// `sitmap render` writing video (issue 13): --from/--to/--step/--fps into an MP4 (H.264) or a GIF,
// and --briefing into an MP4 with every slide held and the transitions between them. The files are
// decoded with FFmpeg's libraries (io::read_video): frame count, size, rate, and one frame's pixels
// against the same frame rendered directly as a PNG (within what YUV 4:2:0 and H.264 lose). Bad
// arguments exit 2 naming the argument and leave no file.
#include "io/image.hpp"
#include "io/video.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <string>

using namespace sitmap;
using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

/// `p` in single quotes for the shell (built with append: GCC 12 warns falsely on "'" + string).
std::string quoted(const fs::path& p) {
    std::string s(1, '\'');
    s.append(p.string());
    s.push_back('\'');
    return s;
}

/// The arguments joined by spaces.
template <typename... Parts>
std::string cmd(const Parts&... parts) {
    std::string s;
    ((s.append(parts), s.push_back(' ')), ...);
    return s;
}

/// Mean absolute difference per RGB channel over `expected`'s size (the video may be padded).
double mean_abs_error(const io::RgbaImage& video_frame, const io::RgbaImage& expected) {
    double sum = 0;
    for (int y = 0; y < expected.height; ++y)
        for (int x = 0; x < expected.width; ++x)
            for (int c = 0; c < 3; ++c) sum += std::abs(int(video_frame.at(x, y)[c]) - int(expected.at(x, y)[c]));
    return sum / (3.0 * expected.width * expected.height);
}

const fs::path kBriefing = fs::path(SITMAP_SOURCE_DIR) / "assets" / "briefings" / "karabakh_2020_2023.json";

}  // namespace

TEST_CASE("render --from --to --step --fps -o war.mp4 writes the frames as H.264", "[cli][video]") {
    const fs::path dir = fresh_dir("sitmap_cli_video");
    // An odd height: padded by a row for yuv420p (and said so).
    const auto r =
        run_sitmap(cmd("render --view karabakh --size 320x201 --from 2020-10-18 --to 2020-10-24 --step 2d --fps 10 -o",
                       quoted(dir / "war.mp4")));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("320x201 frames encoded as 320x202") && Catch::Contains("4 frames"));
    CHECK_FALSE(fs::exists(dir / "war.mp4.part"));
    const io::DecodedVideo v = io::read_video(dir / "war.mp4");
    CHECK(v.width == 320);
    CHECK(v.height == 202);
    CHECK(v.fps == Approx(10));
    REQUIRE(v.frames.size() == 4);  // 18, 20, 22, 24 October

    // Frame 2 (22 October) against the same day rendered as a PNG frame: the same composed frame.
    const auto png = run_sitmap(
        cmd("render -q --view karabakh --size 320x201 --from 2020-10-22 --to 2020-10-22 -o", quoted(dir / "frames")));
    INFO(png.err);
    REQUIRE(png.exit_code == 0);
    const io::RgbaImage direct = io::read_png(dir / "frames" / "frame-00000.png");
    const double same = mean_abs_error(v.frames[2], direct);
    const double other = mean_abs_error(v.frames[0], direct);
    INFO("mean abs error, same day " << same << ", 18 October " << other);
    CHECK(same < 3.0);
    CHECK(other > same);  // the frames are in date order, not all one picture
    fs::remove_all(dir);
}

TEST_CASE("render -o war.gif writes an animated GIF of the same frames", "[cli][video]") {
    const fs::path dir = fresh_dir("sitmap_cli_gif");
    const auto r = run_sitmap(
        cmd("render -q --view karabakh --size 241x160 --from 2020-10-20 --to 2020-10-22 --step 1d --fps 5 -o",
            quoted(dir / "war.gif")));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const io::DecodedVideo v = io::read_video(dir / "war.gif");
    CHECK(v.width == 241);  // a GIF keeps odd sides
    CHECK(v.height == 160);
    REQUIRE(v.frames.size() == 3);
    CHECK(v.seconds[2] == Approx(0.4).margin(0.011));  // 5 frames per second
    const auto png = run_sitmap(
        cmd("render -q --view karabakh --size 241x160 --from 2020-10-21 --to 2020-10-21 -o", quoted(dir / "frames")));
    REQUIRE(png.exit_code == 0);
    const double e = mean_abs_error(v.frames[1], io::read_png(dir / "frames" / "frame-00000.png"));
    INFO("mean abs error " << e);
    CHECK(e < 4.0);  // 256 colours per frame
    fs::remove_all(dir);
}

TEST_CASE("render --briefing -o talk.mp4 holds every slide and moves between them", "[cli][video][briefing]") {
    const fs::path dir = fresh_dir("sitmap_cli_talk");
    const auto r = run_sitmap(cmd("render -q --briefing", quoted(kBriefing), "--size 320x200 --fps 5 --hold 0.4 -o",
                                  quoted(dir / "talk.mp4")));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const io::DecodedVideo v = io::read_video(dir / "talk.mp4");
    CHECK(v.width == 320);
    CHECK(v.height == 200);
    // 14 slides held 2 frames each (0.4 s at 5 fps), 13 transitions of 1.2 s = 6 steps (5 frames between).
    CHECK(v.frames.size() == 14 * 2 + 13 * 5);
    REQUIRE(v.frames.size() > 8);
    // The first and third slides, held, against `render --briefing` into PNGs (captions included).
    const auto png =
        run_sitmap(cmd("render -q --briefing", quoted(kBriefing), "--size 320x200 -o", quoted(dir / "slides")));
    REQUIRE(png.exit_code == 0);
    const auto slide1 = io::read_png(dir / "slides" / "slide-01.png");
    const auto slide2 = io::read_png(dir / "slides" / "slide-02.png");
    const double first = mean_abs_error(v.frames[1], slide1);
    const double second = mean_abs_error(v.frames[2 + 5 + 1], slide2);
    const double moving = mean_abs_error(v.frames[2 + 2], slide2);  // in the middle of the first transition
    INFO("slide 1: " << first << ", slide 2: " << second << ", halfway to slide 2: " << moving);
    CHECK(first < 3.0);
    CHECK(second < 3.0);
    CHECK(moving > second);
    fs::remove_all(dir);
}

TEST_CASE("bad video arguments exit 2 naming the argument and write nothing", "[cli][video][errors]") {
    const fs::path dir = fresh_dir("sitmap_cli_video_bad");
    const std::string out = quoted(dir / "war.mp4");
    const auto step = run_sitmap(cmd("render --from 2020-10-01 --to 2020-10-05 --step 0 -o", out));
    CHECK(step.exit_code == 2);
    CHECK_THAT(step.err, Catch::Contains("--step") && Catch::Contains("'0'"));
    const auto order = run_sitmap(cmd("render --from 2020-10-05 --to 2020-10-01 -o", out));
    CHECK(order.exit_code == 2);
    CHECK_THAT(order.err, Catch::Contains("--to") && Catch::Contains("before --from"));
    const auto ext = run_sitmap(cmd("render --from 2020-10-01 --to 2020-10-05 -o", quoted(dir / "war.avi")));
    CHECK(ext.exit_code == 2);
    CHECK_THAT(ext.err, Catch::Contains("-o") && Catch::Contains("war.avi") && Catch::Contains(".mp4 or .gif"));
    const auto fps = run_sitmap(cmd("render --from 2020-10-01 --to 2020-10-05 --fps 0 -o", out));
    CHECK(fps.exit_code == 2);
    CHECK_THAT(fps.err, Catch::Contains("--fps 0"));
    const auto hold = run_sitmap(cmd("render --briefing", quoted(kBriefing), "--hold 0 -o", out));
    CHECK(hold.exit_code == 2);
    CHECK_THAT(hold.err, Catch::Contains("--hold"));
    const auto briefing_ext = run_sitmap(cmd("render --briefing", quoted(kBriefing), "-o", quoted(dir / "talk.mkv")));
    CHECK(briefing_ext.exit_code == 2);
    CHECK_THAT(briefing_ext.err, Catch::Contains("talk.mkv"));
    CHECK(fs::is_empty(dir));  // no video, no partial file, no directory named war.avi
    fs::remove_all(dir);
}
