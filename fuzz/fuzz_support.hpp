// Shared pieces of the libFuzzer harnesses: the shipped data directory, and a scratch file per
// process for readers that take a path (GDAL, the journal). Not part of any shipped target.
#pragma once
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace sitmap::fuzz {

/// The source tree's data (geodata/ and assets/), or $SITMAP_DATA_DIR when set.
inline std::filesystem::path data_dir() {
    if (const char* env = std::getenv("SITMAP_DATA_DIR"); env && *env) return env;
    return SITMAP_SOURCE_DIR;
}

/// A file in $TMPDIR (or /tmp) named after this process and `suffix` (the extension picks the
/// reader), rewritten with each input and removed at exit.
class ScratchFile {
public:
    explicit ScratchFile(const std::string& suffix) {
        const char* tmp = std::getenv("TMPDIR");
        path_ =
            std::filesystem::path(tmp && *tmp ? tmp : "/tmp") / ("sitmap-fuzz-" + std::to_string(::getpid()) + suffix);
    }
    ~ScratchFile() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    /// Replaces the file's contents with `data`; aborts when it cannot (a harness that silently
    /// read an old file would test nothing).
    const std::filesystem::path& write(const std::uint8_t* data, std::size_t size) {
        std::ofstream out(path_, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        out.close();
        if (!out) std::abort();
        return path_;
    }

private:
    std::filesystem::path path_;
};

}  // namespace sitmap::fuzz
