// Saving the user's event edits: a GeoPackage written atomically (written beside the target, then
// renamed), and a recovery journal (one JSON line per edit, flushed and fsync'd as it is made) so
// nothing typed is lost after a crash. The only GDAL use for edits.
#pragma once
#include "core/diagnostics.hpp"
#include "core/event.hpp"
#include "core/event_edits.hpp"

#include <cstddef>
#include <filesystem>
#include <vector>

namespace sitmap::io {

/// Writes the edits (a layer "edits", review decisions included, with their author and time) and
/// the resulting events (a layer "events": neither deleted nor rejected ones; DATE fields
/// date_start/date_end, Unicode intact) to `path` atomically. Throws sitmap::Error naming the path.
void save_edits(const std::filesystem::path& path, const core::EditableEvents& events);

/// Reads the "edits" layer of a file written by save_edits. Bad rows → diagnostics naming the
/// file and feature; the rest still load. Throws sitmap::Error when the file cannot be opened.
std::vector<core::EventEdit> load_edits(const std::filesystem::path& path, core::Diagnostics& diags);

/// Append-only recovery journal. Each record is one JSON line ending with its CRC-32, so a record
/// damaged on disk is reported and never replayed. Each append() is durable when it returns (fsync). A redo is
/// journalled as append() of the redone edit. If a crash tore the file's last line, the next append
/// starts a fresh line, so the torn fragment never swallows a later edit.
class RecoveryJournal {
public:
    explicit RecoveryJournal(std::filesystem::path path);
    /// Appends one edit as a JSON line. Throws sitmap::Error naming the path on I/O failure.
    void append(const core::EventEdit& edit);
    /// Records an undo (a line {"undo": true}) so replay matches the live state.
    void append_undo();
    /// Opens the journal for appending (creating it when missing) and closes it again, so a
    /// read-only directory is found at start instead of at the first correction. A full disk shows
    /// only when append() fails. Throws sitmap::Error naming the path and the OS error.
    void check_writable() const;
    /// Empties the journal (after a successful save).
    void clear();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Replays a journal: the edits in force at the time of the crash (undos applied). A torn last
/// line (crash mid-write) is ignored with a diagnostic; a record whose checksum fails is reported
/// with what it was (kind and key, as far as readable) and not replayed; other bad lines are
/// reported and skipped. Lines without a checksum (journals of older versions) are read as before.
std::vector<core::EventEdit> replay_journal(const std::filesystem::path& path, core::Diagnostics& diags);

/// What a journal holds: the edits made since it was last cleared (undos applied), and how many
/// undos reached past them, i.e. undid edits that were saved before the journal was cleared.
struct JournalReplay {
    std::vector<core::EventEdit> edits;
    std::size_t undone_before = 0;
    std::size_t damaged = 0;  ///< records whose checksum failed: reported, never replayed
};

/// Reads a journal as replay_journal does, without judging undos past its start. A missing file is
/// an empty journal; an unreadable one throws sitmap::Error naming the path.
JournalReplay read_journal(const std::filesystem::path& path, core::Diagnostics& diags);

/// The edits in force after a crash when `saved` were the edits of the last save (load_edits):
/// the journal's undos past its start remove edits from the end of `saved`, then its edits follow.
/// replay_journal(path) is recover_edits({}, path) plus a warning if undos reached past the start.
std::vector<core::EventEdit> recover_edits(std::vector<core::EventEdit> saved, const std::filesystem::path& path,
                                           core::Diagnostics& diags);

}  // namespace sitmap::io
