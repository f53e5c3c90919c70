// Reading news documents from files and directories: UTF-8 check (a few bad bytes are replaced
// and named), UTF-16 (by byte-order mark or NUL pattern), transcoding of Windows-1251 and Latin-1
// text with ICU when its detector is confident (else a clear diagnostic), empty and binary file
// detection, and streaming of large files in parts cut at paragraph boundaries (line feeds for
// UTF-16) so memory stays bounded by the part size. Part of sitmap_io: returns core::Document; no
// GDAL here.
#pragma once
#include "core/diagnostics.hpp"
#include "core/document.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::io {

struct ReadOptions {
    std::size_t part_bytes = 8u << 20;  ///< files larger than this are streamed in parts of about this size
};

/// Text converted to UTF-8 and the charset it came from ("UTF-8", "windows-1251", "ISO-8859-1").
struct DecodedText {
    std::string text;
    std::string charset;
    bool transcoded = false;
};

/// Expands `inputs` (files and directories; directories recursively, hidden entries skipped, sorted)
/// into document files. Missing inputs are reported as FileMissing; a directory that cannot be
/// listed as FileUnreadable naming it (an error for an input, a warning for a subdirectory).
std::vector<std::filesystem::path> list_documents(const std::vector<std::string>& inputs, core::Diagnostics& diags);

/// Classifies and decodes raw bytes: empty (DocumentEmpty), UTF-16LE/BE by byte-order mark or NUL
/// pattern (DocumentTranscoded, info), binary (DocumentBinary), UTF-8 (a BOM is dropped; when well-formed multi-byte
/// sequences outnumber invalid bytes, each invalid byte becomes U+FFFD with one DocumentEncoding warning naming the
/// first one's byte offset in the file), or a legacy charset transcoded with ICU when detection is confident
/// (DocumentTranscoded, info); otherwise DocumentEncoding (error) and nullopt. `file` names the source in diagnostics.
std::optional<DecodedText> decode_text(std::string_view bytes, const std::string& file, core::Diagnostics& diags);

/// How many bytes read_document reads at a time from `path`: its size plus one (so the first read
/// sees the end), at most `part_bytes`; `part_bytes` when the size is unknown (a pipe) or zero.
std::size_t read_chunk_size(const std::filesystem::path& path, std::size_t part_bytes);

/// Reads one file and passes it to `on_part` as one Document, or, when it is larger than
/// options.part_bytes, as several parts (first: parse_document; later: continue_document with
/// base_offset set). Returns false when nothing could be read (the reason is in `diags`).
/// Offsets in parts of a transcoded file refer to its UTF-8 text.
bool read_document(const std::filesystem::path& path, core::Diagnostics& diags,
                   const std::function<void(core::Document&&)>& on_part, const ReadOptions& options = {});

}  // namespace sitmap::io
