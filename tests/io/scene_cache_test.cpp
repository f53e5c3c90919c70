// The base-map scene cache (io/scene_cache): what is read back is what was stored, and a stale,
// cut or damaged file is a miss, never a wrong scene.
#include "io/scene_cache.hpp"
#include "core/base_map.hpp"
#include "io/geodata.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

const fs::path kGeodata = fs::path(SITMAP_SOURCE_DIR) / "geodata";

const core::Scene& shipped_scene() {
    static const core::Scene scene = [] {
        core::Diagnostics diags;
        const core::BaseData data = io::load_base_data(kGeodata, diags);
        return core::build_base_scene(data, core::Projector(), io::triangulate_polygon, diags);
    }();
    return scene;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path fresh_dir() {
    const fs::path d = fs::temp_directory_path() / ("sitmap_scene_cache_" + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}

}  // namespace

TEST_CASE("a cached scene reads back field for field", "[io][scene_cache]") {
    const core::Scene& scene = shipped_scene();
    REQUIRE(scene.layers.size() > 5);
    const fs::path dir = fresh_dir();
    const fs::path file = dir / "sub" / "scene.bin";
    REQUIRE(io::write_scene_cache(file, "key 1", scene));  // creates the folders
    const auto back = io::read_scene_cache(file, "key 1");
    REQUIRE(back);
    // Stored again, the scene read back gives the same bytes: every stored field survived.
    CHECK(io::serialize_scene(*back, "key 1") == read_all(file));
    REQUIRE(back->layers.size() == scene.layers.size());
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        const auto& a = scene.layers[i];
        const auto& b = back->layers[i];
        CHECK(a.id == b.id);
        CHECK(a.visible == b.visible);
        CHECK(a.fills.size() == b.fills.size());
        CHECK(a.lines.size() == b.lines.size());
        CHECK(a.places.size() == b.places.size());
        CHECK(a.raster.pixels == b.raster.pixels);
        if (!a.fills.empty()) {
            CHECK(a.fills.back().mesh.indices == b.fills.back().mesh.indices);
            CHECK(a.fills.back().mesh.vertices.back().x == b.fills.back().mesh.vertices.back().x);
        }
    }
    const auto* places = back->layer("places");
    REQUIRE(places);
    REQUIRE(!places->places.empty());
    CHECK(places->places.front().name == scene.layer("places")->places.front().name);
    CHECK(back->attribution == scene.attribution);
    CHECK(fs::directory_iterator(file.parent_path()) != fs::directory_iterator());  // no .part left
    for (const auto& e : fs::directory_iterator(file.parent_path())) CHECK(e.path().extension() != ".part");
    fs::remove_all(dir);
}

TEST_CASE("a stale, cut or damaged scene cache is a miss", "[io][scene_cache]") {
    const fs::path dir = fresh_dir();
    const fs::path file = dir / "scene.bin";
    CHECK_FALSE(io::read_scene_cache(file, "k"));  // none yet
    REQUIRE(io::write_scene_cache(file, "k", shipped_scene()));
    CHECK(io::read_scene_cache(file, "k"));
    CHECK_FALSE(io::read_scene_cache(file, "another key"));
    const std::string bytes = read_all(file);
    {
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
    }
    CHECK_FALSE(io::read_scene_cache(file, "k"));  // cut short
    std::string damaged = bytes;
    damaged[damaged.size() / 2] ^= 0x5a;  // one byte of a vertex changed: only the checksum tells
    {
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            .write(damaged.data(), static_cast<std::streamsize>(damaged.size()));
    }
    CHECK_FALSE(io::read_scene_cache(file, "k"));
    damaged = bytes;
    damaged.erase(damaged.size() / 3, 8);  // eight bytes missing from the middle
    {
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            .write(damaged.data(), static_cast<std::streamsize>(damaged.size()));
    }
    CHECK_FALSE(io::read_scene_cache(file, "k"));
    {
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    CHECK(io::read_scene_cache(file, "k"));  // the intact bytes read again
    fs::remove_all(dir);
}

TEST_CASE("the cache key changes with an input file and names a missing one", "[io][scene_cache]") {
    const fs::path dir = fresh_dir();
    fs::create_directories(dir);
    const fs::path input = dir / "layer.gpkg";
    std::ofstream(input) << "one";
    const std::string k1 = io::cache_key({input}, "proj");
    CHECK(k1 == io::cache_key({input}, "proj"));
    CHECK(k1 != io::cache_key({input}, "other proj"));
    std::ofstream(input) << "three";  // another size
    CHECK(io::cache_key({input}, "proj") != k1);
    fs::remove(input);
    CHECK(io::cache_key({input}, "proj").find("missing") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("SITMAP_CACHE_DIR chooses or turns off the cache directory", "[io][scene_cache]") {
    const char* old = std::getenv("SITMAP_CACHE_DIR");
    const std::string saved = old ? old : "";
    ::setenv("SITMAP_CACHE_DIR", "/tmp/somewhere", 1);
    CHECK(io::user_cache_dir() == fs::path("/tmp/somewhere"));
    ::setenv("SITMAP_CACHE_DIR", "off", 1);
    CHECK(io::user_cache_dir().empty());
    if (old)
        ::setenv("SITMAP_CACHE_DIR", saved.c_str(), 1);
    else
        ::unsetenv("SITMAP_CACHE_DIR");
}
