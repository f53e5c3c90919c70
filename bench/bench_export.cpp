// 4K export, end to end and by stage: runs `sitmap render --view karabakh --size WxH` (process start
// to file written, as a user runs it) and times the PNG encoder alone on the image it wrote. A
// program that prints figures, not a timed test (bench/README.md).
//   build/sitmap_bench_export [--runs N] [--size WxH]
#include "bench_util.hpp"
#include "io/image.hpp"

#include <stb_image_write.h>  // the encoder io::write_png used before libpng, for comparison

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

using namespace sitmap;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    int runs = 5;
    std::string size = "3840x2160";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        if (a == "--size") size = argv[i + 1];
    }
    const fs::path out = fs::temp_directory_path() / ("sitmap_bench_export_" + std::to_string(::getpid()) + ".png");
    const std::string cmd = std::string("'") + SITMAP_BINARY + "' render --view karabakh --date 2020-10-20 --size " +
                            size + " -q -o '" + out.string() + "'";
    std::printf("%s\n", cmd.c_str());
    std::vector<double> wall;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = bench::Clock::now();
        if (std::system(cmd.c_str()) != 0) {
            std::fprintf(stderr, "render failed\n");
            return 1;
        }
        wall.push_back(bench::ms_since(t0));
    }
    std::printf("end to end (%d runs): median %.0f ms, min %.0f ms, file %.1f MB\n", runs, bench::median(wall),
                *std::min_element(wall.begin(), wall.end()), static_cast<double>(fs::file_size(out)) / 1e6);
    // The encoder alone, on the image just written (decoded first, not timed).
    const io::RgbaImage image = io::read_png(out);
    std::vector<double> encode;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = bench::Clock::now();
        io::write_png(out, image);
        encode.push_back(bench::ms_since(t0));
    }
    std::printf("PNG encode %dx%d: median %.0f ms, min %.0f ms\n", image.width, image.height, bench::median(encode),
                *std::min_element(encode.begin(), encode.end()));
    // stb_image_write as io::write_png used it before (RGBA, zlib level 6, every filter tried).
    std::vector<double> stb;
    stbi_write_png_compression_level = 6;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = bench::Clock::now();
        stbi_write_png(out.c_str(), image.width, image.height, 4, image.pixels.data(), image.width * 4);
        stb.push_back(bench::ms_since(t0));
    }
    std::printf("stb_image_write (before): median %.0f ms, min %.0f ms, file %.1f MB\n", bench::median(stb),
                *std::min_element(stb.begin(), stb.end()), static_cast<double>(fs::file_size(out)) / 1e6);
    fs::remove(out);
    return 0;
}
