#include "ui/app_state.hpp"

#include "core/base_map.hpp"

namespace sitmap::ui {

void AppState::reset_view() {
    const auto box = core::project_box(projector, *core::named_view("region"));
    const int w = camera.width(), h = camera.height();
    camera = core::Camera::fit(box, w, h, 10);
    camera.set_metres_per_pixel(camera.metres_per_pixel());  // apply UI zoom limits
    map_dirty = true;
}

}  // namespace sitmap::ui
