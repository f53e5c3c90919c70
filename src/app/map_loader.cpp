#include "app/map_loader.hpp"

#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "io/control_io.hpp"
#include "io/geodata.hpp"

#include <algorithm>

namespace sitmap::app {

core::Scene load_base_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
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

}  // namespace sitmap::app
