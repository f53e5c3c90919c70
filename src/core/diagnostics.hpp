// Diagnostics: located, coded problems with single records (a bad feature, an unparsable date),
// collected instead of silently dropped. Codes come from one table (see docs/DIAGNOSTICS.md).
// Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sitmap::core {

enum class Severity { Info, Warning, Error };

/// Stable diagnostic codes. Tests assert on codes, not text. Keep docs/DIAGNOSTICS.md in sync.
enum class DiagCode : std::uint16_t {
    FileMissing = 100,     ///< a file that should exist does not
    FileUnreadable = 101,  ///< exists but cannot be opened/parsed (corrupt, wrong format)
    LayerMissing = 102,    ///< the file opened but the named layer is absent
    FeatureInvalid = 110,  ///< a feature with empty/invalid geometry was repaired or skipped
    TriangulationFailed = 111,
    RasterInvalid = 120,  ///< a raster without georeferencing or of the wrong shape
    DocumentEmpty = 200,
    DocumentBinary = 201,
    DocumentEncoding = 202,
    DocumentNoDate = 203,
    DocumentTranscoded = 204,
    DocumentLanguage = 205,  ///< not in a language the extractor reads (English)
    PlaceUnknown = 210,
    DateUnparsed = 211,
    PlaceOutsideRegion = 212,  ///< an event placed far outside the map's region (Washington)
    RecordInvalid = 220,       ///< a CSV/JSON record with a bad field
};

/// Short stable name of a code, e.g. "file-missing".
std::string_view code_name(DiagCode code);

struct Diagnostic {
    Severity severity = Severity::Warning;
    DiagCode code = DiagCode::RecordInvalid;
    std::string file;     ///< path of the file at fault (always set)
    std::string where;    ///< "12" (a line number), "layer 'countries' feature 117", or empty
    std::string message;  ///< what went wrong, quoting the bad value

    /// Compiler-style one-liner: "path:line 12: warning: message [code]".
    std::string format() const;
};

/// Thread-safe sink of diagnostics. Passed by reference to loaders and the extractor.
class Diagnostics {
public:
    /// Records `d` once: the same problem reported again (same severity, code, file, place and
    /// message, e.g. a document read once for events and once for its title) is not listed twice.
    void add(Diagnostic d);
    void add(Severity s, DiagCode c, std::string file, std::string where, std::string message);
    std::vector<Diagnostic> all() const;
    std::size_t count(Severity at_least = Severity::Warning) const;
    bool has(DiagCode code) const;
    bool empty() const;
    void clear();

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
    std::unordered_set<std::string> seen_;  ///< format() of every item, for add()'s check
};

}  // namespace sitmap::core
