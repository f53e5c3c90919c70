#include "io/image.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <fmt/format.h>

#include <png.h>
#include <stb_image.h>        // implementation in libstb.so
#include <stb_image_write.h>  // implementation in libstb.so

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

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

// stb's and libpng's writers append to a std::string, so the bytes reach the disk through
// write_file_atomically, which checks every write, fsyncs, and refuses to replace a device.
void append_to_string(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

/// Encodes `image` as a PNG into `out` with libpng: RGB when every pixel is opaque (maps are: a
/// quarter less to filter and compress), else RGBA. zlib level 3 without row filters: a map's flat
/// areas and repeated hatching match as they are, and a 4K map (Karabakh, 20 Oct 2020) then
/// compresses in 117 ms to 1.98 MB, against 170 ms and 2.44 MB with the Sub filter on every row
/// and 380 ms, 2.06 MB at level 6 (bench/README.md). Returns libpng's message on failure.
/// libpng reports errors by longjmp, so nothing with a destructor lives in this function's frame
/// between setjmp and the end.
const char* encode_png(std::string* out, const RgbaImage& image, bool opaque, std::uint8_t* row) {
    static thread_local char message[256];
    message[0] = 0;
    png_structp png = png_create_write_struct(
        PNG_LIBPNG_VER_STRING, nullptr,
        [](png_structp p, png_const_charp msg) {
            std::snprintf(message, sizeof message, "%s", msg);
            png_longjmp(p, 1);
        },
        [](png_structp, png_const_charp) {});
    if (!png) return "out of memory";
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return message[0] ? message : "out of memory";
    }
    png_set_write_fn(
        png, out,
        [](png_structp p, png_bytep data, png_size_t n) {
            append_to_string(png_get_io_ptr(p), data, static_cast<int>(n));
        },
        [](png_structp) {});
    png_set_compression_level(png, 3);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
                 PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    const std::size_t w = static_cast<std::size_t>(image.width);
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* src = image.pixels.data() + static_cast<std::size_t>(y) * w * 4;
        if (opaque) {
            for (std::size_t x = 0; x < w; ++x) {
                row[x * 3] = src[x * 4];
                row[x * 3 + 1] = src[x * 4 + 1];
                row[x * 3 + 2] = src[x * 4 + 2];
            }
            png_write_row(png, row);
        } else {
            png_write_row(png, src);
        }
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return nullptr;
}

}  // namespace

void write_png(const fs::path& path, const RgbaImage& image) {
    check_writable(path);
    bool opaque = true;
    for (std::size_t i = 3; i < image.pixels.size() && opaque; i += 4) opaque = image.pixels[i] == 255;
    std::vector<std::uint8_t> row(static_cast<std::size_t>(image.width) * 3);
    std::string bytes;
    if (const char* failed = encode_png(&bytes, image, opaque, row.data()))
        throw fmt_error("{}: cannot encode PNG ({}x{}: {})", path.string(), image.width, image.height, failed);
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
