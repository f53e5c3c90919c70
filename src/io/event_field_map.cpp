#include "io/event_field_map.hpp"

#include "core/date.hpp"
#include "core/date_extract.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/events_io.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace sitmap::io {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool is_known_key(std::string_view key) {
    return key == "date" ||
           std::find(event_csv_columns.begin(), event_csv_columns.end(), key) != event_csv_columns.end();
}

std::string value_of(const std::map<std::string, std::string>& record, const std::string& key) {
    auto it = record.find(key);
    return it == record.end() ? std::string() : it->second;
}

bool is_blank(const std::map<std::string, std::string>& record, const char* key) {
    return trim(value_of(record, key)).empty();
}

// "POINT (46.7 39.7)", "POINT Z (46.7 39.7 0)", "POINT(46.7 39.7)" -> lon, lat. Returns an error
// message, or empty (with `found` false for an empty or EMPTY geometry).
std::string point_from_wkt(std::string_view wkt, double& lon, double& lat, bool& found) {
    found = false;
    wkt = trim(wkt);
    if (wkt.empty()) return {};
    std::string upper(wkt);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper.ends_with("EMPTY")) return {};
    const auto open = upper.find('('), close = upper.rfind(')');
    const std::string_view kind = trim(std::string_view(upper).substr(0, std::min(open, upper.size())));
    if (!kind.starts_with("POINT") || open == std::string::npos || close == std::string::npos || close < open)
        return fmt::format("WKT geometry '{}' is not a point (expected POINT (lon lat))", wkt.substr(0, 60));
    std::string_view inner = trim(wkt.substr(open + 1, close - open - 1));
    const auto space = inner.find_first_of(" \t");
    if (space == std::string_view::npos)
        return fmt::format("WKT point '{}' has no second coordinate", wkt.substr(0, 60));
    std::string_view rest = trim(inner.substr(space));
    rest = rest.substr(0, rest.find_first_of(" \t"));  // a Z or M value after lat is ignored
    if (!core::parse_double(inner.substr(0, space), lon) || !core::parse_double(rest, lat))
        return fmt::format("bad WKT point '{}' (expected POINT (lon lat) in degrees)", wkt.substr(0, 60));
    found = true;
    return {};
}

// The position of a record without lat/lon, from ogr2ogr's X/Y or WKT columns.
std::string position_from_geometry_columns(std::map<std::string, std::string>& record) {
    if (!is_blank(record, "lat") || !is_blank(record, "lon")) return {};
    for (const auto& [x, y] : {std::pair{"X", "Y"}, std::pair{"x", "y"}}) {
        if (record.count(x) && record.count(y)) {
            record["lon"] = record[x];
            record["lat"] = record[y];
            return {};
        }
    }
    for (const char* column : {"WKT", "wkt", "wkt_geom"}) {
        auto it = record.find(column);
        if (it == record.end()) continue;
        double lon = 0, lat = 0;
        bool found = false;
        if (auto err = point_from_wkt(it->second, lon, lat, found); !err.empty())
            return fmt::format("column '{}': {}", column, err);
        if (found) {
            record["lon"] = fmt::format("{}", lon);
            record["lat"] = fmt::format("{}", lat);
        }
        return {};
    }
    return {};
}

}  // namespace

std::string EventFieldMap::source_of(std::string_view sitmap_column) const {
    for (const auto& [key, source] : columns)
        if (key == sitmap_column) return source;
    return {};
}

EventFieldMap parse_event_field_map(std::string_view spec) {
    EventFieldMap map;
    std::string_view rest = spec;
    while (!trim(rest).empty()) {
        const auto comma = rest.find(',');
        const std::string_view entry = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const auto eq = entry.find('=');
        const std::string key(trim(entry.substr(0, eq)));
        const std::string source(eq == std::string_view::npos ? std::string_view() : trim(entry.substr(eq + 1)));
        if (eq == std::string_view::npos || key.empty() || source.empty())
            throw usage_error("--fields: bad entry '{}' (expected SITMAP_COLUMN=FILE_COLUMN, e.g. date=event_date)",
                              entry);
        if (!is_known_key(key))
            throw usage_error("--fields: unknown column '{}' in '{}' (sitmap's columns: date, {})", key, entry,
                              fmt::join(event_csv_columns, ", "));
        if (!map.source_of(key).empty()) throw usage_error("--fields: column '{}' is mapped twice", key);
        if ((key == "date" && !map.source_of("date_start").empty()) ||
            (key == "date_start" && !map.source_of("date").empty()))
            throw usage_error("--fields: give date or date_start, not both ('{}')", entry);
        map.columns.emplace_back(key, source);
    }
    return map;
}

std::vector<std::string> missing_source_columns(const EventFieldMap& map, const std::vector<std::string>& available) {
    std::vector<std::string> out;
    for (const auto& [key, source] : map.columns)
        if (std::find(available.begin(), available.end(), source) == available.end()) out.push_back(source);
    return out;
}

std::string apply_event_field_map(const EventFieldMap& map, std::map<std::string, std::string>& record) {
    if (!map.empty()) {
        const std::map<std::string, std::string> source = record;
        for (const auto& [key, column] : map.columns) {
            const std::string v = value_of(source, column);
            if (key == "date") {
                record["date_start"] = v;
                if (map.source_of("date_end").empty()) record["date_end"] = v;
            } else {
                record[key] = v;
            }
        }
        if (is_blank(record, "date_end")) record["date_end"] = value_of(record, "date_start");
        if (is_blank(record, "date_precision")) record["date_precision"] = "day";
        if (is_blank(record, "event_type")) record["event_type"] = "other";
    }
    return position_from_geometry_columns(record);
}

std::string normalize_date_text(std::string_view text) {
    const std::string_view t = trim(text);
    // YYYY-MM-DD or YYYY/MM/DD, alone or followed by a time ("T10:00:00Z", " 10:00:00+00").
    const auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
        return true;
    };
    if (t.size() >= 10 && digits(0, 4) && (t[4] == '-' || t[4] == '/') && t[7] == t[4] && digits(5, 2) &&
        digits(8, 2) && (t.size() == 10 || t[10] == 'T' || t[10] == ' ')) {
        std::string iso(t.substr(0, 10));
        iso[4] = iso[7] = '-';
        return iso;
    }
    // A written day ("27 September 2020"): a short field with a month name, so that a sentence
    // is not searched for a date.
    const bool has_letter =
        std::any_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    if (has_letter && t.size() <= 40)
        if (const auto d = core::parse_first_date(t);
            d && d->kind == core::DateKind::Absolute && d->range.precision == core::DatePrecision::Day)
            return core::format_iso(d->range.start);
    return std::string(text);
}

}  // namespace sitmap::io
