#include "core/label_placer.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::core {

LabelPlacer::LabelPlacer(double width, double height, double cell)
    : width_(width),
      height_(height),
      cell_(cell),
      cols_(std::max(1, static_cast<int>(std::ceil(width / cell)))),
      rows_(std::max(1, static_cast<int>(std::ceil(height / cell)))),
      grid_(static_cast<std::size_t>(cols_ * rows_)) {}

void LabelPlacer::cells_of(const PxBox& b, int& cx0, int& cy0, int& cx1, int& cy1) const {
    cx0 = std::clamp(static_cast<int>(std::floor(b.x0 / cell_)), 0, cols_ - 1);
    cy0 = std::clamp(static_cast<int>(std::floor(b.y0 / cell_)), 0, rows_ - 1);
    cx1 = std::clamp(static_cast<int>(std::floor(b.x1 / cell_)), 0, cols_ - 1);
    cy1 = std::clamp(static_cast<int>(std::floor(b.y1 / cell_)), 0, rows_ - 1);
}

bool LabelPlacer::free(const PxBox& box) const {
    int cx0, cy0, cx1, cy1;
    cells_of(box, cx0, cy0, cx1, cy1);
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x)
            for (int i : grid_[static_cast<std::size_t>(y * cols_ + x)])
                if (boxes_[static_cast<std::size_t>(i)].overlaps(box)) return false;
    return true;
}

void LabelPlacer::reserve(const PxBox& box) {
    const int index = static_cast<int>(boxes_.size());
    boxes_.push_back(box);
    int cx0, cy0, cx1, cy1;
    cells_of(box, cx0, cy0, cx1, cy1);
    for (int y = cy0; y <= cy1; ++y)
        for (int x = cx0; x <= cx1; ++x) grid_[static_cast<std::size_t>(y * cols_ + x)].push_back(index);
}

bool LabelPlacer::try_place(const PxBox& box) {
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > width_ || box.y1 > height_) return false;
    if (!free(box)) return false;
    reserve(box);
    return true;
}

int LabelPlacer::place_first(const std::vector<PxBox>& candidates) {
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (try_place(candidates[i])) return static_cast<int>(i);
    return -1;
}

}  // namespace sitmap::core
