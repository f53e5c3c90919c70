#include "core/control_scene.hpp"

#include "core/base_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>

namespace sitmap::core {

Rgba control_color(Controller controller, ControlKind kind) {
    if (kind == ControlKind::Corridor) return rgb(0x9c3d1c, 0.75f);
    switch (controller) {
        case Controller::Azerbaijan:
            return rgb(0x7fc8c0, 0.55f);
        case Controller::Armenian:
            return rgb(0xe08a3c, 0.62f);
        case Controller::Other:
            break;
    }
    return rgb(0xbbbbbb, 0.3f);
}

DaySpan period_span(const ControlPeriod& p) {
    return {day_number(p.valid_from), p.valid_to ? day_number(*p.valid_to) : DaySpan::kMax};
}

namespace {

/// The triangles t of `mesh` with keep[t] == value, with only the vertices they use.
Mesh pick_triangles(const Mesh& mesh, const std::vector<bool>& keep, bool value) {
    Mesh out;
    std::vector<std::uint32_t> remap(mesh.vertices.size(), UINT32_MAX);
    for (std::size_t t = 0; t < keep.size(); ++t) {
        if (keep[t] != value) continue;
        for (std::size_t k = 0; k < 3; ++k) {
            const std::uint32_t v = mesh.indices[3 * t + k];
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<std::uint32_t>(out.vertices.size());
                out.vertices.push_back(mesh.vertices[v]);
            }
            out.indices.push_back(remap[v]);
        }
    }
    return out;
}

/// Per triangle of `mesh` (the period's area, projected): true when the day before the period
/// began its centre was held by another controller, so the period is a change of hands there. A
/// new period that only continues the same controller (a boundary redrawn, peacekeepers leaving)
/// changes nothing. The timeline's first day starts the data, not a change.
std::vector<bool> changed_hands(const ControlTimeline& timeline, const ControlPeriod& period, const Projector& pr,
                                const Mesh& mesh) {
    std::vector<bool> changed(mesh.indices.size() / 3, false);
    if (std::chrono::sys_days(period.valid_from) <= std::chrono::sys_days(timeline.first_date())) return changed;
    const Date before{std::chrono::sys_days(period.valid_from) - std::chrono::days(1)};
    for (std::size_t t = 0; t < changed.size(); ++t) {
        const glm::vec2 c = (mesh.vertices[mesh.indices[3 * t]] + mesh.vertices[mesh.indices[3 * t + 1]] +
                             mesh.vertices[mesh.indices[3 * t + 2]]) /
                            3.0f;
        const LonLat ll = pr.inverse({c.x, c.y});
        changed[t] = timeline.control_at(before, ll).controller != period.controller;
    }
    return changed;
}

}  // namespace

Rgba peacekeeping_hatch_color() {
    return rgb(0x4d4d4d, 0.55f);  // the legend's "grey hatching"
}

Rgba azerbaijan_in_armenia_hatch_color() {
    return rgb(0xb2182b, 0.85f);  // the legend's "red hatching"
}

std::vector<SceneLayer> build_control_layers(const ControlTimeline& timeline, const Projector& pr,
                                             const Triangulator& triangulate, const std::string& source,
                                             Diagnostics& diags) {
    SceneLayer fills{
        .id = "control", .title = "Control of territory (approximate)", .source = source, .kind = LayerKind::Fill};
    fills.in_legend = true;
    fills.highlight_recent_days = 10;
    fills.highlight_color = rgb(0xffffff, 0.85f);
    SceneLayer lines{
        .id = "control_lines", .title = "Control lines (approximate)", .source = source, .kind = LayerKind::Line};
    std::size_t index = 0;
    for (const auto& period : timeline.periods()) {
        const DaySpan span = period_span(period);
        Mesh area;
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
            const auto base = static_cast<std::uint32_t>(area.vertices.size());
            area.vertices.insert(area.vertices.end(), mesh.vertices.begin(), mesh.vertices.end());
            for (const auto i : mesh.indices) area.indices.push_back(base + i);
        }
        if (!area.indices.empty()) {
            // The controller's fill, split where the area changed hands (highlighted as recent) and
            // where it did not; a peacekeeping zone keeps that fill and carries hatching on top.
            const std::vector<bool> changed = changed_hands(timeline, period, pr, area);
            for (const bool value : {true, false}) {
                FillPart part;
                part.color = control_color(period.controller, period.kind);
                part.valid = span;
                part.changed_hands = value;
                part.append(pick_triangles(area, changed, value));
                if (!part.mesh.indices.empty()) fills.fills.push_back(std::move(part));
            }
            if (period.kind == ControlKind::Peacekeeping || period.kind == ControlKind::AzerbaijanInArmenia) {
                FillPart hatch;
                hatch.color = period.kind == ControlKind::Peacekeeping ? peacekeeping_hatch_color()
                                                                       : azerbaijan_in_armenia_hatch_color();
                hatch.valid = span;
                hatch.hatched = true;
                hatch.append(area);
                fills.fills.push_back(std::move(hatch));
            }
        }
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
