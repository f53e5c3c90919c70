#include "app/cmd_render.hpp"

#include "app/data_paths.hpp"
#include "app/diagnostics_print.hpp"
#include "app/events_source.hpp"
#include "app/map_loader.hpp"
#include "app/pg_events.hpp"
#include "app/render_image.hpp"
#include "app/user_files.hpp"
#include "app/video_export.hpp"
#include "compose/compose.hpp"
#include "compose/slides.hpp"
#include "compose/split.hpp"
#include "compose/video_plan.hpp"
#include "core/base_map.hpp"
#include "core/camera.hpp"
#include "core/control_scene.hpp"
#include "core/error.hpp"
#include "core/event_edits.hpp"
#include "core/parse.hpp"
#include "io/briefing_io.hpp"
#include "io/event_store.hpp"
#include "io/image.hpp"
#include "io/pg_store.hpp"
#include "io/scene_cache.hpp"
#include "io/video.hpp"
#include "render/offscreen.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace sitmap::app {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct RenderOptions {
    std::string bbox;
    std::string view = "region";
    std::string size = "1600x1000";
    std::string scale = "auto";
    std::string output;
    std::string data_dir;
    std::string date;                  ///< control situation shown; empty = compose::default_date
    std::string events = "documents";  ///< "documents" (the shipped ones), "none", or files/dirs
    std::string window = "week";       ///< time window of events ending at the date
    std::string edits;                 ///< GeoPackage of corrections to apply (optional)
    std::string min_confidence = "0";  ///< events below this confidence are not drawn
    bool reviewed_only = false;        ///< draw only events accepted in review (needs `edits`)
    std::string title, subtitle;
    bool no_legend = false, no_north_arrow = false, no_locator = false;
    bool world_file = false;
    std::string compare;                ///< "D1,D2": a before/after image, D1 left of the divider
    std::string divider = "0.5";        ///< where the divider is, as a fraction of the width
    std::string briefing;               ///< render every slide of this briefing into the output dir
    std::string from, to, step = "1d";  ///< animation frames into the output dir
    long max_frames = 10000;            ///< more frames than this are refused unless raised
    std::string fields;                 ///< --fields: sitmap column=file column, for --events files
    int fps = 10;                       ///< video frame rate (-o .mp4 / .gif)
    double hold = 3;                    ///< seconds each slide is held in a briefing video
    bool quiet = false;
};

/// Everything a render needs once: GL context, scene, renderer, events.
struct RenderSession {
    render::HeadlessContext context;  // first: without OpenGL 3.3 there is no point in loading
    DataPaths paths;
    core::Diagnostics diags;
    core::Projector projector;
    core::Scene scene;
    std::unique_ptr<render::Renderer> renderer;
    core::EditableEvents events;
    bool with_events = false;
    bool reviewed_only = false;
    std::size_t last_drawn = 0;   ///< events drawn in the last render()
    std::size_t last_places = 0;  ///< place names labelled in the last render()

    explicit RenderSession(const RenderOptions& o)
        : paths(find_data_paths(o.data_dir)), reviewed_only(o.reviewed_only) {
        scene = load_base_scene(paths.geodata(), projector, diags);
        renderer = std::make_unique<render::Renderer>(paths.fonts());
        renderer->set_cache_dir(io::user_cache_dir());
        renderer->upload(scene);
        if (o.events != "none" && !io::is_pg_source(o.events)) {
            std::vector<std::string> inputs;
            if (o.events != "documents") inputs.push_back(o.events);
            // An explicit --events that cannot be read is a failure (exit 1), not an empty map.
            events.set_extracted(load_events(inputs, paths, diags, /*inputs_required=*/!inputs.empty(),
                                             io::parse_event_field_map(o.fields)));
            if (!o.edits.empty()) events.set_edits(io::load_edits(o.edits, diags));
            with_events = true;
        }
        print_diagnostics(diags, {.quiet = o.quiet});  // warnings too (rows rejected, damaged files)
    }

    /// With --events PG:"...": the store's events in `camera`'s view (all of them when unset: a
    /// briefing's slides look at different places) overlapping [from, to], chosen by the database.
    void load_pg_events(const RenderOptions& o, const core::Camera* camera, std::optional<core::Date> from,
                        std::optional<core::Date> to) {
        if (!io::is_pg_source(o.events)) return;
        io::PgEventStore store(o.events);
        EventsWindow window{.from = from, .to = to, .include_unplaced = false};
        if (camera) window.bbox = lonlat_box_of(projector, camera->visible_box());
        PgWindowEvents loaded = read_pg_window(store, window);
        if (!o.quiet)
            std::fprintf(stderr, "read %zu events from %s in %zu page(s)\n", loaded.events.size(), store.name().c_str(),
                         loaded.pages);
        events.set_extracted(std::move(loaded.events));
        // Decisions and deletions stored with the events, then the --edits file's corrections.
        auto edits = std::move(loaded.marks);
        if (!o.edits.empty())
            for (auto& e : io::load_edits(o.edits, diags)) edits.push_back(std::move(e));
        events.set_edits(std::move(edits));
        with_events = true;
    }

    /// `request` with this session's events (none with --events none; only the accepted with --reviewed-only).
    compose::FrameRequest with_session_events(compose::FrameRequest request) const {
        if (!with_events) request.events.events = nullptr;
        if (request.events.events) request.events.reviewed_only = reviewed_only;
        return request;
    }

    /// One image: the frame `request` composes, seen by `camera`.
    io::RgbaImage render(const core::Camera& camera, compose::FrameRequest request) {
        request = with_session_events(std::move(request));
        request.metres_per_pixel = camera.metres_per_pixel();
        const compose::ComposedFrame frame = compose::compose_frame(scene, projector, request);
        last_drawn = frame.visible.size();
        auto image = render_image(*renderer, scene, camera, frame.options());
        last_places = renderer->last_layout().place_labels.size();
        return image;
    }

    /// A before/after image: the two frames `split` composes, each clipped to its side.
    io::RgbaImage render(const core::Camera& camera, compose::SplitRequest split) {
        for (auto* r : {&split.left, &split.right}) {
            if (!with_events) r->events.events = nullptr;
            if (r->events.events) r->events.reviewed_only = reviewed_only;
            r->metres_per_pixel = camera.metres_per_pixel();
        }
        const compose::ComposedSplit frames = compose::compose_split(scene, projector, split);
        last_drawn = frames.left.visible.size() + frames.right.visible.size();
        const auto options = frames.options(camera.width(), camera.height());
        auto image = render_frames(*renderer, scene, camera, options);
        last_places = renderer->last_layout().place_labels.size();
        return image;
    }
};

/// "--compare D1,D2": the left and the right date. Throws UsageError naming the option.
std::pair<core::Date, core::Date> parse_compare(const std::string& text) {
    const auto comma = text.find(',');
    if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos)
        throw usage_error("invalid --compare '{}' (expected two dates LEFT,RIGHT, e.g. 2020-09-26,2020-11-10)", text);
    return {core::parse_date_arg(text.substr(0, comma), "--compare left date"),
            core::parse_date_arg(text.substr(comma + 1), "--compare right date")};
}

/// "--divider F": strictly between 0 and 1.
double parse_divider(const std::string& text) {
    double d = 0;
    if (!core::parse_double(text, d) || !(d > 0 && d < 1))
        throw usage_error("invalid --divider '{}' (expected a fraction of the width between 0 and 1, e.g. 0.5)", text);
    return d;
}

float parse_scale(const RenderOptions& o, int w, int h) {
    if (o.scale == "auto") return auto_ui_scale(w, h);
    double s = 0;
    if (!core::parse_double(o.scale, s) || s < 0.25 || s > 8)
        throw usage_error("invalid --scale '{}' (expected auto or a number from 0.25 to 8)", o.scale);
    return static_cast<float>(s);
}

/// Output directory for several images: created when its parent exists; must be writable.
fs::path prepare_output_dir(const std::string& out) {
    const fs::path dir(out);
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        if (!dir.parent_path().empty() && !fs::is_directory(dir.parent_path(), ec))
            throw fmt_error("{}: cannot create output directory: '{}' does not exist", out, dir.parent_path().string());
        fs::create_directory(dir, ec);
        if (ec) throw fmt_error("{}: cannot create output directory ({})", out, ec.message());
    }
    if (!fs::is_directory(dir, ec)) throw fmt_error("{}: output for several images must be a directory", out);
    io::check_writable(dir / "probe.png");
    return dir;
}

/// For --briefing and --from/--to: true when -o names a video (.mp4, .gif); false for a directory
/// of PNGs. Any other extension is refused (unless it is an existing directory): `-o war.avi` is
/// a typo for a video, not a directory to create.
bool check_animation_output(const RenderOptions& o) {
    if (o.fps < 1 || o.fps > 60) throw usage_error("invalid --fps {} (expected 1..60 frames per second)", o.fps);
    if (!(o.hold >= 0.1 && o.hold <= 600))
        throw usage_error("invalid --hold {} (expected 0.1..600 seconds per slide)", o.hold);
    const fs::path out(o.output);
    if (io::is_video_path(out)) {
        io::check_writable(out);
        return true;
    }
    std::error_code ec;
    if (out.has_extension() && !fs::is_directory(out, ec))
        throw usage_error(
            "invalid -o '{}': unknown video format '{}' (expected .mp4 or .gif, or a directory for one "
            "PNG per frame)",
            o.output, out.extension().string());
    return false;
}

/// Renders `shots` into the video -o names, printing progress (unless --quiet) and a summary.
int write_video(RenderSession& session, const RenderOptions& o, std::vector<VideoShot> shots, Clock::time_point t0) {
    for (auto& shot : shots) shot.request = session.with_session_events(std::move(shot.request));
    VideoJob job(o.output, o.fps, std::move(shots));
    const io::VideoSize enc = job.size();
    if (!o.quiet && (enc.width != job.width() || enc.height != job.height()))
        std::fprintf(stderr,
                     "note: %s: %dx%d frames encoded as %dx%d (H.264 in yuv420p needs even sides; the last "
                     "column or row is repeated)\n",
                     o.output.c_str(), job.width(), job.height(), enc.width, enc.height);
    const auto t_frames = Clock::now();
    int reported = 0;
    while (!job.done()) {
        job.render_next(*session.renderer, session.scene, session.projector);
        const int percent = job.frames_done() * 100 / job.total();
        if (!o.quiet && percent >= reported + 10) {
            reported = percent / 10 * 10;
            std::fprintf(stderr, "frame %d/%d (%d%%)\n", job.frames_done(), job.total(), percent);
        }
    }
    job.finish();
    if (!o.quiet) {
        const double encode_s = std::chrono::duration<double>(Clock::now() - t_frames).count();
        std::fprintf(stderr, "wrote %s: %d frames, %dx%d at %d fps (%.1f s of video) in %.1f s (%.3f s per frame)\n",
                     o.output.c_str(), job.total(), enc.width, enc.height, o.fps,
                     static_cast<double>(job.total()) / o.fps, std::chrono::duration<double>(Clock::now() - t0).count(),
                     encode_s / job.total());
    }
    return 0;
}

// A --bbox the data cannot fill: closer than the closest zoom the window allows, or wider than the
// region the data covers (core::Camera::limits_for over the scene's bounds). Refused, not clamped:
// the image would not show the box asked for.
void check_bbox_zoom(const std::string& text, const core::GeoBox& box, core::PixelSize size) {
    const core::Projector projector;
    const core::WorldBox world = core::project_box(projector, box);
    const double mpp = core::Camera::fit(world, size.width, size.height).metres_per_pixel();
    const auto limits =
        core::Camera::limits_for(core::project_box(projector, core::kRegionBox), size.width, size.height);
    if (mpp < limits.closest) {
        const double min_km = limits.closest * std::max(size.width, size.height) / 1000.0;
        throw usage_error(
            "invalid --bbox '{}' (at {}x{} it is {:.1f} m per pixel, closer than the data holds detail for: at "
            "least {:.0f} m per pixel, so a box about {:.1f} km across, or a smaller --size)",
            text, size.width, size.height, mpp, limits.closest, min_km);
    }
    if (mpp > limits.farthest)
        throw usage_error(
            "invalid --bbox '{}' (larger than the region the data covers, {:.0f},{:.0f},{:.0f},{:.0f}: "
            "the map has nothing to show beyond it)",
            text, core::kRegionBox.min_x, core::kRegionBox.min_y, core::kRegionBox.max_x, core::kRegionBox.max_y);
}

// The first day a time window ending at `d` shows, a day early for safety; nullopt for All.
std::optional<core::Date> window_start(core::Date d, const core::TimeWindow& window) {
    const auto days = window.days();
    if (!days) return std::nullopt;
    return core::Date(std::chrono::sys_days(d) - std::chrono::days(*days));
}

int run_render(const RenderOptions& o) {
    const auto t0 = Clock::now();
    // Validate everything cheap before any loading or GL work.
    const core::PixelSize size = core::parse_size(o.size, kMaxExportSide);
    core::GeoBox box;
    if (!o.bbox.empty()) {
        box = core::parse_bbox(o.bbox);
        check_bbox_zoom(o.bbox, box, size);
    } else {
        box = resolve_view(o.view);  // built-in or saved in the window; names the value otherwise
    }
    const float ui_scale = parse_scale(o, size.width, size.height);
    std::optional<core::Date> date;
    if (!o.date.empty()) date = core::parse_date_arg(o.date, "--date");
    const core::TimeWindow window = compose::parse_time_window(o.window);
    const double min_confidence = core::parse_confidence_arg(o.min_confidence);
    core::EventFilter filter{.min_confidence = min_confidence};
    if (o.reviewed_only && o.edits.empty() && !io::is_pg_source(o.events))  // a store holds its decisions
        throw usage_error("--reviewed-only needs --edits FILE (the corrections file holding the review decisions)");
    if (o.reviewed_only && o.events == "none")
        throw usage_error("--reviewed-only cannot be combined with --events none (there are no events to review)");
    const bool frames = !o.from.empty() || !o.to.empty();
    if (frames && (o.from.empty() || o.to.empty())) throw usage_error("--from and --to go together");
    if (frames && !o.briefing.empty()) throw usage_error("--briefing and --from/--to cannot be combined");
    std::optional<std::pair<core::Date, core::Date>> compare;
    if (!o.compare.empty()) {
        if (!o.date.empty())
            throw usage_error("--compare and --date cannot be combined (--compare LEFT,RIGHT gives both dates)");
        if (frames) throw usage_error("--compare and --from/--to cannot be combined");
        if (!o.briefing.empty())
            throw usage_error("--compare and --briefing cannot be combined (a briefing's slides say \"compare\")");
        compare = parse_compare(o.compare);
    } else if (o.divider != "0.5") {
        throw usage_error("--divider needs --compare LEFT,RIGHT");
    }
    const double divider = parse_divider(o.divider);
    const bool video = (frames || !o.briefing.empty()) && check_animation_output(o);
    std::optional<core::Briefing> briefing;
    if (!o.briefing.empty()) {
        briefing = io::load_briefing(o.briefing);  // names file and field on error
        // A typo in a layer id would silently show fewer layers on that slide.
        const auto unknown = core::unknown_layer_ids(*briefing, core::map_layer_ids());
        if (!unknown.empty())
            throw usage_error("{}: {} is not a layer id (expected one of: {}){}", o.briefing, unknown.front(),
                              fmt::join(core::map_layer_ids(), ", "),
                              unknown.size() > 1 ? fmt::format("; {} more unknown", unknown.size() - 1) : "");
    }

    const compose::Furniture furniture{.ui_scale = ui_scale,
                                       .title = o.title,
                                       .subtitle = o.subtitle,
                                       .legend = !o.no_legend,
                                       .north_arrow = !o.no_north_arrow,
                                       .locator = !o.no_locator};
    // The events shown (filled in per session: the events are loaded after validation).
    auto request_for = [&](const RenderSession& session, std::optional<core::Date> d) {
        return compose::FrameRequest{.date = d,
                                     .events = {.events = &session.events, .filter = filter, .window = window},
                                     .furniture = furniture};
    };

    if (briefing && video) {
        RenderSession session(o);
        session.load_pg_events(o, nullptr, std::nullopt, std::nullopt);
        auto shots = briefing_shots(*briefing, session.projector, size.width, size.height, &session.events, ui_scale,
                                    min_confidence, o.fps, o.hold);
        for (auto& shot : shots) {  // the slides as F5 shows them, with the command line's furniture flags
            shot.request.furniture.legend = !o.no_legend;
            shot.request.furniture.north_arrow = !o.no_north_arrow;
            shot.request.furniture.locator = !o.no_locator;
        }
        return write_video(session, o, std::move(shots), t0);
    }

    if (briefing) {
        const fs::path dir = prepare_output_dir(o.output);
        RenderSession session(o);
        session.load_pg_events(o, nullptr, std::nullopt, std::nullopt);
        int n = 0;
        for (const auto& slide : briefing->slides) {
            ++n;
            const auto t = Clock::now();
            const auto before = compose::apply_slide_layers(session.scene, slide);
            // The slide as F5 shows it (compose::slide_frame), with the command line's furniture flags.
            auto [camera, request] = compose::slide_frame(slide, session.projector, size.width, size.height,
                                                          &session.events, ui_scale, min_confidence);
            request.furniture.legend = !o.no_legend;
            request.furniture.north_arrow = !o.no_north_arrow;
            request.furniture.locator = !o.no_locator;
            const auto split = compose::slide_split(slide, request);
            const auto image = split ? session.render(camera, *split) : session.render(camera, request);
            compose::restore_layers(session.scene, before);
            const fs::path out = dir / fmt::format("slide-{:02d}.png", n);
            write_image_file(out, image, camera, session.projector, o.world_file);
            if (!o.quiet)
                std::fprintf(stderr, "wrote %s (%s) in %.0f ms\n", out.c_str(), slide.title.c_str(),
                             std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        }
        if (!o.quiet)
            std::fprintf(stderr, "%d slides in %.1f s\n", n, std::chrono::duration<double>(Clock::now() - t0).count());
        return 0;
    }

    if (frames) {
        const core::Date from = core::parse_date_arg(o.from, "--from"), to = core::parse_date_arg(o.to, "--to");
        if (std::chrono::sys_days(to) < std::chrono::sys_days(from))
            throw usage_error("invalid --to '{}' (before --from '{}')", o.to, o.from);
        const compose::FrameStep step = compose::parse_frame_step(o.step);
        // Counted before anything is written: a typo in a year must not start millions of frames.
        const long frames_ahead = compose::estimate_frame_count(from, to, step);
        if (frames_ahead > o.max_frames)
            throw usage_error(
                "--from {} --to {} --step {} gives about {} frames, more than --max-frames {} (raise it to render "
                "them all)",
                o.from, o.to, o.step, frames_ahead, o.max_frames);
        const auto dates = compose::frame_dates(from, to, step);
        const fs::path dir = video ? fs::path() : prepare_output_dir(o.output);
        RenderSession session(o);
        const core::Camera camera =
            core::Camera::fit(core::project_box(session.projector, box), size.width, size.height);
        session.load_pg_events(o, &camera, window_start(from, window), to);
        if (video) return write_video(session, o, range_shots(camera, request_for(session, {}), dates), t0);
        int n = 0;
        for (const core::Date d : dates) {
            const auto image = session.render(camera, request_for(session, d));
            const fs::path out = dir / fmt::format("frame-{:05d}.png", n++);
            write_image_file(out, image, camera, session.projector, false);
        }
        if (!o.quiet) std::fprintf(stderr, "wrote %d frames to %s\n", n, dir.c_str());
        std::printf(
            "ffmpeg -framerate 6 -i '%s/frame-%%05d.png' -c:v libx264 -pix_fmt yuv420p -vf "
            "\"pad=ceil(iw/2)*2:ceil(ih/2)*2\" '%s.mp4'\n",
            dir.c_str(), dir.c_str());
        return 0;
    }

    io::check_writable(o.output);
    if (image_format_for(o.output) == ImageFormat::GeoTiff && o.world_file && !o.quiet)
        std::fprintf(stderr,
                     "note: %s: a GeoTIFF is georeferenced already (CRS and geotransform inside); "
                     "--world-file adds no files\n",
                     o.output.c_str());
    RenderSession session(o);
    const core::Camera camera = core::Camera::fit(core::project_box(session.projector, box), size.width, size.height);
    // Without --date the date follows from the events (compose::default_date): all dates are read.
    if (compare)
        session.load_pg_events(o, &camera, window_start(compare->first, window), compare->second);
    else
        session.load_pg_events(o, &camera, date ? window_start(*date, window) : std::nullopt, date);
    const auto image =
        compare ? session.render(camera, compose::SplitRequest{request_for(session, compare->first),
                                                               request_for(session, compare->second), divider})
                : session.render(camera, request_for(session, date));
    write_image_file(o.output, image, camera, session.projector, o.world_file);
    if (!o.quiet) {
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        std::fprintf(stderr, "wrote %s (%dx%d, scale %.2f, %zu place names) in %.0f ms\n", o.output.c_str(), size.width,
                     size.height, ui_scale, session.last_places, ms);
        if (session.with_events) {
            const auto counts = session.events.review_counts();
            std::fprintf(stderr,
                         "%zu event(s) drawn%s; review: %zu accepted, %zu rejected (never drawn), %zu unreviewed\n",
                         session.last_drawn, o.reviewed_only ? " (accepted in review only)" : "", counts[1], counts[2],
                         counts[0]);
        }
    }
    return 0;
}

}  // namespace

CLI::App* add_render_command(CLI::App& parent, int& exit_code) {
    auto opts = std::make_shared<RenderOptions>();
    CLI::App* cmd = parent.add_subcommand(
        "render",
        "Draw the map to an image without a window (EGL surfaceless; no display needed): one PNG or GeoTIFF, one PNG "
        "per slide of a briefing (--briefing), numbered animation frames (--from/--to/--step), or an MP4/GIF video of "
        "either (-o FILE.mp4).");
    cmd->add_option("--bbox", opts->bbox,
                    "Area to show as W,S,E,N in degrees (e.g. 45.6,38.85,47.4,40.45); the image keeps its aspect "
                    "ratio, so more may show on one axis");
    cmd->add_option(
           "--view", opts->view,
           "Named area when --bbox is not given: region | karabakh | lachin | syunik | nakhchivan, or a view saved "
           "in the window (View > Save current view as...)")
        ->capture_default_str();
    cmd->add_option("--size", opts->size,
                    fmt::format("Image size WIDTHxHEIGHT in pixels, up to {0}x{0} (large images are rendered in tiles)",
                                kMaxExportSide))
        ->capture_default_str();
    cmd->add_option("--scale", opts->scale,
                    "Size of text, symbols and lines: auto (grows with the image) or a factor 0.25..8")
        ->capture_default_str();
    cmd->add_option("-o,--output", opts->output,
                    "Output file (.png, .jpg, or .tif for a georeferenced GeoTIFF); with --briefing or --from/--to a "
                    "video (.mp4: H.264; .gif) or a directory for one PNG per frame. Files are written atomically.")
        ->required();
    cmd->add_option("--data", opts->data_dir, "Directory holding geodata/ and assets/ (default: found automatically)");
    cmd->add_option("--date", opts->date,
                    "Show control of territory and events up to this day (YYYY-MM-DD); default: the latest event's "
                    "date, or without events the last change in the control data (as the window opens)");
    cmd->add_option("--events", opts->events,
                    "Events to draw: documents (the shipped ones), none, an events file (.gpkg/.geojson/.csv), a "
                    "document (.txt/.md), a directory of documents, or a PostgreSQL store PG:\"dbname=...\" (only the "
                    "events in the view and the time window are read)")
        ->capture_default_str();
    cmd->add_option("--fields", opts->fields, fields_option_help());
    cmd->add_option("--window", opts->window,
                    "Time window of events ending at --date: day | week | month | all | a number of days")
        ->capture_default_str();
    cmd->add_option("--min-confidence", opts->min_confidence,
                    "Draw only events whose confidence is at least this (0..1); weaker events are drawn paler")
        ->capture_default_str();
    cmd->add_option(
        "--edits", opts->edits,
        "Apply the corrections saved in this GeoPackage (from the window); rejected events are never drawn");
    cmd->add_flag("--reviewed-only", opts->reviewed_only,
                  "Draw only the events accepted in review (the decisions are read from --edits, which it needs)");
    cmd->add_option("--title", opts->title, "Title drawn at the top left");
    cmd->add_option("--subtitle", opts->subtitle, "Subtitle under the title");
    cmd->add_flag("--no-legend", opts->no_legend, "Leave out the legend of events and reference lines");
    cmd->add_flag("--no-north-arrow", opts->no_north_arrow, "Leave out the north arrow");
    cmd->add_flag("--no-locator", opts->no_locator, "Leave out the inset locator map");
    cmd->add_flag("--world-file", opts->world_file,
                  "Also write a world file (.pgw/.jgw), a .prj and a .aux.xml with the CRS beside each PNG or JPEG, "
                  "so GDAL and QGIS place it with its projection (a GeoTIFF needs none)");
    cmd->add_option("--compare", opts->compare,
                    "Before/after: LEFT,RIGHT dates (YYYY-MM-DD); the same map with LEFT's situation left of a "
                    "divider and RIGHT's right of it, each half stamped with its date");
    cmd->add_option("--divider", opts->divider, "With --compare: where the divider is, as a fraction of the width")
        ->capture_default_str();
    cmd->add_option("--briefing", opts->briefing,
                    "Render every slide of this briefing (JSON) into the -o directory, or play it (transitions, "
                    "captions) into the -o video");
    cmd->add_option("--from", opts->from,
                    "First date of animation frames (YYYY-MM-DD), into the -o directory or video");
    cmd->add_option("--to", opts->to, "Last date of animation frames (YYYY-MM-DD)");
    cmd->add_option("--max-frames", opts->max_frames,
                    "Refuse animation runs of more frames than this (counted before any is drawn)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--step", opts->step, "Step between frames: Nd, Nw or Nm (days, weeks, months)")
        ->capture_default_str();
    cmd->add_option("--fps", opts->fps,
                    "Frames per second of a video (-o FILE.mp4 or .gif with --from/--to or --briefing), 1..60")
        ->capture_default_str();
    cmd->add_option("--hold", opts->hold, "Seconds each slide is held in a briefing video (transitions take 1.2 s)")
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", opts->quiet, "Print only errors: no warnings, no summary line");
    cmd->callback([opts, &exit_code] { exit_code = run_render(*opts); });
    return cmd;
}

}  // namespace sitmap::app
