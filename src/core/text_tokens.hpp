// Word tokens of UTF-8 text with their byte offsets and a folded form for matching: case,
// diacritics, hyphenation and apostrophes ignored, scripts transliterated to Latin (ICU), and
// possessives ("Baku's", "Baku’s") reduced to the bare word. Used by the gazetteer, the date
// grammar and the extractor. Part of sitmap_core: ICU and std only; no GDAL, GL or ImGui.
#pragma once
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// One word of a text. `begin`/`end` are byte offsets into the text that was tokenized.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string folded;        ///< lower-case ASCII form ("şuşa" -> "susa", "Xankəndi" -> "xankendi")
    bool capitalized = false;  ///< first letter is upper case ("Aghdam", "ŞUŞA")
    bool numeric = false;      ///< only digits ("19", "2023")
    bool possessive = false;   ///< was followed by 's / ’s, which is dropped
};

/// FNV-1a over a folded word or key: cheaper than std::hash on the short strings matching uses.
/// Transparent, so a map keyed by std::string can be searched with a std::string_view.
struct FoldedHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view w) const noexcept {
        std::uint64_t h = 1469598103934665603ull;
        for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return static_cast<std::size_t>(h);
    }
};

/// Splits `text` into word tokens. Letters and digits form words; hyphens, apostrophes, spaces and
/// punctuation separate them, except that a trailing "'s" is folded away as a possessive.
/// Invalid UTF-8 bytes are treated as separators (never throws).
std::vector<Token> tokenize(std::string_view text);

/// tokenize(text), remembered per thread for the last text asked (compared by content, so a
/// different text at the same address is tokenized afresh). The document-level checks (the
/// day/month order, the language, the publication year) tokenize the same head of a document in
/// turn. The reference is valid until the thread's next call.
const std::vector<Token>& tokenize_remembered(std::string_view text);

/// The folded form of an arbitrary string: tokens joined by single spaces
/// ("Nagorno-Karabakh" and "nagorno karabakh" both give "nagorno karabakh").
std::string fold_for_match(std::string_view text);

/// The folded words of `text` longer than three letters (no "the", "and", "of"): what two quotes
/// of the same passage share.
std::set<std::string> content_words(std::string_view text);

/// Folds one word that may contain non-ASCII letters (ICU: Any-Latin, strip marks, Latin-ASCII,
/// lower case). Results are cached per thread, so repeated words cost a hash lookup.
const std::string& fold_word(std::string_view word);

}  // namespace sitmap::core
