// Issue 13, item 3: presenter notes during F5 are shown in a second window (the slide's notes, the
// next slide's title, the elapsed time, slide n/N), never on the presented window; the notes
// window closes with the presentation. The real GLFW windows under Xvfb. In the gl suite because
// it reads the screenshots (io).
#include "../cli/run_command.hpp"
#include "../cli/xvfb.hpp"
#include "image_compare.hpp"
#include "io/image.hpp"
#include "ui/presenter_notes.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace sitmap;

namespace {

using sitmap::test::have_xvfb;

/// Pixels of `image` dark enough to be text (all channels under 90).
std::size_t dark_pixels(const io::RgbaImage& image) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < image.pixels.size(); i += 4)
        n += (image.pixels[i] < 90 && image.pixels[i + 1] < 90 && image.pixels[i + 2] < 90) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("the notes window's texts: slide n/N, elapsed time, notes, next slide", "[gl][ui][notes]") {
    ui::BriefingUiState b;
    b.briefing.slides.resize(3);
    b.briefing.slides[0].title = "Before the war";
    b.briefing.slides[0].notes = "Mention the 1994 line.";
    b.briefing.slides[1].title = "Hadrut";
    b.current = 0;
    auto t = ui::presenter_notes_text(b, 252.4);
    CHECK(t.counter == "Slide 1 / 3");
    CHECK(t.elapsed == "04:12");
    CHECK(t.title == "Before the war");
    CHECK(t.notes == "Mention the 1994 line.");
    CHECK(t.next == "Next: Hadrut");
    b.current = 2;
    t = ui::presenter_notes_text(b, 3725);
    CHECK(t.counter == "Slide 3 / 3");
    CHECK(t.elapsed == "1:02:05");
    CHECK(t.title == "(untitled)");
    CHECK(t.notes == "(no notes for this slide)");
    CHECK(t.next == "Last slide");
}

TEST_CASE("F5 opens a presenter notes window; the presented window shows no notes", "[gl][window][notes]") {
    if (!have_xvfb("presenter notes window test")) return;
    const fs::path dir = fs::temp_directory_path() / ("sitmap_notes_window_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string xvfb = "xvfb-run -a -s '-screen 0 1024x700x24'";
    const std::string edits = " --edits '" + (dir / "edits.gpkg").string() + "'";
    // The same presentation of the sample briefing's fourth slide (it has notes), with the notes
    // window on and off (under Xvfb there is one screen: N, here notes:on, opens it); the
    // screenshot is the presented window's, taken once the map settled.
    const auto with = test::run_sitmap("--width 1024 --height 700 --frames 400" + edits +
                                           " --script present notes:on slide:4 mapshot:'" + (dir / "map.png").string() +
                                           "' notesshot:'" + (dir / "notes.png").string() + "' end wait notesshot:'" +
                                           (dir / "after.png").string() + "' present notes:on slide:4 --screenshot '" +
                                           (dir / "with.png").string() + "'",
                                       xvfb);
    INFO(with.err);
    REQUIRE(with.exit_code == 0);
    const auto without = test::run_sitmap("--width 1024 --height 700 --frames 400" + edits +
                                              " --script notes:off present slide:4 --screenshot '" +
                                              (dir / "without.png").string() + "'",
                                          xvfb);
    INFO(without.err);
    REQUIRE(without.exit_code == 0);

    // The notes window: its own framebuffer, text on a light background.
    REQUIRE(fs::exists(dir / "notes.png"));
    const auto notes = io::read_png(dir / "notes.png");
    CHECK(notes.width == 720);
    CHECK(notes.height == 480);
    CHECK(dark_pixels(notes) > 1500);  // counter, time, title and the notes' lines
    // It closed with the presentation.
    CHECK_FALSE(fs::exists(dir / "after.png"));
    CHECK_THAT(with.err, Catch::Contains("no presenter notes window"));

    // The presented window is the same with the notes window open as without it.
    const auto a = io::read_png(dir / "with.png");
    const auto b = io::read_png(dir / "without.png");
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    const auto d = test::compare_images(a, b);
    INFO("presented window with and without notes: mean delta " << d.mean << ", max " << d.max
                                                                << ", over 48: " << d.over);
    CHECK(d.within_tolerance());
    CHECK(d.over < 200);
    fs::remove_all(dir);
}
