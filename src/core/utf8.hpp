// Minimal UTF-8 decoding for text layout (labels). Heavier Unicode work (folding, segmentation)
// uses ICU. Part of sitmap_core.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// Decodes UTF-8 into code points; malformed sequences become U+FFFD (never throws).
std::u32string decode_utf8(std::string_view text);
/// Encodes one code point as UTF-8 (appends to `out`).
void append_utf8(std::string& out, char32_t cp);
/// True when `text` is entirely valid UTF-8.
bool is_valid_utf8(std::string_view text);
/// Upper-cases ASCII and the Latin-1/Latin Extended-A/Cyrillic/Armenian letters labels use.
std::string to_upper_label(std::string_view text);

/// `text` if it is shorter than `max_bytes`; else cut at the last space that leaves room for "…"
/// (at a character boundary when a single word is too long) with "…" appended, so a title never ends
/// mid-word or mid-character. Texts exactly `max_bytes` long count as already cut by their source.
std::string shorten_at_word(std::string_view text, std::size_t max_bytes);

}  // namespace sitmap::core
