// `sitmap render` with the base-map scene cache: the second run reads the scene the first stored,
// and draws exactly the pixels of a run without any cache; a damaged cache file is rebuilt.
#include "io/image.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

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
    const auto first = render(cache.string(), "first.png");  // builds and stores the scene
    REQUIRE(fs::is_directory(cache));
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(cache)) files.push_back(e.path());
    REQUIRE(files.size() == 1);
    const auto stored = fs::file_size(files[0]);
    CHECK(stored > 100'000);
    const auto time = fs::last_write_time(files[0]);
    const auto second = render(cache.string(), "second.png");  // reads it
    CHECK(fs::last_write_time(files[0]) == time);              // not written again
    CHECK(first.pixels == uncached.pixels);
    CHECK(second.pixels == uncached.pixels);
    // A damaged file is a miss: the scene is built again and the file replaced.
    { std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "not a scene"; }
    const auto third = render(cache.string(), "third.png");
    CHECK(third.pixels == uncached.pixels);
    CHECK(fs::file_size(files[0]) == stored);
    fs::remove_all(dir);
}
