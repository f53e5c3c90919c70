#include "compose/split.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::compose {

int divider_column(double divider, int width) {
    return static_cast<int>(std::lround(std::clamp(divider, 0.0, 1.0) * width));
}

std::array<FrameOptions, 2> ComposedSplit::options(int width, int height) const {
    std::array<FrameOptions, 2> out{left.options(), right.options()};
    const int x = divider_column(divider, width);
    const SplitMarks marks{static_cast<float>(x), left.date_label, right.date_label};
    out[0].clip = PixelRect{0, 0, x, height};
    out[1].clip = PixelRect{x, 0, width - x, height};
    out[0].legend_also = &right.events.markers;
    out[1].legend_also = &left.events.markers;
    for (auto& o : out) {
        o.split = marks;
        o.off_map = nullptr;
    }
    return out;
}

ComposedSplit compose_split(const core::Scene& scene, const core::Projector& projector, const SplitRequest& r) {
    return {compose_frame(scene, projector, r.left), compose_frame(scene, projector, r.right),
            std::clamp(r.divider, 0.0, 1.0)};
}

std::optional<SplitRequest> slide_split(const core::Slide& slide, const FrameRequest& right) {
    if (!slide.compare) return std::nullopt;
    SplitRequest s{right, right, slide.compare->divider};
    s.left.date = slide.compare->left;
    // The slide's date is its right one (the briefing panel edits it there); compare.right when unset.
    if (!s.right.date) s.right.date = slide.compare->right;
    return s;
}

}  // namespace sitmap::compose
