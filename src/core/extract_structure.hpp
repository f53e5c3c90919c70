// Extraction stage 1, document structure: the blocks of a parsed Document (document.hpp) read as
// passages the later stages take in order: paragraphs of prose; list items (bullets, numbered
// items, timeline entries "27 September – ..."), which are read although they lack a final full
// stop; live-blog entries with their own time stamps; date headings ("Tuesday, 29 September") that
// set the running date of what follows; unpunctuated prose lines long enough to be sentences.
// Titles, short headings, captions and furniture are not passages. Also: whether a text is English.
// Part of sitmap_core: std only.
#pragma once
#include "core/date.hpp"
#include "core/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sitmap::core::extract {

enum class PassageKind {
    Paragraph,     ///< running prose
    ListItem,      ///< a bullet or numbered item, or an unpunctuated prose line
    TimelineItem,  ///< a list item that opens with its own date ("27 September – ...")
    LiveEntry,     ///< a live-blog entry that opens with (or follows) a time stamp
    DateHeading,   ///< a line that is only a date: sets the running date, yields no event itself
};

struct Passage {
    TextSpan span;  ///< into Document::text; list markers and leading stamps are left out
    std::size_t block = 0;
    PassageKind kind = PassageKind::Paragraph;
    std::optional<DateRange> own_date;  ///< a timeline item's or date heading's date
    std::size_t list = 0;               ///< items of one list share a number (0: not in a list)
    bool update = false;                ///< opened by an update stamp ("UPDATE 07/04/2016 09:05: ...")
};

/// The passages of `doc`, in text order. `year_hint` gives dates written without a year theirs
/// (the publication date, or the span the text was probably written in).
/// `published`: the publication date as the extractor knows it (the document's, or the one it
/// inferred for a dateline without a year).
std::vector<Passage> read_structure(const Document& doc, std::optional<Date> published, std::optional<Date> year_hint);

/// Bytes of a wire dateline that opens a paragraph ("Yerevan, April 3, 2016 (AFP) - ", "MOSCOW
/// (Reuters) — ", "STEPANAKERT/BAKU, Nov 9 (CPA) – ", "BAKU, October 4. /Caspian Wire/. "): where
/// the story is filed from and when, not part of its first sentence. 0 when there is none.
std::size_t dateline_length(std::string_view paragraph);

/// nullopt when `text` reads as English; otherwise a short name of what it looks like
/// ("Azerbaijani", "Russian", "Armenian", "French", "another language"). Short texts (under 40
/// words) count as English.
std::optional<std::string> non_english_language(std::string_view text);

}  // namespace sitmap::core::extract
