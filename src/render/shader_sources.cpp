#include "render/shader_sources.hpp"

#include "core/error.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sitmap::render {

namespace {
std::string raw_source(const std::string& name) {
    if (const char* dir = std::getenv("SITMAP_SHADER_DIR"); dir && *dir) {
        std::ifstream in(std::string(dir) + "/" + name);
        if (!in) throw fmt_error("{}/{}: cannot read shader", dir, name);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    const auto& all = embedded_shaders();
    auto it = all.find(name);
    if (it == all.end()) throw fmt_error("shader '{}' is not embedded in this build", name);
    return it->second;
}
}  // namespace

std::string shader_source(const std::string& name) {
    std::istringstream in(raw_source(name));
    std::string out, line;
    while (std::getline(in, line)) {
        const auto pos = line.find("#include \"");
        if (pos != std::string::npos) {
            const auto end = line.find('"', pos + 10);
            out += raw_source(line.substr(pos + 10, end - pos - 10));
        } else {
            out += line;
        }
        out += '\n';
    }
    return out;
}

}  // namespace sitmap::render
