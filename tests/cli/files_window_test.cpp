// File > Open, drops, the events-list export, find a place, named and saved views, and source
// links, driven in the real window under Xvfb through --script steps (the same requests the
// menus, the dialogs and the drop callback raise).
#include "core/csv.hpp"
#include "run_command.hpp"
#include "xvfb.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {

using sitmap::test::have_xvfb;

const std::string kData = std::string(SITMAP_TESTDATA_DIR) + "/events_list";
const std::string kXvfb = "xvfb-run -a -s '-screen 0 1024x700x24'";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t csv_rows(const fs::path& p) {
    const auto records = sitmap::core::parse_csv(slurp(p));
    return records.empty() ? 0 : records.size() - 1;
}

struct TempHome {
    fs::path dir;
    explicit TempHome(const char* name) : dir(fs::temp_directory_path() / (name + std::to_string(::getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempHome() { fs::remove_all(dir); }
    /// Environment keeping views.json and the corrections inside the temporary folder.
    std::string env() const { return "XDG_DATA_HOME='" + dir.string() + "' " + kXvfb; }
    std::string edits() const { return " --edits '" + (dir / "edits.gpkg").string() + "' "; }
};

}  // namespace

TEST_CASE("File > Open and a drop load an events file; the list export writes what the list holds",
          "[cli][window][files]") {
    if (!have_xvfb("open test")) return;
    TempHome home("sitmap_open_test_");
    const fs::path opened = home.dir / "opened.csv", dropped = home.dir / "dropped.csv";
    const auto r = run_sitmap("--frames 8" + home.edits() + "--script open:" + kData + "/events.csv export-list:" +
                                  opened.string() + " drop:" + kData + "/events.csv export-list:" + dropped.string(),
                              home.env());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("opened " + kData + "/events.csv: 8 events"));
    CHECK(csv_rows(opened) == 8);
    CHECK(csv_rows(dropped) == 8);
    // The opened file is remembered among the recent files, atomically written beside edits.
    const std::string views = slurp(home.dir / "sitmap" / "views.json");
    CHECK_THAT(views, Catch::Contains("events_list/events.csv") && Catch::Contains("\"events\""));
}

TEST_CASE("a file that cannot be opened is named in the window and the data loaded stays", "[cli][window][files]") {
    if (!have_xvfb("open failure test")) return;
    TempHome home("sitmap_open_bad_test_");
    const fs::path before = home.dir / "before.csv", after = home.dir / "after.csv";
    const auto r = run_sitmap("--frames 10" + home.edits() + "--script open:" + kData + "/events.csv export-list:" +
                                  before.string() + " open:" + kData + "/not_events.csv open:" + kData +
                                  "/missing.gpkg open:" + kData + "/README.md.png export-list:" + after.string(),
                              home.env());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains(kData + "/not_events.csv"));
    CHECK_THAT(r.err, Catch::Contains(kData + "/missing.gpkg: no such file"));
    CHECK_THAT(r.err, Catch::Contains("README.md.png"));
    CHECK(csv_rows(before) == 8);
    CHECK(csv_rows(after) == 8);  // the events opened first are still there
}

TEST_CASE("find a place flies there; a saved view is kept and render --view takes it", "[cli][window][find]") {
    if (!have_xvfb("find test")) return;
    TempHome home("sitmap_find_test_");
    const auto r = run_sitmap(
        "--frames 200" + home.edits() +
            "--script find:\u054d\u057f\u0565\u0583\u0561\u0576\u0561\u056f\u0565\u0580\u057f "
            "mapshot:" +
            (home.dir / "found.png").string() +
            " save-view:around-khankendi view:syunik mapshot:" + (home.dir / "syunik.png").string() + " quit",
        home.env());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("flew to Khankendi (39.8"));
    CHECK_THAT(r.err, Catch::Contains("flew to syunik (39.3"));
    const std::string views = slurp(home.dir / "sitmap" / "views.json");
    CHECK_THAT(views, Catch::Contains("around-khankendi"));
    const auto out = home.dir / "saved.png";
    const auto rendered =
        run_sitmap("render -q --view around-khankendi --size 400x300 --events none -o '" + out.string() + "'",
                   "XDG_DATA_HOME='" + home.dir.string() + "'");
    INFO(rendered.err);
    CHECK(rendered.exit_code == 0);
    CHECK(fs::exists(out));
    const auto unknown = run_sitmap("render -q --view nowhere --size 400x300 -o '" + out.string() + "'",
                                    "XDG_DATA_HOME='" + home.dir.string() + "'");
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err,
               Catch::Contains("'nowhere'") && Catch::Contains("syunik") && Catch::Contains("around-khankendi"));
}

TEST_CASE("an event's source URL is passed to the browser", "[cli][window][links]") {
    if (!have_xvfb("link test")) return;
    TempHome home("sitmap_link_test_");
    const fs::path opener = home.dir / "opener.sh", log = home.dir / "opened.txt";
    std::ofstream(opener) << "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" << log.string() << "'\n";
    fs::permissions(opener, fs::perms::owner_all);
    const auto r =
        run_sitmap("'" + kData + "/docs'" + " --frames 12" + home.edits() + "--script select:0 open-link wait wait",
                   "SITMAP_URL_OPENER='" + opener.string() + "' " + home.env());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("opening https://example.org/news/2020/10/26/fuzuli-shelling"));
    for (int i = 0; i < 50 && !fs::exists(log); ++i) ::usleep(100'000);  // the opener runs on its own
    CHECK(slurp(log) == "https://example.org/news/2020/10/26/fuzuli-shelling\n");
}

TEST_CASE("a briefing named on the command line opens as File > Open opens it", "[cli][window][files]") {
    if (!have_xvfb("briefing argument test")) return;
    TempHome home("sitmap_open_briefing_test_");
    const std::string briefing = std::string(SITMAP_SOURCE_DIR) + "/assets/briefings/karabakh_2020_2023.json";
    const auto r =
        run_sitmap("'" + briefing + "' --frames 6" + home.edits() + "--script present next wait", home.env());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Before: read as a GeoJSON events file, refused ("not a GeoJSON FeatureCollection").
    CHECK_THAT(r.err, !Catch::Contains("GeoJSON"));
    const std::string views = slurp(home.dir / "sitmap" / "views.json");
    CHECK_THAT(views, Catch::Contains("karabakh_2020_2023.json") && Catch::Contains("\"briefing\""));
}
