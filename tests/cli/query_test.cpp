// `sitmap query`: one JSON line with the documented keys, and exit code 2 for malformed input or a
// date outside the control data.
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using sitmap::test::run_sitmap;

TEST_CASE("query prints one JSON line with controller and peacekeeping flag", "[cli][query]") {
    const auto r = run_sitmap("query --date 2021-06-01 --at 39.8177,46.7528");  // Khankendi, GeoNames 146970
    REQUIRE(r.exit_code == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("date") == "2021-06-01");
    CHECK(j.at("lat").get<double>() == Approx(39.8177));
    CHECK(j.at("lon").get<double>() == Approx(46.7528));
    CHECK(j.at("controller") == "armenian");
    CHECK(j.at("peacekeeping") == true);
    CHECK(j.at("source").is_string());
    CHECK((j.at("confidence") == "high" || j.at("confidence") == "medium" || j.at("confidence") == "low"));

    const auto shusha = nlohmann::json::parse(run_sitmap("query --date 2020-11-12 --at 39.76006,46.74989").out);
    CHECK(shusha.at("controller") == "azerbaijan");
    const auto tbilisi = nlohmann::json::parse(run_sitmap("query --date 2021-06-01 --at 41.69,44.83").out);
    CHECK(tbilisi.at("controller") == "other");
    CHECK(tbilisi.at("peacekeeping") == false);
}

TEST_CASE("query rejects malformed dates and coordinates and dates outside the data with exit 2", "[cli][query]") {
    for (const char* args :
         {"--date 2020-13-01 --at 39.8,46.7", "--date 2020-02-30 --at 39.8,46.7", "--date yesterday --at 39.8,46.7",
          "--date 2021-06-01 --at 39.8", "--date 2021-06-01 --at north,46.7", "--date 2021-06-01 --at 95,46.7",
          "--date 1990-01-01 --at 39.8,46.7", "--date 2031-01-01 --at 39.8,46.7", "--at 39.8,46.7"}) {
        INFO(args);
        const auto r = run_sitmap(std::string("query ") + args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK_FALSE(r.err.empty());
    }
    const auto out_of_range = run_sitmap("query --date 1990-01-01 --at 39.8,46.7");
    CHECK_THAT(out_of_range.err, Catch::Contains("'1990-01-01'") && Catch::Contains("outside the control data"));
}

TEST_CASE("query takes the point as --lon and --lat too, GDAL's order", "[cli][query]") {
    const auto at = run_sitmap("query --date 2020-11-12 --at 39.76006,46.74989");
    const auto lonlat = run_sitmap("query --date 2020-11-12 --lon 46.74989 --lat 39.76006");
    REQUIRE(lonlat.exit_code == 0);
    CHECK(lonlat.out == at.out);
    const auto half = run_sitmap("query --date 2020-11-12 --lon 46.74989");
    CHECK(half.exit_code == 2);
    CHECK_THAT(half.err, Catch::Contains("--lon and --lat go together"));
    const auto both = run_sitmap("query --date 2020-11-12 --at 39.76,46.75 --lon 46.75 --lat 39.76");
    CHECK(both.exit_code == 2);
    const auto bad = run_sitmap("query --date 2020-11-12 --lon 46.7 --lat 95");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("95"));
}

TEST_CASE("an unknown verb is an error (exit 2), not a document to open", "[cli]") {
    const auto r = run_sitmap("rendr --size 100x100 -o x.png", "env -u DISPLAY -u WAYLAND_DISPLAY");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("unknown verb 'rendr'"));
}

TEST_CASE("every verb's --help lists the exit codes", "[cli]") {
    for (const char* verb : {"", "render ", "extract ", "query "}) {
        INFO(verb);
        const auto r = run_sitmap(std::string(verb) + "--help");
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("Exit codes: 0 success; 1 runtime failure") &&
                              Catch::Contains("2 malformed arguments"));
    }
}

TEST_CASE("query answers positions held by Azerbaijani forces inside Armenia as their own kind", "[cli][query]") {
    // Lake Sev (http://wikimapia.org/10214865/it/Lago-Sev): Azerbaijani forces from 12 May 2021.
    const auto before = nlohmann::json::parse(run_sitmap("query --date 2021-05-01 --at 39.59806,46.23111").out);
    CHECK(before.at("controller") == "armenian");
    CHECK(before.at("kind") == "control");
    const auto after = nlohmann::json::parse(run_sitmap("query --date 2021-06-01 --at 39.59806,46.23111").out);
    CHECK(after.at("controller") == "azerbaijan");
    CHECK(after.at("kind") == "azerbaijan_in_armenia");
    CHECK(after.at("peacekeeping") == false);
    // Jermuk itself stayed Armenian-held after September 2022.
    const auto jermuk = nlohmann::json::parse(run_sitmap("query --date 2022-10-01 --at 39.84168,45.66949").out);
    CHECK(jermuk.at("controller") == "armenian");
    CHECK(jermuk.at("kind") == "control");
    // The zone keeps its kind.
    const auto khankendi = nlohmann::json::parse(run_sitmap("query --date 2021-06-01 --at 39.8177,46.7528").out);
    CHECK(khankendi.at("kind") == "peacekeeping");
}
