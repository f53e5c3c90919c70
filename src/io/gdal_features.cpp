#include "io/gdal_features.hpp"

#include <fmt/format.h>

namespace sitmap::io {

using core::DiagCode;
using core::Severity;

GdalErrorCollector::GdalErrorCollector() {
    CPLPushErrorHandlerEx(&GdalErrorCollector::handle, this);
    CPLSetCurrentErrorHandlerCatchDebug(FALSE);
}

GdalErrorCollector::~GdalErrorCollector() {
    CPLPopErrorHandler();
}

void CPL_STDCALL GdalErrorCollector::handle(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
    if (!self || level == CE_Debug || level == CE_None) return;
    self->messages_.push_back({level, message ? message : ""});
}

std::vector<GdalErrorCollector::Message> GdalErrorCollector::take() {
    std::vector<Message> out;
    out.swap(messages_);
    return out;
}

bool GdalErrorCollector::any_failure() const {
    for (const auto& m : messages_)
        if (m.level >= CE_Failure) return true;
    return false;
}

std::size_t read_features(OGRLayer& layer, const std::string& file, core::Diagnostics& diags,
                          const std::function<void(OGRFeature&)>& on_feature) {
    const std::string name = layer.GetName();
    GdalErrorCollector errors;
    // Without filters this is the count the file records (GeoPackage keeps it in gpkg_ogr_contents),
    // or -1 when the driver would have to read everything to know.
    const GIntBig expected = layer.GetFeatureCount(FALSE);
    for (const auto& m : errors.take())  // a failed count is no reason to stop: reading will tell
        if (m.level >= CE_Failure)
            diags.add(Severity::Warning, DiagCode::FileUnreadable, file, fmt::format("layer '{}'", name),
                      fmt::format("cannot count the features (GDAL: {})", m.text));
    layer.ResetReading();
    std::size_t read = 0;
    constexpr std::size_t kMaxReported = 5;  // per layer; one line sums up the rest
    std::size_t reported = 0, unreported = 0;
    GIntBig last_fid = OGRNullFID;
    std::string stop_failure;  // the GDAL failure that ended reading, if one did
    while (true) {
        CPLErrorReset();
        OGRFeatureUniquePtr feature(layer.GetNextFeature());
        if (!feature && CPLGetLastErrorType() >= CE_Failure) stop_failure = CPLGetLastErrorMsg();
        for (const auto& m : errors.take()) {
            if (!feature && m.level >= CE_Failure) continue;  // reported with the count below
            if (reported >= kMaxReported) {
                ++unreported;
                continue;
            }
            ++reported;
            const std::string where = feature ? fmt::format("layer '{}' feature {}", name, feature->GetFID())
                                      : last_fid != OGRNullFID
                                          ? fmt::format("layer '{}' after feature {}", name, last_fid)
                                          : fmt::format("layer '{}'", name);
            diags.add(Severity::Warning, DiagCode::FileUnreadable, file, where, fmt::format("GDAL: {}", m.text));
        }
        if (!feature) break;
        last_fid = feature->GetFID();
        ++read;
        on_feature(*feature);
    }
    if (unreported > 0)
        diags.add(Severity::Warning, DiagCode::FileUnreadable, file, fmt::format("layer '{}'", name),
                  fmt::format("{} more GDAL messages while reading", unreported));
    const std::string why = stop_failure.empty() ? std::string() : fmt::format(" (GDAL: {})", stop_failure);
    if (expected >= 0 && read < static_cast<std::size_t>(expected))
        diags.add(Severity::Error, DiagCode::FileUnreadable, file, fmt::format("layer '{}'", name),
                  fmt::format("read {} of {} features: the file is damaged{}; the other {} are missing", read, expected,
                              why, static_cast<std::size_t>(expected) - read));
    else if (!stop_failure.empty())
        diags.add(Severity::Error, DiagCode::FileUnreadable, file, fmt::format("layer '{}'", name),
                  fmt::format("reading stopped after {} features{}; any further features are missing", read, why));
    return read;
}

}  // namespace sitmap::io
