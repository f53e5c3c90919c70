#include "compose/compose.hpp"

#include "compose/slides.hpp"
#include "core/control_scene.hpp"

#include <algorithm>
#include <chrono>

namespace sitmap::compose {

FrameOptions ComposedFrame::options() const {
    FrameOptions o;
    o.ui_scale = furniture.ui_scale;
    o.day = date ? std::optional(core::day_number(*date)) : std::nullopt;
    o.date_label = date_label;
    o.events = &events.markers;
    o.off_map = furniture.off_map_box ? &off_map : nullptr;
    o.named_places = &named_places;
    o.annotations = annotations.empty() ? nullptr : &annotations;
    o.selected_annotation = selected_annotation;
    o.title = furniture.title;
    o.subtitle = furniture.subtitle;
    o.legend = furniture.legend;
    o.north_arrow = furniture.north_arrow;
    o.locator = furniture.locator;
    return o;
}

std::optional<core::Date> default_date(const core::Scene& scene, const std::vector<core::Event>& events) {
    std::optional<core::Date> latest;
    for (const auto& e : events)
        if (!latest || std::chrono::sys_days(e.date.start) > std::chrono::sys_days(*latest)) latest = e.date.start;
    if (latest) return latest;
    if (const auto day = core::latest_control_day(scene)) return core::date_from_day_number(*day);
    return std::nullopt;
}

ComposedFrame compose_frame(const core::Scene& scene, const core::Projector& projector, const FrameRequest& r) {
    ComposedFrame f;
    const core::EditableEvents* events = r.events.events;
    f.date = r.date ? r.date : default_date(scene, events ? events->events() : std::vector<core::Event>{});
    f.date_label = f.date ? core::format_long_date(*f.date) : std::string();
    f.furniture = r.furniture;
    f.annotations = r.annotations;
    f.selected_annotation = r.selected_annotation;
    if (!events || !f.date) return f;
    core::EventFilter filter = r.events.filter;
    filter.deleted = events->hidden_flags();  // deleted and rejected events are never drawn
    filter.review_states = events->review_states();
    if (r.events.reviewed_only) filter.review = core::ReviewFilter::Accepted;
    const auto& all = events->events();
    // Through the events' day index: a date step reads the window's events, not all of them.
    f.visible = core::select_events(all, events->day_index(), filter, r.events.window, *f.date);
    f.off_map = core::summarize_off_map(all, f.visible);
    std::vector<char> edited;
    if (r.events.mark_edited) {
        edited.resize(all.size(), 0);
        for (std::size_t i = 0; i < all.size(); ++i) edited[i] = events->edited(i) ? 1 : 0;
    }
    f.events = layout_events(all, f.visible, projector,
                             {.metres_per_pixel = r.metres_per_pixel,
                              .ui_scale = r.furniture.ui_scale,
                              .selected = r.events.selected,
                              .fanned = r.events.fanned,
                              .edited = r.events.mark_edited ? &edited : nullptr});
    // The towns the markers stand for are always labelled (compose/layout).
    for (const auto& members : f.events.members)
        for (std::size_t i : members)
            if (!all[i].place.empty() &&
                std::find(f.named_places.begin(), f.named_places.end(), all[i].place) == f.named_places.end())
                f.named_places.push_back(all[i].place);
    return f;
}

SlideFrame slide_frame(const core::Slide& slide, const core::Projector& projector, int width, int height,
                       const core::EditableEvents* events, float ui_scale, double min_confidence) {
    SlideFrame s{slide_camera(slide, projector, width, height), {}};
    FrameRequest& r = s.request;
    r.metres_per_pixel = s.camera.metres_per_pixel();
    r.date = slide.date;
    if (slide.events.show_events) {
        r.events.events = events;
        r.events.filter = slide_filter(slide);
        r.events.filter.min_confidence = std::max(r.events.filter.min_confidence, min_confidence);
        r.events.window = slide_window(slide);
        if (events && !slide.highlighted_events.empty())
            r.events.selected = events->find(slide.highlighted_events.front());
    }
    r.annotations = slide.annotations;
    r.furniture = {.ui_scale = ui_scale,
                   .title = slide.title,
                   .subtitle = slide.caption,
                   .legend = true,
                   .north_arrow = true,
                   .locator = true,
                   .off_map_box = true};
    return s;
}

}  // namespace sitmap::compose
