#include "app/cmd_render.hpp"

#include "app/data_paths.hpp"
#include "app/event_markers.hpp"
#include "app/events_source.hpp"
#include "core/event_edits.hpp"
#include "io/event_store.hpp"
#include "app/map_loader.hpp"
#include "app/render_image.hpp"
#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/image.hpp"
#include "render/offscreen.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

namespace sitmap::app {

namespace {

core::TimeWindow parse_time_window(const std::string& text) {
    if (text == "day") return {.kind = core::WindowKind::Day};
    if (text == "week") return {.kind = core::WindowKind::Week};
    if (text == "month") return {.kind = core::WindowKind::Month};
    if (text == "all") return {.kind = core::WindowKind::All};
    double days = 0;
    if (core::parse_double(text, days) && days >= 1 && days <= 3650 && days == std::floor(days))
        return {.kind = core::WindowKind::Custom, .custom_days = static_cast<int>(days)};
    throw usage_error("invalid --window '{}' (expected day, week, month, all or a number of days 1..3650)", text);
}

struct RenderOptions {
    std::string bbox;
    std::string view = "region";
    std::string size = "1600x1000";
    std::string scale = "auto";
    std::string output;
    std::string data_dir;
    std::string date;  ///< control situation shown; empty = the last change in the control data
    std::string events = "documents";  ///< "documents" (the shipped ones), "none", or files/dirs
    std::string window = "week";       ///< time window of events ending at the date
    std::string edits;                 ///< GeoPackage of corrections to apply (optional)
    bool quiet = false;
};

int run_render(const RenderOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    // Validate everything cheap before any loading or GL work.
    const core::PixelSize size = core::parse_size(o.size);
    core::GeoBox box;
    if (!o.bbox.empty()) {
        box = core::parse_bbox(o.bbox);
    } else if (auto v = core::named_view(o.view)) {
        box = *v;
    } else {
        throw usage_error("invalid --view '{}' (expected region or karabakh)", o.view);
    }
    float ui_scale = auto_ui_scale(size.width, size.height);
    if (o.scale != "auto") {
        double s = 0;
        if (!core::parse_double(o.scale, s) || s < 0.25 || s > 8)
            throw usage_error("invalid --scale '{}' (expected auto or a number from 0.25 to 8)", o.scale);
        ui_scale = static_cast<float>(s);
    }
    std::optional<core::Date> date;
    if (!o.date.empty()) date = core::parse_date_arg(o.date, "--date");
    const core::TimeWindow window = parse_time_window(o.window);
    io::check_writable(o.output);

    // The GL context comes first: without OpenGL 3.3 there is no point in loading data.
    render::HeadlessContext context;
    const DataPaths paths = find_data_paths(o.data_dir);
    core::Diagnostics diags;
    const core::Projector projector;
    core::Scene scene = load_base_scene(paths.geodata(), projector, diags);
    for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", d.format().c_str());

    render::Renderer renderer(paths.fonts());
    renderer.upload(scene);
    const core::Camera camera = core::Camera::fit(core::project_box(projector, box), size.width, size.height);
    auto day = date ? std::optional(core::day_number(*date)) : core::latest_control_day(scene);

    // Events: the same selection, grouping and symbols as the window.
    EventLayout events;
    if (o.events != "none") {
        std::vector<std::string> inputs;
        if (o.events != "documents") inputs.push_back(o.events);
        core::EditableEvents editable;
        editable.set_extracted(load_events(inputs, paths, diags));
        if (!o.edits.empty()) editable.set_edits(io::load_edits(o.edits, diags));
        if (!day && !editable.events().empty()) {
            core::Date latest = editable.events().front().date.start;
            for (const auto& e : editable.events())
                if (std::chrono::sys_days(e.date.start) > std::chrono::sys_days(latest)) latest = e.date.start;
            day = core::day_number(latest);
        }
        if (day) {
            core::EventFilter filter;
            filter.deleted = editable.deleted_flags();
            const auto visible = core::select_events(editable.events(), filter, window, core::date_from_day_number(*day));
            events = layout_events(editable.events(), visible, projector,
                                   {.metres_per_pixel = camera.metres_per_pixel(), .ui_scale = ui_scale});
        }
        for (const auto& d : diags.all())
            if (d.severity == core::Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    }
    const io::RgbaImage image = render_image(renderer, scene, camera,
                                                {.ui_scale = ui_scale,
                                                 .day = day,
                                                 .date_label = day ? core::format_long_date(core::date_from_day_number(*day))
                                                                   : std::string(),
                                                 .events = &events.markers});
    io::write_png(o.output, image);
    if (!o.quiet) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "wrote %s (%dx%d, scale %.2f) in %.0f ms\n", o.output.c_str(), size.width, size.height,
                     ui_scale, ms);
    }
    return 0;
}

}  // namespace

CLI::App* add_render_command(CLI::App& parent, int& exit_code) {
    auto opts = std::make_shared<RenderOptions>();
    CLI::App* cmd = parent.add_subcommand(
        "render", "Draw the map to a PNG without a window (EGL surfaceless; no display needed).");
    cmd->add_option("--bbox", opts->bbox,
                    "Area to show as W,S,E,N in degrees (e.g. 45.6,38.85,47.4,40.45); the image keeps its aspect "
                    "ratio, so more may show on one axis");
    cmd->add_option("--view", opts->view, "Named area when --bbox is not given: region | karabakh")
        ->capture_default_str();
    cmd->add_option("--size", opts->size, "Image size WIDTHxHEIGHT in pixels")->capture_default_str();
    cmd->add_option("--scale", opts->scale,
                    "Size of text, symbols and lines: auto (grows with the image) or a factor 0.25..8")
        ->capture_default_str();
    cmd->add_option("-o,--output", opts->output, "Output PNG file (written atomically)")->required();
    cmd->add_option("--data", opts->data_dir, "Directory holding geodata/ and assets/ (default: found automatically)");
    cmd->add_option("--date", opts->date,
                    "Show control of territory on this day (YYYY-MM-DD); default: the last change in the data");
    cmd->add_option("--events", opts->events,
                    "Events to draw: documents (the shipped ones), none, or an events file (.gpkg/.geojson/.csv) "
                    "or a directory of documents")
        ->capture_default_str();
    cmd->add_option("--window", opts->window,
                    "Time window of events ending at --date: day | week | month | all | a number of days")
        ->capture_default_str();
    cmd->add_option("--edits", opts->edits, "Apply the corrections saved in this GeoPackage (from the window)");
    cmd->add_flag("-q,--quiet", opts->quiet, "Do not print the summary line");
    cmd->callback([opts, &exit_code] { exit_code = run_render(*opts); });
    return cmd;
}

}  // namespace sitmap::app
