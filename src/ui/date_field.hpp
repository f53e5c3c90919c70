// A text field that takes a date (YYYY-MM-DD), as the date panel's "Go to date" does: what is
// typed is applied on Enter (or when the field is left); a bad date turns the field red, says
// what it expects and keeps the old value. ImGui only; edits the value it is given.
#pragma once
#include "core/date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sitmap::ui {

/// The outcome of typing `text` into a date field holding `old`: the new value, or the old one
/// and an error quoting the text and saying what the field expects. Empty text clears the value
/// when `may_be_empty`, else is an error.
struct DateEdit {
    std::optional<core::Date> value;
    std::string error;  ///< empty: `value` is the new value
};
DateEdit edit_date(std::string_view text, std::optional<core::Date> old, bool may_be_empty);

/// What a date field keeps between frames: the text being typed and the last error.
struct DateFieldState {
    std::string text;
    std::string error;
    int owner = -1;  ///< what the text was loaded from (a slide's index); another owner reloads it
};

/// Draws the field (`label`, `width` pixels) for `value`, owned by `owner`. Returns true when
/// `value` changed. A bad entry keeps `value`, shows the field red and the error below it.
bool date_field(const char* label, float width, DateFieldState& field, std::optional<core::Date>& value, int owner,
                bool may_be_empty);

}  // namespace sitmap::ui
