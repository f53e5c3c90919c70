// The baked relief texture (Renderer::bake_shade) kept between runs: rendering it is a 2048-texel
// wide B-spline pass, 0.1-0.2 s of a 4K export's CPU on llvmpipe. One file, replaced when its key
// (a hash of everything the bake reads: the raster, its grid, the shaders, the OpenGL renderer)
// differs. No GL here: bytes in, bytes out.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::render {

/// FNV-1a, 64 bits, continued from `h` (for keys).
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL);

/// The texels stored at `path` under `key`, when there are exactly `size` of them and the file is
/// whole (its checksum holds); nullopt otherwise (missing, stale, damaged: a miss, not an error).
std::optional<std::vector<std::uint8_t>> read_shade_cache(const std::filesystem::path& path, const std::string& key,
                                                          std::size_t size);

/// Stores `texels` under `key` at `path` (a file of this process, then renamed; creates the
/// directory). Returns false when it cannot be written; the caller carries on without a cache.
bool write_shade_cache(const std::filesystem::path& path, const std::string& key,
                       const std::vector<std::uint8_t>& texels);

}  // namespace sitmap::render
