// Saving the user's event edits: a GeoPackage written atomically (written beside the target, then
// renamed), and a recovery journal (one JSON line per edit, flushed and fsync'd as it is made) so
// nothing typed is lost after a crash. The only GDAL use for edits.
#pragma once
#include "core/diagnostics.hpp"
#include "core/event.hpp"
#include "core/event_edits.hpp"

#include <filesystem>
#include <vector>

namespace sitmap::io {

/// Writes the edits (a layer "edits") and the resulting events (a layer "events", DATE fields
/// date_start/date_end, Unicode intact) to `path` atomically. Throws sitmap::Error naming the path.
void save_edits(const std::filesystem::path& path, const core::EditableEvents& events);

/// Reads the "edits" layer of a file written by save_edits. Bad rows → diagnostics naming the
/// file and feature; the rest still load. Throws sitmap::Error when the file cannot be opened.
std::vector<core::EventEdit> load_edits(const std::filesystem::path& path, core::Diagnostics& diags);

/// Append-only recovery journal. Each append() is durable when it returns (fsync).
class RecoveryJournal {
public:
    explicit RecoveryJournal(std::filesystem::path path);
    /// Appends one edit as a JSON line. Throws sitmap::Error naming the path on I/O failure.
    void append(const core::EventEdit& edit);
    /// Records an undo (a line {"undo": true}) so replay matches the live state.
    void append_undo();
    /// Empties the journal (after a successful save).
    void clear();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Replays a journal: the edits in force at the time of the crash (undos applied). A torn last
/// line (crash mid-write) is ignored with a diagnostic; other bad lines are reported and skipped.
std::vector<core::EventEdit> replay_journal(const std::filesystem::path& path, core::Diagnostics& diags);

}  // namespace sitmap::io
