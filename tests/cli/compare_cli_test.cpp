// `sitmap render --compare LEFT,RIGHT [--divider F]`: a before/after image, its argument errors
// (each a one-line message quoting the value, exit 2, nothing written), and compare slides in a
// briefing rendered by `render --briefing`.
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {

/// Width and height from a PNG's IHDR chunk (0 x 0 when the file is not a PNG).
std::pair<std::uint32_t, std::uint32_t> png_size(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char h[24] = {};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    if (!in || h[1] != 'P' || h[2] != 'N' || h[3] != 'G') return {0, 0};
    auto be = [&](int i) {
        return (std::uint32_t(h[i]) << 24) | (std::uint32_t(h[i + 1]) << 16) | (std::uint32_t(h[i + 2]) << 8) |
               std::uint32_t(h[i + 3]);
    };
    return {be(16), be(20)};
}

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / ("sitmap_compare_" + std::to_string(::getpid()) + "_" + name);
}

}  // namespace

TEST_CASE("render --compare writes one before/after image of the asked size", "[cli][compare]") {
    const fs::path out = temp_path("ok.png");
    fs::remove(out);
    const auto r = run_sitmap(
        "render --view karabakh --size 480x300 --events none --compare 2020-09-26,2020-12-02 "
        "--divider 0.4 -o '" +
        out.string() + "'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(png_size(out) == std::pair<std::uint32_t, std::uint32_t>{480, 300});
    fs::remove(out);
    const auto help = run_sitmap("render --help");
    CHECK_THAT(help.out, Catch::Contains("--compare") && Catch::Contains("--divider"));
}

TEST_CASE("bad --compare and --divider arguments are refused with the value quoted", "[cli][compare]") {
    const fs::path out = temp_path("never.png");
    fs::remove(out);
    struct Case {
        const char* args;
        const char* says;
    };
    for (const Case& c : {
             Case{"--compare 2020-09-26", "invalid --compare '2020-09-26' (expected two dates LEFT,RIGHT"},
             Case{"--compare 2020-09-26,2020-11-10,2021-01-01", "invalid --compare '2020-09-26,2020-11-10,2021-01-01'"},
             Case{"--compare 2020-09-26,2020-13-01", "'2020-13-01'"},
             Case{"--compare 2020-09-26,2020-13-01", "--compare right date"},
             Case{"--compare yesterday,2020-11-10", "--compare left date"},
             Case{"--compare 2020-09-26,2020-11-10 --date 2020-10-01", "--compare and --date cannot be combined"},
             Case{"--compare 2020-09-26,2020-11-10 --divider 1.5", "invalid --divider '1.5'"},
             Case{"--compare 2020-09-26,2020-11-10 --divider half", "invalid --divider 'half'"},
             Case{"--compare 2020-09-26,2020-11-10 --divider 0", "invalid --divider '0'"},
             Case{"--divider 0.3", "--divider needs --compare"},
             Case{"--compare 2020-09-26,2020-11-10 --from 2020-10-01 --to 2020-10-02",
                  "--compare and --from/--to cannot be combined"},
         }) {
        INFO(c.args);
        const auto r = run_sitmap(std::string("render ") + c.args + " -o '" + out.string() + "'");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(c.says));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("a briefing's compare slide renders, and a bad one names its field", "[cli][compare]") {
    const fs::path dir = temp_path("briefing");
    fs::remove_all(dir);
    fs::create_directories(dir / "out");
    {
        std::ofstream f(dir / "ok.json");
        f << R"({"title":"t","slides":[{"title":"Before and after the war",
                "compare":{"left":"2020-09-26","right":"2020-12-02","divider":0.5},
                "view":{"bbox":[46.0,39.2,47.4,40.3]},"events":{"show":false}}]})";
        std::ofstream g(dir / "bad.json");
        g << R"({"title":"t","slides":[{"title":"ok"},{"compare":{"left":"2020-09-26","right":"2020-12-02",
                "divider":2}}]})";
    }
    const auto ok = run_sitmap("render -q --size 480x300 --briefing '" + (dir / "ok.json").string() + "' -o '" +
                               (dir / "out").string() + "'");
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(png_size(dir / "out" / "slide-01.png") == std::pair<std::uint32_t, std::uint32_t>{480, 300});
    const auto bad = run_sitmap("render -q --size 480x300 --briefing '" + (dir / "bad.json").string() + "' -o '" +
                                (dir / "out").string() + "'");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("bad.json: slides[1].compare.divider: '2' is out of range"));
    fs::remove_all(dir);
}
