#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

TEST_CASE("sitmap --help and render --help describe every option", "[cli]") {
    const auto main_help = run_sitmap("--help");
    CHECK(main_help.exit_code == 0);
    CHECK_THAT(main_help.out, Catch::Contains("render") && Catch::Contains("--view") && Catch::Contains("--data"));
    const auto help = run_sitmap("render --help");
    CHECK(help.exit_code == 0);
    for (const char* opt : {"--bbox", "--size", "--view", "--scale", "--output", "--data"})
        CHECK_THAT(help.out, Catch::Contains(opt));
}

TEST_CASE("malformed --bbox and --size give a one-line error naming the value and exit 2", "[cli]") {
    const fs::path out =
        fs::temp_directory_path() / ("sitmap_cli_never_written_" + std::to_string(::getpid()) + ".png");
    fs::remove(out);
    struct Case {
        const char* args;
        const char* quoted;
    };
    for (const Case& c : {Case{"--bbox 47,38,45,40", "'47,38,45,40'"}, Case{"--bbox 45,38,47", "'45,38,47'"},
                          Case{"--bbox 45,north,47,40", "'45,north,47,40'"}, Case{"--size 800", "'800'"},
                          Case{"--size 0x600", "'0x600'"}, Case{"--size 100000x10", "'100000x10'"},
                          Case{"--view atlantis", "'atlantis'"}}) {
        INFO(c.args);
        const auto r = run_sitmap(std::string("render ") + c.args + " -o '" + out.string() + "'");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(c.quoted));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("a --bbox closer or wider than the data can fill is refused with what would work", "[cli]") {
    const fs::path out = fs::temp_directory_path() / ("sitmap_cli_zoom_" + std::to_string(::getpid()) + ".png");
    fs::remove(out);
    // 0.001 degrees (~90 m) over 1600 px: under 0.1 m per pixel.
    const auto tiny = run_sitmap("render --bbox 46.75,39.81,46.751,39.811 --size 1600x1000 -o '" + out.string() + "'");
    CHECK(tiny.exit_code == 2);
    CHECK_THAT(tiny.err, Catch::Contains("'46.75,39.81,46.751,39.811'") && Catch::Contains("m per pixel") &&
                             Catch::Contains("km across"));
    CHECK(std::count(tiny.err.begin(), tiny.err.end(), '\n') == 1);
    // Half the globe: far beyond the region the data covers.
    const auto huge = run_sitmap("render --bbox -40,-30,130,80 --size 800x600 -o '" + out.string() + "'");
    CHECK(huge.exit_code == 2);
    CHECK_THAT(huge.err, Catch::Contains("'-40,-30,130,80'") && Catch::Contains("region the data covers"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an unwritable output path gives an error naming the path and a non-zero exit", "[cli]") {
    const auto missing_dir = run_sitmap("render -o /nonexistent_dir_sitmap/out.png");
    CHECK(missing_dir.exit_code == 1);
    CHECK_THAT(missing_dir.err, Catch::Contains("/nonexistent_dir_sitmap/out.png"));
    CHECK(std::count(missing_dir.err.begin(), missing_dir.err.end(), '\n') == 1);
    const auto is_dir = run_sitmap("render -o /tmp");
    CHECK(is_dir.exit_code == 1);
    CHECK_THAT(is_dir.err, Catch::Contains("/tmp") && Catch::Contains("directory"));
}

TEST_CASE("render reports a missing geodata directory per layer and still writes the map", "[cli]") {
    // A data root with fonts but no geodata: every layer is reported, the image is still written.
    const fs::path root = fs::temp_directory_path() / ("sitmap_cli_nogeo_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "assets");
    fs::copy(fs::path(SITMAP_SOURCE_DIR) / "assets" / "fonts", root / "assets" / "fonts");
    const fs::path out = root / "map.png";
    const auto r = run_sitmap("render --size 320x200 --data '" + root.string() + "' -o '" + out.string() + "'");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("admin.gpkg: layer 'countries'") && Catch::Contains("file not found"));
    CHECK(fs::exists(out));
    fs::remove_all(root);
}

TEST_CASE("without OpenGL 3.3 core, render says so clearly instead of crashing", "[cli][gl]") {
    // Mesa honours MESA_GL_VERSION_OVERRIDE: at 3.0 no 3.3 core context can be created.
    const fs::path out = fs::temp_directory_path() / ("sitmap_cli_nogl_" + std::to_string(::getpid()) + ".png");
    fs::remove(out);
    const auto r = run_sitmap("render --size 64x64 -o '" + out.string() + "'", "MESA_GL_VERSION_OVERRIDE=3.0");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("OpenGL 3.3"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an animation run of millions of frames is refused before any is drawn (issue 12 F18)", "[cli]") {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_cli_many_frames_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const auto r = run_sitmap("render --size 200x150 --from 0001-01-01 --to 9999-12-31 -o '" + dir.string() + "'");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("gives about 3652059 frames, more than --max-frames 10000"));
    CHECK_FALSE(fs::exists(dir));  // nothing written
    // Within the limit it runs as before.
    const auto ok = run_sitmap("render --size 120x90 -q --from 2020-11-08 --to 2020-11-10 --max-frames 3 -o '" +
                               dir.string() + "'");
    CHECK(ok.exit_code == 0);
    CHECK(fs::exists(dir / "frame-00002.png"));
    fs::remove_all(dir);
}

TEST_CASE("render without a gazetteer still draws the map and names the missing file (issue 12 F20)", "[cli]") {
    const fs::path root = fs::temp_directory_path() / ("sitmap_cli_nogaz_" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(fs::path(SITMAP_SOURCE_DIR) / "assets", root / "assets", fs::copy_options::recursive);
    fs::copy(fs::path(SITMAP_SOURCE_DIR) / "geodata", root / "geodata", fs::copy_options::recursive);
    fs::remove(root / "geodata" / "gazetteer.csv");
    const fs::path out = root / "map.png";
    const auto r = run_sitmap("render --size 320x200 --data '" + root.string() + "' -o '" + out.string() + "'");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("gazetteer.csv") && Catch::Contains("no events were extracted"));
    CHECK(fs::exists(out));  // before: "cannot open the gazetteer", exit 1, no map
    fs::remove_all(root);
}
