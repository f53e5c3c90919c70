// `sitmap events`: the events list filtered by date range, type and confidence, written as CSV or
// GeoJSON with quotes and sources; every written row is checked against the filter, and bad
// arguments name the argument (exit 2).
#include "core/csv.hpp"
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {

const std::string kEvents = std::string(SITMAP_TESTDATA_DIR) + "/events_list/events.csv";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The CSV's rows as column -> value maps.
std::vector<std::map<std::string, std::string>> read_rows(const std::string& text) {
    const auto records = sitmap::core::parse_csv(text);
    std::vector<std::map<std::string, std::string>> rows;
    if (records.empty()) return rows;
    const auto& header = records.front().fields;
    for (std::size_t r = 1; r < records.size(); ++r) {
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size() && c < records[r].fields.size(); ++c)
            row[header[c]] = records[r].fields[c];
        rows.push_back(row);
    }
    return rows;
}

fs::path temp_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string(name) + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("events writes the rows passing --from, --to, --type and --min-confidence, with quotes", "[cli][events]") {
    const fs::path dir = temp_dir("sitmap_events_cli_");
    const fs::path out = dir / "list.csv";
    const auto r = run_sitmap("events '" + kEvents +
                              "' --from 2020-10-01 --to 2020-10-31 --type strike,capture --min-confidence 0.5 -o '" +
                              out.string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("3 of 8 events written"));
    const auto rows = read_rows(slurp(out));
    std::set<std::string> ids;
    for (const auto& row : rows) {
        INFO(row.at("event_id"));
        ids.insert(row.at("event_id"));
        // Every row passes the filter: a type asked for, confidence at least 0.5, and dated in
        // October (a span counts on its last day).
        CHECK((row.at("event_type") == "strike" || row.at("event_type") == "capture"));
        CHECK(std::stod(row.at("confidence")) >= 0.5);
        const std::string placed = row.at("date_precision") == "day" ? row.at("date_start") : row.at("date_end");
        CHECK(row.at("date_end") >= "2020-10-01");
        CHECK(placed <= "2020-10-31");
        CHECK_FALSE(row.at("quote").empty());
        CHECK_FALSE(row.at("doc").empty());
    }
    CHECK(ids == std::set<std::string>{"a-02", "b-01", "b-03"});
    // Quotes survive with their commas and doubled quotation marks.
    for (const auto& row : rows)
        if (row.at("event_id") == "a-02") CHECK(row.at("quote") == "Baku said its army \"liberated\" Jabrayil.");

    // Without filters every event is written; with only --to, the later ones drop out.
    const auto all = run_sitmap("events '" + kEvents + "' -q -o '" + (dir / "all.csv").string() + "'");
    REQUIRE(all.exit_code == 0);
    CHECK(read_rows(slurp(dir / "all.csv")).size() == 8);
    REQUIRE(
        run_sitmap("events '" + kEvents + "' -q --to 2020-09-30 -o '" + (dir / "early.csv").string() + "'").exit_code ==
        0);
    std::set<std::string> early;
    for (const auto& row : read_rows(slurp(dir / "early.csv"))) early.insert(row.at("event_id"));
    CHECK(early == std::set<std::string>{"a-01", "c-01"});
    fs::remove_all(dir);
}

TEST_CASE("events writes GeoJSON with the source quote, and CSV to standard output", "[cli][events]") {
    const fs::path dir = temp_dir("sitmap_events_geojson_");
    const fs::path out = dir / "list.geojson";
    const auto r = run_sitmap("events '" + kEvents + "' --type ceasefire -q -o '" + out.string() + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(slurp(out));
    REQUIRE(j.at("features").size() == 1);
    const auto& p = j.at("features")[0].at("properties");
    CHECK(p.at("event_id") == "b-02");
    CHECK(p.at("quote") == "A ceasefire took effect on 10 November.");
    CHECK(p.at("doc") == "b.txt");

    const auto s = run_sitmap("events '" + kEvents + "' --min-confidence 0.9 -q -o -");
    REQUIRE(s.exit_code == 0);
    const auto rows = read_rows(s.out);
    REQUIRE(rows.size() == 2);
    for (const auto& row : rows) CHECK(std::stod(row.at("confidence")) >= 0.9);
    fs::remove_all(dir);
}

TEST_CASE("events rejects bad arguments naming the argument (exit 2) and unreadable input (exit 1)", "[cli][events]") {
    const fs::path dir = temp_dir("sitmap_events_bad_");
    const std::string o = " -o '" + (dir / "x.csv").string() + "'";
    struct Case {
        std::string args;
        std::vector<std::string> says;
    };
    for (const Case& c : std::vector<Case>{
             {"--from 2020-13-01" + o, {"--from", "'2020-13-01'"}},
             {"--to yesterday" + o, {"--to", "'yesterday'"}},
             {"--type bombing" + o, {"--type", "'bombing'", "strike"}},
             {"--type strike,,capture" + o, {"--type", "''"}},
             {"--min-confidence 2" + o, {"--min-confidence", "2"}},
             {"--from 2020-11-01 --to 2020-10-01" + o, {"--to", "before --from"}},
             {"-o '" + (dir / "x.txt").string() + "'", {"x.txt"}},
             {"-o - --format xml", {"--format", "'xml'"}},
         }) {
        INFO(c.args);
        const auto r = run_sitmap("events '" + kEvents + "' " + c.args);
        CHECK(r.exit_code == 2);
        for (const auto& s : c.says) CHECK_THAT(r.err, Catch::Contains(s));
        CHECK_FALSE(fs::exists(dir / "x.csv"));
    }
    const auto missing = run_sitmap("events '" + (dir / "nope.csv").string() + "'" + o);
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Catch::Contains("nope.csv"));
    CHECK(run_sitmap("events --help").exit_code == 0);
    fs::remove_all(dir);
}
