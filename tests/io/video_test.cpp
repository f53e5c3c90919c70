// io::VideoWriter and io::read_video (issue 13, video): synthetic frames written as MP4 (H.264)
// and GIF come back from FFmpeg's decoders with their count, size and pixels (within what YUV 4:2:0
// and H.264 lose); an odd side is padded for yuv420p; a writer destroyed before finish() (a
// cancelled export) leaves no partial file and keeps the previous one; bad paths name the file.
#include "io/video.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_video_" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

/// A map-like frame: flat areas (sea, land, a moving front) and a small dark square, all shifted
/// by `k`, so frames differ and a frame out of order is detected.
io::RgbaImage test_frame(int width, int height, int k) {
    io::RgbaImage img{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 4)};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * width + x) * 4;
            const bool sea = x + y < width / 3;
            const bool held = x < width / 4 + 8 * k;
            const bool mark = std::abs(x - (20 + 6 * k)) < 4 && std::abs(y - height / 2) < 4;
            if (mark)
                p[0] = 40, p[1] = 30, p[2] = 30;
            else if (sea)
                p[0] = 170, p[1] = 205, p[2] = 230;
            else if (held)
                p[0] = 225, p[1] = 150, p[2] = 140;
            else
                p[0] = 238, p[1] = 232, p[2] = 215;
            p[3] = 255;
        }
    return img;
}

/// Mean absolute difference per channel (RGB) over the first `width` x `height` pixels of both.
double mean_abs_error(const io::RgbaImage& a, const io::RgbaImage& b, int width, int height) {
    double sum = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) sum += std::abs(int(a.at(x, y)[c]) - int(b.at(x, y)[c]));
    return sum / (3.0 * width * height);
}

}  // namespace

TEST_CASE("an MP4 decodes to the frames written: count, size, rate and pixels", "[io][video]") {
    const fs::path dir = fresh_dir("mp4");
    const fs::path path = dir / "war.mp4";
    {
        io::VideoWriter w(path, 160, 96, 10);
        CHECK(w.format() == io::VideoFormat::Mp4);
        for (int k = 0; k < 12; ++k) w.add_frame(test_frame(160, 96, k));
        CHECK_FALSE(fs::exists(path));  // written under a temporary name until finish()
        w.finish();
    }
    REQUIRE(fs::exists(path));
    CHECK_FALSE(fs::exists(dir / "war.mp4.part"));
    const io::DecodedVideo v = io::read_video(path);
    CHECK(v.width == 160);
    CHECK(v.height == 96);
    CHECK(v.fps == Approx(10));
    REQUIRE(v.frames.size() == 12);
    CHECK(v.seconds[5] == Approx(0.5).margin(1e-6));  // in order, at the rate asked for
    for (int k : {0, 5, 11}) {
        const double e = mean_abs_error(v.frames[static_cast<std::size_t>(k)], test_frame(160, 96, k), 160, 96);
        INFO("frame " << k << ": mean abs error " << e);
        CHECK(e < 2.5);
    }
    // Frames are not swapped: frame 5 is far from what frame 0 showed.
    CHECK(mean_abs_error(v.frames[5], test_frame(160, 96, 0), 160, 96) > 4);
}

TEST_CASE("an odd-sized MP4 is padded to even sides for yuv420p", "[io][video]") {
    const fs::path path = fresh_dir("odd") / "odd.mp4";
    CHECK(io::encoded_size(io::VideoFormat::Mp4, 161, 95).width == 162);
    CHECK(io::encoded_size(io::VideoFormat::Mp4, 161, 95).height == 96);
    CHECK(io::encoded_size(io::VideoFormat::Gif, 161, 95).width == 161);
    io::VideoWriter w(path, 161, 95, 5);
    CHECK(w.size().width == 162);
    CHECK(w.size().height == 96);
    for (int k = 0; k < 3; ++k) w.add_frame(test_frame(161, 95, k));
    w.finish();
    const io::DecodedVideo v = io::read_video(path);
    CHECK(v.width == 162);
    CHECK(v.height == 96);
    REQUIRE(v.frames.size() == 3);
    CHECK(mean_abs_error(v.frames[2], test_frame(161, 95, 2), 161, 95) < 2.5);
    // The padding repeats the last column: the extra column looks like the one before it.
    const auto& f = v.frames[2];
    CHECK(std::abs(int(f.at(161, 10)[0]) - int(f.at(160, 10)[0])) < 12);
}

TEST_CASE("a GIF decodes to the frames written, one palette per frame", "[io][video]") {
    const fs::path path = fresh_dir("gif") / "war.gif";
    {
        io::VideoWriter w(path, 121, 80, 10);
        CHECK(w.format() == io::VideoFormat::Gif);
        for (int k = 0; k < 6; ++k) w.add_frame(test_frame(121, 80, k));
        w.finish();
    }
    const io::DecodedVideo v = io::read_video(path);
    CHECK(v.width == 121);  // GIF keeps odd sides
    CHECK(v.height == 80);
    REQUIRE(v.frames.size() == 6);
    for (int k = 0; k < 6; ++k) {
        // Four flat colours fit the palette exactly: the GIF is lossless here.
        const double e = mean_abs_error(v.frames[static_cast<std::size_t>(k)], test_frame(121, 80, k), 121, 80);
        INFO("frame " << k << ": mean abs error " << e);
        CHECK(e < 0.5);
    }
    CHECK(v.seconds[3] == Approx(0.3).margin(0.011));  // GIF delays are in hundredths of a second
}

TEST_CASE("a GIF of more than 256 colours maps the rest to the nearest palette colour", "[io][video]") {
    const fs::path path = fresh_dir("gradient") / "gradient.gif";
    io::RgbaImage img{128, 64, std::vector<std::uint8_t>(128 * 64 * 4)};
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 128; ++x) {
            std::uint8_t* p = img.pixels.data() + (y * 128 + x) * 4;
            p[0] = static_cast<std::uint8_t>(x * 2), p[1] = static_cast<std::uint8_t>(y * 4),
            p[2] = static_cast<std::uint8_t>(255 - x), p[3] = 255;
        }
    io::VideoWriter w(path, 128, 64, 4);
    w.add_frame(img);
    w.finish();
    const auto v = io::read_video(path);
    REQUIRE(v.frames.size() == 1);
    const double e = mean_abs_error(v.frames[0], img, 128, 64);
    INFO("mean abs error " << e);
    CHECK(e < 6);
}

TEST_CASE("a video writer destroyed before finish leaves no partial file and keeps the old one", "[io][video]") {
    const fs::path dir = fresh_dir("cancel");
    const fs::path path = dir / "talk.mp4";
    { std::ofstream(path) << "previous video"; }
    {
        io::VideoWriter w(path, 64, 64, 10);
        w.add_frame(test_frame(64, 64, 0));
        w.add_frame(test_frame(64, 64, 1));
        CHECK(fs::exists(dir / "talk.mp4.part"));
    }  // cancelled
    CHECK_FALSE(fs::exists(dir / "talk.mp4.part"));
    std::ifstream in(path);
    std::string text;
    std::getline(in, text);
    CHECK(text == "previous video");
}

TEST_CASE("video writer errors name the file and the step", "[io][video]") {
    const fs::path dir = fresh_dir("errors");
    CHECK_THROWS_WITH(io::VideoWriter(dir / "war.avi", 64, 64, 10),
                      Catch::Contains("war.avi") && Catch::Contains("unknown video format '.avi'"));
    CHECK_THROWS_AS(io::VideoWriter(dir / "war.avi", 64, 64, 10), UsageError);
    CHECK_THROWS_WITH(io::VideoWriter(dir / "war.mp4", 64, 64, 0),
                      Catch::Contains("war.mp4") && Catch::Contains("frame rate 0"));
    CHECK_THROWS_WITH(io::VideoWriter(dir / "missing" / "war.mp4", 64, 64, 10),
                      Catch::Contains("war.mp4") && Catch::Contains("cannot create"));
    io::VideoWriter w(dir / "war.mp4", 64, 64, 10);
    CHECK_THROWS_WITH(w.add_frame(test_frame(32, 64, 0)), Catch::Contains("war.mp4") && Catch::Contains("32x64"));
    CHECK_THROWS_WITH(w.finish(), Catch::Contains("no frames"));
    CHECK_THROWS_WITH(io::read_video(dir / "none.mp4"),
                      Catch::Contains("none.mp4") && Catch::Contains("cannot open the video"));
    { std::ofstream(dir / "junk.mp4") << "not a video at all"; }
    CHECK_THROWS_WITH(io::read_video(dir / "junk.mp4"), Catch::Contains("junk.mp4"));
    CHECK(io::is_video_path("a/B.MP4"));
    CHECK(io::is_video_path("x.gif"));
    CHECK_FALSE(io::is_video_path("x.png"));
}
