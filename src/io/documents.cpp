#include "io/documents.hpp"

#include "core/utf8.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <fstream>
#include <memory>

namespace sitmap::io {

namespace fs = std::filesystem;
using core::DiagCode;
using core::Severity;

namespace {

bool looks_binary(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 65536);
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return n > 0 && control * 20 > n;  // more than 5 % control characters
}

/// "UTF-16LE" or "UTF-16BE" when `bytes` look like UTF-16 text: a byte-order mark, or (for files
/// written without one) the NUL pattern of mostly-ASCII text, a zero in every other byte and
/// almost none between. Else empty.
std::string utf16_charset(std::string_view bytes) {
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
    const std::size_t n = std::min<std::size_t>(bytes.size(), 65536) & ~std::size_t{1};
    if (n < 16) return {};
    std::size_t even_nul = 0, odd_nul = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even_nul += bytes[i] == '\0' ? 1 : 0;
        odd_nul += bytes[i + 1] == '\0' ? 1 : 0;
    }
    const std::size_t units = n / 2;
    if (odd_nul * 10 >= units * 7 && even_nul * 20 <= units) return "UTF-16LE";
    if (even_nul * 10 >= units * 7 && odd_nul * 20 <= units) return "UTF-16BE";
    return {};
}

/// Where to cut UTF-16 bytes so that the part ends after a whole line-feed code unit (else at an
/// even length), so the next part starts aligned.
std::size_t utf16_cut(const std::string& buffer, bool little_endian) {
    for (std::size_t i = (buffer.size() & ~std::size_t{1}); i >= 2; i -= 2) {
        const char lo = little_endian ? buffer[i - 2] : buffer[i - 1];
        const char hi = little_endian ? buffer[i - 1] : buffer[i - 2];
        if (lo == '\n' && hi == '\0' && i > buffer.size() / 4) return i;
    }
    return buffer.size() & ~std::size_t{1};
}

bool only_whitespace(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return std::nullopt;
    std::string out(bytes.size() * 3 + 16, '\0');
    const std::int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, conv, out.data(), static_cast<std::int32_t>(out.size()),
                                              bytes.data(), static_cast<std::int32_t>(bytes.size()), &status);
    ucnv_close(conv);
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// Length of the well-formed UTF-8 sequence at text[i] (1..4), or 0 when the byte there starts
// none (a stray continuation byte, a truncated or overlong sequence, a surrogate, > U+10FFFF). The
// same rules as core::is_valid_utf8.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len <= 1) return len;
    if (i + len > text.size()) return 0;
    char32_t cp = len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return len;
}

/// What a scan of bytes as UTF-8 finds.
struct Utf8Scan {
    std::size_t multibyte = 0;  ///< well-formed sequences of 2-4 bytes (non-ASCII characters)
    std::size_t invalid = 0;    ///< bytes that start no well-formed sequence
    std::size_t first_invalid = std::string::npos;
};

Utf8Scan scan_utf8(std::string_view text) {
    Utf8Scan s;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            if (s.invalid++ == 0) s.first_invalid = i;
            ++i;
        } else {
            s.multibyte += len > 1 ? 1 : 0;
            i += len;
        }
    }
    return s;
}

// Replaces each byte that starts no well-formed UTF-8 sequence with U+FFFD, so one bad byte never
// loses a document; everything else is kept byte for byte.
std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s, i, len);
            i += len;
        }
    }
    return out;
}

/// The warning for invalid bytes in UTF-8 text; `file_offset` is where the text starts in the file.
void warn_invalid_utf8(std::string_view text, const Utf8Scan& scan, std::size_t file_offset, const std::string& file,
                       core::Diagnostics& diags) {
    const std::size_t at = file_offset + scan.first_invalid;
    const auto byte = static_cast<unsigned char>(text[scan.first_invalid]);
    diags.add(Severity::Warning, DiagCode::DocumentEncoding, file, fmt::format("byte {}", at),
              scan.invalid == 1
                  ? fmt::format("invalid UTF-8 byte 0x{:02X} at byte offset {} replaced by U+FFFD", byte, at)
                  : fmt::format("invalid UTF-8 byte 0x{:02X} at byte offset {} and {} more replaced by U+FFFD", byte,
                                at, scan.invalid - 1));
}

/// Why the directory `dir` cannot be listed ("Permission denied"), or empty when it can.
std::string unlistable(const fs::path& dir) {
    std::error_code ec;
    const fs::directory_iterator probe(dir, ec);
    return ec ? ec.message() : std::string();
}

}  // namespace

std::vector<fs::path> list_documents(const std::vector<std::string>& inputs, core::Diagnostics& diags) {
    std::vector<fs::path> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        const fs::path p(in);
        if (fs::is_directory(p, ec)) {
            // The iterator below skips what it may not open, so say so here, naming the directory.
            if (const std::string why = unlistable(p); !why.empty()) {
                diags.add(Severity::Error, DiagCode::FileUnreadable, in, "",
                          fmt::format("cannot list the directory: {}", why));
                continue;
            }
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const std::string name = it->path().filename().string();
                if (!name.empty() && name[0] == '.') {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_directory()) {
                    if (const std::string why = unlistable(it->path()); !why.empty()) {
                        diags.add(Severity::Warning, DiagCode::FileUnreadable, it->path().string(), "",
                                  fmt::format("cannot list the directory: {}; its documents are not read", why));
                        it.disable_recursion_pending();
                    }
                    continue;
                }
                if (it->is_regular_file()) found.push_back(it->path());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            out.push_back(p);
        } else {
            diags.add(Severity::Error, DiagCode::FileMissing, in, "", "no such file or directory");
        }
    }
    return out;
}

std::optional<DecodedText> decode_text(std::string_view bytes, const std::string& file, core::Diagnostics& diags) {
    const std::string_view original = bytes;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.empty() || only_whitespace(bytes)) {
        diags.add(Severity::Error, DiagCode::DocumentEmpty, file, "", "empty document (no text)");
        return std::nullopt;
    }
    if (const std::string utf16 = utf16_charset(bytes); !utf16.empty()) {
        const bool bom_mark =
            bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF");
        auto converted = convert_to_utf8(bom_mark ? bytes.substr(2) : bytes, utf16.c_str());
        if (!converted || converted->empty() || only_whitespace(*converted)) {
            diags.add(Severity::Error, DiagCode::DocumentEncoding, file, "",
                      fmt::format("{} text ({}) that cannot be converted; convert it to UTF-8", utf16,
                                  bom_mark ? "byte-order mark" : "NUL pattern"));
            return std::nullopt;
        }
        diags.add(Severity::Info, DiagCode::DocumentTranscoded, file, "",
                  fmt::format("not UTF-8: read as {} ({})", utf16, bom_mark ? "byte-order mark" : "NUL pattern"));
        return DecodedText{std::move(*converted), utf16, true};
    }
    if (looks_binary(bytes)) {
        diags.add(Severity::Error, DiagCode::DocumentBinary, file, "",
                  "binary file, not a text document (NUL or control bytes)");
        return std::nullopt;
    }
    const std::size_t bom = bytes.data() == original.data() ? 0 : 3;
    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.invalid == 0) return DecodedText{std::string(bytes), "UTF-8", false};
    // Mostly UTF-8 with a few bad bytes (a damaged download, one pasted Latin-1 character): legacy
    // charsets almost never form well-formed multi-byte sequences, so when those outnumber the bad
    // bytes the text is UTF-8, and charset detection would only garble its quotes and letters.
    if (scan.multibyte > scan.invalid) {
        warn_invalid_utf8(bytes, scan, bom, file, diags);
        return DecodedText{repair_utf8(bytes), "UTF-8", false};
    }

    // Not UTF-8: ask ICU's detector, and only trust single-byte charsets it is confident about.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 1u << 20);
    ucsdet_setText(det.get(), bytes.data(), static_cast<std::int32_t>(sample), &status);
    std::int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
    std::string best_name;
    std::int32_t best_conf = 0;
    std::int32_t best_other = 0;  // the best guess among charsets we do not transcode
    if (U_SUCCESS(status)) {
        for (std::int32_t i = 0; i < found; ++i) {
            UErrorCode s2 = U_ZERO_ERROR;
            const std::string name = ucsdet_getName(matches[i], &s2);
            const std::int32_t conf = ucsdet_getConfidence(matches[i], &s2);
            const bool supported = name == "windows-1251" || name == "ISO-8859-1" || name == "windows-1252" ||
                                   name == "ISO-8859-5" || name == "KOI8-R";
            if (supported && conf > best_conf) {
                best_conf = conf;
                best_name = name;
            } else if (!supported) {
                best_other = std::max(best_other, conf);
            }
        }
    }
    // Latin-1 text never uses the C1 control range 0x80-0x9F; Windows-1252 maps it to punctuation.
    if (best_name == "ISO-8859-1") {
        const bool c1 = std::any_of(bytes.begin(), bytes.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x80 && u <= 0x9F;
        });
        if (c1) best_name = "windows-1252";
    }
    // ICU's n-gram confidences are low for short texts (25 is typical for a paragraph of Russian in
    // Windows-1251), so require a modest score that clearly beats every other guess.
    constexpr std::int32_t min_confidence = 20;
    constexpr std::int32_t min_margin = 10;
    if (best_name.empty() || best_conf < min_confidence || best_conf < best_other + min_margin) {
        diags.add(Severity::Error, DiagCode::DocumentEncoding, file, "",
                  best_name.empty()
                      ? std::string("not UTF-8 and the character set cannot be determined (convert it to UTF-8)")
                      : fmt::format("not UTF-8; it may be {} but detection is not confident ({}%); convert it to UTF-8",
                                    best_name, best_conf));
        return std::nullopt;
    }
    auto converted = convert_to_utf8(bytes, best_name.c_str());
    if (!converted) {
        diags.add(Severity::Error, DiagCode::DocumentEncoding, file, "",
                  fmt::format("not UTF-8 and conversion from {} failed (convert it to UTF-8)", best_name));
        return std::nullopt;
    }
    diags.add(Severity::Info, DiagCode::DocumentTranscoded, file, "",
              fmt::format("not UTF-8: read as {} (detector confidence {}%)", best_name, best_conf));
    return DecodedText{std::move(*converted), best_name, true};
}

std::size_t read_chunk_size(const fs::path& path, std::size_t part_bytes) {
    std::error_code ec;
    const auto size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : std::uintmax_t{0};
    if (ec || size == 0) return part_bytes;
    return static_cast<std::size_t>(std::min<std::uintmax_t>(part_bytes, size + 1));
}

bool read_document(const fs::path& path, core::Diagnostics& diags, const std::function<void(core::Document&&)>& on_part,
                   const ReadOptions& options) {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.add(Severity::Error, DiagCode::FileUnreadable, file, "", "cannot open the file for reading");
        return false;
    }
    const std::size_t part = std::max<std::size_t>(options.part_bytes, 4096);
    std::string buffer;
    std::string carry;
    std::optional<core::Document> first_meta;  // header and dates, without text, for later parts
    std::string charset;
    std::string utf16;           // "UTF-16LE"/"UTF-16BE" when the file is cut in parts as UTF-16 code units
    std::size_t offset = 0;      // bytes of (decoded) text already passed on
    std::size_t raw_offset = 0;  // bytes of the file already passed on
    bool any = false;
    bool warned_utf8 = false;
    // Read in pieces the size of the file (one more byte, so the first read already sees its end),
    // up to `part`: a 1 KB document must not zero-fill an 8 MiB buffer (issue 12 F17: 10,000
    // small documents spent 77 % of their time doing that). A file whose size is unknown (a pipe)
    // or that grows while read is read in `part`-sized pieces as before.
    std::vector<char> chunk(read_chunk_size(path, part));
    while (true) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        const bool eof = got < chunk.size();
        buffer = std::move(carry);
        carry.clear();
        buffer.append(chunk.data(), got);
        if (!first_meta && !eof) utf16 = utf16_charset(buffer);
        if (!eof && !utf16.empty()) {
            const std::size_t cut = utf16_cut(buffer, utf16 == "UTF-16LE");
            carry.assign(buffer, cut, std::string::npos);
            buffer.resize(cut);
        } else if (!eof) {
            // Cut at the last paragraph break (else line break, else space) so sentences stay whole
            // and no UTF-8 sequence is split.
            std::size_t cut = buffer.rfind("\n\n");
            if (cut == std::string::npos || cut < buffer.size() / 2) cut = buffer.rfind('\n');
            if (cut == std::string::npos || cut < buffer.size() / 4) cut = buffer.rfind(' ');
            if (cut != std::string::npos && cut > 0) {
                carry.assign(buffer, cut + 1, std::string::npos);
                buffer.resize(cut + 1);
            }
        }
        if (buffer.empty() && eof && first_meta) break;
        const std::size_t raw_len = buffer.size();
        std::string text;
        if (!first_meta) {
            auto decoded = decode_text(buffer, file, diags);
            if (!decoded) return false;
            charset = decoded->charset;
            text = std::move(decoded->text);
        } else if (charset == "UTF-8") {
            if (const Utf8Scan scan = scan_utf8(buffer); scan.invalid > 0) {
                if (!warned_utf8) warn_invalid_utf8(buffer, scan, raw_offset, file, diags);
                warned_utf8 = true;
                text = repair_utf8(buffer);
            } else {
                text = std::move(buffer);
            }
        } else {
            text = convert_to_utf8(buffer, charset.c_str()).value_or(std::string());
        }
        const std::size_t len = text.size();
        if (!first_meta) {
            core::Document doc = core::parse_document(path.filename().string(), std::move(text), diags, file);
            first_meta = doc;
            first_meta->text.clear();
            first_meta->blocks.clear();
            on_part(std::move(doc));
        } else {
            on_part(core::continue_document(*first_meta, std::move(text), offset));
        }
        any = true;
        offset += len;
        raw_offset += raw_len;
        if (eof && carry.empty()) break;
        if (eof) {
            // The tail after the last cut of the final read.
            buffer = std::move(carry);
            carry.clear();
            continue;
        }
    }
    return any;
}

}  // namespace sitmap::io
