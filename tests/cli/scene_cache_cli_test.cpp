// `sitmap render` with its caches (the base-map scene, the baked relief): the second run reads what
// the first stored and draws exactly the pixels of a run without any cache; damaged files are rebuilt.
#include "io/image.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;
using namespace sitmap;

TEST_CASE("render reads the cached scene and draws the same pixels", "[cli][scene_cache]") {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_cli_scene_cache_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path cache = dir / "cache";
    auto render = [&](const std::string& cache_dir, const std::string& name) {
        const auto r =
            run_sitmap("render --view karabakh --size 480x300 --date 2020-10-20 -q -o '" + (dir / name).string() + "'",
                       "SITMAP_CACHE_DIR='" + cache_dir + "'");
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
        return io::read_png(dir / name);
    };
    const auto uncached = render("off", "off.png");
    CHECK_FALSE(fs::exists(cache));
    const auto first = render(cache.string(), "first.png");  // builds and stores the scene and the relief
    REQUIRE(fs::is_directory(cache));
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(cache)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "relief.bin");
    CHECK(files[1].filename().string().rfind("scene-", 0) == 0);
    std::vector<std::uintmax_t> sizes;
    std::vector<fs::file_time_type> times;
    for (const auto& f : files) {
        sizes.push_back(fs::file_size(f));
        times.push_back(fs::last_write_time(f));
        CHECK(sizes.back() > 100'000);
    }
    const auto second = render(cache.string(), "second.png");                                         // reads both
    for (std::size_t i = 0; i < files.size(); ++i) CHECK(fs::last_write_time(files[i]) == times[i]);  // not rewritten
    CHECK(first.pixels == uncached.pixels);
    CHECK(second.pixels == uncached.pixels);
    // Damaged files are misses: the scene and the relief are built again and the files replaced.
    for (const auto& f : files) std::ofstream(f, std::ios::binary | std::ios::trunc) << "not a cache";
    const auto third = render(cache.string(), "third.png");
    CHECK(third.pixels == uncached.pixels);
    for (std::size_t i = 0; i < files.size(); ++i) CHECK(fs::file_size(files[i]) == sizes[i]);
    fs::remove_all(dir);
}
