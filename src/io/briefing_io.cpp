// [SECTION] index
//   1. Briefing JSON reading: every problem is a UsageError "file: json.path: what 'value' (expected)"
//   2. Briefing JSON writing (pretty, UTF-8 as is) and atomic save
//   3. Georeferencing: world files (.pgw + .prj), GeoTIFF, projection WKT, read-back for tests
#include "io/briefing_io.hpp"
#include "io/atomic_file.hpp"

#include "core/error.hpp"
#include "io/geodata.hpp"
#include "io/json_read.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace sitmap::io {

namespace fs = std::filesystem;
using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// [SECTION] 1. Reading
// ---------------------------------------------------------------------------------------------
namespace {

/// A short, quoted rendering of a JSON value for messages: strings as 'text', others as JSON.
std::string shown(const json& j) {
    std::string text = j.is_string() ? j.get<std::string>() : j.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return "'" + text + "'";
}

/// Reads one document, carrying the source name so that every failure names file and field.
class Reader {
public:
    explicit Reader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw usage_error("{}: {}: {}", source_, path, what);
    }

    /// Fails with "expected <expected>, got <type> '<value>'" unless `ok` (a type test of `j`).
    void expect(bool ok, const json& j, const std::string& path, const char* expected) const {
        if (!ok) fail(path, fmt::format("expected {}, got {} {}", expected, j.type_name(), shown(j)));
    }

    /// The member `key` of object `obj` (at `path`), or nullptr when absent or null.
    static const json* find(const json& obj, const char* key) {
        const auto it = obj.find(key);
        return (it == obj.end() || it->is_null()) ? nullptr : &*it;
    }

    std::string string(const json& obj, const char* key, const std::string& path) const {
        const json* j = find(obj, key);
        if (!j) return {};
        expect(j->is_string(), *j, path + "." + key, "a string");
        return j->get<std::string>();
    }

    double number(const json& j, const std::string& path) const {
        expect(j.is_number(), j, path, "a number");
        const double v = j.get<double>();
        if (!std::isfinite(v)) fail(path, fmt::format("{} is not a finite number", shown(j)));
        return v;
    }

    const json& array(const json& obj, const char* key, const std::string& path) const {
        static const json empty = json::array();
        const json* j = find(obj, key);
        if (!j) return empty;
        expect(j->is_array(), *j, path + "." + key, "an array");
        return *j;
    }

    std::vector<std::string> strings(const json& obj, const char* key, const std::string& path) const {
        std::vector<std::string> out;
        const json& arr = array(obj, key, path);
        for (std::size_t i = 0; i < arr.size(); ++i) {
            expect(arr[i].is_string(), arr[i], fmt::format("{}.{}[{}]", path, key, i), "a string");
            out.push_back(arr[i].get<std::string>());
        }
        return out;
    }

    core::SlideView view(const json& j, const std::string& path) const {
        expect(j.is_object(), j, path, "an object {\"centre\", \"metres_per_pixel\"} or {\"bbox\"}");
        core::SlideView v;
        const json* centre = find(j, "centre");
        const json* mpp = find(j, "metres_per_pixel");
        const json* bbox = find(j, "bbox");
        if (centre && bbox) fail(path, "give either \"centre\" with \"metres_per_pixel\" or \"bbox\", not both");
        if (centre) {
            const std::string cp = path + ".centre";
            expect(centre->is_object(), *centre, cp, "an object {\"lat\", \"lon\"}");
            const json* lat = find(*centre, "lat");
            const json* lon = find(*centre, "lon");
            if (!lat) fail(cp + ".lat", "missing (latitude in degrees, -90..90)");
            if (!lon) fail(cp + ".lon", "missing (longitude in degrees, -180..180)");
            const core::LonLat ll{number(*lon, cp + ".lon"), number(*lat, cp + ".lat")};
            if (ll.lat < -90 || ll.lat > 90)
                fail(cp + ".lat", fmt::format("{} is out of range (-90..90)", shown(*lat)));
            if (ll.lon < -180 || ll.lon > 180)
                fail(cp + ".lon", fmt::format("{} is out of range (-180..180)", shown(*lon)));
            if (!mpp) fail(path + ".metres_per_pixel", "missing (the zoom that goes with \"centre\", > 0)");
            const double m = number(*mpp, path + ".metres_per_pixel");
            if (!(m > 0))
                fail(path + ".metres_per_pixel",
                     fmt::format("{} is not a positive zoom (metres per pixel > 0)", shown(*mpp)));
            v.centre = ll;
            v.metres_per_pixel = m;
        } else if (mpp) {
            fail(path + ".metres_per_pixel", "given without \"centre\"");
        }
        if (bbox) {
            const std::string bp = path + ".bbox";
            const char* expected = "expected [W,S,E,N] in degrees with W < E and S < N";
            if (!bbox->is_array() || bbox->size() != 4) fail(bp, fmt::format("{} ({})", shown(*bbox), expected));
            double c[4];
            for (std::size_t i = 0; i < 4; ++i) c[i] = number((*bbox)[i], fmt::format("{}[{}]", bp, i));
            const bool in_range = c[0] >= -180 && c[2] <= 180 && c[1] >= -90 && c[3] <= 90;
            if (!(c[0] < c[2]) || !(c[1] < c[3]) || !in_range) fail(bp, fmt::format("{} ({})", shown(*bbox), expected));
            core::GeoBox box;
            box.extend(c[0], c[1]);
            box.extend(c[2], c[3]);
            v.bbox = box;
        }
        return v;
    }

    core::SlideEventFilter events(const json& j, const std::string& path) const {
        expect(j.is_object(), j, path, "an object");
        core::SlideEventFilter f;
        const json& types = array(j, "types", path);
        for (std::size_t i = 0; i < types.size(); ++i) {
            const std::string tp = fmt::format("{}.types[{}]", path, i);
            expect(types[i].is_string(), types[i], tp, "a string");
            const auto t = core::parse_event_type(types[i].get<std::string>());
            if (!t) fail(tp, fmt::format("{} is not an event type ({})", shown(types[i]), type_list()));
            f.types.insert(*t);
        }
        f.actor = string(j, "actor", path);
        for (auto& d : strings(j, "documents", path)) f.documents.insert(std::move(d));
        f.text = string(j, "text", path);
        if (find(j, "window")) {
            f.window = string(j, "window", path);
            if (!core::parse_slide_window(f.window))
                fail(path + ".window", fmt::format("'{}' is not a time window (day, week, month, all or <N>d "
                                                   "with N in 1..3650, e.g. \"14d\")",
                                                   f.window));
        }
        if (const json* show = find(j, "show")) {
            expect(show->is_boolean(), *show, path + ".show", "true or false");
            f.show_events = show->get<bool>();
        }
        return f;
    }

    /// A date field "YYYY-MM-DD" of `obj`, required.
    core::Date date(const json& obj, const char* key, const std::string& path) const {
        if (!find(obj, key)) fail(path + "." + key, "missing (a date, YYYY-MM-DD)");
        const std::string text = string(obj, key, path);
        const auto d = core::parse_iso_date(text);
        if (!d) fail(path + "." + key, fmt::format("'{}' is not a date (YYYY-MM-DD)", text));
        return *d;
    }

    core::SlideCompare compare(const json& j, const std::string& path) const {
        expect(j.is_object(), j, path, "an object {\"left\": date, \"right\": date, \"divider\": 0..1}");
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.key() != "left" && it.key() != "right" && it.key() != "divider")
                fail(path + "." + it.key(), "unknown field (expected left, right or divider)");
        core::SlideCompare c{date(j, "left", path), date(j, "right", path)};
        if (const json* d = find(j, "divider")) {
            c.divider = number(*d, path + ".divider");
            if (!(c.divider > 0 && c.divider < 1))
                fail(path + ".divider",
                     fmt::format("{} is out of range (a fraction of the width between 0 and 1, e.g. 0.5)", shown(*d)));
        }
        return c;
    }

    /// A position {"lat", "lon"} in degrees (latitudes -89..89: the projection's range).
    core::LonLat point(const json& j, const std::string& path) const {
        expect(j.is_object(), j, path, "an object {\"lat\", \"lon\"}");
        const json* lat = find(j, "lat");
        const json* lon = find(j, "lon");
        if (!lat) fail(path + ".lat", "missing (latitude in degrees, -89..89)");
        if (!lon) fail(path + ".lon", "missing (longitude in degrees, -180..180)");
        const core::LonLat ll{number(*lon, path + ".lon"), number(*lat, path + ".lat")};
        if (ll.lat < -89 || ll.lat > 89) fail(path + ".lat", fmt::format("{} is out of range (-89..89)", shown(*lat)));
        if (ll.lon < -180 || ll.lon > 180)
            fail(path + ".lon", fmt::format("{} is out of range (-180..180)", shown(*lon)));
        return ll;
    }

    /// "#rrggbb" as 0xRRGGBB.
    std::uint32_t color(const json& j, const std::string& path) const {
        expect(j.is_string(), j, path, "a colour \"#rrggbb\"");
        const std::string text = j.get<std::string>();
        const bool hex = text.size() == 7 && text[0] == '#' &&
                         std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(c) != 0; });
        if (!hex) fail(path, fmt::format("{} is not a colour (\"#rrggbb\", e.g. \"#b2182b\")", shown(j)));
        return static_cast<std::uint32_t>(std::stoul(text.substr(1), nullptr, 16));
    }

    /// One annotation: "kind" and the fields that kind takes (core/annotation.hpp).
    core::Annotation annotation(const json& j, const std::string& path) const {
        expect(j.is_object(), j, path, "an object {\"kind\", ...}");
        core::Annotation a;
        const json* kind = find(j, "kind");
        if (!kind) fail(path + ".kind", "missing (text, arrow, circle or callout)");
        expect(kind->is_string(), *kind, path + ".kind", "a string");
        const auto k = core::parse_annotation_kind(kind->get<std::string>());
        if (!k)
            fail(path + ".kind",
                 fmt::format("{} is not an annotation kind (text, arrow, circle or callout)", shown(*kind)));
        a.kind = *k;
        const bool arrow = a.kind == core::AnnotationKind::Arrow;
        const bool callout = a.kind == core::AnnotationKind::Callout;
        const bool circle = a.kind == core::AnnotationKind::Circle;
        const auto only = [&](const char* key, bool allowed, const char* which) {
            if (find(j, key) && !allowed)
                fail(path + "." + key, fmt::format("'{}' is not a field of {} annotations (only {} have it)", key,
                                                   kind->get<std::string>(), which));
        };
        only("path", arrow, "arrows");
        only("curved", arrow, "arrows");
        only("at", !arrow, "texts, circles and callouts");
        only("to", callout, "callouts");
        only("radius_km", circle, "circles");
        a.text = string(j, "text", path);
        if (const json* c = find(j, "color")) a.color = color(*c, path + ".color");
        if (arrow) {
            const json& pts = array(j, "path", path);
            if (pts.size() < 2)
                fail(path + ".path", fmt::format("{} point(s) (an arrow needs at least 2: tail ... head)", pts.size()));
            for (std::size_t i = 0; i < pts.size(); ++i)
                a.points.push_back(point(pts[i], fmt::format("{}.path[{}]", path, i)));
            if (const json* c = find(j, "curved")) {
                expect(c->is_boolean(), *c, path + ".curved", "true or false");
                a.curved = c->get<bool>();
            }
        } else {
            const json* at = find(j, "at");
            if (!at) fail(path + ".at", "missing (the position, {\"lat\", \"lon\"})");
            a.points.push_back(point(*at, path + ".at"));
            if (callout) {
                const json* to = find(j, "to");
                if (!to) fail(path + ".to", "missing (the point the callout marks, {\"lat\", \"lon\"})");
                a.points.push_back(point(*to, path + ".to"));
            }
            if (circle) {
                const json* r = find(j, "radius_km");
                if (!r) fail(path + ".radius_km", "missing (the circle's radius in kilometres, > 0)");
                a.radius_km = number(*r, path + ".radius_km");
            }
        }
        // What the kind requires beyond the JSON types (text present, radius in range).
        if (const std::string problem = core::annotation_problem(a); !problem.empty()) {
            const auto colon = problem.find(": ");
            const std::string field = problem.substr(0, colon);
            const bool named_field = colon != std::string::npos && field.find(' ') == std::string::npos &&
                                     field.find('/') == std::string::npos;
            fail(named_field ? path + "." + field : path, named_field ? problem.substr(colon + 2) : problem);
        }
        return a;
    }

    core::Slide slide(const json& j, const std::string& path) const {
        expect(j.is_object(), j, path, "an object");
        core::Slide s;
        s.title = string(j, "title", path);
        s.caption = string(j, "caption", path);
        if (find(j, "date")) {
            const std::string text = string(j, "date", path);
            s.date = core::parse_iso_date(text);
            if (!s.date) fail(path + ".date", fmt::format("'{}' is not a date (YYYY-MM-DD)", text));
        }
        if (const json* c = find(j, "compare")) {
            if (s.date)
                fail(path + ".compare",
                     "given with \"date\" (a compare slide has its dates in compare.left and "
                     "compare.right)");
            s.compare = compare(*c, path + ".compare");
            s.date = s.compare->right;
        }
        if (const json* v = find(j, "view")) s.view = view(*v, path + ".view");
        s.visible_layers = strings(j, "layers", path);
        for (std::size_t i = 0; i < s.visible_layers.size(); ++i)
            if (s.visible_layers[i].empty()) fail(fmt::format("{}.layers[{}]", path, i), "empty layer id");
        if (const json* e = find(j, "events")) s.events = events(*e, path + ".events");
        s.highlighted_events = strings(j, "highlight", path);
        for (std::size_t i = 0; i < s.highlighted_events.size(); ++i) {
            const std::string& key = s.highlighted_events[i];
            const auto hash = key.find('#');
            if (hash == std::string::npos || hash == 0 || hash + 1 == key.size())
                fail(fmt::format("{}.highlight[{}]", path, i),
                     fmt::format("'{}' is not an event key (\"document#id\")", key));
        }
        const json& annotations = array(j, "annotations", path);
        for (std::size_t i = 0; i < annotations.size(); ++i)
            s.annotations.push_back(annotation(annotations[i], fmt::format("{}.annotations[{}]", path, i)));
        s.notes = string(j, "notes", path);
        return s;
    }

    core::Briefing briefing(const json& root) const {
        expect(root.is_object(), root, "top level", "an object {\"title\", \"author\", \"slides\"}");
        core::Briefing b;
        b.title = string(root, "title", "top level");
        b.author = string(root, "author", "top level");
        const json* slides = find(root, "slides");
        if (!slides) fail("slides", "missing (an array of slides)");
        expect(slides->is_array(), *slides, "slides", "an array of slides");
        for (std::size_t i = 0; i < slides->size(); ++i)
            b.slides.push_back(slide((*slides)[i], fmt::format("slides[{}]", i)));
        return b;
    }

private:
    static std::string type_list() {
        std::string out;
        for (core::EventType t : core::all_event_types) {
            if (!out.empty()) out += ", ";
            out += core::event_type_name(t);
        }
        return out;
    }

    std::string source_;
};

}  // namespace

core::Briefing briefing_from_json(const std::string& text, const std::string& source) {
    std::string problem;
    const std::optional<json> root = parse_json(text, source, problem);
    if (!root) throw UsageError(problem);
    return Reader(source).briefing(*root);
}

core::Briefing load_briefing(const fs::path& path) {
    // Linux opens a directory as an empty stream; say what it is rather than "invalid JSON at 1:1".
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw usage_error("{}: cannot read briefing (it is a directory)", path.string());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error("{}: cannot read briefing ({})", path.string(), std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return briefing_from_json(text.str(), path.string());
}

// ---------------------------------------------------------------------------------------------
// [SECTION] 2. Writing
// ---------------------------------------------------------------------------------------------
namespace {

json view_to_json(const core::SlideView& v) {
    json j = json::object();
    if (v.centre) {
        j["centre"] = {{"lat", v.centre->lat}, {"lon", v.centre->lon}};
        j["metres_per_pixel"] = v.metres_per_pixel;
    }
    if (v.bbox) j["bbox"] = {v.bbox->min_x, v.bbox->min_y, v.bbox->max_x, v.bbox->max_y};
    return j;
}

json events_to_json(const core::SlideEventFilter& f) {
    json types = json::array();
    for (core::EventType t : f.types) types.push_back(std::string(core::event_type_name(t)));
    return {{"types", types}, {"actor", f.actor},   {"documents", f.documents},
            {"text", f.text}, {"window", f.window}, {"show", f.show_events}};
}

json point_to_json(const core::LonLat& p) {
    return {{"lat", p.lat}, {"lon", p.lon}};
}

json annotation_to_json(const core::Annotation& a) {
    json j = json::object();
    j["kind"] = std::string(core::annotation_kind_name(a.kind));
    if (a.kind == core::AnnotationKind::Arrow) {
        json path = json::array();
        for (const auto& p : a.points) path.push_back(point_to_json(p));
        j["path"] = std::move(path);
        j["curved"] = a.curved;
    } else {
        if (!a.points.empty()) j["at"] = point_to_json(a.points[0]);
        if (a.kind == core::AnnotationKind::Callout && a.points.size() > 1) j["to"] = point_to_json(a.points[1]);
        if (a.kind == core::AnnotationKind::Circle) j["radius_km"] = a.radius_km;
    }
    if (!a.text.empty()) j["text"] = a.text;
    if (a.color) j["color"] = fmt::format("#{:06x}", *a.color);
    return j;
}

}  // namespace

std::string briefing_to_json(const core::Briefing& briefing) {
    json slides = json::array();
    for (const auto& s : briefing.slides) {
        json j = json::object();
        j["title"] = s.title;
        j["caption"] = s.caption;
        if (s.compare)
            j["compare"] = {{"left", core::format_iso(s.compare->left)},
                            {"right", core::format_iso(s.date.value_or(s.compare->right))},
                            {"divider", s.compare->divider}};
        else if (s.date)
            j["date"] = core::format_iso(*s.date);
        if (s.view.centre || s.view.bbox) j["view"] = view_to_json(s.view);
        j["layers"] = s.visible_layers;
        j["events"] = events_to_json(s.events);
        j["highlight"] = s.highlighted_events;
        if (!s.annotations.empty()) {
            json annotations = json::array();
            for (const auto& a : s.annotations) annotations.push_back(annotation_to_json(a));
            j["annotations"] = std::move(annotations);
        }
        if (!s.notes.empty()) j["notes"] = s.notes;
        slides.push_back(std::move(j));
    }
    json root = json::object();
    root["title"] = briefing.title;
    root["author"] = briefing.author;
    root["slides"] = std::move(slides);
    // ensure_ascii off: titles in Armenian, Azerbaijani and Russian stay readable in the file.
    return root.dump(2, ' ', false) + "\n";
}

void save_briefing(const fs::path& path, const core::Briefing& briefing) {
    check_writable(path);
    write_text_atomically(path, briefing_to_json(briefing), "briefing");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] 3. Georeferencing
// ---------------------------------------------------------------------------------------------
namespace {

OGRSpatialReference srs_of(const core::Projector& projector) {
    init_gdal();
    OGRSpatialReference srs;
    if (srs.importFromProj4(projector.proj_string().c_str()) != OGRERR_NONE)
        throw fmt_error("invalid PROJ string '{}'", projector.proj_string());
    // A PROJ string carries no names, so GDAL would call everything "unknown"; QGIS shows these
    // names in its layer properties. Neither changes the maths (same_crs/IsSame ignores names).
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    srs.CopyGeogCSFrom(&wgs84);
    srs.SetProjCS(fmt::format("South Caucasus Lambert Conformal Conic ({} N, {} N; lon_0 {} E)",
                              projector.params().lat_1, projector.params().lat_2, projector.params().lon_0)
                      .c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string last_gdal_error(const char* fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : std::string(fallback);
}

}  // namespace

std::string projection_wkt(const core::Projector& projector) {
    const OGRSpatialReference srs = srs_of(projector);
    // FORMAT=WKT1_ESRI is exportToWkt's form of morphToESRI() without modifying `srs`: what QGIS
    // and ArcGIS expect in a .prj.
    const char* const options[] = {"FORMAT=WKT1_ESRI", nullptr};
    char* wkt = nullptr;
    if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw fmt_error("cannot express '{}' as WKT", projector.proj_string());
    }
    std::string out(wkt);
    CPLFree(wkt);
    return out;
}

namespace {

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// GDAL's "PAM" side file (<image>.aux.xml) holding only the CRS, as GDAL itself writes it; the
// geotransform stays in the world file. dataAxisToSRSAxisMapping 1,2: x is easting, y northing.
std::string pam_with_srs(const core::Projector& projector) {
    const OGRSpatialReference srs = srs_of(projector);
    char* wkt = nullptr;
    if (srs.exportToWkt(&wkt) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw fmt_error("cannot express '{}' as WKT", projector.proj_string());
    }
    const std::string text = xml_escaped(wkt);
    CPLFree(wkt);
    return fmt::format("<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">{}</SRS>\n</PAMDataset>\n", text);
}

}  // namespace

fs::path world_file_path(const fs::path& image_path) {
    std::string ext = image_path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    fs::path out = image_path;
    if (ext == ".png") return out.replace_extension(".pgw");
    if (ext == ".jpg" || ext == ".jpeg") return out.replace_extension(".jgw");
    if (ext == ".tif" || ext == ".tiff") return out.replace_extension(".tfw");
    return out.replace_extension(".wld");
}

void write_world_file(const fs::path& png_path, const core::Camera& camera, const core::Projector& projector) {
    const double mpp = camera.metres_per_pixel();
    // The world file's C, F are the CENTRE of the top-left pixel (not its corner, which GDAL's
    // geotransform uses): https://en.wikipedia.org/wiki/World_file
    const core::WorldXY c = camera.world({0.5, 0.5});
    // fmt's "{}" prints the shortest text that reads back to the same double.
    const std::string pgw = fmt::format("{}\n0\n0\n{}\n{}\n{}\n", mpp, -mpp, c.x, c.y);
    fs::path prj = png_path;
    prj.replace_extension(".prj");
    const std::string wkt = projection_wkt(projector);
    fs::path aux = png_path;
    aux += ".aux.xml";
    check_writable(world_file_path(png_path));
    check_writable(prj);
    check_writable(aux);
    write_text_atomically(prj, wkt + "\n", "projection file");
    write_text_atomically(world_file_path(png_path), pgw, "world file");
    write_text_atomically(aux, pam_with_srs(projector), "GDAL side file");
}

void write_geotiff(const fs::path& path, const RgbaImage& image, const core::Camera& camera,
                   const core::Projector& projector) {
    check_writable(path);
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4)
        throw fmt_error("{}: cannot write GeoTIFF: image of {}x{} has {} bytes of pixels", path.string(), image.width,
                        image.height, image.pixels.size());
    const OGRSpatialReference srs = srs_of(projector);
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!mem || !gtiff) throw fmt_error("{}: cannot write GeoTIFF: GDAL has no MEM or GTiff driver", path.string());

    CPLErrorReset();
    GDALDatasetUniquePtr src(mem->Create("", image.width, image.height, 3, GDT_Byte, nullptr));
    if (!src) throw fmt_error("{}: cannot write GeoTIFF: {}", path.string(), last_gdal_error("out of memory"));
    // Bands 1..3 take R, G, B straight out of the interleaved RGBA buffer (pixel stride 4): alpha is
    // dropped, exports are opaque.
    auto* pixels = const_cast<std::uint8_t*>(image.pixels.data());  // RasterIO's buffer is non-const even for reads
    for (int b = 0; b < 3; ++b) {
        GDALRasterBand* band = src->GetRasterBand(b + 1);
        if (band->RasterIO(GF_Write, 0, 0, image.width, image.height, pixels + b, image.width, image.height, GDT_Byte,
                           4, static_cast<GSpacing>(image.width) * 4, nullptr) != CE_None)
            throw fmt_error("{}: cannot write GeoTIFF: {}", path.string(), last_gdal_error("RasterIO failed"));
        band->SetColorInterpretation(static_cast<GDALColorInterp>(GCI_RedBand + b));
    }
    // GDAL's geotransform origin is the top-left CORNER of the top-left pixel.
    const core::WorldXY origin = camera.world({0.0, 0.0});
    const double mpp = camera.metres_per_pixel();
    double gt[6] = {origin.x, mpp, 0.0, origin.y, 0.0, -mpp};
    src->SetGeoTransform(gt);
    src->SetSpatialRef(&srs);

    fs::path tmp = path;
    tmp += ".part";
    const char* const options[] = {"COMPRESS=DEFLATE", "PREDICTOR=2",      "PHOTOMETRIC=RGB",
                                   "TILED=YES",        "BIGTIFF=IF_SAFER", nullptr};
    auto remove_tmp = [&] {
        std::error_code ec;
        fs::remove(tmp, ec);
        fs::path aux = tmp;
        aux += ".aux.xml";
        fs::remove(aux, ec);
    };
    CPLErrorReset();
    GDALDatasetUniquePtr out(
        gtiff->CreateCopy(tmp.c_str(), src.get(), FALSE, const_cast<char**>(options), nullptr, nullptr));
    if (!out) {
        remove_tmp();
        throw fmt_error("{}: cannot write GeoTIFF: {}", path.string(), last_gdal_error("CreateCopy failed"));
    }
    // Closing flushes the compressed strips; a full disk shows up here, not in CreateCopy.
    CPLErrorReset();
    out.reset();
    if (CPLGetLastErrorType() >= CE_Failure) {
        const std::string why = last_gdal_error("close failed");
        remove_tmp();
        throw fmt_error("{}: cannot write GeoTIFF: {}", path.string(), why);
    }
    try {
        replace_durably(tmp, replaceable_target(path, "GeoTIFF"), path, "GeoTIFF");
    } catch (const Error&) {
        remove_tmp();
        throw;
    }
}

RasterInfo read_raster_info(const fs::path& path) {
    init_gdal();
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR | GDAL_OF_READONLY));
    if (!ds) throw fmt_error("{}: cannot open as a raster: {}", path.string(), last_gdal_error("unknown format"));
    RasterInfo info;
    info.width = ds->GetRasterXSize();
    info.height = ds->GetRasterYSize();
    info.bands = ds->GetRasterCount();
    info.has_geotransform = ds->GetGeoTransform(info.geotransform.data()) == CE_None;
    if (const OGRSpatialReference* srs = ds->GetSpatialRef()) {
        char* wkt = nullptr;
        if (srs->exportToWkt(&wkt) == OGRERR_NONE && wkt) info.wkt = wkt;
        CPLFree(wkt);
    }
    return info;
}

RgbaImage read_raster_rgba(const fs::path& path) {
    init_gdal();
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR | GDAL_OF_READONLY));
    if (!ds || ds->GetRasterCount() < 1)
        throw fmt_error("{}: cannot open as a raster: {}", path.string(), last_gdal_error("unknown format"));
    RgbaImage img{ds->GetRasterXSize(), ds->GetRasterYSize(), {}};
    img.pixels.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4, 255);
    const int bands = ds->GetRasterCount();
    for (int c = 0; c < 4; ++c) {
        const int band = bands >= 3 ? c + 1 : 1;  // grey: band 1 into R, G and B
        if (c == 3 && bands < 4) break;           // no alpha band: stay opaque
        if (ds->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, img.width, img.height, img.pixels.data() + c, img.width,
                                              img.height, GDT_Byte, 4, static_cast<GSpacing>(img.width) * 4,
                                              nullptr) != CE_None)
            throw fmt_error("{}: cannot read band {}: {}", path.string(), band, last_gdal_error("RasterIO failed"));
    }
    return img;
}

bool same_crs(const std::string& wkt, const std::string& proj_string) {
    init_gdal();
    OGRSpatialReference a, b;
    if (a.importFromWkt(wkt.c_str()) != OGRERR_NONE) throw fmt_error("cannot parse WKT '{}'", wkt.substr(0, 80));
    if (b.importFromProj4(proj_string.c_str()) != OGRERR_NONE) throw fmt_error("invalid PROJ string '{}'", proj_string);
    return a.IsSame(&b) != 0;
}

}  // namespace sitmap::io
