#include "compose/slides.hpp"

#include "core/base_map.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sitmap::compose {

core::TimeWindow parse_time_window(std::string_view text, std::string_view what) {
    // The briefing grammar ("day", "week", "month", "all", "<N>d"), plus a bare number of days on
    // the command line ("--window 14").
    if (auto w = core::parse_slide_window(text)) return *w;
    double days = 0;
    if (core::parse_double(text, days) && days >= 1 && days <= 3650 && days == std::floor(days))
        return {.kind = core::WindowKind::Custom, .custom_days = static_cast<int>(days)};
    throw usage_error("invalid {} '{}' (expected day, week, month, all or a number of days 1..3650)", what, text);
}

std::string format_time_window(const core::TimeWindow& w) {
    return core::slide_window_name(w);
}

core::Camera slide_camera(const core::Slide& slide, const core::Projector& projector, int w, int h) {
    if (slide.view.bbox) return core::Camera::fit(core::project_box(projector, *slide.view.bbox), w, h, 0);
    if (slide.view.centre && slide.view.metres_per_pixel > 0) {
        core::Camera c(projector.forward(*slide.view.centre), 1.0, w, h);
        // Same ground width as on the reference screen, without the UI's zoom limits.
        c = core::Camera::fit(core::WorldBox{0, 0, slide.view.metres_per_pixel * kSlideReferenceWidth,
                                             slide.view.metres_per_pixel * kSlideReferenceWidth * h / w},
                              w, h, 0);
        c.set_centre(projector.forward(*slide.view.centre));
        return c;
    }
    return core::Camera::fit(core::project_box(projector, *core::named_view("region")), w, h, 0);
}

std::vector<bool> apply_slide_layers(core::Scene& scene, const core::Slide& slide) {
    std::vector<bool> before;
    for (const auto& l : scene.layers) before.push_back(l.visible);
    if (slide.visible_layers.empty()) return before;
    for (auto& l : scene.layers)
        l.visible =
            std::find(slide.visible_layers.begin(), slide.visible_layers.end(), l.id) != slide.visible_layers.end();
    return before;
}

void restore_layers(core::Scene& scene, const std::vector<bool>& visible) {
    for (std::size_t i = 0; i < scene.layers.size() && i < visible.size(); ++i) scene.layers[i].visible = visible[i];
}

core::EventFilter slide_filter(const core::Slide& slide) {
    core::EventFilter f;
    f.types = slide.events.types;
    f.actor = slide.events.actor;
    f.documents = slide.events.documents;
    f.text = slide.events.text;
    return f;
}

core::TimeWindow slide_window(const core::Slide& slide) {
    return parse_time_window(slide.events.window.empty() ? "week" : slide.events.window, "slide events.window");
}

core::Slide slide_from_view(const core::Camera& camera, const core::Projector& projector, const core::Scene& scene,
                            const core::EventFilter& filter, const core::TimeWindow& window,
                            std::optional<core::Date> date) {
    core::Slide s;
    s.date = date;
    s.view.centre = projector.inverse(camera.centre());
    s.view.metres_per_pixel = camera.metres_per_pixel() * camera.width() / kSlideReferenceWidth;
    for (const auto& l : scene.layers)
        if (l.visible) s.visible_layers.push_back(l.id);
    s.events.types = filter.types;
    s.events.actor = filter.actor;
    s.events.documents = filter.documents;
    s.events.text = filter.text;
    s.events.window = format_time_window(window);
    s.title = date ? core::format_iso(*date) : std::string("View");
    return s;
}

}  // namespace sitmap::compose
