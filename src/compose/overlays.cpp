#include "compose/overlays.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace sitmap::compose {

void layout_split_divider(const SplitMarks& marks, float s, float top, float bottom, DrawList& furniture) {
    const float x = marks.divider_x;
    // The divider: a white line with a dark edge on both sides, readable over land and sea.
    furniture.add_rect(x - 2.5f * s, top, x + 2.5f * s, bottom, core::rgb(0x202020, 0.75f));
    furniture.add_rect(x - 1.5f * s, top, x + 1.5f * s, bottom, core::rgb(0xffffff));
}

void layout_split_marks(const SplitMarks& marks, float s, float stamp_scale, float top, float bottom, float width,
                        const FontMetrics& fonts, FrameLayout& out, core::LabelPlacer& placer) {
    DrawList& furniture = out.furniture;
    const float x = marks.divider_x;
    // The handle, halfway down: what a presenter grabs.
    const float cy = (top + bottom) / 2;
    furniture.add_circle(x, cy, 15 * s, core::rgb(0xffffff), core::rgb(0x202020), 2 * s);
    const TextStyle arrows{.px = 11 * s, .color = core::rgb(0x202020)};
    const std::string handle = "\u25C0\u25B6";  // ◀▶
    furniture.add_text(handle, x - fonts.measure(handle, arrows) / 2, cy + fonts.ascent(arrows) / 2, arrows);

    // The stamps, one each side of the divider, on one row: the first from the top where both
    // are a margin clear of the furniture placed already (title, date box), at the furniture's scale.
    const float fs = stamp_scale;
    const TextStyle big{.face = Face::Bold, .px = 22 * fs, .color = core::rgb(0x1a1a1a)};
    const float pad = 7 * fs, gap = 8 * fs, margin = 10 * fs, h = big.px + 2 * pad;
    struct Stamp {
        const std::string* label;
        bool left;
        float x0 = 0, w = 0;
    };
    std::vector<Stamp> stamps;
    for (const auto& [label, left] : {std::pair{&marks.left_label, true}, std::pair{&marks.right_label, false}}) {
        if (label->empty()) continue;
        const float w = fonts.measure(*label, big) + 2 * pad;
        const float x0 = std::clamp(left ? x - gap - w : x + gap, margin, std::max(margin, width - margin - w));
        stamps.push_back({label, left, x0, w});
    }
    auto row_free = [&](float y) {
        for (const auto& st : stamps)
            if (!placer.free({st.x0 - gap, y - gap, st.x0 + st.w + gap, y + h + gap})) return false;
        return true;
    };
    float y0 = top + margin;
    for (float y = y0; y + h <= bottom; y += 4 * fs)
        if (row_free(y)) {
            y0 = y;
            break;
        }
    for (const auto& st : stamps) {
        furniture.add_rect(st.x0, y0, st.x0 + st.w, y0 + h, core::rgb(0xffffff, 0.9f));
        // A bar on the side that faces the divider says which half the date belongs to.
        const float bar = 4 * fs;
        const float bx = st.left ? st.x0 + st.w - bar : st.x0;
        furniture.add_rect(bx, y0, bx + bar, y0 + h, core::rgb(0x5f4b8b));
        furniture.add_text(*st.label, st.x0 + pad, y0 + pad + fonts.ascent(big), big);
        placer.reserve({st.x0, y0, st.x0 + st.w, y0 + h});
        out.stamp_boxes.push_back({st.x0, y0, st.x0 + st.w, y0 + h});
    }
    // No name may cross the divider: the halves place their labels apart (their event symbols
    // differ), so a name across it would show a piece of each placement. (Reserved after the
    // stamps, which keep a margin from everything but the divider they belong to.)
    placer.reserve({x - 3 * s, top, x + 3 * s, bottom});
}

void layout_measure(const MeasureMarks& marks, const core::Camera& camera, float s, const FontMetrics& fonts,
                    DrawList& map) {
    // The front first, under the measured line: thin, dark, so the areas' colours still show.
    const auto view = camera.visible_box();
    for (const auto& [a, b] : marks.front) {
        if (std::max(a.x, b.x) < view.min_x || std::min(a.x, b.x) > view.max_x || std::max(a.y, b.y) < view.min_y ||
            std::min(a.y, b.y) > view.max_y)
            continue;
        const auto pa = camera.screen(a), pb = camera.screen(b);
        map.add_line(static_cast<float>(pa.x), static_cast<float>(pa.y), static_cast<float>(pb.x),
                     static_cast<float>(pb.y), 2.0f * s, core::rgb(0x202020, 0.85f));
    }
    if (marks.to_front) {
        const auto pa = camera.screen(marks.to_front->first), pb = camera.screen(marks.to_front->second);
        map.add_line(static_cast<float>(pa.x), static_cast<float>(pa.y), static_cast<float>(pb.x),
                     static_cast<float>(pb.y), 1.5f * s, core::rgb(0x202020, 0.7f));
        map.add_circle(static_cast<float>(pb.x), static_cast<float>(pb.y), 3.5f * s, core::rgb(0x202020),
                       core::rgb(0xffffff), 1.0f * s);
    }
    if (marks.points.empty()) return;
    std::vector<core::ScreenPx> px;
    for (const auto& p : marks.points) px.push_back(camera.screen(p));
    const core::Rgba ink = core::rgb(0xd62728), casing = core::rgb(0xffffff, 0.9f);
    auto leg = [&](core::ScreenPx a, core::ScreenPx b, float alpha) {
        const auto ax = static_cast<float>(a.x), ay = static_cast<float>(a.y);
        const auto bx = static_cast<float>(b.x), by = static_cast<float>(b.y);
        map.add_line(ax, ay, bx, by, 5 * s, core::Rgba{casing.r, casing.g, casing.b, casing.a * alpha});
        map.add_line(ax, ay, bx, by, 2.5f * s, core::Rgba{ink.r, ink.g, ink.b, alpha});
    };
    for (std::size_t i = 1; i < px.size(); ++i) leg(px[i - 1], px[i], 1.0f);
    core::ScreenPx end = px.back();
    if (marks.pointer) {
        end = camera.screen(*marks.pointer);
        leg(px.back(), end, 0.6f);  // the leg still being drawn
    }
    for (const auto& p : px)
        map.add_circle(static_cast<float>(p.x), static_cast<float>(p.y), 4.5f * s, core::rgb(0xffffff), ink, 2 * s);
    if (marks.total_label.empty()) return;
    const TextStyle st{.face = Face::Bold, .px = 14 * s, .color = core::rgb(0x1a1a1a)};
    const float pad = 5 * s, w = fonts.measure(marks.total_label, st) + 2 * pad, h = st.px + 2 * pad;
    const float x0 = static_cast<float>(end.x) + 10 * s, y0 = static_cast<float>(end.y) - h - 6 * s;
    map.add_rect(x0, y0, x0 + w, y0 + h, core::rgb(0xffffff, 0.92f));
    map.add_rect(x0, y0 + h - 2 * s, x0 + w, y0 + h, ink);
    map.add_text(marks.total_label, x0 + pad, y0 + pad + fonts.ascent(st), st);
}

}  // namespace sitmap::compose
