#include "compose/annotations.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace sitmap::compose {

namespace {

using core::ScreenPx;

core::PxBox bounds(const std::vector<ScreenPx>& pts, double pad) {
    core::PxBox b{1e30, 1e30, -1e30, -1e30};
    for (const auto& p : pts) {
        b.x0 = std::min(b.x0, p.x - pad);
        b.y0 = std::min(b.y0, p.y - pad);
        b.x1 = std::max(b.x1, p.x + pad);
        b.y1 = std::max(b.y1, p.y + pad);
    }
    return b;
}

core::PxBox merge(core::PxBox a, const core::PxBox& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

double distance_to_segment(ScreenPx p, ScreenPx a, ScreenPx b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/// The text of a box split at newlines (each line kept whole: annotation texts are short).
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out(1);
    for (char c : text) {
        if (c == '\n')
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

/// Lays out annotations one by one into `out_`.
class AnnotationLayouter {
public:
    AnnotationLayouter(const core::Camera& camera, const core::Projector& projector, const FontMetrics& fm, float s,
                       AnnotationLayout& out)
        : camera_(camera), projector_(projector), fm_(fm), s_(s), out_(out) {}

    void add(const core::Annotation& a, std::size_t index, bool selected) {
        AnnotationHit hit{.index = index, .kind = a.kind};
        for (const auto& p : a.points) hit.handles.push_back(camera_.screen(projector_.forward(p)));
        if (hit.handles.empty()) return;
        color_ = core::rgb(annotation_color(a));
        switch (a.kind) {
            case core::AnnotationKind::Text:
                hit.text_box = text_box(a.text, hit.handles[0]);
                hit.box = *hit.text_box;
                break;
            case core::AnnotationKind::Callout:
                layout_callout(a, hit);
                break;
            case core::AnnotationKind::Circle:
                layout_circle(a, hit);
                break;
            case core::AnnotationKind::Arrow:
                layout_arrow(a, hit);
                break;
        }
        if (selected) draw_handles(hit);
        out_.hits.push_back(std::move(hit));
    }

private:
    TextStyle text_style() const {
        return {.face = Face::Bold, .px = 15 * s_, .color = color_, .halo = core::rgb(0xffffff), .halo_px = 0};
    }

    /// A white box with a coloured frame and the text, centred on `c`; returns the box.
    core::PxBox text_box(const std::string& text, ScreenPx c) {
        const TextStyle st = text_style();
        const std::vector<std::string> lines = lines_of(text);
        float w = 0;
        for (const auto& l : lines) w = std::max(w, fm_.measure(l, st));
        const float line_h = st.px * 1.3f, pad = 7 * s_;
        const float bw = w + 2 * pad, bh = static_cast<float>(lines.size()) * line_h + 2 * pad - (line_h - st.px);
        const float x0 = static_cast<float>(c.x) - bw / 2, y0 = static_cast<float>(c.y) - bh / 2;
        const float x1 = x0 + bw, y1 = y0 + bh, b = 1.6f * s_;
        out_.draw.add_rect(x0, y0, x1, y1, core::rgb(0xffffff, 0.92f));
        out_.draw.add_rect(x0, y0, x1, y0 + b, color_);
        out_.draw.add_rect(x0, y1 - b, x1, y1, color_);
        out_.draw.add_rect(x0, y0, x0 + b, y1, color_);
        out_.draw.add_rect(x1 - b, y0, x1, y1, color_);
        float y = y0 + pad + fm_.ascent(st);
        for (const auto& l : lines) {
            out_.draw.add_text(l, x0 + pad + (w - fm_.measure(l, st)) / 2, y, st);
            y += line_h;
        }
        return {x0, y0, x1, y1};
    }

    /// A label with a white halo centred on `c` (arrows and circles).
    core::PxBox halo_label(const std::string& text, ScreenPx c) {
        TextStyle st = text_style();
        st.px = 14 * s_;
        st.halo_px = 2.2f * s_;
        const float w = fm_.measure(text, st);
        const float x = static_cast<float>(c.x) - w / 2, y = static_cast<float>(c.y) + fm_.ascent(st) / 2;
        out_.draw.add_text(text, x, y, st);
        return {x, y - fm_.ascent(st), x + w, y + st.px * 0.3f};
    }

    void layout_callout(const core::Annotation& a, AnnotationHit& hit) {
        const ScreenPx target = hit.handles.size() > 1 ? hit.handles[1] : hit.handles[0];
        // The leader first, so the box covers its start: from the box's centre to the target, with
        // a dot on the target.
        const ScreenPx c = hit.handles[0];
        out_.draw.add_line(static_cast<float>(c.x), static_cast<float>(c.y), static_cast<float>(target.x),
                           static_cast<float>(target.y), 4.2f * s_, core::rgb(0xffffff, 0.85f));
        out_.draw.add_line(static_cast<float>(c.x), static_cast<float>(c.y), static_cast<float>(target.x),
                           static_cast<float>(target.y), 1.8f * s_, color_);
        out_.draw.add_circle(static_cast<float>(target.x), static_cast<float>(target.y), 4 * s_, color_,
                             core::rgb(0xffffff), 1.5f * s_);
        hit.text_box = text_box(a.text, c);
        hit.outline = {c, target};
        hit.box = merge(*hit.text_box, bounds({target}, 6 * s_));
    }

    void layout_circle(const core::Annotation& a, AnnotationHit& hit) {
        const ScreenPx c = hit.handles[0];
        const float r = circle_radius_px(a, camera_, projector_);
        const float cx = static_cast<float>(c.x), cy = static_cast<float>(c.y);
        core::Rgba tint = color_;
        tint.a = 0.10f;
        out_.draw.add_circle(cx, cy, r, tint, core::rgb(0xffffff, 0.8f), 5.5f * s_);  // casing
        out_.draw.add_circle(cx, cy, r, core::rgb(0xffffff, 0), color_, 2.8f * s_);
        hit.box = {cx - r - 3 * s_, cy - r - 3 * s_, cx + r + 3 * s_, cy + r + 3 * s_};
        hit.outline = {c, {c.x + r, c.y}};
        if (!a.text.empty()) {
            hit.label_box = halo_label(a.text, {c.x, c.y + r + 12 * s_});
            hit.box = merge(hit.box, *hit.label_box);
        }
    }

    void layout_arrow(const core::Annotation& a, AnnotationHit& hit) {
        std::vector<ScreenPx> path = arrow_path(hit.handles, a.curved);
        if (path.size() < 2) return;
        const float width = 6 * s_, head_len = 22 * s_, head_half = 13 * s_;
        // The shaft stops where the head begins: walk back head_len along the path from its end.
        const ScreenPx tip = path.back();
        double left = head_len;
        ScreenPx base = path.front();
        std::vector<ScreenPx> shaft = path;
        while (shaft.size() >= 2) {
            const ScreenPx p = shaft[shaft.size() - 2], q = shaft.back();
            const double seg = std::hypot(q.x - p.x, q.y - p.y);
            if (seg >= left) {
                const double t = (seg - left) / seg;
                base = {p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t};
                shaft.back() = base;
                break;
            }
            left -= seg;
            shaft.pop_back();
        }
        if (shaft.size() < 2) shaft = {path.front(), base};
        const double dx = tip.x - base.x, dy = tip.y - base.y, len = std::max(1e-6, std::hypot(dx, dy));
        const double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
        const auto draw_shaft = [&](float w, core::Rgba c) {
            for (std::size_t i = 1; i < shaft.size(); ++i)
                out_.draw.add_line(static_cast<float>(shaft[i - 1].x), static_cast<float>(shaft[i - 1].y),
                                   static_cast<float>(shaft[i].x), static_cast<float>(shaft[i].y), w, c);
            // Round joins and a round tail: a disc at every vertex but the last (under the head).
            for (std::size_t i = 0; i + 1 < shaft.size(); ++i)
                out_.draw.add_circle(static_cast<float>(shaft[i].x), static_cast<float>(shaft[i].y), w / 2, c, c, 0);
        };
        const auto draw_head = [&](double grow, core::Rgba c) {
            const double bx = base.x - ux * grow, by = base.y - uy * grow;
            const double h = head_half + grow;
            out_.draw.add_triangle(static_cast<float>(tip.x + ux * grow), static_cast<float>(tip.y + uy * grow),
                                   static_cast<float>(bx + nx * h), static_cast<float>(by + ny * h),
                                   static_cast<float>(bx - nx * h), static_cast<float>(by - ny * h), c);
        };
        // A white casing under the shaft and head keeps the arrow legible over any fill. Both are
        // opaque: the shaft's overlapping pieces would otherwise show darker joins.
        draw_shaft(width + 3.5f * s_, core::rgb(0xffffff));
        draw_head(2.2 * s_, core::rgb(0xffffff));
        draw_shaft(width, color_);
        draw_head(0, color_);
        hit.outline = path;
        hit.box = bounds(path, head_half + 3 * s_);
        if (!a.text.empty()) {
            // The label beside the middle of the path, on its left.
            const ScreenPx m = path[path.size() / 2], m2 = path[std::min(path.size() - 1, path.size() / 2 + 1)];
            const ScreenPx m1 = path[path.size() / 2 - (path.size() > 2 ? 1 : 0)];
            double tx = m2.x - m1.x, ty = m2.y - m1.y;
            const double tl = std::max(1e-6, std::hypot(tx, ty));
            tx /= tl, ty /= tl;
            const ScreenPx at{m.x + ty * 18 * s_, m.y - tx * 18 * s_};
            hit.label_box = halo_label(a.text, at);
            hit.box = merge(hit.box, *hit.label_box);
        }
    }

    void draw_handles(const AnnotationHit& hit) {
        const float h = 5 * s_;
        if (hit.text_box) {
            // A text box is selected by a frame around it (a handle would cover its text); its
            // point is the box itself, grabbed anywhere on it.
            const auto& t = *hit.text_box;
            const float x0 = static_cast<float>(t.x0) - 3 * s_, y0 = static_cast<float>(t.y0) - 3 * s_;
            const float x1 = static_cast<float>(t.x1) + 3 * s_, y1 = static_cast<float>(t.y1) + 3 * s_;
            const core::Rgba blue = core::rgb(0x2166ac);
            out_.draw.add_line(x0, y0, x1, y0, 2 * s_, blue);
            out_.draw.add_line(x1, y0, x1, y1, 2 * s_, blue);
            out_.draw.add_line(x1, y1, x0, y1, 2 * s_, blue);
            out_.draw.add_line(x0, y1, x0, y0, 2 * s_, blue);
        }
        for (std::size_t i = hit.text_box ? 1 : 0; i < hit.handles.size(); ++i) {
            const auto& p = hit.handles[i];
            const float x = static_cast<float>(p.x), y = static_cast<float>(p.y);
            out_.draw.add_rect(x - h - 1.5f * s_, y - h - 1.5f * s_, x + h + 1.5f * s_, y + h + 1.5f * s_,
                               core::rgb(0x2166ac));
            out_.draw.add_rect(x - h, y - h, x + h, y + h, core::rgb(0xffffff));
        }
    }

    const core::Camera& camera_;
    const core::Projector& projector_;
    const FontMetrics& fm_;
    float s_;
    AnnotationLayout& out_;
    core::Rgba color_;
};

ScreenPx catmull_rom(ScreenPx p0, ScreenPx p1, ScreenPx p2, ScreenPx p3, double t) {
    const double t2 = t * t, t3 = t2 * t;
    auto f = [&](double a, double b, double c, double d) {
        return 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
    };
    return {f(p0.x, p1.x, p2.x, p3.x), f(p0.y, p1.y, p2.y, p3.y)};
}

}  // namespace

std::vector<ScreenPx> arrow_path(const std::vector<ScreenPx>& pts, bool curved) {
    if (pts.size() < 2 || !curved) return pts;
    constexpr int kSteps = 16;  // samples per span: smooth at any zoom a slide uses
    std::vector<ScreenPx> out{pts.front()};
    if (pts.size() == 2) {
        // One span bows to the left (screen) of tail -> head, as an advance drawn by hand does.
        const ScreenPx a = pts[0], b = pts[1];
        const ScreenPx ctrl{(a.x + b.x) / 2 + (b.y - a.y) * 0.4, (a.y + b.y) / 2 - (b.x - a.x) * 0.4};
        for (int i = 1; i <= kSteps; ++i) {
            const double t = static_cast<double>(i) / kSteps, u = 1 - t;
            out.push_back(
                {u * u * a.x + 2 * u * t * ctrl.x + t * t * b.x, u * u * a.y + 2 * u * t * ctrl.y + t * t * b.y});
        }
        return out;
    }
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        const ScreenPx p0 = i == 0 ? pts[0] : pts[i - 1];
        const ScreenPx p3 = i + 2 < pts.size() ? pts[i + 2] : pts[i + 1];
        for (int k = 1; k <= kSteps; ++k)
            out.push_back(catmull_rom(p0, pts[i], pts[i + 1], p3, static_cast<double>(k) / kSteps));
    }
    return out;
}

float circle_radius_px(const core::Annotation& circle, const core::Camera& camera, const core::Projector& projector) {
    const double lat = circle.points.empty() ? 0 : circle.points[0].lat;
    // Map metres = ground metres x the projection's scale factor at that latitude.
    return static_cast<float>(circle.radius_km * 1000 * projector.scale_factor(lat) / camera.metres_per_pixel());
}

AnnotationLayout layout_annotations(const std::vector<core::Annotation>& annotations, const core::Camera& camera,
                                    const core::Projector& projector, const FontMetrics& fonts, float ui_scale,
                                    std::optional<std::size_t> selected) {
    AnnotationLayout out;
    AnnotationLayouter layouter(camera, projector, fonts, ui_scale, out);
    for (std::size_t i = 0; i < annotations.size(); ++i) layouter.add(annotations[i], i, selected == i);
    return out;
}

std::optional<AnnotationPick> pick_annotation(const std::vector<AnnotationHit>& hits, ScreenPx p, double handle_px) {
    for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
        for (std::size_t h = 0; h < it->handles.size(); ++h)
            if (std::hypot(p.x - it->handles[h].x, p.y - it->handles[h].y) <= handle_px)
                return AnnotationPick{it->index, h};
    }
    for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
        const auto& b = it->text_box;
        if (b && p.x >= b->x0 && p.x <= b->x1 && p.y >= b->y0 && p.y <= b->y1) return AnnotationPick{it->index, {}};
        const auto& o = it->outline;
        if (it->kind == core::AnnotationKind::Circle && o.size() == 2) {  // its disc
            const double r = std::hypot(o[1].x - o[0].x, o[1].y - o[0].y);
            if (std::hypot(p.x - o[0].x, p.y - o[0].y) <= r + handle_px) return AnnotationPick{it->index, {}};
        } else if (it->kind == core::AnnotationKind::Arrow) {
            for (std::size_t i = 1; i < o.size(); ++i)
                if (distance_to_segment(p, o[i - 1], o[i]) <= handle_px) return AnnotationPick{it->index, {}};
        }
    }
    return std::nullopt;
}

}  // namespace sitmap::compose
