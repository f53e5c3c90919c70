#include "core/control_scene.hpp"

#include "core/base_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::core {


Rgba control_color(Controller controller, ControlKind kind) {
    if (kind == ControlKind::Corridor) return rgb(0x9c3d1c, 0.75f);
    switch (controller) {
        case Controller::Azerbaijan: return rgb(0x7fc8c0, 0.55f);
        case Controller::Armenian: return rgb(0xe08a3c, 0.62f);
        case Controller::Other: break;
    }
    return rgb(0xbbbbbb, 0.3f);
}

DaySpan period_span(const ControlPeriod& p) {
    return {day_number(p.valid_from), p.valid_to ? day_number(*p.valid_to) : DaySpan::kMax};
}

std::vector<SceneLayer> build_control_layers(const ControlTimeline& timeline, const Projector& pr,
                                             const Triangulator& triangulate, const std::string& source,
                                             Diagnostics& diags) {
    SceneLayer fills{.id = "control", .title = "Control of territory (approximate)", .source = source,
                     .kind = LayerKind::Fill};
    fills.in_legend = true;
    fills.highlight_recent_days = 10;
    fills.highlight_color = rgb(0xffffff, 0.85f);
    SceneLayer lines{.id = "control_lines", .title = "Control lines (approximate)", .source = source,
                     .kind = LayerKind::Line};
    std::size_t index = 0;
    for (const auto& period : timeline.periods()) {
        const DaySpan span = period_span(period);
        FillPart part;
        part.color = control_color(period.controller, period.kind);
        part.valid = span;
        part.hatched = period.kind == ControlKind::Peacekeeping;
        MultiLineString<WorldXY> outline;
        for (const auto& poly : period.area) {
            Polygon<WorldXY> projected = project_polygon(pr, poly);
            if (projected.outer.size() < 3) continue;
            auto close = [&](const Ring<WorldXY>& r) {
                LineString<WorldXY> l(r.begin(), r.end());
                l.push_back(r.front());
                outline.push_back(std::move(l));
            };
            close(projected.outer);
            for (const auto& h : projected.holes) close(h);
            Mesh mesh;
            if (!triangulate(projected, mesh)) {
                diags.add(Severity::Warning, DiagCode::TriangulationFailed, source,
                          fmt::format("layer 'control_periods' period {} ({})", index, period.place),
                          "polygon could not be triangulated; part of the period is not drawn");
                continue;
            }
            part.append(mesh);
        }
        if (!part.mesh.indices.empty()) fills.fills.push_back(std::move(part));
        // Outline only the peacekeeping zone and the corridor: control periods are pieces of a
        // partition (each piece of land keeps its own history), so their outlines would draw the seams
        // between pieces, which are construction lines of the method, not fronts.
        if (period.kind == ControlKind::Control) {
            ++index;
            continue;
        }
        const Rgba c = control_color(period.controller, period.kind);
        lines.line_styles.push_back({.width_px = 0.9f, .color = {c.r * 0.6f, c.g * 0.6f, c.b * 0.6f, 0.9f}});
        lines.lines.push_back(build_line_lods(outline));
        lines.line_valid.push_back(span);
        ++index;
    }
    std::vector<SceneLayer> out;
    out.push_back(std::move(fills));
    out.push_back(std::move(lines));
    return out;
}

std::vector<std::int32_t> control_change_days(const Scene& scene) {
    std::vector<std::int32_t> days;
    const SceneLayer* layer = scene.layer("control");
    if (!layer) return days;
    for (const auto& f : layer->fills) {
        days.push_back(f.valid.from_day);
        if (f.valid.to_day != DaySpan::kMax) days.push_back(f.valid.to_day);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (!days.empty()) days.erase(days.begin());  // the first day is the data's start, not a change
    return days;
}

std::string format_long_date(Date d) {
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    const unsigned m = static_cast<unsigned>(d.month());
    return fmt::format("{} {} {}", static_cast<unsigned>(d.day()), kMonths[(m >= 1 && m <= 12 ? m : 1) - 1],
                       static_cast<int>(d.year()));
}

std::optional<std::int32_t> latest_control_day(const Scene& scene) {
    const SceneLayer* layer = scene.layer("control");
    if (!layer || layer->fills.empty()) return std::nullopt;
    std::int32_t latest = DaySpan::kMin;
    for (const auto& f : layer->fills) {
        latest = std::max(latest, f.valid.from_day);
        if (f.valid.to_day != DaySpan::kMax) latest = std::max(latest, f.valid.to_day);
    }
    return latest;
}

}  // namespace sitmap::core
