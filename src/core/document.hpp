// Document: one news text as UTF-8 bytes, with its optional `Key: value` header (closed by a `---`
// line), title, source, publication date (from the header or a dateline in the text) and the
// layout the extractor needs: prose paragraphs versus headings, captions and page furniture
// (navigation, "Read also" / "Latest news" / "Related" lists with their own dates and headlines).
// Part of sitmap_core: no file access (io/documents reads files), no GDAL, GL or ImGui.
#pragma once
#include "core/date.hpp"
#include "core/diagnostics.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::core {

/// A byte range [begin, end) of Document::text.
struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

enum class BlockKind {
    Prose,      ///< running text: events come from here
    Heading,    ///< title, dateline, byline, caption, sub-heading (short, no sentence punctuation)
    Furniture,  ///< navigation, related/latest-news lists, share/subscribe/comment boxes
};

struct TextBlock {
    TextSpan span;
    BlockKind kind = BlockKind::Prose;
};

/// A dateline with a day and month but no year ("YEREVAN, May 14 (Meridian Wire) -").
struct YearlessDateline {
    unsigned month = 0;  ///< 1-12
    unsigned day = 0;    ///< 1-31
    std::string line;    ///< the line it was read from
};

struct Document {
    std::string name;                           ///< file name, as written to the `doc` column
    std::string path;                           ///< where it was read from (for diagnostics)
    std::string text;                           ///< the UTF-8 text (for a streamed part: this part only)
    std::size_t base_offset = 0;                ///< byte offset of `text` within the file (streamed parts)
    std::map<std::string, std::string> header;  ///< lower-cased keys ("title", "publication date")
    std::string title;
    std::string source;
    std::optional<Date> publication_date;
    std::string publication_evidence;  ///< the words the date was read from
    /// When the text has no dateline: the span it was probably written in (after the latest full
    /// date it mentions). Relative expressions stay unresolved; undated events fall in this range.
    std::optional<DateRange> estimated_publication;
    /// When there is no publication date but a dateline without a year: its day and month (the
    /// extractor dates it by the conflict calendar).
    std::optional<YearlessDateline> yearless_dateline;
    /// The document writes slash dates day first (numeric_dates_day_first): every date of it is
    /// read so.
    bool numeric_day_first = false;
    std::vector<TextBlock> blocks;  ///< the body, in order, classified

    /// True when `offset` (into `text`) lies in a furniture block.
    bool in_furniture(std::size_t offset) const;
};

/// Parses a document's text: header, title, publication date, blocks. `name` goes into events;
/// `path` into diagnostics. Records DocumentNoDate (warning) when no publication date is found and
/// DateUnparsed when a header date cannot be read. Never throws on content.
Document parse_document(std::string name, std::string text, Diagnostics& diags, std::string path = {});

/// A later part of a large document that is streamed in pieces: same name, header and dates as
/// `first`, its own text starting at `base_offset` in the file. Blocks are classified afresh.
Document continue_document(const Document& first, std::string text, std::size_t base_offset);

/// Finds a dateline of the forms find_dateline reads but without a year ("YEREVAN, May 14 -").
std::optional<YearlessDateline> find_yearless_dateline(std::string_view text, bool day_first = false);

/// Finds a dateline ("20 September 2023 - 14:51", "date 2023-09-19", "Tue, 10/27/2020 – 02:00",
/// "Baku, September 21, 2023, AZERTAG") near the start of `text`, stopping at a "Read also" /
/// "Latest news" list (its stamps date other articles); returns the date and the line it came from.
std::optional<std::pair<Date, std::string>> find_dateline(std::string_view text, bool day_first = false);

}  // namespace sitmap::core
