#include "io/image.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <stb_image.h>        // implementation in libstb.so
#include <stb_image_write.h>  // implementation in libstb.so

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
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
    if (::access(dir.c_str(), W_OK) != 0)
        throw fmt_error("{}: cannot write output: directory '{}' is not writable ({})", path.string(), dir.string(),
                        std::strerror(errno));
    if (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0)
        throw fmt_error("{}: cannot write output: file is not writable ({})", path.string(), std::strerror(errno));
}

void write_text_atomically(const fs::path& path, const std::string& text, const char* what) {
    fs::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw fmt_error("{}: cannot write {} ({})", path.string(), what, std::strerror(errno));
        out << text;
        out.flush();
        if (!out) {
            const std::string why = std::strerror(errno);
            out.close();
            std::error_code ec;
            fs::remove(tmp, ec);
            throw fmt_error("{}: cannot write {} ({})", path.string(), what, why);
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw fmt_error("{}: cannot write {} ({})", path.string(), what, ec.message());
    }
}

void write_png(const fs::path& path, const RgbaImage& image) {
    check_writable(path);
    fs::path tmp = path;
    tmp += ".part";
    stbi_write_png_compression_level = 6;  // zlib 6: ~2x faster than stb's default 8, files ~5% larger
    if (!stbi_write_png(tmp.c_str(), image.width, image.height, 4, image.pixels.data(), image.width * 4)) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw fmt_error("{}: cannot write PNG ({})", path.string(), std::strerror(errno));
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw fmt_error("{}: cannot write PNG ({})", path.string(), ec.message());
    }
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
