#include "io/gazetteer_io.hpp"

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

namespace sitmap::io {

core::Gazetteer parse_gazetteer_csv(std::string_view text, const std::string& file, core::Diagnostics& diags) {
    core::Gazetteer gaz;
    const auto records = core::parse_csv(text);
    if (records.empty()) {
        diags.add(core::Severity::Error, core::DiagCode::FileUnreadable, file, "", "empty gazetteer");
        return gaz;
    }
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) col[records[0].fields[i]] = i;
    for (const char* need : {"name", "variants", "lat", "lon", "kind"}) {
        if (!col.count(need)) {
            diags.add(core::Severity::Error, core::DiagCode::RecordInvalid, file, "1",
                      fmt::format("missing column '{}' (expected name,variants,lat,lon,kind,...)", need));
            return gaz;
        }
    }
    auto get = [&](const core::CsvRecord& r, const char* name) -> std::string {
        auto it = col.find(name);
        if (it == col.end() || it->second >= r.fields.size()) return {};
        return r.fields[it->second];
    };
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& r = records[i];
        const std::string where = std::to_string(r.line);
        if (r.fields.size() != records[0].fields.size()) {
            diags.add(core::Severity::Warning, core::DiagCode::RecordInvalid, file, where,
                      fmt::format("row has {} fields (expected {})", r.fields.size(), records[0].fields.size()));
            continue;
        }
        core::NamedPlace p;
        p.name = get(r, "name");
        if (p.name.empty()) {
            diags.add(core::Severity::Warning, core::DiagCode::RecordInvalid, file, where, "empty place name");
            continue;
        }
        const std::string variants = get(r, "variants");
        for (std::size_t s = 0; s <= variants.size();) {
            std::size_t bar = variants.find('|', s);
            if (bar == std::string::npos) bar = variants.size();
            if (bar > s) p.variants.push_back(variants.substr(s, bar - s));
            s = bar + 1;
        }
        const std::string lat = get(r, "lat"), lon = get(r, "lon");
        if (!lat.empty() || !lon.empty()) {
            double la = 0, lo = 0;
            if (!core::parse_double(lat, la) || !core::parse_double(lon, lo) || la < -90 || la > 90 || lo < -180 ||
                lo > 180) {
                diags.add(core::Severity::Warning, core::DiagCode::RecordInvalid, file, where,
                          fmt::format("bad coordinate '{},{}' for '{}' (expected degrees lat,lon)", lat, lon, p.name));
                continue;
            }
            p.position = core::LonLat{lo, la};
            p.has_position = true;
        }
        p.kind = get(r, "kind");
        const std::string prec = get(r, "precision");
        if (auto lp = core::parse_location_precision(prec)) {
            p.precision = *lp;
        } else if (!prec.empty()) {
            diags.add(core::Severity::Warning, core::DiagCode::RecordInvalid, file, where,
                      fmt::format("unknown precision '{}' (expected point, district, region or country)", prec));
            continue;
        } else {
            p.precision = p.kind == "district"  ? core::LocationPrecision::District
                          : p.kind == "country" ? core::LocationPrecision::Country
                          : (p.kind == "region" || p.kind == "corridor" || p.kind == "line" || p.kind == "river")
                              ? core::LocationPrecision::Region
                              : core::LocationPrecision::Point;
        }
        p.country = get(r, "country");
        p.district = get(r, "district");
        p.curated = get(r, "origin") != "geonames";
        gaz.add(std::move(p));
    }
    return gaz;
}

core::Gazetteer load_gazetteer(const std::filesystem::path& path, core::Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw fmt_error(
            "{}: cannot open the gazetteer (expected geodata/gazetteer.csv; see scripts/build-gazetteer.py)",
            path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_gazetteer_csv(ss.str(), path.string(), diags);
}

}  // namespace sitmap::io
