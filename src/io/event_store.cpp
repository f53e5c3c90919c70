#include "io/event_store.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"
#include "io/events_io.hpp"
#include "io/gdal_features.hpp"
#include "io/geodata.hpp"
#include "io/image.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace sitmap::io {

namespace fs = std::filesystem;
using core::DiagCode;
using core::EventEdit;
using core::Severity;

namespace {

// ---------------------------------------------------------------------------------------------
// One edit as named string fields, shared by the GeoPackage layer and the journal's JSON lines.
// Names follow events_io (date_start, date_end, date_precision, event_type, location_precision,
// lon, lat). Coordinates are written with fmt's shortest round-trip form, so they reload exactly.

using Fields = std::map<std::string, std::string>;

bool has_position(EventEdit::Kind k) {
    return k == EventEdit::Kind::Move || k == EventEdit::Kind::Add || k == EventEdit::Kind::Relocate;
}

Fields edit_fields(const EventEdit& e) {
    Fields f;
    f["kind"] = std::string(core::edit_kind_name(e.kind));
    f["key"] = e.key;
    f["quote_check"] = e.quote_check;
    if (has_position(e.kind)) {
        f["lon"] = fmt::format("{}", e.position.lon);
        f["lat"] = fmt::format("{}", e.position.lat);
    }
    if (e.date) {
        f["date_start"] = core::format_iso(e.date->start);
        f["date_end"] = core::format_iso(e.date->end);
        f["date_precision"] = std::string(core::precision_name(e.date->precision));
    }
    if (e.type) f["event_type"] = std::string(core::event_type_name(*e.type));
    f["place"] = e.place;
    if (e.location_precision)
        f["location_precision"] = std::string(core::location_precision_name(*e.location_precision));
    f["note"] = e.note;
    f["timestamp"] = e.timestamp;
    f["author"] = e.author;
    return f;
}

// Fills `e` from fields; returns an error message quoting the bad value, or empty on success.
std::string edit_from_fields(const Fields& f, EventEdit& e) {
    auto get = [&](const char* k) -> std::string {
        auto it = f.find(k);
        return it == f.end() ? std::string() : it->second;
    };
    const std::string kind = get("kind");
    const auto k = core::parse_edit_kind(kind);
    if (!k)
        return fmt::format(
            "unknown edit kind '{}' (expected move, set_date, set_type, set_place, delete, restore, add, relocate, "
            "accept, reject or unreview)",
            kind);
    e.kind = *k;
    e.key = get("key");
    if (e.key.empty()) return "edit without a key (expected 'document#event_id')";
    e.quote_check = get("quote_check");
    const std::string lon = get("lon"), lat = get("lat");
    if (!lon.empty() || !lat.empty()) {
        double lo = 0, la = 0;
        if (!core::parse_double(lon, lo) || !core::parse_double(lat, la) || std::abs(lo) > 180 || std::abs(la) > 90)
            return fmt::format("bad coordinate '{},{}' (expected lon,lat in degrees)", lon, lat);
        e.position = {lo, la};
    } else if (has_position(e.kind)) {
        return fmt::format("{} edit of '{}' without lon/lat", kind, e.key);
    }
    const std::string ds = get("date_start"), de = get("date_end");
    if (!ds.empty() || !de.empty()) {
        const auto s = core::parse_iso_date(ds);
        const auto en = core::parse_iso_date(de);
        if (!s || !en) return fmt::format("bad date '{}'..'{}' (expected YYYY-MM-DD)", ds, de);
        if (std::chrono::sys_days(*en) < std::chrono::sys_days(*s))
            return fmt::format("date_end '{}' is before date_start '{}'", de, ds);
        const std::string prec = get("date_precision");
        const auto p = prec.empty() ? std::optional(core::DatePrecision::Day) : core::parse_precision(prec);
        if (!p) return fmt::format("bad date_precision '{}' (expected day, month, year or decade)", prec);
        e.date = core::DateRange{*s, *en, *p};
    } else if (e.kind == EventEdit::Kind::SetDate || e.kind == EventEdit::Kind::Add) {
        return fmt::format("{} edit of '{}' without date_start/date_end", kind, e.key);
    }
    if (const std::string t = get("event_type"); !t.empty()) {
        e.type = core::parse_event_type(t);
        if (!e.type) return fmt::format("unknown event_type '{}'", t);
    } else if (e.kind == EventEdit::Kind::SetType) {
        return fmt::format("set_type edit of '{}' without event_type", e.key);
    }
    if (const std::string lp = get("location_precision"); !lp.empty()) {
        e.location_precision = core::parse_location_precision(lp);
        if (!e.location_precision)
            return fmt::format("bad location_precision '{}' (expected point, district, region or country)", lp);
    }
    e.place = get("place");
    if (e.kind == EventEdit::Kind::Relocate && e.place.empty())
        return fmt::format("relocate edit of '{}' without a place", e.key);
    e.note = get("note");
    e.timestamp = get("timestamp");
    e.author = get("author");  // absent in files written before review decisions existed
    return {};
}

// ---------------------------------------------------------------------------------------------
// Durability helpers (POSIX): a rename is only crash-safe once the file's data and then the
// directory entry have reached the disk.

void fsync_path(const fs::path& p, int flags, const fs::path& reported) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        throw fmt_error("{}: cannot open '{}' to sync it: {}", reported.string(), p.string(), std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw fmt_error("{}: cannot sync '{}' to disk: {}", reported.string(), p.string(), std::strerror(err));
}

void write_all(int fd, std::string_view data, const fs::path& path) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw fmt_error("{}: cannot write the recovery journal: {}", path.string(), std::strerror(errno));
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

// ---------------------------------------------------------------------------------------------
// GeoPackage

void add_edits_layer(const fs::path& gpkg, const fs::path& reported, const std::vector<EventEdit>& edits) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR));
    if (!ds) throw fmt_error("{}: cannot reopen the new GeoPackage: {}", reported.string(), CPLGetLastErrorMsg());
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("edits", &srs, wkbPoint, nullptr);
    if (!layer) throw fmt_error("{}: cannot create layer 'edits': {}", reported.string(), CPLGetLastErrorMsg());
    const std::pair<const char*, OGRFieldType> schema[] = {
        {"seq", OFTInteger},        {"kind", OFTString},      {"key", OFTString},
        {"quote_check", OFTString}, {"lon", OFTReal},         {"lat", OFTReal},
        {"date_start", OFTDate},    {"date_end", OFTDate},    {"date_precision", OFTString},
        {"event_type", OFTString},  {"place", OFTString},     {"location_precision", OFTString},
        {"note", OFTString},        {"timestamp", OFTString}, {"author", OFTString}};
    for (const auto& [name, type] : schema) {
        OGRFieldDefn fd(name, type);
        if (layer->CreateField(&fd) != OGRERR_NONE)
            throw fmt_error("{}: cannot create field '{}' in layer 'edits'", reported.string(), name);
    }
    if (ds->StartTransaction() != OGRERR_NONE) throw fmt_error("{}: cannot start a transaction", reported.string());
    int seq = 0;
    for (const EventEdit& e : edits) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("seq", seq++);
        for (const auto& [name, value] : edit_fields(e)) {
            if (name == "lon")
                f->SetField("lon", e.position.lon);
            else if (name == "lat")
                f->SetField("lat", e.position.lat);
            else if (name == "date_start" || name == "date_end") {
                const core::Date d = name == "date_start" ? e.date->start : e.date->end;
                f->SetField(name.c_str(), static_cast<int>(d.year()),
                            static_cast<int>(static_cast<unsigned>(d.month())),
                            static_cast<int>(static_cast<unsigned>(d.day())));
            } else {
                f->SetField(name.c_str(), value.c_str());
            }
        }
        if (has_position(e.kind)) {
            OGRPoint pt(e.position.lon, e.position.lat);
            f->SetGeometry(&pt);
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            throw fmt_error("{}: cannot write edit {} of '{}': {}", reported.string(), seq - 1, e.key,
                            CPLGetLastErrorMsg());
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw fmt_error("{}: cannot commit the edits", reported.string());
    // Closing flushes SQLite. GDAL 3.6 has no GDALDataset::Close() returning a status, so a failure
    // is seen through the last error.
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw fmt_error("{}: cannot close the new GeoPackage: {}", reported.string(), CPLGetLastErrorMsg());
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

}  // namespace

void save_edits(const fs::path& path, const core::EditableEvents& events) {
    init_gdal();
    check_writable(path);
    // The temporary file sits beside the target so the final rename stays within one filesystem
    // (rename(2) is atomic only there). write_events itself goes through "<tmp>.tmp.gpkg".
    const fs::path tmp = path.string() + ".saving.gpkg";
    const auto cleanup = [&] {
        for (const char* suffix : {"", "-journal", "-wal", "-shm", ".tmp.gpkg", ".tmp.gpkg-journal"})
            remove_quietly(tmp.string() + suffix);
    };
    cleanup();  // leftovers of an earlier crash mid-save
    try {
        std::vector<core::Event> shown;
        shown.reserve(events.events().size());
        for (std::size_t i = 0; i < events.events().size(); ++i)
            if (!events.hidden_flags()[i]) shown.push_back(events.events()[i]);  // deleted or rejected
        write_events(tmp, shown);
        add_edits_layer(tmp, path, events.edits());
        fsync_path(tmp, O_RDONLY, path);
        std::error_code ec;
        fs::rename(tmp, path, ec);
        if (ec) throw fmt_error("{}: cannot replace the file: {}", path.string(), ec.message());
        fsync_path(path.has_parent_path() ? path.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY, path);
    } catch (const Error& ex) {
        cleanup();
        const std::string what = ex.what();
        if (what.starts_with(path.string() + ":")) throw;
        throw fmt_error("{}: cannot save the edits: {}", path.string(), what);
    } catch (...) {
        cleanup();
        throw;
    }
}

std::vector<EventEdit> load_edits(const fs::path& path, core::Diagnostics& diags) {
    init_gdal();
    std::error_code ec;
    if (!fs::exists(path, ec)) throw fmt_error("{}: cannot open the edits file: it does not exist", path.string());
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR));
    if (!ds) throw fmt_error("{}: cannot open as a GeoPackage: {}", path.string(), CPLGetLastErrorMsg());
    OGRLayer* layer = ds->GetLayerByName("edits");
    if (!layer) throw fmt_error("{}: no layer 'edits' (expected a file saved by sitmap)", path.string());
    std::vector<std::pair<long long, EventEdit>> rows;
    // read_features reports a damaged file (a zeroed page loses every edit without a GDAL error).
    read_features(*layer, path.string(), diags, [&](OGRFeature& feature) {
        OGRFeature* feat = &feature;
        Fields f;
        long long seq = feat->GetFID();
        for (int i = 0; i < feat->GetFieldCount(); ++i) {
            if (!feat->IsFieldSetAndNotNull(i)) continue;
            const OGRFieldDefn* fd = feat->GetFieldDefnRef(i);
            const std::string name = fd->GetNameRef();
            if (name == "seq") {
                seq = feat->GetFieldAsInteger64(i);
            } else if (fd->GetType() == OFTDate || fd->GetType() == OFTDateTime) {
                int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                float ss = 0;
                feat->GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
                f[name] = fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
            } else if (fd->GetType() == OFTReal) {
                f[name] = fmt::format("{}", feat->GetFieldAsDouble(i));  // %.15g would lose the last digit
            } else {
                f[name] = feat->GetFieldAsString(i);
            }
        }
        EventEdit e;
        if (auto err = edit_from_fields(f, e); !err.empty()) {
            diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(),
                      fmt::format("layer 'edits' feature {}", feat->GetFID()), err);
            return;
        }
        rows.emplace_back(seq, std::move(e));
    });
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<EventEdit> out;
    out.reserve(rows.size());
    for (auto& r : rows) out.push_back(std::move(r.second));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Recovery journal

RecoveryJournal::RecoveryJournal(fs::path path) : path_(std::move(path)) {}

namespace {

// Each journal record ends with its own CRC-32 (zlib's) over the bytes before it:
//   {"key":"a.txt#1","kind":"move",...,"crc32":"8e1f0c3a"}
// so a record damaged on disk is never replayed against the wrong event. The record stays one JSON
// object, readable by any tool.
constexpr std::string_view kCrcMarker = ",\"crc32\":\"";

std::string crc_hex(std::string_view bytes) {
    const uLong crc =
        ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size()));
    return fmt::format("{:08x}", static_cast<std::uint32_t>(crc));
}

/// `json_object` ("{...}") with its checksum as a last member, and a line end.
std::string checksummed(const std::string& json_object) {
    std::string body = json_object.substr(0, json_object.size() - 1);  // without the closing '}'
    const std::string crc = crc_hex(body);
    return body + std::string(kCrcMarker) + crc + "\"}\n";
}

enum class RecordCheck { Unchecked, Intact, Damaged };

/// Verifies a record's checksum. Journals written before checksums existed have none: such lines
/// are read as before (Unchecked), so old journals still recover. One flipped byte in a
/// checksummed record is always caught (it lands in the body, the digits or the marker; a flip in
/// the marker's name leaves the body intact and the line reads as an unchecked record).
RecordCheck check_record(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    const std::size_t at = line.rfind(kCrcMarker);
    if (at == std::string_view::npos)
        return line.find("\"crc32\"") == std::string_view::npos ? RecordCheck::Unchecked : RecordCheck::Damaged;
    const std::string_view digits = line.substr(at + kCrcMarker.size());
    if (digits.size() != 10 || digits.substr(8) != "\"}") return RecordCheck::Damaged;
    return crc_hex(line.substr(0, at)) == digits.substr(0, 8) ? RecordCheck::Intact : RecordCheck::Damaged;
}

void append_line(const fs::path& path, const std::string& line) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);  // RDWR: pread below
    if (fd < 0) throw fmt_error("{}: cannot open the recovery journal: {}", path.string(), std::strerror(errno));
    try {
        // A crash mid-append leaves a line without its '\n'; start afresh so that fragment stays one
        // bad (and reported) line instead of swallowing this edit.
        struct stat st {};
        char last = '\n';
        if (::fstat(fd, &st) == 0 && st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            write_all(fd, "\n", path);
        write_all(fd, line, path);
        if (::fsync(fd) != 0)
            throw fmt_error("{}: cannot sync the recovery journal: {}", path.string(), std::strerror(errno));
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

}  // namespace

void RecoveryJournal::append(const EventEdit& edit) {
    nlohmann::ordered_json j;
    for (const auto& [name, value] : edit_fields(edit)) {
        if (name == "lon")
            j[name] = edit.position.lon;
        else if (name == "lat")
            j[name] = edit.position.lat;
        else
            j[name] = value;
    }
    // Invalid UTF-8 would make dump() throw; a replacement character is better than a lost edit.
    append_line(path_, checksummed(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void RecoveryJournal::check_writable() const {
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw fmt_error("{}: cannot open the recovery journal: {}", path_.string(), std::strerror(errno));
    ::close(fd);
}

void RecoveryJournal::append_undo() {
    append_line(path_, checksummed("{\"undo\":true}"));
}

void RecoveryJournal::clear() {
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw fmt_error("{}: cannot empty the recovery journal: {}", path_.string(), std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw fmt_error("{}: cannot sync the recovery journal: {}", path_.string(), std::strerror(err));
}

namespace {

/// What a damaged record was, as far as it can still be read: "the move of 'a.txt#1'".
std::string damaged_record_description(std::string_view line) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return "an unreadable record";
    if (j.contains("undo")) return "an undo";
    const auto text = [&](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string("?");
    };
    return fmt::format("the {} edit of '{}'", text("kind"), text("key"));
}

}  // namespace

JournalReplay read_journal(const fs::path& path, core::Diagnostics& diags) {
    JournalReplay out;
    std::error_code ec;
    if (!fs::exists(path, ec)) return out;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fmt_error("{}: cannot read the recovery journal", path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    // A damaged record holds its place, so that an undo after it takes it back rather than the
    // edit before it.
    std::vector<std::optional<EventEdit>> edits;
    std::size_t pos = 0, line_no = 0;
    while (pos < text.size()) {
        ++line_no;
        const std::size_t nl = text.find('\n', pos);
        const bool terminated = nl != std::string::npos;
        const std::string_view line(text.data() + pos, (terminated ? nl : text.size()) - pos);
        pos = terminated ? nl + 1 : text.size();
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const std::string where = std::to_string(line_no);
        const RecordCheck check = check_record(line);
        if (check == RecordCheck::Damaged && terminated) {
            ++out.damaged;
            diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), where,
                      fmt::format("damaged record (checksum mismatch) not replayed: {} is lost",
                                  damaged_record_description(line)));
            edits.emplace_back(std::nullopt);
            continue;
        }
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || (check == RecordCheck::Damaged && !terminated)) {
            if (!terminated)
                diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), where,
                          fmt::format("torn last line ignored (the program stopped while writing it): '{}'",
                                      line.substr(0, 80)));
            else
                diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), where,
                          fmt::format("not a JSON object: '{}'", line.substr(0, 80)));
            continue;
        }
        j.erase("crc32");
        if (j.contains("undo") && j["undo"] == true) {
            if (edits.empty())
                ++out.undone_before;
            else
                edits.pop_back();
            continue;
        }
        Fields f;
        for (const auto& [k, v] : j.items()) {
            if (v.is_string())
                f[k] = v.get<std::string>();
            else if (v.is_number())
                f[k] = fmt::format("{}", v.get<double>());
            else if (!v.is_null())
                f[k] = v.dump();
        }
        EventEdit e;
        if (auto err = edit_from_fields(f, e); !err.empty()) {
            diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), where, err);
            continue;
        }
        edits.emplace_back(std::move(e));
    }
    for (auto& e : edits)
        if (e) out.edits.push_back(std::move(*e));
    if (out.damaged > 0)
        diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), "",
                  fmt::format("{} damaged journal record(s) not replayed; the edits listed above must be made again",
                              out.damaged));
    return out;
}

std::vector<EventEdit> recover_edits(std::vector<EventEdit> saved, const fs::path& path, core::Diagnostics& diags) {
    JournalReplay r = read_journal(path, diags);
    saved.resize(saved.size() - std::min(r.undone_before, saved.size()));
    for (auto& e : r.edits) saved.push_back(std::move(e));
    return saved;
}

std::vector<EventEdit> replay_journal(const fs::path& path, core::Diagnostics& diags) {
    JournalReplay r = read_journal(path, diags);
    if (r.undone_before > 0)
        diags.add(Severity::Warning, DiagCode::RecordInvalid, path.string(), "",
                  fmt::format("the journal undoes {} edit(s) made before it was last cleared; apply it to the "
                              "saved edits (recover_edits) to honour those undos",
                              r.undone_before));
    return std::move(r.edits);
}

}  // namespace sitmap::io
