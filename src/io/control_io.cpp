#include "io/control_io.hpp"

#include "io/geodata.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>

namespace sitmap::io {

namespace {

using core::DiagCode;
using core::Severity;

// GDAL gives OFTDate fields as "YYYY/MM/DD"; the file may also hold ISO text.
std::optional<core::Date> field_date(const std::string& text) {
    std::string iso = text.substr(0, std::min<std::size_t>(10, text.size()));
    std::replace(iso.begin(), iso.end(), '/', '-');
    return core::parse_iso_date(iso);
}

std::string where(const char* layer, std::int64_t fid) {
    return fmt::format("layer '{}' feature {}", layer, fid);
}

// The one-row table giving the span the data speak for.
void read_coverage(const std::filesystem::path& path, std::optional<core::Date>& first, std::optional<core::Date>& last,
                   core::Diagnostics& diags) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = ds ? ds->GetLayerByName("control_coverage") : nullptr;
    if (!layer) {
        diags.add(Severity::Warning, DiagCode::LayerMissing, path.string(), "layer 'control_coverage'",
                  "no coverage table; the data span is taken from the periods");
        return;
    }
    layer->ResetReading();
    for (auto& f : *layer) {
        first = field_date(f->GetFieldAsString("first_date"));
        last = field_date(f->GetFieldAsString("last_date"));
        if (!first || !last)
            diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), where("control_coverage", f->GetFID()),
                      fmt::format("bad first_date/last_date '{}'/'{}'", f->GetFieldAsString("first_date"),
                                  f->GetFieldAsString("last_date")));
        break;
    }
}

}  // namespace

std::optional<core::ControlTimeline> load_control_timeline(const std::filesystem::path& path,
                                                           core::Diagnostics& diags) {
    const auto periods_layer = load_vector_layer(path, "control_periods", core::GeometryKind::Polygon, diags);
    if (!periods_layer) return std::nullopt;
    const std::string file = path.string();

    std::vector<core::ControlPeriod> periods;
    for (const auto& f : periods_layer->features) {
        const auto bad = [&](std::string what) {
            diags.add(Severity::Warning, DiagCode::RecordInvalid, file, where("control_periods", f.fid),
                      std::move(what) + "; period skipped");
        };
        core::ControlPeriod p;
        const auto from = field_date(f.attr("valid_from"));
        if (!from) {
            bad(fmt::format("bad valid_from '{}' (expected a date)", f.attr("valid_from")));
            continue;
        }
        p.valid_from = *from;
        if (!f.attr("valid_to").empty()) {
            const auto to = field_date(f.attr("valid_to"));
            if (!to || std::chrono::sys_days(*to) <= std::chrono::sys_days(*from)) {
                bad(fmt::format("bad valid_to '{}' (expected a date after valid_from or empty)", f.attr("valid_to")));
                continue;
            }
            p.valid_to = *to;
        }
        const auto controller = core::parse_controller(f.attr("controller"));
        const auto kind = core::parse_kind(f.attr("kind", "control"));
        const auto confidence = core::parse_confidence(f.attr("confidence", "medium"));
        if (!controller) {
            bad(fmt::format("bad controller '{}' (expected azerbaijan or armenian)", f.attr("controller")));
            continue;
        }
        if (!kind) {
            bad(fmt::format("bad kind '{}' (expected control, peacekeeping, corridor or azerbaijan_in_armenia)",
                            f.attr("kind")));
            continue;
        }
        if (!confidence) {
            bad(fmt::format("bad confidence '{}' (expected high, medium or low)", f.attr("confidence")));
            continue;
        }
        p.controller = *controller;
        p.kind = *kind;
        p.confidence = *confidence;
        p.place = f.attr("place");
        p.source = f.attr("source");
        p.area = f.polygons;
        periods.push_back(std::move(p));
    }

    std::vector<core::ControlChange> changes;
    if (const auto layer = load_vector_layer(path, "control_changes", core::GeometryKind::Point, diags)) {
        for (const auto& f : layer->features) {
            const auto date = field_date(f.attr("date"));
            if (!date) {
                diags.add(Severity::Warning, DiagCode::RecordInvalid, file, where("control_changes", f.fid),
                          fmt::format("bad date '{}'; change skipped", f.attr("date")));
                continue;
            }
            changes.push_back(
                {.date = *date,
                 .where = f.points.front(),
                 .place = f.attr("place"),
                 .from = f.attr("from"),
                 .to = f.attr("to"),
                 .how = f.attr("how"),
                 .source = f.attr("source"),
                 .confidence = core::parse_confidence(f.attr("confidence")).value_or(core::Confidence::Low)});
        }
    }

    std::vector<core::ControlBackground> background;
    if (const auto layer = load_vector_layer(path, "control_background", core::GeometryKind::Polygon, diags)) {
        for (const auto& f : layer->features) {
            const auto controller = core::parse_controller(f.attr("controller"));
            if (!controller) {
                diags.add(Severity::Warning, DiagCode::RecordInvalid, file, where("control_background", f.fid),
                          fmt::format("bad controller '{}'; area skipped", f.attr("controller")));
                continue;
            }
            background.push_back(
                {.controller = *controller, .source = f.attr("source"), .area = f.polygons, .box = {}});
        }
    }

    std::optional<core::Date> first, last;
    read_coverage(path, first, last, diags);
    return core::ControlTimeline(std::move(periods), std::move(changes), std::move(background), first, last);
}

}  // namespace sitmap::io
