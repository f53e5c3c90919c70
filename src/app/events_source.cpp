#include "app/events_source.hpp"

#include "core/base_map.hpp"
#include "core/error.hpp"
#include "core/extractor.hpp"
#include "core/ordered_parallel.hpp"
#include "io/confidence_model_io.hpp"
#include "io/conflict_calendar_io.hpp"
#include "io/documents.hpp"
#include "io/events_io.hpp"
#include "io/gazetteer_io.hpp"
#include "io/pg_store.hpp"
#include "io/place_model_io.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace sitmap::app {

namespace fs = std::filesystem;

bool is_events_file(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".gpkg" || ext == ".geojson" || ext == ".json" || ext == ".csv" || io::is_ogr_events_file(path);
}

// A single document named on the command line: text files by their usual names. (Directories
// are read whole, whatever their files are called.)
namespace {

bool is_document_file(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".txt" || ext == ".md" || ext == ".text";
}

}  // namespace

ExtractStats extract_documents(const std::vector<std::string>& inputs, const DataPaths& paths, core::Diagnostics& diags,
                               const std::function<void(core::Event&&)>& sink,
                               const std::function<void(const DocumentsProgress&)>& progress, unsigned jobs) {
    ExtractStats stats;
    const auto files = io::list_documents(inputs, diags);
    stats.documents_listed = files.size();
    if (files.empty()) return stats;
    // File sizes for the progress bar's MB/s and time left (a file that vanished counts 0).
    std::vector<std::uintmax_t> sizes;
    DocumentsProgress at{.total = files.size()};
    if (progress) {
        sizes.reserve(files.size());
        for (const auto& f : files) {
            std::error_code ec;
            const auto n = fs::file_size(f, ec);
            sizes.push_back(ec ? 0 : n);
            at.bytes_total += sizes.back();
        }
    }
    // Without a gazetteer no event can be placed; the map is still drawn (issue 12 F20), and the
    // missing file is an error that names it.
    core::Gazetteer gazetteer;
    try {
        gazetteer = io::load_gazetteer(paths.geodata() / "gazetteer.csv", diags);
    } catch (const Error& e) {
        diags.add(core::Severity::Error, core::DiagCode::FileMissing, (paths.geodata() / "gazetteer.csv").string(), "",
                  fmt::format("no events were extracted from {} document(s): {}", files.size(), e.what()));
        return stats;
    }
    const core::Extractor extractor(
        gazetteer, {.calendar = io::load_conflict_calendar(paths.geodata() / "conflict_calendar.csv", diags),
                    .place_model = io::load_place_model_if_present(paths.geodata() / "place_model.csv", diags)});
    // The learned confidence (docs/confidence_model.md) replaces the heuristic when it is shipped.
    const auto model = io::load_confidence_model_if_present(paths.geodata() / "confidence_model.csv", diags);
    // Documents are extracted on `jobs` threads; their events and problems are handed on in the
    // documents' order, so the output is the same whatever the number of threads, and at most a
    // few documents' events are held at once.
    struct Done {
        bool ok = false;
        std::vector<core::Event> events;
        std::vector<core::Diagnostic> diags;
    };
    const unsigned workers = core::worker_count(jobs);
    core::ordered_parallel<Done>(
        files.size(), workers, 4 * static_cast<std::size_t>(workers),
        [&](std::size_t i) {
            Done d;
            core::Diagnostics local;
            d.ok = io::read_document(files[i], local, [&](core::Document&& doc) {
                extractor.extract(doc, local, [&](core::Event&& e) {
                    if (model) core::apply_confidence(*model, e);
                    d.events.push_back(std::move(e));
                });
            });
            d.diags = local.all();
            return d;
        },
        [&](std::size_t i, Done&& d) {
            for (auto& x : d.diags) diags.add(std::move(x));
            for (auto& e : d.events) {
                ++stats.events;
                sink(std::move(e));
            }
            if (d.ok) ++stats.documents_read;
            if (progress) {
                at.done = i + 1;
                at.bytes_done += sizes[i];
                progress(at);
            }
        });
    return stats;
}

void check_input_readable(const std::string& input) {
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (!fs::exists(st)) throw fmt_error("{}: cannot read: no such file or directory", input);
    if (fs::is_directory(st)) {
        fs::directory_iterator probe(input, ec);
        if (ec) throw fmt_error("{}: cannot list the directory: {}", input, ec.message());
        return;
    }
    std::ifstream in(input, std::ios::binary);
    if (!in) throw fmt_error("{}: cannot open for reading: {}", input, std::strerror(errno));
}

const char* fields_option_help() {
    return "Which columns of a foreign events file (any OGR format, e.g. an ogr2ogr or QGIS export) hold "
           "sitmap's: SITMAP=FILE pairs joined with commas, e.g. date=event_date,lat=Y,lon=X,event_type=kind. "
           "Keys: date (both ends) or date_start/date_end, date_precision, place, lat, lon, location_precision, "
           "event_type, actor, target, summary, quote, confidence, doc, event_id. Unmapped: date_end = the start, "
           "precision day, type other; X/Y or WKT point columns give the position";
}

std::vector<core::Event> load_events(const std::vector<std::string>& inputs_or_default, const DataPaths& paths,
                                     core::Diagnostics& diags, bool inputs_required, const io::EventFieldMap& fields) {
    std::vector<core::Event> events;
    std::vector<std::string> documents;
    if (inputs_or_default.empty()) documents.push_back(paths.documents().string());
    for (const auto& in : inputs_or_default) {
        if (io::is_pg_source(in)) {
            // Every event of the store (`sitmap events`, `query`); the window and `render` read
            // only their view's window of it (app/pg_events.hpp).
            try {
                io::PgEventStore store(in);
                for (auto& row : store.read_all({.include_unplaced = true}))
                    if (!row.deleted) events.push_back(std::move(row.event));
            } catch (const Error& e) {
                if (inputs_required) throw;
                diags.add(core::Severity::Error, core::DiagCode::FileUnreadable, "PostgreSQL", "", e.what());
            }
            continue;
        }
        if (inputs_required) check_input_readable(in);
        std::error_code ec;
        if (inputs_required && fs::is_regular_file(in, ec) && !is_events_file(in) && !is_document_file(in))
            throw usage_error(
                "{}: not an events file (.gpkg, .geojson, .json or .csv) nor a document (.txt, .md); "
                "give a directory of documents, or extract the events first (sitmap extract)",
                in);
        if (fs::is_regular_file(in, ec) && is_events_file(in)) {
            try {
                auto loaded = io::read_events(in, diags, fields);
                events.insert(events.end(), std::make_move_iterator(loaded.begin()),
                              std::make_move_iterator(loaded.end()));
            } catch (const Error& e) {
                if (inputs_required) throw;
                diags.add(core::Severity::Error, core::DiagCode::FileUnreadable, in, "", e.what());
            }
        } else {
            documents.push_back(in);
        }
    }
    if (!documents.empty())
        extract_documents(documents, paths, diags, [&](core::Event&& e) { events.push_back(std::move(e)); });
    core::flag_events_outside_region(events, diags);  // shown in the window's Problems and by render
    return events;
}

}  // namespace sitmap::app
