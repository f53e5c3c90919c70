#include "core/open_kind.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace sitmap::core {

std::optional<OpenedKind> opened_kind_for(std::string_view name, bool is_directory, std::string_view head) {
    if (is_directory) return OpenedKind::Documents;
    const std::size_t slash = name.find_last_of('/');
    const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    const std::size_t dot = base.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    std::string ext(base.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::array<std::string_view, 3> documents{".txt", ".md", ".text"};
    static constexpr std::array<std::string_view, 9> events{".gpkg", ".geojson", ".csv",    ".fgb", ".shp",
                                                            ".kml",  ".gml",     ".sqlite", ".gpx"};
    if (std::find(documents.begin(), documents.end(), ext) != documents.end()) return OpenedKind::Documents;
    if (std::find(events.begin(), events.end(), ext) != events.end()) return OpenedKind::Events;
    if (ext == ".json") {
        const bool slides = head.find("\"slides\"") != std::string_view::npos;
        const bool features = head.find("FeatureCollection") != std::string_view::npos;
        return slides && !features ? OpenedKind::Briefing : OpenedKind::Events;
    }
    return std::nullopt;
}

std::string_view openable_kinds_text() {
    return "documents (.txt, .md, or a folder), events (.gpkg, .geojson, .csv, .fgb, .shp, .kml, .gml, .sqlite, "
           ".gpx) or a briefing (.json)";
}

}  // namespace sitmap::core
