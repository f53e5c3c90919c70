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
};

/// Splits `text` into records. A final record without a trailing newline is kept; blank lines are
/// skipped. An unterminated quote runs to the end of the text (the caller sees a short record).
std::vector<CsvRecord> parse_csv(std::string_view text);

/// Quotes `field` if it contains a comma, quote, CR or LF (RFC 4180); otherwise returns it as is.
std::string csv_quote(std::string_view field);

/// Joins fields into one line (no line terminator).
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace sitmap::core
