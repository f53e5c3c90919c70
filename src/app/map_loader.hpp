// Loads the shipped geodata and builds the base-map Scene: the one path used by the window,
// `sitmap render`, the tests and the benchmark.
#pragma once
#include "core/control_timeline.hpp"
#include "core/diagnostics.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <filesystem>
#include <optional>

namespace sitmap::app {

/// Loads every base layer from `geodata_dir` (problems go to `diags`; what loads is kept) and
/// returns the styled scene. The control timeline it was built from goes to `timeline` when given.
core::Scene load_base_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
                            core::Diagnostics& diags, std::optional<core::ControlTimeline>* timeline = nullptr);

}  // namespace sitmap::app
