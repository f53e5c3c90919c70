#include "app/window_files.hpp"

#include "app/events_source.hpp"
#include "app/open_url.hpp"
#include "core/base_map.hpp"
#include "core/error.hpp"
#include "core/event_list_query.hpp"
#include "core/open_kind.hpp"
#include "io/briefing_io.hpp"
#include "io/events_io.hpp"
#include "io/user_views_io.hpp"
#include "ui/event_panels.hpp"
#include "ui/file_menu.hpp"
#include "ui/find_place_panel.hpp"
#include "ui/key_bindings.hpp"

#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <utility>
#include <vector>

namespace sitmap::app {

namespace fs = std::filesystem;

namespace {

/// Paths dropped onto the window since the last frame (GLFW calls back from glfwPollEvents, on
/// the window's thread; there is one window).
std::vector<std::string> dropped_paths;

void on_drop(GLFWwindow* /*window*/, int count, const char** paths) {
    for (int i = 0; i < count; ++i) dropped_paths.emplace_back(paths[i]);
}

/// The first bytes of a file (to tell a briefing from a GeoJSON file); empty when unreadable.
std::string file_head(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    return head;
}

}  // namespace

WindowFiles::WindowFiles(ui::AppState& state, const DataPaths& paths, fs::path views_path)
    : paths_(paths), views_path_(std::move(views_path)) {
    try {
        state.files.user = io::load_user_views(views_path_);
    } catch (const Error& e) {
        views_file_bad_ = true;
        state.diagnostics.add(core::Severity::Warning, core::DiagCode::FileUnreadable, views_path_.string(), "",
                              fmt::format("saved views and recent files not loaded: {}", e.what()));
    }
    state.files.browse_dir = paths_.root.string();
}

void WindowFiles::accept_drops(GLFWwindow* window) {
    glfwSetDropCallback(window, on_drop);
}

void WindowFiles::fail(ui::AppState& state, const std::string& message) {
    state.files.error = message;
    state.files.error_popup = true;
    std::fprintf(stderr, "sitmap: %s\n", message.c_str());
}

void WindowFiles::persist(ui::AppState& state) {
    if (views_file_bad_) return;  // the user's file is kept for them to look at (see Problems)
    try {
        io::save_user_views(views_path_, state.files.user);
    } catch (const Error& e) {
        state.notify(fmt::format("Views not saved: {}", e.what()), 10.0);
    }
}

bool WindowFiles::is_briefing(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    return core::opened_kind_for(path, false, file_head(path)) == core::OpenedKind::Briefing;
}

void WindowFiles::open(ui::AppState& state, EventSession& events, const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return fail(state, fmt::format("{}: no such file or folder", path));
    const bool dir = fs::is_directory(path, ec);
    const auto kind = core::opened_kind_for(path, dir, dir ? std::string() : file_head(path));
    if (!kind)
        return fail(state,
                    fmt::format("{}: cannot open this kind of file (expected {})", path, core::openable_kinds_text()));
    try {
        if (*kind == core::OpenedKind::Briefing) {
            core::Briefing b = io::load_briefing(path);  // names the file and the field
            auto& brief = state.brief;
            brief.briefing = std::move(b);
            brief.path = path;
            brief.current = -1;
            brief.dirty = false;
            brief.show_panel = true;
            brief.message = fmt::format("Loaded {} slides from {}", brief.briefing.slides.size(), path);
            state.notify(brief.message);
        } else {
            const std::size_t n = events.open_inputs(state, {path}, paths_);
            state.notify(fmt::format("Opened {}: {} events", path, n));
            std::fprintf(stderr, "opened %s: %zu events\n", path.c_str(), n);
        }
    } catch (const std::exception& e) {
        return fail(state, e.what());
    }
    core::remember_recent(state.files.user,
                          {.path = fs::absolute(path, ec).lexically_normal().string(), .kind = *kind});
    persist(state);
}

void WindowFiles::export_list(ui::AppState& state) {
    auto& f = state.files;
    const auto& ev = state.ev;
    const auto& all = ev.events.events();
    // The list's own query: its filter with deleted and rejected events left out, the time window
    // when the list shows only that (core::list_events, as `sitmap events` runs it).
    core::EventFilter filter = ev.drawn_filter();
    const core::Date date = state.date.value_or(core::Date{});
    core::ListQuery q = ev.list_in_window_only ? core::window_bounds(ev.window, date, filter) : core::ListQuery{filter};
    std::vector<std::size_t> rows = core::list_events(all, q);
    if (ev.list_off_map) {  // a line of the "not on the map" strip picked: only its events
        const auto picked = ui::event_list_rows(ev);
        const std::set<std::size_t> keep(picked.begin(), picked.end());
        std::erase_if(rows, [&](std::size_t i) { return !keep.count(i); });
    }
    std::vector<core::Event> out;
    out.reserve(rows.size());
    for (std::size_t i : rows) out.push_back(all[i]);
    try {
        io::write_events(f.export_list_path, out);
    } catch (const std::exception& e) {
        return fail(state, e.what());
    }
    f.show_export_list = false;
    const std::string msg = fmt::format("Wrote {} events to {}", out.size(), f.export_list_path);
    state.notify(msg);
    std::fprintf(stderr, "%s\n", msg.c_str());
}

void WindowFiles::save_view(ui::AppState& state, const std::string& name) {
    const core::Camera map =
        state.camera.without_rows(static_cast<int>(state.ui_inset_top), static_cast<int>(state.ui_inset_bottom));
    const core::WorldBox w = map.visible_box();
    core::GeoBox box;
    for (const core::WorldXY p : {core::WorldXY{w.min_x, w.min_y}, core::WorldXY{w.max_x, w.min_y},
                                  core::WorldXY{w.min_x, w.max_y}, core::WorldXY{w.max_x, w.max_y}}) {
        const core::LonLat ll = state.projector.inverse(p);
        box.extend(ll.lon, ll.lat);
    }
    if (!core::save_view(state.files.user, {.name = name, .title = name, .box = box})) return;
    persist(state);
    state.notify(fmt::format("View '{}' saved (View > Named views; render --view '{}')", name, name));
}

void WindowFiles::start_flight(ui::AppState& state, const core::GeoBox& box) {
    core::Camera target =
        core::Camera::fit(core::project_box(state.projector, box), state.camera.width(), state.camera.height());
    target.clamp_zoom(state.zoom_limits());
    flight_ = core::CameraFlight(state.camera, target.centre(), target.metres_per_pixel());
}

void WindowFiles::update(ui::AppState& state, EventSession& events, double dt) {
    auto& f = state.files;
    if (!ImGui::GetIO().WantTextInput && !state.brief.presenting) {
        if (ui::pressed(ui::Action::FindPlace)) {
            if (f.find.open)
                f.find.open = false;
            else
                ui::open_find_place(state);
        }
        if (ui::pressed(ui::Action::OpenFile)) ui::open_file_dialog(state);
    }
    for (auto& p : std::exchange(dropped_paths, {})) f.open_requested.push_back(std::move(p));
    for (const auto& p : std::exchange(f.open_requested, {})) open(state, events, p);
    if (f.export_list_requested) {
        f.export_list_requested = false;
        export_list(state);
    }
    if (f.save_view_requested) save_view(state, *std::exchange(f.save_view_requested, std::nullopt));
    if (!f.open_url_requested.empty()) {
        const std::string url = std::exchange(f.open_url_requested, {});
        const std::string problem = open_url(url);
        state.notify(problem.empty() ? "Opening " + url : problem);
        std::fprintf(stderr, "%s\n", problem.empty() ? ("opening " + url).c_str() : problem.c_str());
    }
    if (f.fly_to) {
        start_flight(state, *f.fly_to);
        flight_label_ = std::exchange(f.fly_label, {});
        if (!flight_label_.empty()) state.notify(flight_label_);
        f.fly_to.reset();
    }
    if (!flight_.done()) {
        state.camera = flight_.advance(dt);
        state.ev.filter_changed = true;  // grouping follows the zoom
        state.map_dirty = true;
        if (flight_.done()) {  // arrived: say where (scripted runs and tests read it)
            const core::LonLat at = state.projector.inverse(state.camera.centre());
            std::fprintf(stderr, "flew to %s (%.4f, %.4f), %.0f m per pixel\n", flight_label_.c_str(), at.lat, at.lon,
                         state.camera.metres_per_pixel());
        }
    }
}

bool WindowFiles::knows_script_step(const std::string& step) {
    for (const char* prefix : {"find:", "find-type:", "view:", "save-view:", "open:", "drop:", "export-list:"})
        if (step.starts_with(prefix)) return true;
    return step == "open-link";
}

bool WindowFiles::apply_script_step(ui::AppState& state, const std::string& step) {
    auto& f = state.files;
    const auto arg = [&](std::size_t n) { return step.substr(n); };
    if (step.starts_with("find:") || step.starts_with("find-type:")) {
        const bool pick = step.starts_with("find:");
        ui::open_find_place(state);
        f.find.query = arg(pick ? 5 : 10);
        ui::update_place_matches(state);
        if (pick) ui::pick_place(state, 0);
    } else if (step.starts_with("view:")) {
        const std::string name = arg(5);
        if (auto v = core::named_view(name))
            f.fly_to = *v;
        else if (const auto* s = core::find_saved_view(f.user, name))
            f.fly_to = s->box;
        else
            std::fprintf(stderr, "sitmap: no view named '%s'\n", name.c_str());
        f.fly_label = name;
    } else if (step.starts_with("save-view:")) {
        f.save_view_requested = arg(10);
    } else if (step.starts_with("open:")) {
        f.open_requested.push_back(arg(5));
    } else if (step.starts_with("drop:")) {
        dropped_paths.push_back(arg(5));  // as glfw's drop callback records it
    } else if (step.starts_with("export-list:")) {
        f.export_list_path = arg(12);
        f.export_list_requested = true;
    } else if (step == "open-link") {
        if (state.ev.selected) {
            const auto& e = state.ev.events.events()[*state.ev.selected];
            const auto doc = state.ev.documents.find(e.source.document);
            if (doc != state.ev.documents.end() && !doc->second.url.empty()) f.open_url_requested = doc->second.url;
        }
    } else {
        return false;
    }
    return true;
}

}  // namespace sitmap::app
