// RFC-4180 CSV: splitting records (quoted fields, doubled quotes, CR LF, newlines inside quotes)
// and quoting fields for output. Used by the gazetteer, events and gold-set readers and writers.
// Part of sitmap_core: standard library only; knows nothing of files (callers pass text).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::core {

/// One CSV record and the 1-based line on which it starts (for diagnostics).
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;
    /// A quote opened in this record is never closed. Its fields are those before the quote and
    /// parsing resumed on the next line, so a stray quote costs one line, not the rest of the text.
    bool unterminated_quote = false;
};

/// Splits `text` into records. A final record without a trailing newline is kept; blank lines are
/// skipped. A quote still open at the end of the text marks its record `unterminated_quote` (with
/// the fields before it), and the records after that record's first line are read as usual.
std::vector<CsvRecord> parse_csv(std::string_view text);

/// Quotes `field` if it contains a comma, quote, CR or LF (RFC 4180); otherwise returns it as is.
std::string csv_quote(std::string_view field);

/// Joins fields into one line (no line terminator).
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace sitmap::core
