// --min-confidence in `sitmap extract` (events below are not written, and counted in the summary)
// and in `sitmap render` (events below are not drawn), with malformed values rejected (exit 2).
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;
using sitmap::test::run_sitmap;

namespace {

std::string temp_path(const std::string& name) {
    return (fs::temp_directory_path() / ("sitmap_minconf_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The confidence column (the last) of each data row of an events CSV written by extract.
std::vector<double> confidences(const std::string& csv) {
    std::vector<double> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(std::stod(line.substr(line.rfind(',') + 1)));
    return out;
}

}  // namespace

TEST_CASE("extract --min-confidence writes only events at or above it and counts the rest", "[cli][extract]") {
    const std::string docs = std::string(SITMAP_TESTDATA_DIR) + "/extract/dated.txt";
    const std::string out = temp_path("all.csv");
    const auto all = run_sitmap("extract '" + docs + "' -o '" + out + "'");
    REQUIRE(all.exit_code == 0);
    const auto conf = confidences(slurp(out));
    REQUIRE(!conf.empty());
    const double top = *std::max_element(conf.begin(), conf.end());
    // Half a rounding step below the top value: the CSV rounds confidences to two decimals.
    const double near_top = top - 0.005;
    const auto at_top =
        static_cast<std::size_t>(std::count_if(conf.begin(), conf.end(), [&](double c) { return c >= near_top; }));

    // At the highest confidence: only those events; just above it: none, and the summary says so.
    const std::string some = temp_path("some.csv");
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%.3f", near_top);
    const auto r1 = run_sitmap("extract '" + docs + "' --min-confidence " + threshold + " -o '" + some + "'");
    REQUIRE(r1.exit_code == 0);
    CHECK(confidences(slurp(some)).size() == at_top);
    const std::string none = temp_path("none.csv");
    const auto r2 = run_sitmap("extract '" + docs + "' --min-confidence 1 -o '" + none + "'");
    INFO(r2.err);
    REQUIRE(r2.exit_code == 0);
    if (top < 1.0) {
        CHECK(confidences(slurp(none)).empty());
        CHECK_THAT(r2.err, Catch::Contains("0 events from 1 documents (" + std::to_string(conf.size()) +
                                           " below --min-confidence 1 not written)"));
    }
    // 0 (the default) keeps everything.
    const auto r3 = run_sitmap("extract '" + docs + "' --min-confidence 0 -o '" + some + "'");
    REQUIRE(r3.exit_code == 0);
    CHECK(confidences(slurp(some)).size() == conf.size());
    CHECK_THAT(run_sitmap("extract --help").out, Catch::Contains("--min-confidence"));
    for (const auto& p : {out, some, none}) fs::remove(p);
}

TEST_CASE("render --min-confidence leaves out weaker events", "[cli][render]") {
    // One strike at Shusha with confidence 0.4, on 20 Oct 2020.
    const std::string events = std::string(SITMAP_TESTDATA_DIR) + "/display/weak_event.csv";
    const std::string common = "render --view karabakh --date 2020-10-20 --size 480x360 -q ";
    const std::string none = temp_path("none.png"), above = temp_path("above.png"), below = temp_path("below.png");
    REQUIRE(run_sitmap(common + "--events none -o '" + none + "'").exit_code == 0);
    const auto r_above = run_sitmap(common + "--events '" + events + "' --min-confidence 0.5 -o '" + above + "'");
    INFO(r_above.err);
    REQUIRE(r_above.exit_code == 0);
    REQUIRE(run_sitmap(common + "--events '" + events + "' --min-confidence 0.3 -o '" + below + "'").exit_code == 0);
    const std::string png_none = slurp(none);
    REQUIRE(!png_none.empty());
    CHECK(slurp(above) == png_none);  // the weak event is not drawn: the same picture as no events
    CHECK(slurp(below) != png_none);  // under a lower threshold it is
    CHECK_THAT(run_sitmap("render --help").out, Catch::Contains("--min-confidence"));
    for (const auto& p : {none, above, below}) fs::remove(p);
}

TEST_CASE("a malformed --min-confidence is a usage error quoting the value", "[cli]") {
    const std::string out = temp_path("never.png");
    for (const char* bad : {"1.5", "-0.1", "high", "nan"}) {
        INFO(bad);
        const auto r = run_sitmap(std::string("render --min-confidence '") + bad + "' -o '" + out + "'");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(std::string("'") + bad + "'") && Catch::Contains("0 to 1"));
        const auto x =
            run_sitmap(std::string("extract --min-confidence '") + bad + "' -o '" + temp_path("x.csv") + "'");
        CHECK(x.exit_code == 2);
        CHECK_THAT(x.err, Catch::Contains(std::string("'") + bad + "'"));
    }
    CHECK_FALSE(fs::exists(out));
}
