#include "app/map_loader.hpp"

#include "core/base_map.hpp"
#include "io/geodata.hpp"

namespace sitmap::app {

core::Scene load_base_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
                            core::Diagnostics& diags) {
    const core::BaseData data = io::load_base_data(geodata_dir, diags);
    return core::build_base_scene(data, projector, io::triangulate_polygon, diags);
}

}  // namespace sitmap::app
