// Applying a briefing slide: its camera for a given image size, its layer visibility, its event
// filter and time window. Shared by `sitmap render --briefing` and the window's presentation mode,
// so a slide looks the same in both. Also the inverse: a slide from the current view.
#pragma once
#include "core/briefing.hpp"
#include "core/camera.hpp"
#include "core/event_view.hpp"
#include "core/projector.hpp"
#include "core/scene.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sitmap::compose {

/// Reference width for a slide's metres_per_pixel: a slide shows the same ground at any size.
inline constexpr double kSlideReferenceWidth = 1280.0;

/// "day" | "week" | "month" | "all" | "N" | "Nd" (days, 1..3650). Throws UsageError naming `what`.
core::TimeWindow parse_time_window(std::string_view text, std::string_view what = "--window");
/// The inverse of parse_time_window ("week", "14d").
std::string format_time_window(const core::TimeWindow& window);

/// The slide's view at w x h pixels (bbox fitted, or centre + zoom scaled from the reference width).
core::Camera slide_camera(const core::Slide& slide, const core::Projector& projector, int w, int h);

/// Shows exactly the slide's layers when it lists any (others hidden); returns the previous
/// visibility per scene layer, for restore_layers.
std::vector<bool> apply_slide_layers(core::Scene& scene, const core::Slide& slide);
void restore_layers(core::Scene& scene, const std::vector<bool>& visible);

/// The slide's event filter (types, actor, documents, text) and time window.
core::EventFilter slide_filter(const core::Slide& slide);
core::TimeWindow slide_window(const core::Slide& slide);

/// A slide capturing a view: centre and zoom of `camera` (rescaled to the reference width), the
/// visible layers, the filter and window, the date.
core::Slide slide_from_view(const core::Camera& camera, const core::Projector& projector, const core::Scene& scene,
                            const core::EventFilter& filter, const core::TimeWindow& window,
                            std::optional<core::Date> date);

}  // namespace sitmap::compose
