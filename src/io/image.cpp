#include "io/image.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <fmt/format.h>

#include <stb_image.h>        // implementation in libstb.so
#include <stb_image_write.h>  // implementation in libstb.so

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace sitmap::io {

namespace fs = std::filesystem;

void check_writable(const fs::path& path) {
    if (path.empty()) throw Error("output path is empty");
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw fmt_error("{}: cannot write output: directory '{}' does not exist", path.string(), dir.string());
    if (fs::is_directory(path, ec)) throw fmt_error("{}: cannot write output: it is a directory", path.string());
    replaceable_target(path, "output");  // refuses /dev/full, FIFOs, sockets
    if (::access(dir.c_str(), W_OK) != 0)
        throw fmt_error("{}: cannot write output: directory '{}' is not writable ({})", path.string(), dir.string(),
                        std::strerror(errno));
    if (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0)
        throw fmt_error("{}: cannot write output: file is not writable ({})", path.string(), std::strerror(errno));
}

void write_text_atomically(const fs::path& path, const std::string& text, const char* what) {
    write_file_atomically(path, text, what);
}

namespace {

// stb's callback writer appends to a std::string, so the bytes reach the disk through
// write_file_atomically, which checks every write (stbi_write_png to a FILE* ignores them).
void append_to_string(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

void write_png(const fs::path& path, const RgbaImage& image) {
    check_writable(path);
    stbi_write_png_compression_level = 6;  // zlib 6: ~2x faster than stb's default 8, files ~5% larger
    std::string bytes;
    if (!stbi_write_png_to_func(append_to_string, &bytes, image.width, image.height, 4, image.pixels.data(),
                                image.width * 4))
        throw fmt_error("{}: cannot encode PNG ({}x{})", path.string(), image.width, image.height);
    write_file_atomically(path, bytes, "PNG");
}

void write_jpeg(const fs::path& path, const RgbaImage& image, int quality) {
    check_writable(path);
    // JPEG has no alpha: the map is opaque, so the RGB channels are written as they are.
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
    for (std::size_t i = 0, j = 0; j < rgb.size(); i += 4, j += 3) {
        rgb[j] = image.pixels[i];
        rgb[j + 1] = image.pixels[i + 1];
        rgb[j + 2] = image.pixels[i + 2];
    }
    std::string bytes;
    if (!stbi_write_jpg_to_func(append_to_string, &bytes, image.width, image.height, 3, rgb.data(), quality))
        throw fmt_error("{}: cannot encode JPEG ({}x{})", path.string(), image.width, image.height);
    write_file_atomically(path, bytes, "JPEG");
}

RgbaImage read_png(const fs::path& path) {
    int w = 0, h = 0, n = 0;
    stbi_uc* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (!data) throw fmt_error("{}: cannot read image ({})", path.string(), stbi_failure_reason());
    RgbaImage img{w, h, std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) * h * 4)};
    stbi_image_free(data);
    return img;
}

}  // namespace sitmap::io
