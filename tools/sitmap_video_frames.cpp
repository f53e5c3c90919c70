// sitmap_video_frames: decodes a video (io::read_video, FFmpeg's libraries) and writes chosen
// frames as PNGs, to look at what an export wrote without the ffmpeg program.
//   build/sitmap_video_frames war.mp4 out_dir [frame ...]   (default: first, middle, last)
#include "io/image.hpp"
#include "io/video.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s VIDEO OUT_DIR [FRAME ...]\n", argv[0]);
        return 2;
    }
    try {
        const auto video = sitmap::io::read_video(argv[1]);
        const int n = static_cast<int>(video.frames.size());
        std::printf("%s: %d frames, %dx%d, %.2f fps\n", argv[1], n, video.width, video.height, video.fps);
        std::vector<int> wanted;
        for (int i = 3; i < argc; ++i) wanted.push_back(std::atoi(argv[i]));
        if (wanted.empty()) wanted = {0, n / 2, n - 1};
        const std::filesystem::path dir = argv[2];
        std::filesystem::create_directories(dir);
        for (const int k : wanted) {
            if (k < 0 || k >= n) continue;
            const auto out = dir / ("frame-" + std::to_string(k) + ".png");
            sitmap::io::write_png(out, video.frames[static_cast<std::size_t>(k)]);
            std::printf("frame %d (%.2f s) -> %s\n", k, video.seconds[static_cast<std::size_t>(k)], out.c_str());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sitmap_video_frames: %s\n", e.what());
        return 1;
    }
    return 0;
}
