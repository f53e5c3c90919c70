// `sitmap extract` run as a process on tests/data/extract: CSV header and rows, GeoJSON output,
// problems reported with the file name, exit codes (0, 1 when nothing readable or --strict, 2 usage).
#include "run_command.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using sitmap::test::run_sitmap;

namespace {

const std::string data_dir = std::string(SITMAP_TESTDATA_DIR) + "/extract";

std::string out_path(const std::string& name) {
    return (fs::temp_directory_path() / ("sitmap_extract_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("extract writes the CSV columns and one row per event", "[cli][extract]") {
    const std::string out = out_path("a.csv");
    const auto r = run_sitmap("extract '" + data_dir + "' -o '" + out + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string csv = slurp(out);
    CHECK(csv.substr(0, csv.find('\n')) ==
          "doc,event_id,date_start,date_end,date_precision,place,lat,lon,location_precision,event_type,actor,target,"
          "summary,quote,confidence");
    CHECK(csv.find("dated.txt,dated-001,2020-10-25,2020-10-25,day,Fuzuli,") != std::string::npos);
    CHECK(csv.find(",strike,") != std::string::npos);
    // "..., the ministry said.": a bare attribution names the act's source; no statement of its own.
    CHECK(csv.find(",statement,") == std::string::npos);
    CHECK(csv.find("2020-10-25,2020-10-25,day,Aghdam district,") != std::string::npos);
    CHECK(csv.find(",casualty,") != std::string::npos);
    // The empty file is named in a diagnostic, and the summary counts what happened.
    CHECK(r.err.find("empty.txt") != std::string::npos);
    CHECK(r.err.find("document-empty") != std::string::npos);
    CHECK(r.err.find("2 events from 1 documents, 1 problems") != std::string::npos);
    fs::remove(out);
}

TEST_CASE("extract writes GeoJSON points with the same properties", "[cli][extract]") {
    const std::string out = out_path("b.geojson");
    const auto r = run_sitmap("extract '" + data_dir + "/dated.txt' -o '" + out + "'");
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(slurp(out));
    REQUIRE(j["features"].size() == 2);
    CHECK(j["features"][0]["geometry"]["type"] == "Point");
    CHECK(j["features"][0]["properties"]["place"] == "Fuzuli");
    CHECK(j["features"][0]["properties"]["date_start"] == "2020-10-25");
    fs::remove(out);
}

TEST_CASE("extract exits 1 when nothing can be read, and under --strict with problems", "[cli][extract]") {
    const std::string out = out_path("c.csv");
    const auto none = run_sitmap("extract '" + data_dir + "/empty.txt' -o '" + out + "'");
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("no document could be read") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    const auto strict = run_sitmap("extract --strict '" + data_dir + "' -o '" + out + "'");
    CHECK(strict.exit_code == 1);
    CHECK(fs::exists(out));  // the readable document's events are still written
    fs::remove(out);
    const auto missing = run_sitmap("extract /no/such/file.txt -o '" + out + "'");
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("/no/such/file.txt") != std::string::npos);
}

TEST_CASE("extract rejects an unknown output format with exit code 2", "[cli][extract]") {
    const auto r = run_sitmap("extract '" + data_dir + "' -o out.xlsx");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("out.xlsx") != std::string::npos);
    CHECK(run_sitmap("extract --help").out.find("--strict") != std::string::npos);
}

TEST_CASE("extract's progress bar: nothing extra when stderr is not a terminal, lines with --progress",
          "[cli][extract][progress]") {
    const std::string plain = out_path("plain.csv"), with_bar = out_path("bar.csv"), quiet = out_path("quiet.csv");
    // run_sitmap sends stderr to a file: not a terminal.
    const auto r = run_sitmap("extract '" + data_dir + "' -o '" + plain + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("files") == std::string::npos);
    CHECK(r.err.find("MB/s") == std::string::npos);
    CHECK(r.err.find('\r') == std::string::npos);

    const auto p = run_sitmap("extract '" + data_dir + "' -o '" + with_bar + "' --progress");
    INFO(p.err);
    REQUIRE(p.exit_code == 0);
    CHECK(p.err.find("extract: [") != std::string::npos);
    CHECK(p.err.find("2/2 files") != std::string::npos);  // dated.txt and empty.txt
    CHECK(p.err.find("MB/s") != std::string::npos);
    CHECK(p.err.find("100%") != std::string::npos);
    CHECK(p.err.find('\r') == std::string::npos);  // whole lines into a log, no redrawing
    CHECK(slurp(with_bar) == slurp(plain));        // the bar changes nothing in the output

    const auto q = run_sitmap("extract '" + data_dir + "' -o '" + quiet + "' --progress -q");
    REQUIRE(q.exit_code == 0);
    CHECK(q.err.find("files") == std::string::npos);
    CHECK(slurp(quiet) == slurp(plain));
    for (const auto& f : {plain, with_bar, quiet}) fs::remove(f);
}

TEST_CASE("extract's progress line reads files, MB/s and the time left", "[cli][extract][progress]") {
    // A terminal run: script(1) gives sitmap a pseudo-terminal as stderr.
    // (script is util-linux's, in every Debian install: its absence fails the test.)
    REQUIRE(std::system("command -v script >/dev/null 2>&1") == 0);
    const std::string out = out_path("tty.csv"), log = out_path("tty.log");
    const std::string cmd = "script -qec \"'" + std::string(SITMAP_BINARY) + "' extract '" + data_dir + "' -o '" + out +
                            "'\" '" + log + "' >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string tty = slurp(log);
    INFO(tty);
    CHECK(tty.find("\r\033[K[") != std::string::npos);  // redrawn in place
    CHECK(tty.find("2/2 files") != std::string::npos);
    CHECK(tty.find("done in") != std::string::npos);
    fs::remove(out);
    fs::remove(log);
}
