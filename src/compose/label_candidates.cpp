#include "compose/label_candidates.hpp"

namespace sitmap::compose {

std::vector<LabelCandidate> label_candidates(core::ScreenPx p, double w, double h, double line_px, double gap,
                                             double pad, const CandidateSet& set) {
    using A = LabelAlign;
    const double mid = line_px * 0.62;  // the first line's middle sits level with the dot
    // Diagonal names start at the dot's corner, not a whole gap out, so they still read as its own
    // (beside an event symbol, a whole gap: the symbol is round and wide).
    const double d = set.far > 0 ? gap : gap * 0.75;
    std::vector<LabelCandidate> c{
        {{p.x + gap, p.y - mid, p.x + gap + w, p.y - mid + h}, A::Left},    // right
        {{p.x - gap - w, p.y - mid, p.x - gap, p.y - mid + h}, A::Right},   // left
        {{p.x - w / 2, p.y - gap - h, p.x + w / 2, p.y - gap}, A::Centre},  // above
        {{p.x - w / 2, p.y + gap, p.x + w / 2, p.y + gap + h}, A::Centre},  // below
    };
    if (set.diagonals || set.far > 0) {
        c.push_back({{p.x + d, p.y - d - h, p.x + d + w, p.y - d}, A::Left});   // above right
        c.push_back({{p.x + d, p.y + d, p.x + d + w, p.y + d + h}, A::Left});   // below right
        c.push_back({{p.x - d - w, p.y - d - h, p.x - d, p.y - d}, A::Right});  // above left
        c.push_back({{p.x - d - w, p.y + d, p.x - d, p.y + d + h}, A::Right});  // below left
    }
    if (set.slides) {
        // Beside the dot, the first line half a line higher or lower; above and below it, the name
        // a quarter of its width to either side. All still touch the dot's side.
        const double up = p.y - mid - line_px * 0.5, down = p.y - mid + line_px * 0.5;
        c.push_back({{p.x + gap, up, p.x + gap + w, up + h}, A::Left});
        c.push_back({{p.x + gap, down, p.x + gap + w, down + h}, A::Left});
        c.push_back({{p.x - gap - w, up, p.x - gap, up + h}, A::Right});
        c.push_back({{p.x - gap - w, down, p.x - gap, down + h}, A::Right});
        const double right = p.x - w / 4, left = p.x - 3 * w / 4;
        c.push_back({{right, p.y - gap - h, right + w, p.y - gap}, A::Left});
        c.push_back({{left, p.y - gap - h, left + w, p.y - gap}, A::Right});
        c.push_back({{right, p.y + gap, right + w, p.y + gap + h}, A::Left});
        c.push_back({{left, p.y + gap, left + w, p.y + gap + h}, A::Right});
    }
    if (set.far > 0) {
        // Beside a crowded symbol: also one symbol-width further out.
        const double f = gap + set.far;
        c.push_back({{p.x + f, p.y - mid, p.x + f + w, p.y - mid + h}, A::Left});
        c.push_back({{p.x - f - w, p.y - mid, p.x - f, p.y - mid + h}, A::Right});
        c.push_back({{p.x - w / 2, p.y - f - h, p.x + w / 2, p.y - f}, A::Centre});
        c.push_back({{p.x - w / 2, p.y + f, p.x + w / 2, p.y + f + h}, A::Centre});
    }
    for (auto& k : c) k.box = {k.box.x0 - pad, k.box.y0 - pad, k.box.x1 + pad, k.box.y1 + pad};
    return c;
}

}  // namespace sitmap::compose
