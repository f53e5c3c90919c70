// One table binds the window's keys and writes the F1 help (ui/key_bindings); Home goes back to
// the start view. Pure logic, in the gl suite only because it links sitmap_ui.
#include "ui/key_bindings.hpp"
#include "core/base_map.hpp"
#include "ui/app_state.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace sitmap;
namespace fs = std::filesystem;

TEST_CASE("the F1 help lists every key the window binds, from the binding table", "[gl][ui][keys]") {
    std::set<std::string> listed;
    for (const auto& b : ui::key_bindings()) {
        REQUIRE_FALSE(b.keys.empty());
        CHECK(std::string(b.what).size() > 3);
        for (const auto& c : b.keys) listed.insert(ui::chord_name(c));
    }
    for (const char* key :
         {"B",  "F5",     "Ctrl+E", "F12",    "PageUp", "PageDown", "[", "]", "Space",        "Home",
          "F1", "Ctrl+S", "Ctrl+Z", "Ctrl+Y", "Delete", "A",        "E", "R", "Shift+\u2192", "Shift+\u2190"})
        CHECK(listed.count(key) == 1);
    CHECK(ui::keys_text(ui::Action::NextChange) == "PageDown / ]");
    CHECK(ui::keys_text(ui::Action::Redo) == "Ctrl+Y / Ctrl+Shift+Z");
    // Every action has its own row.
    CHECK(ui::binding(ui::Action::ReviewPickUp).action == ui::Action::ReviewPickUp);
}

TEST_CASE("keys are read only through the binding table", "[gl][ui][keys]") {
    // A key handled anywhere else would be missing from the help.
    std::vector<std::string> offenders;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(SITMAP_SOURCE_DIR) / "src")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
        if (entry.path().filename() == "key_bindings.cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        if (text.str().find("IsKeyPressed(") != std::string::npos) offenders.push_back(entry.path().string());
    }
    INFO(offenders.size() << " file(s) read keys directly, e.g. " << (offenders.empty() ? "" : offenders.front()));
    CHECK(offenders.empty());
}

TEST_CASE("Home returns to the view the window started on", "[gl][ui][keys]") {
    ui::AppState state;
    state.camera.resize(800, 600);
    state.home_view = core::project_box(state.projector, *core::named_view("karabakh"));
    state.camera = core::Camera::fit(*state.home_view, 800, 600);  // as the window opens
    const auto start = state.camera;
    state.camera.pan_pixels(300, -120);
    state.camera.zoom_at({400, 300}, 2.0);
    state.reset_view();
    CHECK(state.camera.centre().x == Approx(start.centre().x));
    CHECK(state.camera.centre().y == Approx(start.centre().y));
    CHECK(state.camera.metres_per_pixel() == Approx(start.metres_per_pixel()));
}
