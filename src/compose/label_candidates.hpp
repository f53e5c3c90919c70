// Where a place's name may go around its dot: the candidate positions compose::layout_frame offers
// core::LabelPlacer, in order of preference. No GL, no fonts: boxes in screen pixels.
#pragma once
#include "core/camera.hpp"
#include "core/label_placer.hpp"

#include <vector>

namespace sitmap::compose {

/// Which edge of a candidate box the name's lines align to (a two-line name's second line).
enum class LabelAlign { Left, Centre, Right };

struct LabelCandidate {
    core::PxBox box;  ///< grown by the padding asked for
    LabelAlign align = LabelAlign::Left;
};

/// What a place's name offers besides the four straight positions.
struct CandidateSet {
    bool diagonals = false;  ///< above right, below right, above left, below left (QGIS "around point")
    bool slides = false;     ///< the straight positions slid along the dot's side (half a line up or
                             ///< down beside it, a quarter of the name left or right above and below)
    double far = 0;          ///< > 0: the straight positions again, this much further out (beside a symbol)
};

/// The positions a name of `w` x `h` pixels (first line `line_px` high) may take around its dot at
/// `p`, `gap` away, each grown by `pad`, best first: right, left, above, below; then the diagonals,
/// the slid positions and the far ones as `set` asks. Every position keeps the dot outside the
/// name's box and touches or nearly touches it, so the name reads as the dot's own.
std::vector<LabelCandidate> label_candidates(core::ScreenPx p, double w, double h, double line_px, double gap,
                                             double pad, const CandidateSet& set);

}  // namespace sitmap::compose
