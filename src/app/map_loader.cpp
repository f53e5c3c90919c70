#include "app/map_loader.hpp"

#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "io/control_io.hpp"
#include "io/geodata.hpp"
#include "io/scene_cache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

namespace sitmap::app {

namespace {

core::Scene build_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
                        core::Diagnostics& diags, std::optional<core::ControlTimeline>* timeline_out) {
    const core::BaseData data = io::load_base_data(geodata_dir, diags);
    core::Scene scene = core::build_base_scene(data, projector, io::triangulate_polygon, diags);
    // Control areas go above land and relief but below lakes, rivers, borders and labels. A missing
    // control.gpkg is a diagnostic (already added by the loader); the map still opens.
    const auto control_path = geodata_dir / io::kControlFile;
    if (const auto timeline = io::load_control_timeline(control_path, diags)) {
        auto layers =
            core::build_control_layers(*timeline, projector, io::triangulate_polygon, control_path.string(), diags);
        auto at = std::find_if(scene.layers.begin(), scene.layers.end(),
                               [](const core::SceneLayer& l) { return l.id == "lakes"; });
        scene.layers.insert(at, std::make_move_iterator(layers.begin()), std::make_move_iterator(layers.end()));
        if (timeline_out) *timeline_out = *timeline;
    }
    return scene;
}

}  // namespace

std::vector<std::filesystem::path> base_scene_inputs(const std::filesystem::path& geodata_dir) {
    std::set<std::string> files{core::kHillshadeFile, io::kControlFile};
    for (const auto& spec : core::base_layer_specs()) files.insert(spec.file);
    std::vector<std::filesystem::path> out;
    for (const auto& f : files) out.push_back(geodata_dir / f);
    return out;
}

core::Scene load_base_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
                            core::Diagnostics& diags, std::optional<core::ControlTimeline>* timeline_out) {
    const std::filesystem::path cache_dir = io::user_cache_dir();
    if (timeline_out || cache_dir.empty()) return build_scene(geodata_dir, projector, diags, timeline_out);
    // One cache file per geodata folder and projection; the key says whether it is still valid.
    std::error_code ec;
    const std::string where = std::filesystem::absolute(geodata_dir, ec).string() + "\n" + projector.proj_string();
    const auto path = cache_dir / fmt::format("scene-{:016x}.bin", std::hash<std::string>{}(where));
    const std::string key = io::cache_key(base_scene_inputs(geodata_dir), projector.proj_string());
    if (auto cached = io::read_scene_cache(path, key)) return std::move(*cached);
    core::Diagnostics own;
    core::Scene scene = build_scene(geodata_dir, projector, own, nullptr);
    // Only a clean load is kept: a problem in the geodata is reported on every run until mended.
    if (own.empty())
        io::write_scene_cache(path, key, scene);
    else
        for (auto& d : own.all()) diags.add(std::move(d));
    return scene;
}

}  // namespace sitmap::app
