#include "ui/app_state.hpp"

#include "core/base_map.hpp"

#include <imgui.h>

namespace sitmap::ui {

void AppState::notify(std::string message, double seconds) {
    notice = std::move(message);
    notice_until = ImGui::GetTime() + seconds;
}

void AppState::reset_view() {
    const auto box = home_view ? *home_view : core::project_box(projector, *core::named_view("region"));
    const int w = camera.width(), h = camera.height();
    // No margin: the camera `render --view` uses at this size, so exporting the opening view at the
    // window's size gives `render`'s image.
    camera = core::Camera::fit(box, w, h);
    camera.clamp_zoom(zoom_limits());
    map_dirty = true;
}

}  // namespace sitmap::ui
