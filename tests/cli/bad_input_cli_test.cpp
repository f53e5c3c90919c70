// Regressions for issue 12 at the command line: render and extract print warnings (summarised;
// -q leaves only errors), and an events file or input directory that cannot be read is named and
// exits 1. Unreadable inputs are made with chmod 000; when the tests run as root (root reads
// everything) the binary runs as root without capabilities, so file permissions apply to it but it
// still reads its own tree (a fresh clone in a 0700 temporary folder, as CI makes).
#include "run_command.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {

const fs::path kReliability = fs::path(SITMAP_TESTDATA_DIR) / "reliability";

/// A fresh directory anyone may write to (the binary may run as 'nobody').
fs::path open_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::all);
    return dir;
}

/// The command prefix that takes root's capabilities away, so that permissions apply.
std::string as_unprivileged() {
    return ::geteuid() == 0 ? "setpriv --bounding-set=-all --inh-caps=-all" : "";
}

/// Joins parts into one string (built with +=: GCC 12 gives a false -Wrestrict on "'" + std::string).
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view part : parts) out += part;
    return out;
}

/// `p` quoted for the shell.
std::string q(const fs::path& p) {
    return cat({"'", p.string(), "'"});
}

}  // namespace

TEST_CASE("F16: render exits 1 naming an --events file that is missing or unreadable", "[cli][events][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_bad_events");
    SECTION("missing") {
        const auto r =
            run_sitmap(cat({"render --size 200x150 --events ", q(dir / "nope.csv"), " -o ", q(dir / "a.png")}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err,
                   Catch::Contains(cat({(dir / "nope.csv").string(), ": cannot read: no such file or directory"})));
        CHECK_FALSE(fs::exists(dir / "a.png"));
    }
    SECTION("unreadable") {
        const fs::path locked = dir / "locked.csv";
        std::ofstream(locked) << "doc,event_id,date_start,date_end,date_precision,event_type\n";
        fs::permissions(locked, fs::perms::none);
        const auto r = run_sitmap(cat({"render --size 200x150 --events ", q(locked), " -o ", q(dir / "b.png")}),
                                  as_unprivileged());
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains(cat({locked.string(), ": cannot open for reading: Permission denied"})));
    }
    SECTION("an events CSV without a required column") {
        const auto r = run_sitmap(cat({"render --size 200x150 --events ",
                                       q(kReliability / "F10_events_csv_all_rows_rejected_silently_in_render.csv"),
                                       " -o ", q(dir / "c.png")}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains("no 'date_start' column in the header"));
    }
    fs::remove_all(dir);
}

TEST_CASE("F16: extract names an input directory it cannot list", "[cli][extract][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_locked_dir");
    const fs::path locked = dir / "articles";
    fs::create_directories(locked);
    std::ofstream(locked / "a.txt") << "On 27 September 2020 fighting broke out near Fuzuli.\n";
    fs::permissions(locked, fs::perms::none);
    const auto r = run_sitmap(cat({"extract ", q(locked), " -o ", q(dir / "out.csv")}), as_unprivileged());
    fs::permissions(locked, fs::perms::owner_all);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(cat({locked.string(), ": error: cannot list the directory: Permission denied"})));
    CHECK_THAT(r.err, Catch::Contains(cat({"no document could be read from '", locked.string(), "'"})));
    fs::remove_all(dir);
}

TEST_CASE("F10: render prints the warnings of its inputs; -q leaves only errors", "[cli][events][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_warnings");
    const fs::path csv = kReliability / "F10b_events_csv_unbalanced_quote_104_rows_swallowed.csv";
    const std::string warning = cat({csv.string(), ":7: warning: a quote opened on this line is never closed"});
    const auto loud = run_sitmap(cat({"render --size 200x150 --events ", q(csv), " -o ", q(dir / "a.png")}));
    CHECK(loud.exit_code == 0);
    CHECK_THAT(loud.err, Catch::Contains(warning));
    CHECK_THAT(loud.err, Catch::Contains("108 unreviewed"));  // the rows after the stray quote are read
    const auto quiet = run_sitmap(cat({"render --size 200x150 -q --events ", q(csv), " -o ", q(dir / "b.png")}));
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    fs::remove_all(dir);
}

TEST_CASE("F10: many problems of one kind are summarised after ten lines", "[cli][extract][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_many");
    fs::copy_file(fs::path(SITMAP_TESTDATA_DIR) / "extract" / "dated.txt", dir / "dated.txt");
    for (int i = 0; i < 14; ++i) std::ofstream(dir / ("empty_" + std::to_string(i) + ".txt")) << "\n";
    const auto r = run_sitmap(cat({"extract ", q(dir), " -o ", q(dir / "out.csv")}));
    CHECK(r.exit_code == 0);
    std::size_t lines = 0;
    for (std::size_t at = r.err.find("[document-empty]"); at != std::string::npos;
         at = r.err.find("[document-empty]", at + 1))
        ++lines;
    CHECK(lines == 11);  // ten listed, then the count
    CHECK_THAT(r.err, Catch::Contains("sitmap: ... and 4 more errors like these [document-empty]"));
    const auto all = run_sitmap(cat({"extract -v ", q(dir), " -o ", q(dir / "out2.csv")}));
    CHECK_THAT(all.err, Catch::Contains("empty_9.txt: error: empty document"));
    CHECK_THAT(all.err, !Catch::Contains("more errors like these"));
    fs::remove_all(dir);
}

namespace {

/// A shell prefix under which files may not grow past `kib` KiB: write(2) fails with EFBIG (as
/// on a full disk, where it fails with ENOSPC; SIGXFSZ is ignored so the process sees the error).
/// Works unprivileged and as root, unlike mounting a small tmpfs.
std::string with_file_size_limit(int kib) {
    return cat({"bash -c 'trap \"\" XFSZ; ulimit -f ", std::to_string(kib), "; exec \"$@\"' _"});
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("F14: render on a full disk fails with the OS error and keeps the previous image", "[cli][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_full_png");
    const fs::path out = dir / "map.png";
    REQUIRE(run_sitmap(cat({"render --size 160x120 -q --events none -o ", q(out)})).exit_code == 0);
    const auto before = fs::file_size(out);
    const auto r = run_sitmap(cat({"render --size 1600x1200 --events none -o ", q(out)}), with_file_size_limit(64));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(cat({out.string(), ": cannot write PNG: File too large"})));
    CHECK_THAT(r.err, !Catch::Contains("wrote"));
    CHECK(fs::file_size(out) == before);
    CHECK(names_in(dir) == std::vector<std::string>{"map.png"});
    fs::remove_all(dir);
}

TEST_CASE("F15: extract on a full disk names the cause and leaves no temporary files", "[cli][extract][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_full_gpkg");
    const fs::path out = dir / "events.gpkg";
    const fs::path docs = fs::path(SITMAP_SOURCE_DIR) / "assets" / "documents";
    REQUIRE(run_sitmap(cat({"extract ", q(docs / "000_85cc955a52804482.txt"), " -q -o ", q(out)})).exit_code == 0);
    const auto before = fs::file_size(out);
    const auto r = run_sitmap(cat({"extract ", q(docs), " -q -o ", q(out)}), with_file_size_limit(100));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(cat({out.string(), ": cannot write the events GeoPackage: "})));
    CHECK_THAT(r.err, !Catch::Contains("no such table"));
    CHECK_THAT(r.err, Catch::Contains("disk I/O error") || Catch::Contains("disk is full"));
    CHECK(fs::file_size(out) == before);
    CHECK(names_in(dir) == std::vector<std::string>{"events.gpkg"});
    fs::remove_all(dir);
}

TEST_CASE("F16: extract -o onto a directory says so, not 'cannot replace the file: Success'",
          "[cli][extract][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_out_dir");
    fs::create_directories(dir / "out.csv");
    const fs::path doc = fs::path(SITMAP_SOURCE_DIR) / "assets" / "documents" / "000_85cc955a52804482.txt";
    const auto r = run_sitmap(cat({"extract ", q(doc), " -q -o ", q(dir / "out.csv")}));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(cat({(dir / "out.csv").string(), ": "})) && Catch::Contains("directory"));
    CHECK_THAT(r.err, !Catch::Contains("Success"));
    CHECK(fs::is_directory(dir / "out.csv"));
    fs::remove_all(dir);
}

TEST_CASE("F16: a briefing naming an unknown layer id is refused naming the field", "[cli][briefing][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_bad_layer");
    std::ofstream(dir / "b.json") << R"({"title": "t", "slides": [
        {"title": "one", "date": "2020-10-01", "layers": ["control", "rivers"]},
        {"title": "two", "date": "2020-10-02", "layers": ["control", "rivres"]}]})";
    const auto r = run_sitmap(cat({"render --size 200x150 --briefing ", q(dir / "b.json"), " -o ", q(dir / "slides")}));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err,
               Catch::Contains(cat({(dir / "b.json").string(), ": slides[1].layers[1]: 'rivres' is not a layer id"})));
    CHECK_THAT(r.err, Catch::Contains("rivers"));  // the ids it knows are listed
    CHECK_FALSE(fs::exists(dir / "slides" / "slide-01.png"));
    fs::remove_all(dir);
}

TEST_CASE("F16: render --events with a file that is neither events nor a document is refused; an empty one warns",
          "[cli][events][bad-input]") {
    const fs::path dir = open_dir("sitmap_cli_events_kinds");
    SECTION("not an events file") {
        std::ofstream(dir / "hostname") << "myhost\n";
        const auto r =
            run_sitmap(cat({"render --size 200x150 --events ", q(dir / "hostname"), " -o ", q(dir / "a.png")}));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(cat({(dir / "hostname").string(), ": not an events file"})));
        CHECK_FALSE(fs::exists(dir / "a.png"));
    }
    SECTION("an empty events CSV") {
        std::ofstream(dir / "empty.csv") << "";
        const auto r =
            run_sitmap(cat({"render --size 200x150 --events ", q(dir / "empty.csv"), " -o ", q(dir / "b.png")}));
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, Catch::Contains(cat({(dir / "empty.csv").string(), ": warning: the events file is empty"})));
    }
    SECTION("an events CSV with only its header") {
        std::ofstream(dir / "header.csv") << "doc,event_id,date_start,date_end,date_precision,event_type\n";
        const auto r =
            run_sitmap(cat({"render --size 200x150 --events ", q(dir / "header.csv"), " -o ", q(dir / "c.png")}));
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, Catch::Contains(cat({(dir / "header.csv").string(), ": warning: no events in the file"})));
    }
    fs::remove_all(dir);
}
