#include "core/diagnostics.hpp"

#include <fmt/format.h>

namespace sitmap::core {

std::string_view code_name(DiagCode code) {
    switch (code) {
        case DiagCode::FileMissing:
            return "file-missing";
        case DiagCode::FileUnreadable:
            return "file-unreadable";
        case DiagCode::LayerMissing:
            return "layer-missing";
        case DiagCode::FeatureInvalid:
            return "feature-invalid";
        case DiagCode::TriangulationFailed:
            return "triangulation-failed";
        case DiagCode::RasterInvalid:
            return "raster-invalid";
        case DiagCode::DocumentEmpty:
            return "document-empty";
        case DiagCode::DocumentBinary:
            return "document-binary";
        case DiagCode::DocumentEncoding:
            return "document-encoding";
        case DiagCode::DocumentNoDate:
            return "document-no-date";
        case DiagCode::DocumentTranscoded:
            return "document-transcoded";
        case DiagCode::DocumentLanguage:
            return "document-language";
        case DiagCode::PlaceUnknown:
            return "place-unknown";
        case DiagCode::DateUnparsed:
            return "date-unparsed";
        case DiagCode::PlaceOutsideRegion:
            return "place-outside-region";
        case DiagCode::RecordInvalid:
            return "record-invalid";
    }
    return "unknown";
}

std::string Diagnostic::format() const {
    const char* sev = severity == Severity::Error ? "error" : severity == Severity::Warning ? "warning" : "note";
    if (where.empty()) return fmt::format("{}: {}: {} [{}]", file, sev, message, code_name(code));
    // A bare line number joins the path compiler-style ("doc.txt:12: warning: ..."), so IDEs can jump.
    if (where.find_first_not_of("0123456789") == std::string::npos)
        return fmt::format("{}:{}: {}: {} [{}]", file, where, sev, message, code_name(code));
    return fmt::format("{}: {}: {}: {} [{}]", file, where, sev, message, code_name(code));
}

void Diagnostics::add(Diagnostic d) {
    std::lock_guard lock(mutex_);
    if (!seen_.insert(d.format()).second) return;
    items_.push_back(std::move(d));
}

void Diagnostics::add(Severity s, DiagCode c, std::string file, std::string where, std::string message) {
    add(Diagnostic{s, c, std::move(file), std::move(where), std::move(message)});
}

std::vector<Diagnostic> Diagnostics::all() const {
    std::lock_guard lock(mutex_);
    return items_;
}

std::size_t Diagnostics::count(Severity at_least) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& d : items_) n += d.severity >= at_least ? 1 : 0;
    return n;
}

bool Diagnostics::has(DiagCode code) const {
    std::lock_guard lock(mutex_);
    for (const auto& d : items_)
        if (d.code == code) return true;
    return false;
}

bool Diagnostics::empty() const {
    std::lock_guard lock(mutex_);
    return items_.empty();
}

void Diagnostics::clear() {
    std::lock_guard lock(mutex_);
    items_.clear();
    seen_.clear();
}

}  // namespace sitmap::core
