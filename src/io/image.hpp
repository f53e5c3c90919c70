// Image files: PNG writing (atomic: written beside the target, then renamed) and reading for tests.
// No GL here; pixels are RGBA8, top row first.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace sitmap::io {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  ///< width*height*4, row 0 is the top

    const std::uint8_t* at(int x, int y) const {
        return pixels.data() +
               (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    }
};

/// Throws sitmap::Error naming the path when the directory is missing or not writable.
/// Used before rendering so a bad -o fails in milliseconds, not after the render.
void check_writable(const std::filesystem::path& path);

/// Writes `text` to `path` through `path.part` + rename (write_file_atomically: every write
/// checked, fsynced), so a reader never sees half a file and a failed write leaves the previous
/// file as it was. `what` names the content in errors
/// ("briefing"). Throws sitmap::Error naming the path; callers that want the clearer message
/// about a missing directory call check_writable first.
void write_text_atomically(const std::filesystem::path& path, const std::string& text, const char* what);

/// Writes a PNG atomically and durably (write_file_atomically). Throws sitmap::Error naming the
/// path and the OS error ("No space left on device"); the previous file is then kept. Refuses a
/// target that is not a regular file (a device, FIFO or socket).
void write_png(const std::filesystem::path& path, const RgbaImage& image);

/// Writes a baseline JPEG (RGB, alpha dropped; `quality` 1..100) the same way as write_png.
void write_jpeg(const std::filesystem::path& path, const RgbaImage& image, int quality = 92);

/// Reads a PNG (or any format stb_image knows) as RGBA8. Throws sitmap::Error naming the path.
RgbaImage read_png(const std::filesystem::path& path);

}  // namespace sitmap::io
