// The command line against the PostgreSQL store: extract -o PG:, render --events PG: reading only
// the view's events, and the window (under Xvfb) saving a review decision with its author there.
#include "../cli/run_command.hpp"
#include "io/pg_store.hpp"
#include "pg_fixture.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using namespace sitmap;
using test::run_sitmap;

namespace {

const std::string extract_dir = std::string(SITMAP_TESTDATA_DIR) + "/extract";

fs::path temp(const std::string& name) {
    return fs::temp_directory_path() / ("sitmap_pg_cli_" + std::to_string(::getpid()) + "_" + name);
}

}  // namespace

TEST_CASE("extract -o PG: writes the events; render --events PG: reads only the view's", "[pg][cli]") {
    const std::string info = test::pg_fresh_schema("t_cli");
    const std::string target = "\"PG:" + info + "\"";
    const auto r = run_sitmap("extract '" + extract_dir + "' -o " + target);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("2 events from 1 documents"));
    CHECK_THAT(r.err, Catch::Contains("wrote PostgreSQL (host="));
    io::PgEventStore store(info);
    CHECK(store.count({.include_unplaced = true}) == 2);

    // Extracting again changes nothing (same keys, replaced in place).
    REQUIRE(run_sitmap("extract '" + extract_dir + "' -q -o " + target).exit_code == 0);
    CHECK(store.count({.include_unplaced = true}) == 2);

    const fs::path png = temp("karabakh.png");
    const auto k = run_sitmap("render --events " + target + " --view karabakh --size 400x300 --date 2020-10-25 -o '" +
                              png.string() + "'");
    INFO(k.err);
    REQUIRE(k.exit_code == 0);
    CHECK_THAT(k.err, Catch::Contains("read 2 events from"));
    CHECK(fs::file_size(png) > 10'000);

    // A view far from the events (Yerevan's surroundings) and a date long after: nothing travels.
    const auto far =
        run_sitmap("render --events " + target + " --bbox 44.3,40.0,44.7,40.3 --size 400x300 --date 2020-10-25 -o '" +
                   png.string() + "'");
    INFO(far.err);
    REQUIRE(far.exit_code == 0);
    CHECK_THAT(far.err, Catch::Contains("read 0 events from"));
    const auto later = run_sitmap("render --events " + target +
                                  " --view karabakh --size 400x300 --date 2022-06-01 -o '" + png.string() + "'");
    CHECK_THAT(later.err, Catch::Contains("read 0 events from"));
    fs::remove(png);
}

TEST_CASE("extract -o PG: with no server fails naming the connection and writes nothing", "[pg][cli]") {
    const auto r = run_sitmap("extract '" + extract_dir + "' -o 'PG:host=/nonexistent-pg-dir port=1 dbname=x'");
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Catch::Contains("PostgreSQL (host=/nonexistent-pg-dir port=1 dbname=x): cannot connect"));
}

TEST_CASE("the window reads events from PG and saves a review decision there with its author", "[pg][cli][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        if (std::getenv("SITMAP_REQUIRE_GL")) FAIL("xvfb-run not installed: the PG window test cannot run");
        WARN("xvfb-run not installed: the PG window test is not run");
        return;
    }
    const std::string info = test::pg_fresh_schema("t_window");
    const std::string target = "\"PG:" + info + "\"";
    REQUIRE(run_sitmap("extract '" + extract_dir + "' -q -o " + target).exit_code == 0);
    const fs::path home = temp("home"), shot = temp("window.png");
    fs::remove_all(home);
    // (A store named without '/' or '.', "PG:dbname=x", is not taken for an unknown verb.)
    CHECK_THAT(run_sitmap("PG:dbname=nonexistent_sitmap_db_x --frames 1").err, !Catch::Contains("unknown verb"));
    // --user names the analyst, over $SITMAP_USER.
    const auto r = run_sitmap(
        target + " --user analyst1 --view karabakh --frames 8 --script wait review accept save wait --screenshot '" +
            shot.string() + "'",
        "SITMAP_USER=someone-else XDG_DATA_HOME='" + home.string() + "' xvfb-run -a -s '-screen 0 1280x800x24'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::file_size(shot) > 100'000);
    io::PgEventStore store(info);
    const auto rows = store.read_all({.include_unplaced = true});
    std::size_t accepted = 0;
    for (const auto& row : rows) {
        if (row.review.state != core::ReviewState::Accepted) continue;
        ++accepted;
        CHECK(row.review.author == "analyst1");
        CHECK(row.version == 2);
        CHECK_FALSE(row.review.timestamp.empty());
        CHECK(store.history(core::event_key(row.event)).size() == 1);
    }
    CHECK(accepted == 1);
    fs::remove_all(home);
    fs::remove(shot);
}
