#pragma once

#include "core/event_marker.hpp"
#include "core/label_placer.hpp"

#include <cstddef>
#include <vector>

namespace sitmap::compose {

/// The event symbols of one frame on a uniform grid of screen cells, so that a label's tests
/// ("is this place under a symbol?", "does this box touch a symbol?") look at the symbols near
/// it instead of all of them. Each query evaluates exactly the predicate a scan over every
/// symbol would, on every symbol that could satisfy it, so its answer is the scan's.
class SymbolIndex {
public:
    SymbolIndex() = default;
    explicit SymbolIndex(const std::vector<core::MarkerHit>& symbols, double cell = 64.0);

    /// True when some symbol m has hypot(m.x - x, m.y - y) < m.radius + r.
    bool any_within(double x, double y, double r) const;
    /// True when `box` overlaps some symbol's square grown by `pad`:
    /// {m.x - m.radius - pad, m.y - m.radius - pad, m.x + m.radius + pad, m.y + m.radius + pad}.
    bool any_overlapping(const core::PxBox& box, double pad) const;

private:
    /// Calls `test` on every symbol whose cell meets [x0, x1] x [y0, y1]; true when one passes.
    template <typename Test>
    bool any_in(double x0, double y0, double x1, double y1, Test test) const;

    std::vector<core::MarkerHit> symbols_;  ///< ordered by cell
    std::vector<std::size_t> cell_start_;   ///< symbols of cell c: [cell_start_[c], cell_start_[c + 1])
    double cell_ = 64.0, x0_ = 0, y0_ = 0, max_radius_ = 0;
    int cols_ = 0, rows_ = 0;
};

}  // namespace sitmap::compose
