// The briefing editor's before/after fields for a slide: whether it is a compare (swipe) slide,
// its left date (validated as the "Go to date" field is) and where its divider sits. Its right
// date is the slide's own date field. ImGui only; edits the slide.
#pragma once
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Makes `slide` a compare slide whose left date is `left` (its right date is its own date, or
/// `left` when it has none) with the divider in the middle, or an ordinary slide again (its
/// date kept) when `left` is nullopt.
void set_slide_compare(core::Slide& slide, std::optional<core::Date> left);

/// The fields of slide `index` (call inside the Briefing window, below the slide's date).
void draw_slide_compare_fields(AppState& state, core::Slide& slide, int index);

}  // namespace sitmap::ui
