#include "app/cmd_query.hpp"

#include "app/data_paths.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/control_io.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <memory>

namespace sitmap::app {

namespace {

struct QueryOptions {
    std::string date;
    std::string at;
    std::string lon, lat;  ///< GDAL's order (x then y), as gdallocationinfo -wgs84 takes them
    std::string data_dir;
};

/// The point from --at LAT,LON or from --lon and --lat (both, or neither); exactly one form.
core::LonLat query_point(const QueryOptions& o) {
    const bool separate = !o.lon.empty() || !o.lat.empty();
    if (separate && !o.at.empty()) throw usage_error("give the point either as --at LAT,LON or as --lon and --lat");
    if (!separate) {
        if (o.at.empty()) throw usage_error("no point: give --at LAT,LON or --lon LON --lat LAT");
        return core::parse_lat_lon(o.at);
    }
    if (o.lon.empty() || o.lat.empty()) throw usage_error("--lon and --lat go together");
    return core::parse_lat_lon(o.lat + "," + o.lon);  // the same range checks and messages as --at
}

int run_query(const QueryOptions& o) {
    // Validate the arguments before loading anything.
    const core::Date date = core::parse_date_arg(o.date, "--date");
    const core::LonLat p = query_point(o);

    const auto path = find_data_paths(o.data_dir).geodata() / io::kControlFile;
    core::Diagnostics diags;
    const auto timeline = io::load_control_timeline(path, diags);
    for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!timeline || timeline->empty()) throw fmt_error("{}: no control data could be read", path.string());
    if (!timeline->covers(date))
        throw usage_error("--date '{}' is outside the control data ({} to {})", o.date,
                          core::format_iso(timeline->first_date()), core::format_iso(timeline->last_date()));

    const core::ControlAnswer a = timeline->control_at(date, p);
    nlohmann::ordered_json j;
    j["date"] = core::format_iso(date);
    j["lat"] = p.lat;
    j["lon"] = p.lon;
    j["controller"] = std::string(core::controller_name(a.controller));
    j["peacekeeping"] = a.peacekeeping;
    j["kind"] = std::string(core::kind_name(a.kind));
    j["source"] = a.source;
    j["confidence"] = std::string(core::confidence_name(a.confidence));
    std::printf("%s\n", j.dump().c_str());
    return 0;
}

}  // namespace

CLI::App* add_query_command(CLI::App& parent, int& exit_code) {
    auto opts = std::make_shared<QueryOptions>();
    CLI::App* cmd = parent.add_subcommand(
        "query", "Print which side controlled a point on a date, as one JSON line (geodata/control.gpkg).");
    cmd->add_option("--date", opts->date, "Calendar date YYYY-MM-DD within the control data (1992-01-01 onwards)")
        ->required();
    cmd->add_option("--at", opts->at, "Point as LAT,LON in degrees (e.g. 39.76,46.75 for Shusha)");
    cmd->add_option("--lon", opts->lon, "Longitude in degrees east (with --lat, instead of --at)");
    cmd->add_option("--lat", opts->lat, "Latitude in degrees north (with --lon, instead of --at)");
    cmd->add_option("--data", opts->data_dir, "Directory holding geodata/ (default: found automatically)");
    cmd->callback([opts, &exit_code] { exit_code = run_query(*opts); });
    return cmd;
}

}  // namespace sitmap::app
