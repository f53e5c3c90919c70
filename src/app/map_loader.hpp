// Loads the shipped geodata and builds the base-map Scene: the one path used by the window,
// `sitmap render`, the tests and the benchmark.
#pragma once
#include "core/diagnostics.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <filesystem>

namespace sitmap::app {

/// Loads every base layer from `geodata_dir` (problems go to `diags`; what loads is kept) and
/// returns the styled scene.
core::Scene load_base_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
                            core::Diagnostics& diags);

}  // namespace sitmap::app
