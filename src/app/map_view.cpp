#include "app/map_view.hpp"

#include "core/measure.hpp"
#include "ui/map_tools.hpp"

namespace sitmap::app {

std::optional<compose::SplitRequest> window_split(const ui::AppState& state, const compose::FrameRequest& request) {
    const auto& b = state.brief;
    if (b.presenting) {
        if (b.current < 0 || b.current >= static_cast<int>(b.briefing.slides.size())) return std::nullopt;
        auto split = compose::slide_split(b.briefing.slides[static_cast<std::size_t>(b.current)], request);
        if (split && request.date) split->right.date = request.date;  // a transition's date moves the right half
        return split;
    }
    if (!state.compare.active || !state.compare.left) return std::nullopt;
    compose::SplitRequest split{request, request, state.compare.divider};
    split.left.date = state.compare.left;
    // The left half is a plain "before" map: no selection or opened group carried over from the right.
    split.left.events.selected.reset();
    split.left.events.fanned.clear();
    return split;
}

std::optional<compose::MeasureMarks> measure_marks(const ui::AppState& state) {
    const auto& m = state.measure;
    if (!m.active) return std::nullopt;
    compose::MeasureMarks marks;
    for (const auto& s : m.front_segments)
        marks.front.emplace_back(state.projector.forward(s.a), state.projector.forward(s.b));
    if (m.front_nearest && state.cursor)
        marks.to_front.emplace(state.projector.forward(*state.cursor), state.projector.forward(m.front_nearest->at));
    for (const auto& p : m.points) marks.points.push_back(state.projector.forward(p));
    std::vector<core::LonLat> line = m.points;
    if (!m.finished && state.cursor) {
        marks.pointer = state.projector.forward(*state.cursor);
        line.push_back(*state.cursor);
    }
    if (line.size() >= 2) marks.total_label = ui::format_km(core::polyline_km(line));
    return marks;
}

void draw_window_map(render::Renderer& renderer, const ui::AppState& state, const compose::ComposedFrame& frame,
                     const std::optional<compose::SplitRequest>& split, const WindowFrameExtras& extras) {
    auto add_extras = [&](compose::FrameOptions& o) {
        o.inset_top = extras.inset_top;
        o.inset_bottom = extras.inset_bottom;
        o.measure = extras.measure;
        o.reuse_base = true;  // ignored for the clipped halves
    };
    if (!split) {
        compose::FrameOptions o = frame.options();
        add_extras(o);
        renderer.draw(state.scene, state.camera, o);
        return;
    }
    const compose::ComposedSplit frames = compose::compose_split(state.scene, state.projector, *split);
    for (auto o : frames.options(state.camera.width(), state.camera.height())) {
        add_extras(o);
        renderer.draw(state.scene, state.camera, o);
    }
}

}  // namespace sitmap::app
