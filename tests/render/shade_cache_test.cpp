// render/shade_cache: the baked relief's file gives back its texels only under the same key, at the
// same size and whole.
#include "render/shade_cache.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using namespace sitmap;

TEST_CASE("the relief cache reads back only a whole file of the same key and size", "[render][shade_cache]") {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_shade_cache_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path file = dir / "deeper" / "relief.bin";
    std::vector<std::uint8_t> texels(4096);
    for (std::size_t i = 0; i < texels.size(); ++i) texels[i] = static_cast<std::uint8_t>(i * 7 + 3);
    CHECK_FALSE(render::read_shade_cache(file, "k", texels.size()));  // none yet
    REQUIRE(render::write_shade_cache(file, "k", texels));
    const auto back = render::read_shade_cache(file, "k", texels.size());
    REQUIRE(back);
    CHECK(*back == texels);
    CHECK_FALSE(render::read_shade_cache(file, "other key", texels.size()));
    CHECK_FALSE(render::read_shade_cache(file, "k", texels.size() - 1));
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    bytes[bytes.size() / 2] ^= 1;  // one texel changed
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    CHECK_FALSE(render::read_shade_cache(file, "k", texels.size()));
    CHECK(render::fnv1a("a") != render::fnv1a("b"));
    CHECK(render::fnv1a("ab") == render::fnv1a("b", render::fnv1a("a")));
    fs::remove_all(dir);
}
