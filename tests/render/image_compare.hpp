// The golden-image tolerance, shared by the golden tests and the slide-parity test: per pixel the
// largest channel difference; images match when the mean is below 1 and fewer than 0.2 % of the
// pixels differ by more than 48 (robust to small driver differences, not to a missing symbol).
#pragma once
#include "io/image.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace sitmap::test {

struct ImageDiff {
    double mean = 0;       ///< mean of the per-pixel largest channel difference
    int max = 0;           ///< largest per-pixel difference
    std::size_t over = 0;  ///< pixels differing by more than 48
    std::size_t pixels = 0;
    io::RgbaImage diff;  ///< white where equal, darker where different
    bool within_tolerance() const { return mean < 1.0 && over < pixels / 500; }
};

/// Compares two images of the same size.
inline ImageDiff compare_images(const io::RgbaImage& actual, const io::RgbaImage& expected) {
    ImageDiff r;
    r.pixels = actual.pixels.size() / 4;
    r.diff = {actual.width, actual.height, std::vector<std::uint8_t>(actual.pixels.size(), 255)};
    double sum = 0;
    for (std::size_t i = 0; i < actual.pixels.size() && i < expected.pixels.size(); i += 4) {
        int d = 0;
        for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(actual.pixels[i + c]) - int(expected.pixels[i + c])));
        sum += d;
        r.max = std::max(r.max, d);
        if (d > 48) ++r.over;
        r.diff.pixels[i] = static_cast<std::uint8_t>(255 - std::min(255, d * 4));
        r.diff.pixels[i + 1] = r.diff.pixels[i];
    }
    r.mean = r.pixels ? sum / static_cast<double>(r.pixels) : 0;
    return r;
}

}  // namespace sitmap::test
