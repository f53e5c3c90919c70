#include "core/utf8.hpp"

#include <algorithm>

#include <unicode/uchar.h>

namespace sitmap::core {

namespace {
// Returns the code point at text[i] and advances i; U+FFFD for malformed input.
char32_t next(std::string_view text, std::size_t& i, bool& ok) {
    const auto c = static_cast<unsigned char>(text[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > text.size()) {
        ++i;
        ok = false;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
        if ((cc & 0xc0) != 0x80) {
            ++i;
            ok = false;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        i += static_cast<std::size_t>(len);
        ok = false;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}
}  // namespace

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    bool ok = true;
    for (std::size_t i = 0; i < text.size();) out.push_back(next(text, i, ok));
    return out;
}

bool is_valid_utf8(std::string_view text) {
    bool ok = true;
    for (std::size_t i = 0; i < text.size() && ok;) next(text, i, ok);
    return ok;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

std::string to_upper_label(std::string_view text) {
    std::string out;
    for (char32_t cp : decode_utf8(text)) append_utf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))));
    return out;
}

std::string shorten_at_word(std::string_view text, std::size_t max_bytes) {
    if (text.size() < max_bytes) return std::string(text);
    const std::string_view ellipsis = "\u2026";
    std::size_t cut = max_bytes > ellipsis.size() + 1 ? max_bytes - ellipsis.size() - 1 : 0;
    cut = std::min(cut, text.size());
    // The last space at or before the cut; inside one long word, back to a character boundary.
    const std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > 0) {
        cut = space;
    } else {
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out(text.substr(0, cut));
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':'))
        out.pop_back();
    return out + std::string(ellipsis);
}

}  // namespace sitmap::core
