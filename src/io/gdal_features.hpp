// Reading an OGR layer's features without losing any silently: GDAL errors raised while reading
// are collected by a scoped handler, and a read that ends short of the layer's recorded feature
// count (a damaged GeoPackage page ends the SQLite cursor early without any GDAL error) is
// reported. Internal to sitmap_io: include only from src/io/*.cpp (it exposes GDAL types).
#pragma once
#include "core/diagnostics.hpp"

#include <cpl_error.h>
#include <ogrsf_frmts.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace sitmap::io {

/// Collects GDAL's warnings and errors on this thread while it lives (CPLPushErrorHandlerEx), so
/// they become located diagnostics instead of going to stderr or nowhere. Debug messages are not kept.
class GdalErrorCollector {
public:
    struct Message {
        CPLErr level;
        std::string text;
    };
    GdalErrorCollector();
    ~GdalErrorCollector();
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    /// Messages since construction or the last take(), oldest first; take() empties the list.
    std::vector<Message> take();
    bool any_failure() const;

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message);
    std::vector<Message> messages_;
};

/// Reads every feature of `layer` (from the start), passing each to `on_feature`. GDAL messages
/// raised while reading a feature are added as Warning diagnostics "layer 'NAME' feature FID"
/// (FileUnreadable); when fewer features come back than the layer says it holds, or reading stops
/// on a GDAL failure, one Error diagnostic says how many were read of how many and that the file is
/// damaged. `file` names the file in diagnostics. Returns the number of features read.
std::size_t read_features(OGRLayer& layer, const std::string& file, core::Diagnostics& diags,
                          const std::function<void(OGRFeature&)>& on_feature);

}  // namespace sitmap::io
