#include "render/shade_cache.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace sitmap::render {

namespace fs = std::filesystem;

namespace {
constexpr char kMagic[8] = {'S', 'I', 'T', 'S', 'H', 'A', 'D', '1'};

std::string_view as_bytes(const std::vector<std::uint8_t>& v) {
    return {reinterpret_cast<const char*>(v.data()), v.size()};
}
}  // namespace

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h) {
    for (const char c : bytes) {
        h ^= static_cast<std::uint8_t>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::optional<std::vector<std::uint8_t>> read_shade_cache(const fs::path& path, const std::string& key,
                                                          std::size_t size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // magic, key length (8 bytes), key, texels, FNV-1a of everything before it (8 bytes)
    const std::size_t expected = sizeof kMagic + 8 + key.size() + size + 8;
    if (bytes.size() != expected || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
    std::uint64_t key_size = 0, sum = 0;
    std::memcpy(&key_size, bytes.data() + sizeof kMagic, 8);
    if (key_size != key.size() || bytes.compare(sizeof kMagic + 8, key.size(), key) != 0) return std::nullopt;
    std::memcpy(&sum, bytes.data() + expected - 8, 8);
    if (sum != fnv1a(std::string_view(bytes).substr(0, expected - 8))) return std::nullopt;
    const char* texels = bytes.data() + sizeof kMagic + 8 + key.size();
    return std::vector<std::uint8_t>(texels, texels + size);
}

bool write_shade_cache(const fs::path& path, const std::string& key, const std::vector<std::uint8_t>& texels) {
    std::string bytes(kMagic, sizeof kMagic);
    const std::uint64_t key_size = key.size();
    bytes.append(reinterpret_cast<const char*>(&key_size), 8);
    bytes += key;
    bytes += as_bytes(texels);
    const std::uint64_t sum = fnv1a(bytes);
    bytes.append(reinterpret_cast<const char*>(&sum), 8);
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    const fs::path part = path.string() + fmt::format(".{}.part", ::getpid());
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            fs::remove(part, ec);
            return false;
        }
    }
    fs::rename(part, path, ec);
    if (!ec) return true;
    fs::remove(part, ec);
    return false;
}

}  // namespace sitmap::render
