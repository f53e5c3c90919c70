// Loads the shipped geodata and builds the base-map Scene: the one path used by the window,
// `sitmap render`, the tests and the benchmark.
#pragma once
#include "core/control_timeline.hpp"
#include "core/diagnostics.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace sitmap::app {

/// Loads every base layer from `geodata_dir` (problems go to `diags`; what loads is kept) and
/// returns the styled scene. The control timeline it was built from goes to `timeline` when given.
/// Without `timeline`, a scene built from the same files by the same program is read from the
/// user's cache directory (io::read_scene_cache; SITMAP_CACHE_DIR=off turns it off), and a clean
/// load is stored there for the next run.
core::Scene load_base_scene(const std::filesystem::path& geodata_dir, const core::Projector& projector,
                            core::Diagnostics& diags, std::optional<core::ControlTimeline>* timeline = nullptr);

/// The files load_base_scene reads from `geodata_dir` (the cache's key names each).
std::vector<std::filesystem::path> base_scene_inputs(const std::filesystem::path& geodata_dir);

}  // namespace sitmap::app
