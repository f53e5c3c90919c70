#include "core/scene.hpp"

namespace sitmap::core {

void FillPart::append(const Mesh& more) {
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    for (const auto& v : more.vertices) {
        mesh.vertices.push_back(v);
        box.extend(v.x, v.y);
    }
    for (auto i : more.indices) mesh.indices.push_back(base + i);
}

std::optional<float> recent_change_strength(const SceneLayer& layer, const FillPart& part, std::int32_t day) {
    if (layer.highlight_recent_days <= 0 || !part.changed_hands || !part.valid.contains(day)) return std::nullopt;
    const double age = static_cast<double>(day) - part.valid.from_day;
    if (age < 0 || age >= layer.highlight_recent_days) return std::nullopt;
    return static_cast<float>(1.0 - age / layer.highlight_recent_days);
}

int Scene::find(const std::string& id) const {
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].id == id) return static_cast<int>(i);
    return -1;
}

SceneLayer* Scene::layer(const std::string& id) {
    const int i = find(id);
    return i < 0 ? nullptr : &layers[static_cast<std::size_t>(i)];
}

const SceneLayer* Scene::layer(const std::string& id) const {
    const int i = find(id);
    return i < 0 ? nullptr : &layers[static_cast<std::size_t>(i)];
}

}  // namespace sitmap::core
