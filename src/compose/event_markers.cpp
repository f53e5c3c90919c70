#include "compose/event_markers.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace sitmap::compose {

EventLayout layout_events(const std::vector<core::Event>& events, const std::vector<core::VisibleEvent>& visible,
                          const core::Projector& projector, const EventLayoutOptions& o) {
    EventLayout out;
    // Symbols are 19 px wide plus a count badge: anything closer than 26 px at this zoom becomes
    // one group, so symbols never overlap.
    const double radius_px = 26.0 * o.ui_scale;
    std::vector<core::VisibleEvent> on_map;
    core::summarize_off_map(events, visible, &on_map);
    const auto groups = core::group_events(events, on_map, projector, o.metres_per_pixel, radius_px);
    std::unordered_map<std::size_t, float> age_of;
    for (const auto& v : on_map) age_of[v.index] = v.age;
    auto alpha_of = [&](std::size_t i) {
        auto it = age_of.find(i);
        const float age_alpha = 1.0f - 0.7f * (it == age_of.end() ? 0.0f : std::clamp(it->second, 0.0f, 1.0f));
        return std::max(0.15f, age_alpha * core::confidence_alpha(events[i].confidence));
    };
    auto is_span = [&](std::size_t i) { return core::is_time_span(events[i].date); };
    auto is_edited = [&](std::size_t i) { return o.edited && i < o.edited->size() && (*o.edited)[i]; };

    std::vector<std::size_t> fanned_sorted = o.fanned;
    std::sort(fanned_sorted.begin(), fanned_sorted.end());
    for (const auto& g : groups) {
        std::vector<std::size_t> members = g.members;
        std::sort(members.begin(), members.end());
        const bool fan = members.size() > 1 && members == fanned_sorted;
        if (fan) {
            // Spread on a circle big enough that neighbours do not touch.
            const double n = static_cast<double>(members.size());
            const double ring_px = std::max(34.0, 22.0 * n / (2 * std::numbers::pi) + 16.0) * o.ui_scale;
            for (std::size_t k = 0; k < members.size(); ++k) {
                const std::size_t i = members[k];
                const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(k) / n;
                core::EventMarker m;
                m.anchor = g.centre;
                m.pos = {g.centre.x + std::cos(angle) * ring_px * o.metres_per_pixel,
                         g.centre.y - std::sin(angle) * ring_px * o.metres_per_pixel};
                m.fanned = true;
                m.type = events[i].type;
                m.alpha = alpha_of(i);
                m.time_span = is_span(i);
                m.selected = o.selected == i;
                m.edited = is_edited(i);
                m.id = out.members.size();
                out.members.push_back({i});
                out.markers.push_back(m);
            }
            continue;
        }
        core::EventMarker m;
        m.pos = m.anchor = g.centre;
        m.radius_m = core::precision_radius_m(g.precision);
        // The group shows the type of its most recent member.
        std::size_t newest = members.front();
        for (auto i : members)
            if (std::chrono::sys_days(core::placed_date(events[i].date)) >
                std::chrono::sys_days(core::placed_date(events[newest].date)))
                newest = i;
        m.type = events[newest].type;
        m.count = static_cast<int>(members.size());
        float alpha = 0;
        m.time_span = true;  // hollow only when no member has a date
        for (auto i : members) {
            alpha = std::max(alpha, alpha_of(i));
            m.time_span = m.time_span && is_span(i);
            m.selected = m.selected || o.selected == i;
            m.edited = m.edited || is_edited(i);
        }
        m.alpha = alpha;
        m.id = out.members.size();
        out.members.push_back(std::move(members));
        out.markers.push_back(m);
    }
    return out;
}

}  // namespace sitmap::compose
