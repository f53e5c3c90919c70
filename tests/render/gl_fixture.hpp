// Shared set-up for GL tests: one headless context per process, the shipped scene loaded once.
// Without EGL/GL the test exits with code 77, which ctest reports as skipped (never a silent pass).
#pragma once
#include "app/map_loader.hpp"
#include "core/projector.hpp"
#include "render/offscreen.hpp"
#include "render/renderer.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace sitmap::test {

struct GlWorld {
    std::unique_ptr<render::HeadlessContext> context;
    core::Projector projector;
    core::Diagnostics diags;
    core::Scene scene;
    std::unique_ptr<render::Renderer> renderer;

    static GlWorld& get() {
        static GlWorld world;
        return world;
    }

private:
    GlWorld() {
        try {
            context = std::make_unique<render::HeadlessContext>();
        } catch (const std::exception& e) {
            // CI sets SITMAP_REQUIRE_GL=1: there a missing context is a failure, not a skip.
            const char* require = std::getenv("SITMAP_REQUIRE_GL");
            const bool required = require && std::string(require) == "1";
            std::fprintf(stderr, "no OpenGL context, %s GL tests: %s\n", required ? "failing" : "skipping", e.what());
            std::exit(required ? 1 : 77);
        }
        const std::filesystem::path root = SITMAP_SOURCE_DIR;
        scene = app::load_base_scene(root / "geodata", projector, diags);
        renderer = std::make_unique<render::Renderer>(root / "assets" / "fonts");
        renderer->upload(scene);
    }
};

}  // namespace sitmap::test
