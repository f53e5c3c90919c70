// Where the window's and the CLI's events come from: news documents (extracted with the shipped
// gazetteer) or an events file (.gpkg, .geojson, .csv) written earlier. Part of sitmap_app:
// glue over core::Extractor and the io readers; no GL or ImGui.
#pragma once
#include "app/data_paths.hpp"
#include "core/diagnostics.hpp"
#include "core/event.hpp"
#include "io/event_field_map.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace sitmap::app {

/// True when `path` names an events file by its extension (.gpkg, .geojson, .json, .csv).
bool is_events_file(const std::filesystem::path& path);

/// Loads events from `inputs_or_default`: each input is an events file, a document or a directory
/// of documents; when the list is empty, the documents in paths.documents(). Problems (unreadable
/// files, undated documents, bad rows) go to `diags`; throws sitmap::Error when the gazetteer is
/// needed and cannot be read, and, with `inputs_required` (for a verb's explicit inputs), when an
/// input is missing or unreadable or an events file cannot be read at all (the message names it).
/// `fields` (--fields) maps sitmap's event columns to those of the events files (io::read_events).
std::vector<core::Event> load_events(const std::vector<std::string>& inputs_or_default, const DataPaths& paths,
                                     core::Diagnostics& diags, bool inputs_required = false,
                                     const io::EventFieldMap& fields = {});

/// The help text of the --fields option of the verbs that read events files (and the window's).
const char* fields_option_help();

/// Throws sitmap::Error naming `input` when it does not exist, is a file that cannot be opened for
/// reading, or is a directory that cannot be listed.
void check_input_readable(const std::string& input);

/// Counts for a summary line.
struct ExtractStats {
    std::size_t documents_listed = 0;
    std::size_t documents_read = 0;
    std::size_t events = 0;
};

/// Where extract_documents is: documents done of those listed, and their bytes (file sizes).
struct DocumentsProgress {
    std::size_t done = 0, total = 0;
    std::uintmax_t bytes_done = 0, bytes_total = 0;
};

/// Extracts events from document files, passing each to `sink`, with the confidence of
/// paths.geodata()/confidence_model.csv when that file exists (else the extractor's heuristic, and
/// an Info note says so); `progress` (may be empty) is called after each document. Documents are extracted on `jobs`
/// threads (0: one per hardware thread); `sink`, `progress` and `diags` see them in the inputs' order on the calling
/// thread, whatever `jobs` is. Used by load_events and `sitmap extract`.
ExtractStats extract_documents(const std::vector<std::string>& inputs, const DataPaths& paths, core::Diagnostics& diags,
                               const std::function<void(core::Event&&)>& sink,
                               const std::function<void(const DocumentsProgress&)>& progress = {}, unsigned jobs = 0);

}  // namespace sitmap::app
