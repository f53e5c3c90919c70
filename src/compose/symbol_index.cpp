#include "compose/symbol_index.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::compose {

namespace {
constexpr int kMaxCells = 512;  ///< per axis: symbols spread wider get larger cells
}

SymbolIndex::SymbolIndex(const std::vector<core::MarkerHit>& symbols, double cell) : cell_(cell) {
    if (symbols.empty()) return;
    double x1 = symbols.front().x, y1 = symbols.front().y;
    x0_ = x1, y0_ = y1;
    for (const auto& m : symbols) {
        x0_ = std::min(x0_, m.x), y0_ = std::min(y0_, m.y);
        x1 = std::max(x1, m.x), y1 = std::max(y1, m.y);
        max_radius_ = std::max(max_radius_, m.radius);
    }
    cell_ = std::max({cell_, (x1 - x0_) / (kMaxCells - 1), (y1 - y0_) / (kMaxCells - 1)});
    cols_ = static_cast<int>((x1 - x0_) / cell_) + 1;
    rows_ = static_cast<int>((y1 - y0_) / cell_) + 1;
    auto cell_of = [&](const core::MarkerHit& m) {
        const int cx = std::min(cols_ - 1, static_cast<int>((m.x - x0_) / cell_));
        const int cy = std::min(rows_ - 1, static_cast<int>((m.y - y0_) / cell_));
        return static_cast<std::size_t>(cy) * static_cast<std::size_t>(cols_) + static_cast<std::size_t>(cx);
    };
    const std::size_t cells = static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_);
    cell_start_.assign(cells + 1, 0);
    for (const auto& m : symbols) ++cell_start_[cell_of(m) + 1];
    for (std::size_t c = 0; c < cells; ++c) cell_start_[c + 1] += cell_start_[c];
    symbols_.resize(symbols.size());
    std::vector<std::size_t> next(cell_start_.begin(), cell_start_.end() - 1);
    for (const auto& m : symbols) symbols_[next[cell_of(m)]++] = m;
}

template <typename Test>
bool SymbolIndex::any_in(double x0, double y0, double x1, double y1, Test test) const {
    if (symbols_.empty()) return false;
    // One cell of slack each way: a symbol on a cell's edge is found from either side.
    const double fx0 = std::floor((x0 - x0_) / cell_) - 1, fx1 = std::floor((x1 - x0_) / cell_) + 1;
    const double fy0 = std::floor((y0 - y0_) / cell_) - 1, fy1 = std::floor((y1 - y0_) / cell_) + 1;
    if (!(fx1 >= 0 && fy1 >= 0 && fx0 < cols_ && fy0 < rows_)) return false;  // (also NaN)
    const int cx0 = static_cast<int>(std::max(fx0, 0.0)), cx1 = static_cast<int>(std::min(fx1, cols_ - 1.0));
    const int cy0 = static_cast<int>(std::max(fy0, 0.0)), cy1 = static_cast<int>(std::min(fy1, rows_ - 1.0));
    for (int cy = cy0; cy <= cy1; ++cy) {
        const std::size_t row = static_cast<std::size_t>(cy) * static_cast<std::size_t>(cols_);
        for (std::size_t k = cell_start_[row + static_cast<std::size_t>(cx0)];
             k < cell_start_[row + static_cast<std::size_t>(cx1) + 1]; ++k)
            if (test(symbols_[k])) return true;
    }
    return false;
}

bool SymbolIndex::any_within(double x, double y, double r) const {
    const double reach = max_radius_ + r;
    return any_in(x - reach, y - reach, x + reach, y + reach,
                  [&](const core::MarkerHit& m) { return std::hypot(m.x - x, m.y - y) < m.radius + r; });
}

bool SymbolIndex::any_overlapping(const core::PxBox& box, double pad) const {
    const double reach = max_radius_ + pad;
    return any_in(box.x0 - reach, box.y0 - reach, box.x1 + reach, box.y1 + reach, [&](const core::MarkerHit& m) {
        return box.overlaps({m.x - m.radius - pad, m.y - m.radius - pad, m.x + m.radius + pad, m.y + m.radius + pad});
    });
}

}  // namespace sitmap::compose
