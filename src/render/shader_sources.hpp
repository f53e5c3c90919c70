// Shader sources: embedded at build time from shaders/ (cmake/EmbedShaders.cmake); when the
// environment variable SITMAP_SHADER_DIR is set, files there are read instead (live editing).
#pragma once
#include <map>
#include <string>

namespace sitmap::render {

/// Every file of shaders/ by name ("line.vert"), as embedded at build time.
const std::map<std::string, std::string>& embedded_shaders();

/// Source of one shader with `#include "x.glsl"` lines expanded. Throws sitmap::Error if unknown.
std::string shader_source(const std::string& name);

}  // namespace sitmap::render
