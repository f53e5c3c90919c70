// Atomic, durable file replacement (POSIX): write a temporary file beside the target, check every
// write, fsync it, close it, rename it over the target and fsync the directory, so a reader sees
// the old file or the new one, never half of one, and a full disk leaves the old file as it was.
// No GDAL here; GDAL-written files (GeoPackage, GeoTIFF) use the two lower-level steps.
#pragma once
#include <filesystem>
#include <string_view>

namespace sitmap::io {

/// The file that a write to `path` should replace: `path` itself, or the file a symbolic link
/// points to (so the link stays a link). Throws sitmap::Error naming `path` when it exists and is
/// not a regular file (a device such as /dev/full, a FIFO, a socket, a directory): renaming over
/// it would replace the node itself, which is never what "-o /dev/full" means.
std::filesystem::path replaceable_target(const std::filesystem::path& path, const char* what);

/// Writes `bytes` to `path` atomically and durably (see the file comment). `what` names the
/// content in errors ("PNG", "briefing"). On failure removes the temporary file, leaves any previous
/// file untouched and throws sitmap::Error "path: cannot write <what>: <OS error>" (e.g. "No space
/// left on device").
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, const char* what);

/// The last two steps for a temporary file written by someone else (GDAL): fsync `tmp`, rename it
/// over `target` (from replaceable_target) and fsync the directory. Throws sitmap::Error naming
/// `reported`; `tmp` is left for the caller to remove.
void replace_durably(const std::filesystem::path& tmp, const std::filesystem::path& target,
                     const std::filesystem::path& reported, const char* what);

}  // namespace sitmap::io
