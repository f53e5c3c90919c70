#include "core/text_tokens.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace sitmap::core {

namespace {

// ICU transliterators are expensive to create and not thread-safe to share for transliterate();
// one per thread, created on first use.
icu::Transliterator* folding_transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
            "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) tr.reset();
        return tr;
    }();
    return t.get();
}

bool is_apostrophe(char32_t cp) {
    return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018';
}

bool is_word_cp(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    // The punctuation news text is full of (typographic quotes and dashes, no-break space, « »)
    // answered without a Unicode property lookup.
    if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 || cp == 0xAB || cp == 0xBB) return false;
    return u_isalnum(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

// Decodes one code point at `i`; returns U+FFFD for invalid bytes and advances `i`.
char32_t next_cp(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    UChar32 cp = 0;
    std::int32_t idx = static_cast<std::int32_t>(i);
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), idx, static_cast<std::int32_t>(s.size()), cp);
    i = static_cast<std::size_t>(idx);
    return cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
}

// [A-Za-z0-9] as a table lookup (the tokenizer's innermost test).
constexpr std::array<bool, 256> ascii_word_table = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return t;
}();
bool ascii_word(unsigned char c) {
    return ascii_word_table[c];
}

// Possessive: word + apostrophe + "s" + non-letter. Moves `i` past the "'s" when found.
void mark_possessive(std::string_view text, std::size_t& i, Token& t) {
    const std::size_t n = text.size();
    if (i >= n) return;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != '\'' && c != 0xE2 && c != 0xCA) return;  // ' or the lead byte of ’ ‘ (E2) or ʼ (CA)
    std::size_t j = i;
    const char32_t a = next_cp(text, j);
    if (!is_apostrophe(a) || j >= n || (text[j] != 's' && text[j] != 'S')) return;
    const std::size_t k = j + 1;
    bool word_follows = false;
    if (k < n) {
        std::size_t kk = k;
        word_follows = is_word_cp(next_cp(text, kk));
    }
    if (!word_follows) {
        t.possessive = true;
        i = k;
    }
}

}  // namespace

const std::string& fold_word(std::string_view word) {
    thread_local std::unordered_map<std::string, std::string, FoldedHash, std::equal_to<>> cache;
    auto it = cache.find(word);
    if (it != cache.end()) return it->second;
    std::string out;
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
    // ə/Ə (schwa) has no decomposition; Latin-ASCII maps it, but do it explicitly for older ICU data.
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0259)), icu::UnicodeString("e"));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x018F)), icu::UnicodeString("e"));
    if (auto* t = folding_transliterator())
        t->transliterate(u);
    else
        u.toLower();
    u.toUTF8String(out);
    std::string clean;
    for (char c : out) {
        const auto uc = static_cast<unsigned char>(c);
        if (uc < 0x80 && std::isalnum(uc)) clean.push_back(static_cast<char>(std::tolower(uc)));
    }
    if (cache.size() > 200000) cache.clear();  // bounded memory on huge, varied corpora
    return cache.emplace(std::string(word), std::move(clean)).first->second;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    std::size_t i = 0;
    const std::size_t n = text.size();
    out.reserve(n / 6 + 1);
    while (i < n) {
        // ASCII fast path: a run of [A-Za-z0-9] is lower-cased by arithmetic, with no decoding;
        // a run that meets a non-ASCII byte falls through to the general path below.
        {
            const auto c0 = static_cast<unsigned char>(text[i]);
            if (c0 < 0x80 && !ascii_word(c0)) {
                ++i;
                continue;
            }
            if (c0 < 0x80) {
                std::size_t e = i + 1;
                while (e < n && ascii_word(static_cast<unsigned char>(text[e]))) ++e;
                bool ends = e >= n || static_cast<unsigned char>(text[e]) < 0x80;
                if (!ends) {  // "Azerbaijan’s", "war —": a non-ASCII separator also ends the word
                    std::size_t q = e;
                    ends = !is_word_cp(next_cp(text, q));
                }
                if (ends) {
                    Token& t = out.emplace_back();  // built in place: no Token moves
                    t.begin = i;
                    t.end = e;
                    t.capitalized = c0 >= 'A' && c0 <= 'Z';
                    t.numeric = true;
                    t.folded.assign(text.data() + i, e - i);
                    for (char& ch : t.folded) {
                        const auto c = static_cast<unsigned char>(ch);
                        t.numeric = t.numeric && c >= '0' && c <= '9';
                        if (c >= 'A' && c <= 'Z') ch = static_cast<char>(c + 32);
                    }
                    i = e;
                    mark_possessive(text, i, t);
                    continue;
                }
            }
        }
        std::size_t start = i;
        char32_t cp = next_cp(text, i);
        if (!is_word_cp(cp)) continue;
        bool ascii = cp < 0x80;
        bool upper = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : u_isupper(static_cast<UChar32>(cp)) != 0;
        bool digits = cp >= '0' && cp <= '9';
        std::size_t end = i;
        while (i < n) {
            std::size_t here = i;
            char32_t c2 = next_cp(text, i);
            if (!is_word_cp(c2)) {
                i = here;
                break;
            }
            if (c2 >= 0x80) ascii = false;
            if (!(c2 >= '0' && c2 <= '9')) digits = false;
            end = i;
        }
        Token t;
        t.begin = start;
        t.end = end;
        t.capitalized = upper;
        t.numeric = digits;
        const std::string_view word = text.substr(start, end - start);
        if (ascii) {
            t.folded.resize(word.size());
            for (std::size_t k = 0; k < word.size(); ++k) {
                const auto c = static_cast<unsigned char>(word[k]);
                t.folded[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        } else {
            t.folded = fold_word(word);
        }
        mark_possessive(text, i, t);
        if (!t.folded.empty()) out.push_back(std::move(t));
    }
    return out;
}

const std::vector<Token>& tokenize_remembered(std::string_view text) {
    struct Memo {
        bool valid = false;
        std::string text;
        std::vector<Token> tokens;
    };
    thread_local Memo memo;
    if (memo.valid && std::string_view(memo.text) == text) return memo.tokens;
    memo.valid = false;  // stays so if tokenize throws (bad_alloc)
    memo.tokens = tokenize(text);
    memo.text.assign(text.data(), text.size());
    memo.valid = true;
    return memo.tokens;
}

std::string fold_for_match(std::string_view text) {
    std::string out;
    for (const Token& t : tokenize(text)) {
        if (!out.empty()) out.push_back(' ');
        out += t.folded;
    }
    return out;
}

std::set<std::string> content_words(std::string_view text) {
    std::set<std::string> out;
    for (const auto& t : tokenize(text))
        if (t.folded.size() > 3) out.insert(t.folded);
    return out;
}

}  // namespace sitmap::core
