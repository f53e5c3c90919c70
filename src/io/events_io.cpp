#include "io/events_io.hpp"

#include "core/base_map.hpp"
#include "core/csv.hpp"
#include "core/date_extract.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/atomic_file.hpp"
#include "io/event_field_map.hpp"
#include "io/gdal_features.hpp"
#include "io/geodata.hpp"
#include "io/json_read.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace sitmap::io {

namespace fs = std::filesystem;
using core::DiagCode;
using core::Severity;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string fmt_coord(double v) {
    return fmt::format("{:.5f}", v);
}

std::vector<std::string> event_fields(const core::Event& e) {
    return {e.source.document,
            e.id,
            core::format_iso(e.date.start),
            core::format_iso(e.date.end),
            std::string(core::precision_name(e.date.precision == core::DatePrecision::Decade ? core::DatePrecision::Year
                                                                                             : e.date.precision)),
            e.place,
            e.has_position ? fmt_coord(e.position.lat) : std::string(),
            e.has_position ? fmt_coord(e.position.lon) : std::string(),
            std::string(core::location_precision_name(e.location_precision)),
            std::string(core::event_type_name(e.type)),
            e.actor,
            e.target,
            e.summary,
            e.source.quote,
            fmt::format("{:.2f}", e.confidence)};
}

// csv_line(event_fields(e)) + "\n", appended to `out` without a string per field (the writer's
// inner loop): the same bytes.
void append_event_csv(std::string& out, const core::Event& e) {
    auto field = [&](std::string_view f) {
        // One pass over the bytes (find_first_of of four characters runs memchr per byte).
        const bool plain =
            std::none_of(f.begin(), f.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
        if (plain) {
            out.append(f);
            return;
        }
        out.push_back('"');
        for (char c : f) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    };
    auto date = [&](core::Date d) {
        const int y = static_cast<int>(d.year());
        const auto m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
        if (y < 0 || y > 9999 || m > 99 || dd > 99) {
            fmt::format_to(std::back_inserter(out), "{:04d}-{:02d}-{:02d}", y, m, dd);
            return;
        }
        const char text[10] = {static_cast<char>('0' + y / 1000),
                               static_cast<char>('0' + y / 100 % 10),
                               static_cast<char>('0' + y / 10 % 10),
                               static_cast<char>('0' + y % 10),
                               '-',
                               static_cast<char>('0' + m / 10),
                               static_cast<char>('0' + m % 10),
                               '-',
                               static_cast<char>('0' + dd / 10),
                               static_cast<char>('0' + dd % 10)};
        out.append(text, sizeof text);
    };
    // Fixed-point numbers as fmt's "{:.Nf}" writes them (both are exact, correctly rounded), at
    // half its cost.
    auto fixed = [&](double x, int digits) {
        char buf[400];  // enough for any double in fixed notation with 5 decimals
        const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, digits);
        out.append(buf, r.ptr);
    };
    field(e.source.document);
    out.push_back(',');
    field(e.id);
    out.push_back(',');
    date(e.date.start);
    out.push_back(',');
    date(e.date.end);
    out.push_back(',');
    field(core::precision_name(e.date.precision == core::DatePrecision::Decade ? core::DatePrecision::Year
                                                                               : e.date.precision));
    out.push_back(',');
    field(e.place);
    out.push_back(',');
    if (e.has_position) fixed(e.position.lat, 5);
    out.push_back(',');
    if (e.has_position) fixed(e.position.lon, 5);
    out.push_back(',');
    field(core::location_precision_name(e.location_precision));
    out.push_back(',');
    field(core::event_type_name(e.type));
    out.push_back(',');
    field(e.actor);
    out.push_back(',');
    field(e.target);
    out.push_back(',');
    field(e.summary);
    out.push_back(',');
    field(e.source.quote);
    out.push_back(',');
    fixed(e.confidence, 2);
    out.push_back('\n');
}

// Fills an event from named string fields (CSV row, GeoJSON/GPKG properties). Returns an error
// message, or empty on success.
std::string event_from_fields(const std::map<std::string, std::string>& f, core::Event& e) {
    auto get = [&](const char* k) -> std::string {
        auto it = f.find(k);
        return it == f.end() ? std::string() : it->second;
    };
    e.source.document = get("doc");
    e.id = get("event_id");
    // ogr2ogr writes DATE fields to CSV as YYYY/MM/DD, DATETIME ones with a time after the day,
    // and other tools write the day out: read those forms too.
    auto date_of = [&](const char* k) { return core::parse_iso_date(normalize_date_text(get(k))); };
    const auto s = date_of("date_start");
    const auto en = date_of("date_end");
    if (!s || !en) return fmt::format("bad date '{}'..'{}' (expected YYYY-MM-DD)", get("date_start"), get("date_end"));
    e.date.start = *s;
    e.date.end = *en;
    if (std::chrono::sys_days(*en) < std::chrono::sys_days(*s))
        return fmt::format("date_end '{}' is before date_start '{}'", get("date_end"), get("date_start"));
    const std::string prec = get("date_precision");
    auto p = core::parse_precision(prec);
    if (!p) return fmt::format("bad date_precision '{}' (expected day, month or year)", prec);
    e.date.precision = *p;
    e.place = get("place");
    const std::string lat = get("lat"), lon = get("lon");
    if (!lat.empty() || !lon.empty()) {
        double la = 0, lo = 0;
        if (!core::parse_double(lat, la) || !core::parse_double(lon, lo) || std::abs(la) > 90 || std::abs(lo) > 180)
            return fmt::format("bad coordinate '{},{}' (expected degrees)", lat, lon);
        e.position = {lo, la};
        e.has_position = true;
    }
    const std::string lp = get("location_precision");
    if (auto l = core::parse_location_precision(lp))
        e.location_precision = *l;
    else if (!lp.empty())
        return fmt::format("bad location_precision '{}' (expected point, district, region or country)", lp);
    const std::string t = get("event_type");
    auto et = core::parse_event_type(t);
    if (!et) return fmt::format("unknown event_type '{}'", t);
    e.type = *et;
    e.actor = get("actor");
    e.target = get("target");
    e.summary = get("summary");
    e.source.quote = get("quote");
    const std::string conf = get("confidence");
    double c = 0.5;
    if (!conf.empty() && (!core::parse_double(conf, c) || c < 0 || c > 1))
        return fmt::format("bad confidence '{}' (expected 0..1)", conf);
    e.confidence = c;
    std::uint64_t b = 0;
    if (auto it = f.find("source_begin"); it != f.end()) b = std::strtoull(it->second.c_str(), nullptr, 10);
    e.source.begin = static_cast<std::size_t>(b);
    if (auto it = f.find("source_end"); it != f.end()) b = std::strtoull(it->second.c_str(), nullptr, 10);
    e.source.end = static_cast<std::size_t>(b);
    return {};
}

// Creates the 'events' layer in `ds` with its fields. Throws on the first failure; GDAL's own
// message (e.g. SQLite's "database or disk is full") is collected by the caller.
OGRLayer* create_events_layer(GDALDataset& ds, const fs::path& path) {
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds.CreateLayer("events", &srs, wkbPoint, nullptr);
    if (!layer) throw fmt_error("{}: cannot create layer 'events': {}", path.string(), CPLGetLastErrorMsg());
    auto add_field = [&](const char* name, OGRFieldType t) {
        OGRFieldDefn fd(name, t);
        if (layer->CreateField(&fd) != OGRERR_NONE)
            throw fmt_error("{}: cannot create field '{}'", path.string(), name);
    };
    add_field("doc", OFTString);
    add_field("event_id", OFTString);
    add_field("date_start", OFTDate);
    add_field("date_end", OFTDate);
    add_field("date_precision", OFTString);
    add_field("place", OFTString);
    add_field("lat", OFTReal);
    add_field("lon", OFTReal);
    add_field("location_precision", OFTString);
    add_field("event_type", OFTString);
    add_field("actor", OFTString);
    add_field("target", OFTString);
    add_field("summary", OFTString);
    add_field("quote", OFTString);
    add_field("confidence", OFTReal);
    add_field("source_begin", OFTInteger64);
    add_field("source_end", OFTInteger64);
    return layer;
}

// Adds `e` to the events layer (inside the caller's transaction).
void add_event_feature(OGRLayer* layer, const fs::path& path, const core::Event& e) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    const auto fields = event_fields(e);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string key(event_csv_columns[i]);
        if (key == "date_start" || key == "date_end") {
            const core::Date d = key == "date_start" ? e.date.start : e.date.end;
            f->SetField(key.c_str(), static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                        static_cast<int>(static_cast<unsigned>(d.day())));
        } else if (key == "lat" || key == "lon") {
            if (e.has_position) f->SetField(key.c_str(), key == "lat" ? e.position.lat : e.position.lon);
        } else if (key == "confidence") {
            f->SetField(key.c_str(), e.confidence);
        } else {
            f->SetField(key.c_str(), fields[i].c_str());
        }
    }
    f->SetField("source_begin", static_cast<GIntBig>(e.source.begin));
    f->SetField("source_end", static_cast<GIntBig>(e.source.end));
    // An event placed far outside the region (a speaking capital) keeps its lat/lon fields but no
    // geometry, so the layer's extent, which GIS tools zoom to, stays on the region.
    if (e.has_position && !core::far_outside_region(e.position)) {
        OGRPoint pt(e.position.lon, e.position.lat);
        f->SetGeometry(&pt);
    }
    if (layer->CreateFeature(f.get()) != OGRERR_NONE)
        throw fmt_error("{}: cannot write event '{}': {}", path.string(), e.id, CPLGetLastErrorMsg());
}

/// The first GDAL failure collected, or `fallback`. SQLite errors come as "sqlite3_exec(<the whole
/// SQL script>) failed: database or disk is full": only the reason is kept.
std::string first_failure(GdalErrorCollector& errors, const std::string& fallback) {
    for (const auto& m : errors.take()) {
        if (m.level < CE_Failure) continue;
        const auto cut = m.text.rfind(") failed: ");
        if (m.text.starts_with("sqlite3_") && cut != std::string::npos) return m.text.substr(cut + 2);
        return m.text;
    }
    return fallback;
}

/// Reports rejected records: the first kListed each as its own diagnostic (line or feature and
/// reason), then one line with how many more there were, so a file of 10,000 bad rows says so in
/// a dozen lines.
class RejectedRecords {
public:
    RejectedRecords(std::string file, core::Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}
    void add(std::string where, std::string reason) {
        if (++count_ <= kListed)
            diags_.add(Severity::Warning, DiagCode::RecordInvalid, file_, std::move(where), std::move(reason));
    }
    /// `total`: how many records the file holds.
    void finish(std::size_t total, const char* records) {
        if (count_ > kListed)
            diags_.add(
                Severity::Warning, DiagCode::RecordInvalid, file_, "",
                fmt::format("{} of {} {} rejected in all (the first {} are listed)", count_, total, records, kListed));
    }

private:
    static constexpr std::size_t kListed = 10;
    std::string file_;
    core::Diagnostics& diags_;
    std::size_t count_ = 0;
};

// ACLED's event types (codebook 2023) in sitmap's; a sub-event type refines some.
core::EventType acled_type(std::string_view type, std::string_view sub) {
    const auto has = [&](std::string_view w) { return sub.find(w) != std::string_view::npos; };
    if (type == "Battles") return has("territory") ? core::EventType::Capture : core::EventType::Clash;
    if (type == "Explosions/Remote violence") return core::EventType::Strike;
    if (type == "Violence against civilians") return core::EventType::Casualty;
    if (type == "Protests" || type == "Riots") return core::EventType::Humanitarian;
    if (type == "Strategic developments") {
        if (has("Agreement") || has("Non-violent transfer")) return core::EventType::Agreement;
        if (has("Headquarters") || has("base established")) return core::EventType::Deployment;
        return core::EventType::Other;
    }
    return core::EventType::Other;
}

// The fields of one ACLED row (columns per the ACLED codebook) in sitmap's columns. Returns an
// error message naming the column, or empty.
std::string acled_fields(const std::map<std::string, std::string>& a, std::size_t row,
                         std::map<std::string, std::string>& f) {
    auto get = [&](const char* k) -> std::string {
        auto it = a.find(k);
        return it == a.end() ? std::string() : it->second;
    };
    // event_date: "2020-09-27" or "27 September 2020" (ACLED's exports use both).
    const std::string raw = get("event_date");
    std::optional<core::Date> day = core::parse_iso_date(raw);
    if (!day)
        if (const auto d = core::parse_first_date(raw);
            d && d->kind == core::DateKind::Absolute && d->range.precision == core::DatePrecision::Day)
            day = d->range.start;
    if (!day) return fmt::format("bad event_date '{}' (expected 2020-09-27 or 27 September 2020)", raw);
    // time_precision: 1 the day, 2 within the week around it, 3 within its month.
    const std::string tp = get("time_precision");
    core::Date start = *day, end = *day;
    std::string precision = "day";
    if (tp == "2") {
        start = core::Date(std::chrono::sys_days(*day) - std::chrono::days(3));
        end = core::Date(std::chrono::sys_days(*day) + std::chrono::days(3));
    } else if (tp == "3") {
        start = core::Date(day->year(), day->month(), std::chrono::day(1));
        end = core::Date(day->year() / day->month() / std::chrono::last);
        precision = "month";
    } else if (!tp.empty() && tp != "1") {
        return fmt::format("bad time_precision '{}' (ACLED codes 1, 2 or 3)", tp);
    }
    // geo_precision: 1 the place itself, 2 near it (part of a region), 3 a larger region.
    const std::string gp = get("geo_precision");
    if (!gp.empty() && gp != "1" && gp != "2" && gp != "3")
        return fmt::format("bad geo_precision '{}' (ACLED codes 1, 2 or 3)", gp);
    const std::string type = get("event_type"), sub = get("sub_event_type");
    std::string id = get("event_id_cnty");
    if (id.empty()) id = fmt::format("acled-{}", row);
    std::string summary = sub.empty() ? type : sub;
    if (const std::string deaths = get("fatalities"); !deaths.empty() && deaths != "0")
        summary += fmt::format(" ({} fatalities)", deaths);
    const std::string notes = get("notes");
    if (!notes.empty()) summary += ": " + notes;
    f = {{"doc", get("source").empty() ? "ACLED" : "ACLED: " + get("source")},
         {"event_id", id},
         {"date_start", core::format_iso(start)},
         {"date_end", core::format_iso(end)},
         {"date_precision", precision},
         {"place", get("location")},
         {"lat", get("latitude")},
         {"lon", get("longitude")},
         {"location_precision", gp == "3"   ? "region"
                                : gp == "2" ? "district"
                                            : "point"},
         {"event_type", std::string(core::event_type_name(acled_type(type, sub)))},
         {"actor", get("actor1")},
         {"target", get("actor2")},
         {"summary", summary},
         {"quote", notes},
         // Coded by people from named sources: trusted as much as a reviewed event.
         {"confidence", "0.8"}};
    return {};
}

// With a field mapping, the columns it names must be there; every row would be rejected otherwise.
void check_mapped_columns(const fs::path& path, const std::string& where, const EventFieldMap& fields,
                          const std::vector<std::string>& available) {
    const auto missing = missing_source_columns(fields, available);
    if (!missing.empty())
        throw fmt_error("{}{}: no column '{}' for --fields (found: {})", path.string(), where, missing.front(),
                        fmt::join(available, ","));
    if (fields.source_of("date").empty() && fields.source_of("date_start").empty() &&
        std::find(available.begin(), available.end(), "date_start") == available.end())
        throw fmt_error(
            "{}{}: no date column: name the one that holds each event's day, e.g. --fields date=COLUMN "
            "(found: {})",
            path.string(), where, fmt::join(available, ","));
}

// Without a mapping, a layer of neither sitmap's columns nor ACLED's would have every feature
// rejected for the same reason: say it once, for the file, and how to map it.
void check_events_columns(const fs::path& path, const std::string& where, const std::vector<std::string>& available) {
    auto has = [&](std::string_view c) {
        return std::find(available.begin(), available.end(), c) != available.end() ||
               std::find(available.begin(), available.end(), c.substr(0, 10)) != available.end();  // Shapefile
    };
    if (has("event_date")) return;  // ACLED's codebook
    for (const char* required : {"date_start", "date_end", "date_precision", "event_type"})
        if (!has(required))
            throw fmt_error(
                "{}{}: no '{}' field (an events layer needs date_start, date_end, date_precision and event_type; "
                "map other names with --fields, e.g. --fields date=COLUMN; found: {})",
                path.string(), where, required, fmt::join(available, ","));
}

std::vector<core::Event> read_csv_events(const fs::path& path, const std::string& text, core::Diagnostics& diags,
                                         const EventFieldMap& fields) {
    std::vector<core::Event> out;
    const auto records = core::parse_csv(text);
    if (records.empty()) return out;
    const auto& header = records[0].fields;
    auto has_column = [&](const char* c) { return std::find(header.begin(), header.end(), c) != header.end(); };
    // An ACLED export (codebook columns) opens as events with ACLED's codes mapped to sitmap's.
    const bool acled = fields.empty() && !has_column("date_start") && has_column("event_date") &&
                       has_column("latitude") && has_column("longitude") && has_column("event_type");
    if (!fields.empty()) check_mapped_columns(path, fmt::format(":{}", records[0].line), fields, header);
    // Without these every row would be rejected for the same reason: say it once, for the file.
    for (const char* required : {"date_start", "date_end", "date_precision", "event_type"})
        if (fields.empty() && !acled && !has_column(required))
            throw fmt_error(
                "{}:{}: no '{}' column in the header (an events CSV needs date_start, date_end, "
                "date_precision and event_type; map other names with --fields, e.g. --fields date=COLUMN; found: {})",
                path.string(), records[0].line, required, fmt::join(header, ","));
    RejectedRecords rejected(path.string(), diags);
    out.reserve(records.size() - 1);  // no copy of a half-grown vector at the last doubling
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& r = records[i];
        if (r.unterminated_quote) {
            rejected.add(std::to_string(r.line),
                         "a quote opened on this line is never closed; the line is skipped and reading goes on "
                         "with the next one");
            continue;
        }
        if (r.fields.size() != header.size()) {
            rejected.add(std::to_string(r.line),
                         fmt::format("row has {} fields (expected {})", r.fields.size(), header.size()));
            continue;
        }
        std::map<std::string, std::string> f;
        for (std::size_t k = 0; k < header.size(); ++k) f[header[k]] = r.fields[k];
        if (acled) {
            std::map<std::string, std::string> mapped;
            if (auto err = acled_fields(f, i, mapped); !err.empty()) {
                rejected.add(std::to_string(r.line), err);
                continue;
            }
            f = std::move(mapped);
        }
        core::Event e;
        if (auto err = apply_event_field_map(fields, f); !err.empty()) {
            rejected.add(std::to_string(r.line), err);
            continue;
        }
        if (auto err = event_from_fields(f, e); !err.empty()) {
            rejected.add(std::to_string(r.line), err);
            continue;
        }
        out.push_back(std::move(e));
    }
    rejected.finish(records.size() - 1, "rows");
    return out;
}

std::vector<core::Event> read_geojson_events(const fs::path& path, const std::string& text, core::Diagnostics& diags,
                                             const EventFieldMap& fields) {
    std::vector<core::Event> out;
    std::string problem;
    std::optional<nlohmann::json> parsed = parse_json(text, path.string(), problem);
    if (!parsed) throw Error(problem);
    const nlohmann::json& j = *parsed;
    if (!j.contains("features") || !j["features"].is_array())
        throw fmt_error("{}: not a GeoJSON FeatureCollection (no 'features' array)", path.string());
    std::size_t n = 0;
    RejectedRecords rejected(path.string(), diags);
    for (const auto& feat : j["features"]) {
        const std::string where = fmt::format("feature {}", n++);
        std::map<std::string, std::string> f;
        if (feat.contains("properties") && feat["properties"].is_object()) {
            for (const auto& [k, v] : feat["properties"].items())
                f[k] = v.is_string() ? v.get<std::string>() : (v.is_null() ? std::string() : v.dump());
        }
        if (feat.contains("geometry") && feat["geometry"].is_object() && feat["geometry"].contains("coordinates")) {
            const auto& c = feat["geometry"]["coordinates"];
            if (c.is_array() && c.size() >= 2 && c[0].is_number() && c[1].is_number()) {
                f["lon"] = fmt::format("{}", c[0].get<double>());
                f["lat"] = fmt::format("{}", c[1].get<double>());
            }
        }
        core::Event e;
        if (auto err = apply_event_field_map(fields, f); !err.empty()) {
            rejected.add(where, err);
            continue;
        }
        if (auto err = event_from_fields(f, e); !err.empty()) {
            rejected.add(where, err);
            continue;
        }
        out.push_back(std::move(e));
    }
    rejected.finish(n, "features");
    return out;
}

std::vector<core::Event> read_gpkg_events(const fs::path& path, core::Diagnostics& diags, const EventFieldMap& fields) {
    init_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR));
    if (!ds) throw fmt_error("{}: cannot open as a vector dataset: {}", path.string(), CPLGetLastErrorMsg());
    OGRLayer* layer = ds->GetLayerByName("events");
    if (!layer && ds->GetLayerCount() > 0) layer = ds->GetLayer(0);
    if (!layer) throw fmt_error("{}: no 'events' layer", path.string());
    std::vector<std::string> names;
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    const std::string where = fmt::format(": layer '{}'", layer->GetName());
    if (fields.empty())
        check_events_columns(path, where, names);
    else
        check_mapped_columns(path, where, fields, names);
    std::vector<core::Event> out;
    RejectedRecords rejected(path.string(), diags);
    // read_features reports GDAL errors met while reading and a file that ends short of its count.
    const std::size_t n = read_features(*layer, path.string(), diags, [&](OGRFeature& feature) {
        OGRFeature* feat = &feature;
        std::map<std::string, std::string> f;
        for (int i = 0; i < feat->GetFieldCount(); ++i) {
            const OGRFieldDefn* fd = feat->GetFieldDefnRef(i);
            if (!feat->IsFieldSetAndNotNull(i)) continue;
            if (fd->GetType() == OFTDate || fd->GetType() == OFTDateTime) {
                int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                float ss = 0;
                feat->GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
                f[fd->GetNameRef()] = fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
            } else {
                f[fd->GetNameRef()] = feat->GetFieldAsString(i);
            }
        }
        if (const OGRGeometry* g = feat->GetGeometryRef(); g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
            const auto* pt = g->toPoint();
            f["lon"] = fmt::format("{}", pt->getX());
            f["lat"] = fmt::format("{}", pt->getY());
        }
        // A Shapefile cuts field names to ten characters ("location_p", "date_preci").
        for (std::string_view column : event_csv_columns)
            if (!f.count(std::string(column)) && column.size() > 10)
                if (auto it = f.find(std::string(column.substr(0, 10))); it != f.end())
                    f[std::string(column)] = it->second;
        // An ACLED layer (its codebook's columns) in any GIS format.
        if (fields.empty() && !f.count("date_start") && f.count("event_date")) {
            if (!f.count("latitude") && f.count("lat")) f["latitude"] = f["lat"];
            if (!f.count("longitude") && f.count("lon")) f["longitude"] = f["lon"];
            std::map<std::string, std::string> mapped;
            if (auto err = acled_fields(f, static_cast<std::size_t>(feat->GetFID()), mapped); !err.empty()) {
                rejected.add(fmt::format("feature {}", feat->GetFID()), err);
                return;
            }
            f = std::move(mapped);
        }
        core::Event e;
        if (auto err = apply_event_field_map(fields, f); !err.empty()) {
            rejected.add(fmt::format("feature {}", feat->GetFID()), err);
            return;
        }
        if (auto err = event_from_fields(f, e); !err.empty()) {
            rejected.add(fmt::format("feature {}", feat->GetFID()), err);
            return;
        }
        out.push_back(std::move(e));
    });
    rejected.finish(n, "features");
    return out;
}

}  // namespace

bool is_ogr_events_file(const fs::path& path) {
    const std::string ext = lower(path.extension().string());
    return ext == ".fgb" || ext == ".shp" || ext == ".kml" || ext == ".gml" || ext == ".sqlite" || ext == ".gpx";
}

EventsFormat events_format_for(const fs::path& path) {
    const std::string ext = lower(path.extension().string());
    if (ext == ".csv") return EventsFormat::Csv;
    if (ext == ".geojson" || ext == ".json") return EventsFormat::GeoJson;
    if (ext == ".gpkg") return EventsFormat::GeoPackage;
    throw usage_error("{}: unknown events format '{}' (expected .gpkg, .geojson or .csv)", path.string(), ext);
}

std::string events_to_csv(const std::vector<core::Event>& events) {
    std::string out;
    std::vector<std::string> header(event_csv_columns.begin(), event_csv_columns.end());
    out += core::csv_line(header) + "\n";
    for (const auto& e : events) out += core::csv_line(event_fields(e)) + "\n";
    return out;
}

void write_events(const fs::path& path, const std::vector<core::Event>& events, const WriteEventsOptions& options) {
    EventsWriter out(path, options);
    for (const auto& e : events) out.add(e);
    out.finish();
}

// One GeoJSON feature as write_events has always written it: the collection dumped with an
// indent of 1 puts each feature two levels in.
std::string geojson_feature_text(const core::Event& e) {
    nlohmann::ordered_json f;
    f["type"] = "Feature";
    nlohmann::ordered_json props;
    const auto fields = event_fields(e);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string key(event_csv_columns[i]);
        if (key == "lat" || key == "lon") continue;
        if (key == "confidence")
            props[key] = e.confidence;
        else
            props[key] = fields[i];
    }
    props["source_begin"] = e.source.begin;
    props["source_end"] = e.source.end;
    f["properties"] = props;
    if (e.has_position)
        f["geometry"] = {{"type", "Point"}, {"coordinates", {e.position.lon, e.position.lat}}};
    else
        f["geometry"] = nullptr;
    const std::string flat = f.dump(1);
    std::string out = "  ";
    out.reserve(flat.size() + flat.size() / 8);
    for (char c : flat) {
        out.push_back(c);
        if (c == '\n') out += "  ";
    }
    return out;
}

// The temporary file beside `target`, hidden ("dir/.events.csv.part"): a run that writes its
// output into the folder it reads documents from does not list its own unfinished output.
fs::path hidden_beside(const fs::path& target, const char* suffix) {
    return target.parent_path() / ("." + target.filename().string() + suffix);
}

struct EventsWriter::Impl {
    fs::path path;    // as given, for messages
    fs::path target;  // what is replaced (a symbolic link's file)
    fs::path tmp;
    EventsFormat format;
    std::size_t count = 0;
    bool finished = false;
    // Text formats.
    std::FILE* file = nullptr;
    std::string line;  // the CSV row being written (its capacity reused)
    // GeoPackage.
    std::unique_ptr<GdalErrorCollector> errors;
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;

    void put(std::string_view bytes) {
        if (bytes.empty()) return;
        if (std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size())
            throw fmt_error("{}: cannot write events: {}", path.string(), std::strerror(errno));
    }
    // SQLite's side files go with the temporary database: none may be left behind.
    void remove_tmp() {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(tmp.string() + suffix, ec);
    }
    [[noreturn]] void fail_gpkg(const std::string& what) {
        const std::string cause = first_failure(*errors, what);
        layer = nullptr;
        ds.reset();
        remove_tmp();
        const std::string prefix = path.string() + ": ";
        finished = true;  // nothing more to clean up
        throw fmt_error("{}: cannot write the events GeoPackage: {}", path.string(),
                        cause.starts_with(prefix) ? cause.substr(prefix.size()) : cause);
    }
};

EventsWriter::EventsWriter(const fs::path& path, const WriteEventsOptions& options) : impl_(std::make_unique<Impl>()) {
    Impl& w = *impl_;
    w.path = path;
    w.format = events_format_for(path);
    w.target = replaceable_target(path, "events");
    if (w.format == EventsFormat::GeoPackage) {
        init_gdal();
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) throw Error("GDAL has no GPKG driver");
        w.tmp = hidden_beside(w.target, ".tmp.gpkg");
        w.remove_tmp();
        w.errors = std::make_unique<GdalErrorCollector>();
        try {
            w.ds.reset(drv->Create(w.tmp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!w.ds) throw Error(first_failure(*w.errors, "cannot create the file"));
            w.layer = create_events_layer(*w.ds, path);
            if (w.layer->StartTransaction() != OGRERR_NONE)
                throw fmt_error("{}: cannot start a transaction", path.string());
        } catch (const Error& ex) {
            w.fail_gpkg(ex.what());
        }
        return;
    }
    w.tmp = hidden_beside(w.target, ".part");
    w.file = std::fopen(w.tmp.c_str(), "wb");
    if (!w.file) throw fmt_error("{}: cannot write events: {}", path.string(), std::strerror(errno));
    try {
        if (w.format == EventsFormat::Csv) {
            if (options.csv_bom) w.put("\xEF\xBB\xBF");
            std::vector<std::string> header(event_csv_columns.begin(), event_csv_columns.end());
            w.put(core::csv_line(header) + "\n");
        } else {
            w.put("{\n \"type\": \"FeatureCollection\",\n \"features\": [");
        }
    } catch (...) {
        std::fclose(w.file);
        w.file = nullptr;
        w.remove_tmp();
        w.finished = true;
        throw;
    }
}

EventsWriter::~EventsWriter() {
    if (!impl_ || impl_->finished) return;
    if (impl_->file) std::fclose(impl_->file);
    impl_->layer = nullptr;
    impl_->ds.reset();
    impl_->remove_tmp();
}

std::size_t EventsWriter::count() const {
    return impl_->count;
}

void EventsWriter::add(const core::Event& e) {
    Impl& w = *impl_;
    if (w.finished) throw Error("EventsWriter::add after finish");
    switch (w.format) {
        case EventsFormat::Csv:
            w.line.clear();
            append_event_csv(w.line, e);
            w.put(w.line);
            break;
        case EventsFormat::GeoJson:
            w.put(w.count == 0 ? "\n" : ",\n");
            w.put(geojson_feature_text(e));
            break;
        case EventsFormat::GeoPackage:
            try {
                add_event_feature(w.layer, w.path, e);
                // Commit now and then: SQLite's journal stays small on a long run.
                if ((w.count + 1) % 50000 == 0 &&
                    (w.layer->CommitTransaction() != OGRERR_NONE || w.layer->StartTransaction() != OGRERR_NONE))
                    throw fmt_error("{}: cannot commit", w.path.string());
            } catch (const Error& ex) {
                w.fail_gpkg(ex.what());
            }
            break;
    }
    ++w.count;
}

void EventsWriter::finish() {
    Impl& w = *impl_;
    if (w.finished) throw Error("EventsWriter::finish twice");
    if (w.format == EventsFormat::GeoPackage) {
        try {
            if (w.layer->CommitTransaction() != OGRERR_NONE) throw fmt_error("{}: cannot commit", w.path.string());
            w.layer = nullptr;
            // Closing flushes SQLite; GDAL 3.6 reports a failure there only through the error handler.
            w.ds.reset();
            if (w.errors->any_failure()) throw Error(first_failure(*w.errors, "close failed"));
            replace_durably(w.tmp, w.target, w.path, "events");
        } catch (const Error& ex) {
            w.fail_gpkg(ex.what());
        }
        w.finished = true;
        return;
    }
    try {
        if (w.format == EventsFormat::GeoJson) w.put(w.count == 0 ? "]\n}\n" : "\n ]\n}\n");
        if (std::fflush(w.file) != 0)
            throw fmt_error("{}: cannot write events: {}", w.path.string(), std::strerror(errno));
        std::FILE* f = w.file;
        w.file = nullptr;
        if (std::fclose(f) != 0) throw fmt_error("{}: cannot write events: {}", w.path.string(), std::strerror(errno));
        replace_durably(w.tmp, w.target, w.path, "events");
    } catch (...) {
        if (w.file) std::fclose(w.file);
        w.file = nullptr;
        w.remove_tmp();
        w.finished = true;
        throw;
    }
    w.finished = true;
}

std::vector<std::pair<std::string, std::string>> gpkg_event_field_types(const fs::path& path) {
    init_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR));
    if (!ds) throw fmt_error("{}: cannot open as a GeoPackage", path.string());
    OGRLayer* layer = ds->GetLayerByName("events");
    if (!layer) throw fmt_error("{}: no 'events' layer", path.string());
    std::vector<std::pair<std::string, std::string>> out;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        out.emplace_back(fd->GetNameRef(), OGRFieldDefn::GetFieldTypeName(fd->GetType()));
    }
    return out;
}

namespace {

std::vector<core::Event> read_events_of_format(const fs::path& path, EventsFormat format, core::Diagnostics& diags,
                                               const EventFieldMap& fields) {
    if (format == EventsFormat::GeoPackage) return read_gpkg_events(path, diags, fields);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fmt_error("{}: cannot open the events file", path.string());
    // Read straight into one string (a stream's buffer and its str() copies held the text of a
    // 364 MB file of 1,000,000 events two and three times over).
    std::string text;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size > 0) {
        text.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(text.data(), size);
        text.resize(static_cast<std::size_t>(in.gcount()));
    } else {  // not seekable (a pipe): read as it comes
        in.clear();
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), "", "the events file is empty");
        return {};
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a BOM, as spreadsheets write (and --csv-bom)
    if (format == EventsFormat::Csv) return read_csv_events(path, text, diags, fields);
    return read_geojson_events(path, text, diags, fields);
}

}  // namespace

std::vector<core::Event> read_events(const fs::path& path, core::Diagnostics& diags, const EventFieldMap& fields) {
    const std::size_t problems_before = diags.count(Severity::Warning);
    // Other GIS formats (FlatGeobuf, Shapefile, KML, ...) are read through OGR like a GeoPackage:
    // the 'events' layer or the first, with sitmap's columns or ACLED's.
    auto events = is_ogr_events_file(path) ? read_gpkg_events(path, diags, fields)
                                           : read_events_of_format(path, events_format_for(path), diags, fields);
    // An events file that yields nothing and says nothing would look like a quiet day on the map.
    if (events.empty() && diags.count(Severity::Warning) == problems_before)
        diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), "", "no events in the file");
    return events;
}

}  // namespace sitmap::io
