// sitmap_build_control: builds geodata/control.gpkg (dated control areas of the Karabakh conflict)
// from the raw sources in ../shared/geodata-sources and the hand-made inputs in
// geodata/control_inputs/ (events.csv, settlements.csv, fronts.csv, routes.csv). A build tool, not part of the app:
// it may use GDAL and GEOS directly, and nothing in src/ depends on it. Method: geodata/SOURCES.md.
//
// Usage: sitmap_build_control --sources DIR --inputs DIR -o control.gpkg [--without SETTLEMENT] [--loo 1]
// (--loo 1: print the grid leave-one-out estimate of the 2020 front cells instead of writing the file)
//
// [SECTION] GEOS helpers   [SECTION] inputs   [SECTION] state machine   [SECTION] periods   [SECTION] output
#include <cpl_conv.h>
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "control_grid.hpp"

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] GEOS helpers. All geometry is worked on in a local equirectangular plane in km
// (centred at 46.5E 39.5N): buffers and areas in km are then meaningful (scale error < 1.5 %
// across the Karabakh window).
// ---------------------------------------------------------------------------------------------
GEOSContextHandle_t ctx = nullptr;
constexpr double kLon0 = 46.5, kLat0 = 39.5;
const double kKx = 111.32 * std::cos(39.7 * M_PI / 180.0);
constexpr double kKy = 110.95;
constexpr double kGrid = 0.001;    // 1 m precision grid for overlays (robust, no slivers from noise)
constexpr double kMinArea = 0.02;  // km^2: pieces smaller than this are overlay noise and dropped

void geos_message(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    std::vfprintf(stderr, fmt, ap);
    va_end(ap);
    std::fputc('\n', stderr);
}

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx, g); }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

Geom check(GEOSGeometry* g, const char* what) {
    if (!g) throw std::runtime_error(std::string("GEOS failed: ") + what);
    return Geom(g);
}
Geom empty() {
    return check(GEOSGeom_createEmptyPolygon_r(ctx), "empty");
}
Geom clone(const Geom& g) {
    return check(GEOSGeom_clone_r(ctx, g.get()), "clone");
}
bool is_empty(const Geom& g) {
    return !g || GEOSisEmpty_r(ctx, g.get()) == 1;
}
double area(const Geom& g) {
    double a = 0;
    if (is_empty(g)) return 0;
    GEOSArea_r(ctx, g.get(), &a);
    return a;
}

// Keeps only the polygonal parts (overlays with a precision grid may return lines or points).
Geom polygons_only(Geom g) {
    if (is_empty(g)) return empty();
    const int type = GEOSGeomTypeId_r(ctx, g.get());
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return g;
    std::vector<GEOSGeometry*> parts;
    const int n = GEOSGetNumGeometries_r(ctx, g.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* p = GEOSGetGeometryN_r(ctx, g.get(), i);
        const int t = GEOSGeomTypeId_r(ctx, p);
        if (t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON) parts.push_back(GEOSGeom_clone_r(ctx, p));
    }
    if (parts.empty()) return empty();
    Geom coll = check(
        GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())),
        "collection");
    return check(GEOSUnaryUnionPrec_r(ctx, coll.get(), kGrid), "unary union");
}

Geom inter(const Geom& a, const Geom& b) {
    if (is_empty(a) || is_empty(b)) return empty();
    return polygons_only(check(GEOSIntersectionPrec_r(ctx, a.get(), b.get(), kGrid), "intersection"));
}
Geom diff(const Geom& a, const Geom& b) {
    if (is_empty(a)) return empty();
    if (is_empty(b)) return clone(a);
    return polygons_only(check(GEOSDifferencePrec_r(ctx, a.get(), b.get(), kGrid), "difference"));
}
Geom unite(const Geom& a, const Geom& b) {
    if (is_empty(a)) return clone(b);
    if (is_empty(b)) return clone(a);
    return polygons_only(check(GEOSUnionPrec_r(ctx, a.get(), b.get(), kGrid), "union"));
}
Geom buffer(const Geom& g, double km) {
    return check(GEOSBuffer_r(ctx, g.get(), km, 6), "buffer");
}
// A strip `km` each side of a line, ended square at its first and last vertex (round caps would put
// a disc of radius `km` around each end).
Geom strip(const Geom& line, double km) {
    return check(GEOSBufferWithStyle_r(ctx, line.get(), km, 6, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_ROUND, 5.0), "buffer");
}

Geom point(double x, double y) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, 1, 2);
    GEOSCoordSeq_setXY_r(ctx, seq, 0, x, y);
    return check(GEOSGeom_createPoint_r(ctx, seq), "point");
}
struct Xy {
    double x, y;
};
Xy to_local(double lon, double lat) {
    return {(lon - kLon0) * kKx, (lat - kLat0) * kKy};
}
Geom local_point(double lat, double lon) {
    const Xy p = to_local(lon, lat);
    return point(p.x, p.y);
}
Geom line(const std::vector<Xy>& pts) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(pts.size()), 2);
    for (unsigned i = 0; i < pts.size(); ++i) GEOSCoordSeq_setXY_r(ctx, seq, i, pts[i].x, pts[i].y);
    return check(GEOSGeom_createLineString_r(ctx, seq), "line");
}
Geom box(double x0, double y0, double x1, double y1) {
    return check(GEOSGeom_createRectangle_r(ctx, x0, y0, x1, y1), "rectangle");
}
void bounds(const Geom& g, double& x0, double& y0, double& x1, double& y1) {
    GEOSGeom_getXMin_r(ctx, g.get(), &x0);
    GEOSGeom_getYMin_r(ctx, g.get(), &y0);
    GEOSGeom_getXMax_r(ctx, g.get(), &x1);
    GEOSGeom_getYMax_r(ctx, g.get(), &y1);
}

int to_local_cb(double* x, double* y, void*) {
    const Xy p = to_local(*x, *y);
    *x = p.x;
    *y = p.y;
    return 1;
}
int to_lonlat_cb(double* x, double* y, void*) {
    *x = *x / kKx + kLon0;
    *y = *y / kKy + kLat0;
    return 1;
}

// OGR (lon/lat) -> GEOS (local km), through WKB.
Geom from_ogr(const OGRGeometry& g) {
    std::vector<unsigned char> wkb(static_cast<std::size_t>(g.WkbSize()));
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    Geom geos = check(GEOSGeomFromWKB_buf_r(ctx, wkb.data(), wkb.size()), "from WKB");
    Geom local = check(GEOSGeom_transformXY_r(ctx, geos.get(), to_local_cb, nullptr), "transform");
    if (!GEOSisValid_r(ctx, local.get())) local = check(GEOSMakeValid_r(ctx, local.get()), "make valid");
    return polygons_only(std::move(local));
}

// GEOS (local km) -> OGR MultiPolygon (lon/lat); coordinates rounded to 1e-6 degree.
std::unique_ptr<OGRGeometry> to_ogr(const Geom& g) {
    Geom ll = check(GEOSGeom_transformXY_r(ctx, g.get(), to_lonlat_cb, nullptr), "transform back");
    Geom rounded = check(GEOSGeom_setPrecision_r(ctx, ll.get(), 1e-6, 0), "precision");
    std::size_t size = 0;
    GEOSWKBWriter* writer = GEOSWKBWriter_create_r(ctx);
    unsigned char* wkb = GEOSWKBWriter_write_r(ctx, writer, rounded.get(), &size);
    GEOSWKBWriter_destroy_r(ctx, writer);
    OGRGeometry* out = nullptr;
    OGRGeometryFactory::createFromWkb(wkb, nullptr, &out, size);
    GEOSFree_r(ctx, wkb);
    if (!out) throw std::runtime_error("cannot convert a geometry to OGR");
    return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(out));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] inputs
// ---------------------------------------------------------------------------------------------
using Row = std::map<std::string, std::string>;

// RFC-4180 CSV with a header row; lines starting with '#' are comments.
std::vector<Row> read_csv(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot open");
    std::vector<std::vector<std::string>> records;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields{""};
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted) {
                if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                    fields.back() += '"', ++i;
                else if (c == '"')
                    quoted = false;
                else
                    fields.back() += c;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.emplace_back();
            } else if (c != '\r') {
                fields.back() += c;
            }
        }
        records.push_back(std::move(fields));
    }
    if (records.empty()) throw std::runtime_error(path.string() + ": empty");
    std::vector<Row> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != records[0].size())
            throw std::runtime_error(path.string() + ": record " + std::to_string(r + 1) + " has " +
                                     std::to_string(records[r].size()) + " fields, expected " +
                                     std::to_string(records[0].size()));
        Row row;
        for (std::size_t i = 0; i < records[0].size(); ++i) row[records[0][i]] = records[r][i];
        rows.push_back(std::move(row));
    }
    return rows;
}

double num(const Row& r, const std::string& key, double fallback = 0) {
    const auto it = r.find(key);
    if (it == r.end() || it->second.empty()) return fallback;
    return std::stod(it->second);
}

void ogr_ok(OGRErr err, const char* what) {
    if (err != OGRERR_NONE) throw std::runtime_error(std::string("GDAL: ") + what + " failed: " + CPLGetLastErrorMsg());
}

GDALDatasetUniquePtr open_vector(const fs::path& path) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!ds) throw std::runtime_error(path.string() + ": cannot open (" + CPLGetLastErrorMsg() + ")");
    return ds;
}

// Union of all features of `layer` (optionally only those where `field` == `value`).
Geom load_union(GDALDataset& ds, const char* layer, const char* field = nullptr, const std::string& value = {}) {
    OGRLayer* l = ds.GetLayerByName(layer);
    if (!l) throw std::runtime_error(std::string("layer '") + layer + "' missing");
    Geom acc = empty();
    l->ResetReading();
    for (auto& f : *l) {
        if (field && value != f->GetFieldAsString(field)) continue;
        if (const OGRGeometry* g = f->GetGeometryRef()) acc = unite(acc, from_ogr(*g));
    }
    return acc;
}

struct Event {
    std::string date, place, district, from, to, model, how, source, confidence;
    double lat = 0, lon = 0, radius = 0, villages = 0;
    std::string route;  // corridor route id
    Geom region;        // what changed (set while applying)
};

// ---------------------------------------------------------------------------------------------
// [SECTION] state machine: who holds what after each change date
// ---------------------------------------------------------------------------------------------
enum Cls { ArmControl, ArmPk, ArmCorridor, AzPk, AzControl, kClsCount };
const char* cls_controller(int c) {
    return c <= ArmCorridor ? "armenian" : "azerbaijan";
}
const char* cls_kind(int c) {
    return c == ArmCorridor ? "corridor" : (c == ArmPk || c == AzPk) ? "peacekeeping" : "control";
}

struct Snapshot {
    std::string date;
    Geom arm;       // Armenian-held
    Geom corridor;  // active corridor strip (part of arm)
    bool pk = false;
};

struct Settlement {
    std::string name, district, date, role;
    double lat = 0, lon = 0;
    Geom cell;  // the part of the 2020 front area that takes its day (make_cells; empty when it has none)
};

struct Builder {
    Geom zone, nkao, universe, aze_main, aze_all, arm_all;
    Geom to_arm = empty(), to_aze = empty();  // borders.csv corrections of the background countries
    std::map<std::string, Geom> districts;    // label_en_fixed -> geometry (local km)
    std::map<char, Geom> strips;              // corridor route -> 5-km strip
    std::map<std::string, Row> fronts;        // districts of the 2020 front (optional max_lat cut)
    std::vector<Settlement> settlements;
    std::vector<Event> events;

    Geom district(const std::string& name) const {
        auto it = districts.find(name);
        if (it == districts.end()) throw std::runtime_error("events.csv: unknown district '" + name + "'");
        return clone(it->second);
    }

    // The Armenian-held 1994 part of a front district (cut at max_lat where fronts.csv says so).
    Geom front_part(const std::string& name) const {
        Geom p = inter(district(name), zone);
        const auto it = fronts.find(name);
        if (it != fronts.end() && !it->second.at("max_lat").empty()) {
            double x0, y0, x1, y1;
            bounds(p, x0, y0, x1, y1);
            p = inter(p, box(x0 - 1, y0 - 1, x1 + 1, (num(it->second, "max_lat") - kLat0) * kKy));
        }
        return p;
    }

    // Cells of the located settlements (captures and anchors) inside the 2020 front area, from a kCellKm grid: each
    // square goes to the settlement control_grid::assign_owners gives it (its own within half the distance to its
    // nearest neighbour, at least 1 km; elsewhere the median day of its five nearest; beyond kFarKm from every
    // settlement the latest of those; held land kept connected to the rear: tools/control_grid.hpp), and a
    // settlement's cell is the union of its squares clipped to the front (the cells tile the front without gaps or
    // overlaps). The rear is the rest of the 1994 area and Armenia. Method: geodata/SOURCES.md.
    static constexpr double kCellKm = 0.5;
    static constexpr double kFarKm = 0;        // off: see geodata/SOURCES.md (tried 6-8 km)
    static constexpr double kStripMaxKm = 12;  // longest strip kept to join an island settlement to the rear
    struct CellGrid {
        Geom front = empty();
        std::vector<std::size_t> located;       // settlements (captures and anchors) of the front districts
        std::vector<control_grid::Site> sites;  // their points and days, same order
        control_grid::Grid grid;
    };
    CellGrid cell_grid() const {
        CellGrid cg;
        Geom& front = cg.front;
        std::vector<std::size_t>& located = cg.located;
        std::vector<control_grid::Site>& sites = cg.sites;
        control_grid::Grid& grid = cg.grid;
        for (const auto& [name, row] : fronts) front = unite(front, front_part(name));
        for (std::size_t i = 0; i < settlements.size(); ++i) {
            const Settlement& s = settlements[i];
            if ((s.role != "capture" && s.role != "anchor") || !fronts.count(s.district)) continue;
            located.push_back(i);
            const Xy p = to_local(s.lon, s.lat);
            sites.push_back({p.x, p.y, control_grid::day_number(s.date), s.role == "anchor"});
        }
        if (located.empty() || is_empty(front)) return cg;
        const Geom rear = unite(diff(zone, front), arm_all);
        double x0, y0, x1, y1;
        bounds(front, x0, y0, x1, y1);
        const auto unprepare = [](const GEOSPreparedGeometry* g) { GEOSPreparedGeom_destroy_r(ctx, g); };
        using Prepared = std::unique_ptr<const GEOSPreparedGeometry, decltype(unprepare)>;
        const Prepared prep(GEOSPrepare_r(ctx, front.get()), unprepare),
            prep_rear(GEOSPrepare_r(ctx, rear.get()), unprepare);
        grid.x0 = x0;
        grid.y0 = y0;
        grid.cell = kCellKm;
        grid.nx = static_cast<int>(std::ceil((x1 - x0) / kCellKm));
        grid.ny = static_cast<int>(std::ceil((y1 - y0) / kCellKm));
        grid.inside.assign(static_cast<std::size_t>(grid.nx) * static_cast<std::size_t>(grid.ny), 0);
        grid.rear = grid.inside;
        for (int ix = 0; ix < grid.nx; ++ix)
            for (int iy = 0; iy < grid.ny; ++iy) {
                const Geom sq =
                    box(x0 + ix * kCellKm, y0 + iy * kCellKm, x0 + (ix + 1) * kCellKm, y0 + (iy + 1) * kCellKm);
                const auto i = static_cast<std::size_t>(grid.index(ix, iy));
                grid.inside[i] = GEOSPreparedIntersects_r(ctx, prep.get(), sq.get()) == 1;
                grid.rear[i] = grid.inside[i] && GEOSPreparedIntersects_r(ctx, prep_rear.get(), sq.get()) == 1;
            }
        return cg;
    }
    static control_grid::Params cell_params() {
        control_grid::Params params;
        params.far_km = kFarKm;
        params.connect = true;
        params.corridor_max_km = kStripMaxKm;
        return params;
    }
    void make_cells() {
        const CellGrid cg = cell_grid();
        if (cg.located.empty() || is_empty(cg.front)) return;
        const Geom& front = cg.front;
        const std::vector<std::size_t>& located = cg.located;
        const control_grid::Grid& grid = cg.grid;
        const double x0 = grid.x0, y0 = grid.y0;
        const std::vector<int> owner = control_grid::assign_owners(grid, cg.sites, cell_params());
        std::map<std::size_t, std::vector<Geom>> squares;
        // Column by column; a run of squares with the same owner becomes one rectangle (fewer parts to unite).
        for (int ix = 0; ix < grid.nx; ++ix) {
            const double ax = x0 + ix * kCellKm, bx = x0 + (ix + 1) * kCellKm;
            int run_owner = control_grid::kNone, run_start = 0;
            for (int iy = 0; iy <= grid.ny; ++iy) {
                const int o = iy < grid.ny ? owner[static_cast<std::size_t>(grid.index(ix, iy))] : control_grid::kNone;
                if (o == run_owner) continue;
                if (run_owner != control_grid::kNone)
                    squares[located[static_cast<std::size_t>(run_owner)]].push_back(
                        box(ax, y0 + run_start * kCellKm, bx, y0 + iy * kCellKm));
                run_owner = o;
                run_start = iy;
            }
        }
        for (auto& [i, owned] : squares) {
            std::vector<GEOSGeometry*> parts;
            for (Geom& g : owned) parts.push_back(g.release());  // the collection takes them over
            Geom coll = check(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                          static_cast<unsigned>(parts.size())),
                              "collection");
            // Simplifying with tolerance 0 drops the collinear grid vertices along straight edges, nothing else.
            Geom cell = check(GEOSUnaryUnionPrec_r(ctx, coll.get(), kGrid), "unary union");
            settlements[i].cell = inter(check(GEOSSimplify_r(ctx, cell.get(), 0.0), "simplify"), front);
        }
        std::fprintf(stderr, "  %zu located settlements, %zu with cells, over %.0f km2 of the 2020 front area\n",
                     located.size(), squares.size(), area(front));
    }

    // Leave-one-out on the grid alone (fast; scripts/control-loo.sh asks the built map instead): each located capture
    // of the front districts is left out, the grid reassigned, and its square's flip day compared with its own day
    // 3 days before and after. Prints the misses and "grid leave-one-out: RIGHT/TOTAL".
    void grid_loo() const {
        const CellGrid cg = cell_grid();
        const control_grid::Params params = cell_params();
        int right = 0, total = 0;
        for (std::size_t k = 0; k < cg.located.size(); ++k) {
            const Settlement& held = settlements[cg.located[k]];
            if (held.role != "capture") continue;
            std::vector<control_grid::Site> others = cg.sites;
            others.erase(others.begin() + static_cast<std::ptrdiff_t>(k));
            const std::vector<int> owner = control_grid::assign_owners(cg.grid, others, params);
            const control_grid::Grid& g = cg.grid;
            const int ix = static_cast<int>(std::floor((cg.sites[k].x - g.x0) / g.cell)),
                      iy = static_cast<int>(std::floor((cg.sites[k].y - g.y0) / g.cell));
            const bool in = ix >= 0 && iy >= 0 && ix < g.nx && iy < g.ny &&
                            owner[static_cast<std::size_t>(g.index(ix, iy))] != control_grid::kNone;
            const int day = cg.sites[k].day;
            const int flip =
                in ? others[static_cast<std::size_t>(owner[static_cast<std::size_t>(g.index(ix, iy))])].day : 0;
            const int ok = in ? (flip > day - 3) + (flip <= day + 3) : 0;
            right += ok;
            total += 2;
            if (ok < 2)
                std::printf("  %s %s error %s\n", held.name.c_str(), held.date.c_str(),
                            in ? (std::to_string(flip - day) + " d").c_str() : "outside the grid");
        }
        std::printf("grid leave-one-out: %d/%d\n", right, total);
    }

    // The cells of the settlements an events.csv 'cells' row announces (same date and district, name in its place
    // list).
    Geom cells_of(const Event& e) const {
        Geom acc = empty();
        for (const auto& s : settlements)
            if (s.date == e.date && s.district == e.district && e.place.find(s.name) != std::string::npos &&
                !is_empty(s.cell))
                acc = unite(acc, s.cell);
        return acc;
    }

    // A settlement's disc; a coordinate that falls outside the area still held by the side losing it moves the
    // disc to the nearest point of that area (recorded in control_changes.how).
    Geom disc_region(Event& e, const Geom& held) const {
        Geom centre = local_point(e.lat, e.lon);
        Geom region = inter(buffer(centre, e.radius), universe);
        if (e.to == "armenian" || is_empty(held) || area(inter(region, held)) >= 0.1 * area(region)) return region;
        GEOSCoordSequence* near = GEOSNearestPoints_r(ctx, held.get(), centre.get());
        double x = 0, y = 0, x2 = 0, y2 = 0;
        GEOSCoordSeq_getXY_r(ctx, near, 0, &x, &y);
        GEOSCoordSeq_getXY_r(ctx, near, 1, &x2, &y2);
        GEOSCoordSeq_destroy_r(ctx, near);
        e.how += " [disc moved " + std::to_string(static_cast<int>(std::hypot(x - x2, y - y2) + 0.5)) +
                 " km to the nearest Armenian-held area: approximate coordinate vs 1:10m lines]";
        return inter(buffer(point(x, y), e.radius), universe);
    }

    // Moves `region` to the event's side.
    static void apply_to(Snapshot& st, const Event& e, const Geom& region) {
        st.arm = e.to == "armenian" ? unite(st.arm, region) : diff(st.arm, region);
    }

    void apply(Event& e, Snapshot& st, Geom& checkpoints) const {
        if (e.model == "start") {
            st.arm = clone(zone);
            e.region = clone(zone);
        } else if (e.model == "start1992") {
            st.arm = inter(nkao, zone);
            e.region = clone(universe);
        } else if (e.model == "cells") {
            e.region = inter(cells_of(e), st.arm);
            if (is_empty(e.region)) e.how += " [no sourced coordinate for these settlements: not mapped on its own]";
            st.arm = diff(st.arm, e.region);
        } else if (e.model == "disc" || e.model == "checkpoint") {
            e.region = disc_region(e, st.arm);
            apply_to(st, e, e.region);
            if (e.model == "checkpoint") checkpoints = unite(checkpoints, e.region);
        } else if (e.model == "district_all") {
            e.region = e.district == "*" ? clone(zone) : inter(district(e.district), zone);
            apply_to(st, e, e.region);
        } else if (e.model == "district" || e.model == "district_nkao") {
            Geom r = e.district == "*" ? clone(universe) : inter(district(e.district), universe);
            if (e.model == "district") r = diff(r, nkao);
            e.region = diff(inter(r, st.arm), st.corridor);
            st.arm = diff(st.arm, e.region);
        } else if (e.model == "corridor") {
            const Geom old = clone(st.corridor);
            st.corridor = diff(strips.at(e.route.at(0)), checkpoints);
            st.arm = unite(diff(st.arm, diff(old, st.corridor)), st.corridor);
            e.region = unite(old, st.corridor);
        } else if (e.model == "pk_start" || e.model == "pk_end") {
            st.pk = e.model == "pk_start";
            e.region = empty();
        } else if (e.model == "all") {
            e.region = clone(universe);
            st.arm = empty();
            st.corridor = empty();
        } else if (e.model == "relabel") {
            e.region = clone(universe);
        } else if (e.model == "listed") {  // a sourced change no source locates: listed, the map unchanged
            e.region = empty();
        } else {
            throw std::runtime_error("events.csv: unknown model '" + e.model + "'");
        }
        if (e.model == "checkpoint") st.corridor = diff(st.corridor, e.region);
        if (!e.region) e.region = empty();
    }

    std::vector<Snapshot> run() {
        std::vector<Snapshot> snaps;
        Snapshot st;
        st.arm = empty();
        st.corridor = empty();
        Geom checkpoints = empty();
        for (std::size_t i = 0; i < events.size(); ++i) {
            Event& e = events[i];
            apply(e, st, checkpoints);
            const bool last_of_date = i + 1 == events.size() || events[i + 1].date != e.date;
            if (last_of_date) {
                Snapshot copy{e.date, clone(st.arm), clone(st.corridor), st.pk};
                snaps.push_back(std::move(copy));
                std::fprintf(stderr, "  %s  armenian-held %8.1f km2  corridor %6.1f km2%s\n", e.date.c_str(),
                             area(st.arm), area(st.corridor), st.pk ? "  (peacekeepers)" : "");
            }
        }
        return snaps;
    }
};

// ---------------------------------------------------------------------------------------------
// [SECTION] periods: each piece of land keeps its class until a snapshot gives it another one
// ---------------------------------------------------------------------------------------------
struct Piece {
    Geom geom;
    int cls;
    std::string since;
    std::size_t event;
};
struct Period {
    Geom geom;
    int cls;
    std::string from, to;
    std::size_t event;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] land held across the international boundary (incursions.csv, armenian_held.csv)
// ---------------------------------------------------------------------------------------------
// Each row: a disc of radius_km around the point of the boundary nearest to a sourced place (the place itself
// when at_border = 0), inside `country` only, less keep_out_km around the place (a village the other side kept).
// The disc's size is chosen to match the area the sources give; its shape is not sourced.
template <class SetDate>
std::size_t write_held_across(const fs::path& path, const char* controller, const char* kind, const Geom& country,
                              const Geom& boundary, OGRLayer& lp, SetDate set_date) {
    if (!fs::exists(path)) return 0;
    const std::string file = path.filename().string();
    std::size_t n = 0;
    for (const auto& r : read_csv(path)) {
        const Geom place = local_point(num(r, "lat"), num(r, "lon"));
        Geom centre = clone(place);
        if (r.at("at_border") == "1") {
            GEOSCoordSequence* seq = GEOSNearestPoints_r(ctx, boundary.get(), place.get());
            if (!seq) throw std::runtime_error(file + ": no boundary near " + r.at("name"));
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx, seq, 0, &x, &y);
            GEOSCoordSeq_destroy_r(ctx, seq);
            centre = check(GEOSGeom_createPointFromXY_r(ctx, x, y), "point");
        }
        Geom g = inter(buffer(centre, num(r, "radius_km")), country);
        if (num(r, "keep_out_km") > 0) g = diff(g, buffer(place, num(r, "keep_out_km")));
        if (area(g) <= kMinArea) throw std::runtime_error(file + ": '" + r.at("name") + "' covers no land");
        std::fprintf(stderr, "  %s %s (%s - %s): %.1f km2 (sources: %s km2)\n", file.c_str(), r.at("name").c_str(),
                     r.at("valid_from").c_str(), r.at("valid_to").c_str(), area(g), r.at("source_km2").c_str());
        OGRFeature f(lp.GetLayerDefn());
        set_date(f, "valid_from", r.at("valid_from"));
        set_date(f, "valid_to", r.at("valid_to"));
        f.SetField("controller", controller);
        f.SetField("kind", kind);
        f.SetField("place", r.at("name").c_str());
        f.SetField("source", r.at("source").c_str());
        f.SetField("confidence", r.at("confidence").c_str());
        f.SetGeometryDirectly(to_ogr(g).release());
        ogr_ok(lp.CreateFeature(&f), "CreateFeature");
        ++n;
    }
    return n;
}

// Positions held by Azerbaijani forces inside Armenia since 2021 (incursions.csv) and villages inside Azerbaijan's
// boundary held by the Armenian side outside the Karabakh area (armenian_held.csv: the Gazakh villages until 2024).
template <class SetDate>
std::size_t write_held_across_both(const Builder& b, const fs::path& inputs, OGRLayer& lp, SetDate set_date) {
    const Geom armenia = diff(diff(unite(b.arm_all, b.to_arm), b.to_aze), b.universe);
    const Geom azerbaijan = diff(diff(unite(b.aze_all, b.to_aze), b.to_arm), b.universe);
    // The stretch of the boundary along Armenia (a line: inter() keeps polygons only).
    const Geom outline = check(GEOSBoundary_r(ctx, b.aze_main.get()), "Azerbaijan's boundary");
    const Geom boundary =
        check(GEOSIntersection_r(ctx, outline.get(), buffer(armenia, 0.05).get()), "boundary with Armenia");
    return write_held_across(inputs / "incursions.csv", "azerbaijan", "azerbaijan_in_armenia", armenia, boundary, lp,
                             set_date) +
           write_held_across(inputs / "armenian_held.csv", "armenian", "control", azerbaijan, boundary, lp, set_date);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path sources, inputs, output;
    std::string without;
    bool loo = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--sources")
            sources = argv[i + 1];
        else if (a == "--inputs")
            inputs = argv[i + 1];
        else if (a == "-o" || a == "--output")
            output = argv[i + 1];
        else if (a == "--loo") {  // print the grid leave-one-out estimate instead of writing (takes a value: 1)
            loo = std::string(argv[i + 1]) == "1";
        } else if (a == "--without")  // leave one settlement out (the leave-one-out estimate in geodata/SOURCES.md)
            without = argv[i + 1];
    }
    if (sources.empty() || inputs.empty() || output.empty()) {
        std::fprintf(stderr, "usage: sitmap_build_control --sources DIR --inputs DIR -o control.gpkg\n");
        return 2;
    }
    try {
        ctx = GEOS_init_r();
        GEOSContext_setNoticeHandler_r(ctx, geos_message);
        GEOSContext_setErrorHandler_r(ctx, geos_message);
        GDALAllRegister();
        // Reproducible GeoPackage: fixed timestamps in gpkg_contents.
        CPLSetConfigOption("OGR_CURRENT_DATE", "2024-12-31T00:00:00Z");

        Builder b;
        auto ref = open_vector(sources / "karabakh_reference_ne10m.gpkg");
        auto admin = open_vector(sources / "ne10m_admin_caucasus.gpkg");
        b.zone = load_union(*ref, "nk_de_facto_area_1994_2020");
        b.nkao = load_union(*ref, "nkao_1991_polygon");
        {
            // Mainland Azerbaijan (the largest part; Nakhchivan is not a front).
            b.aze_all = load_union(*admin, "admin0_countries", "adm0_a3", "AZE");
            double best = 0;
            for (int i = 0; i < GEOSGetNumGeometries_r(ctx, b.aze_all.get()); ++i) {
                Geom part = check(GEOSGeom_clone_r(ctx, GEOSGetGeometryN_r(ctx, b.aze_all.get(), i)), "part");
                if (area(part) > best) best = area(part), b.aze_main = std::move(part);
            }
            // The 1:10m de facto area and the 1:10m international boundary disagree by up to ~2 km: the parts of
            // the area beyond Azerbaijan's boundary (at Kornidzor, along the Hakari) are Armenia, never the zone.
            const double before = area(b.zone);
            b.zone = inter(b.zone, b.aze_main);
            b.nkao = inter(b.nkao, b.aze_main);
            std::fprintf(stderr,
                         "  %.1f km2 of the NE de facto area lie beyond Azerbaijan's boundary: left to Armenia\n",
                         before - area(b.zone));
        }
        // Sourced corrections where the 1:10m boundaries decide control (borders.csv).
        b.arm_all = load_union(*admin, "admin0_countries", "adm0_a3", "ARM");
        for (auto& r : read_csv(inputs / "borders.csv")) {
            const Geom disc = buffer(local_point(num(r, "lat"), num(r, "lon")), num(r, "radius_km"));
            if (r.at("country") == "ARM") {
                b.zone = diff(b.zone, disc);
                b.nkao = diff(b.nkao, disc);
                b.to_arm = unite(b.to_arm, disc);
            } else if (r.at("country") == "AZE") {
                if (r.at("in_zone") == "1") b.zone = unite(b.zone, diff(disc, b.arm_all));
                b.to_aze = unite(b.to_aze, disc);
            } else {
                throw std::runtime_error("borders.csv: country must be ARM or AZE, not '" + r.at("country") + "'");
            }
        }
        b.universe = unite(b.zone, b.nkao);
        OGRLayer* a1 = admin->GetLayerByName("admin1_states_provinces");
        for (auto& f : *a1) {
            if (std::string(f->GetFieldAsString("adm0_a3")) != "AZE" || !f->GetGeometryRef()) continue;
            Geom g = from_ogr(*f->GetGeometryRef());
            if (!is_empty(inter(g, b.universe))) b.districts[f->GetFieldAsString("label_en_fixed")] = std::move(g);
        }
        {
            // NE's 1:10m districts and de facto area do not match exactly: give each part of the zone that no
            // district covers to the nearest district, so fronts and handovers reach the 1994 line.
            // Only the districts of the conflict zone are kept; slivers of the zone that NE assigns to
            // neighbouring districts (Beylagan, Aghjabadi, ...) are redistributed like uncovered parts.
            std::set<std::string> keep{"Khankendi (Stepanakert)", "Khojaly"};
            for (const auto& r : read_csv(inputs / "events.csv")) keep.insert(r.at("district"));
            for (const auto& r : read_csv(inputs / "fronts.csv")) keep.insert(r.at("district"));
            for (auto it = b.districts.begin(); it != b.districts.end();)
                it = keep.count(it->first) ? std::next(it) : b.districts.erase(it);
            Geom covered = empty();
            for (auto& [name, g] : b.districts) covered = unite(covered, g);
            Geom rest = diff(b.universe, covered);
            for (int i = 0; i < GEOSGetNumGeometries_r(ctx, rest.get()); ++i) {
                Geom part = check(GEOSGeom_clone_r(ctx, GEOSGetGeometryN_r(ctx, rest.get(), i)), "part");
                std::string best;
                double best_d = 1e9;
                for (auto& [name, g] : b.districts) {
                    double d = 0;
                    GEOSDistance_r(ctx, part.get(), g.get(), &d);
                    if (d < best_d) best_d = d, best = name;
                }
                if (!best.empty()) b.districts[best] = unite(b.districts[best], part);
                std::fprintf(stderr, "  zone part of %.1f km2 outside the conflict districts -> %s\n", area(part),
                             best.c_str());
            }
        }
        for (auto& r : read_csv(inputs / "fronts.csv")) b.fronts[r.at("district")] = r;
        std::map<char, std::vector<Xy>> routes;
        for (auto& r : read_csv(inputs / "routes.csv"))
            routes[r.at("route").at(0)].push_back(to_local(num(r, "lon"), num(r, "lat")));
        // The corridor strip: 2.5 km each side of the road, inside the disputed area, never over Shusha
        // town (held by Azerbaijan from 8 Nov 2020; the road passed below it) nor Karin Tak (Dashalti),
        // below the town, taken on 9 Nov 2020 as well (settlements.csv); and ending square at the
        // edge of Khankendi/Stepanakert, where the road arrives (the route's last vertex is the city
        // centre: a round end cap there drew a 5-km blob over the city, hiding who held it).
        const Geom shusha =
            unite(buffer(local_point(39.76006, 46.74989), 2.0), buffer(local_point(39.74167, 46.74917), 1.0));
        const Geom khankendi = buffer(local_point(39.8177, 46.7528), 2.0);
        for (auto& [id, pts] : routes) {
            const Geom road = check(GEOSDifference_r(ctx, line(pts).get(), khankendi.get()), "difference");
            b.strips[id] = diff(inter(strip(road, 2.5), b.universe), shusha);
        }
        for (auto& r : read_csv(inputs / "events.csv")) {
            Event e{r.at("date"),  r.at("place"), r.at("district"), r.at("from"),      r.at("to"),
                    r.at("model"), r.at("how"),   r.at("source"),   r.at("confidence")};
            if (e.model == "corridor")
                e.route = r.at("lat");
            else
                e.lat = num(r, "lat");
            e.lon = num(r, "lon");
            e.radius = num(r, "radius_km");
            e.villages = num(r, "villages");
            b.events.push_back(std::move(e));
        }
        // Land the Armenian side held only before the 1994 ceasefire (Horadiz, Oct 1993 - Jan 1994) joins the
        // mapped area so that its periods can say so.
        for (const auto& e : b.events)
            if (e.model == "disc" && e.to == "armenian")
                b.universe =
                    unite(b.universe, inter(buffer(local_point(e.lat, e.lon), e.radius), unite(b.aze_all, b.arm_all)));
        for (auto& r : read_csv(inputs / "settlements.csv")) {
            if (r.at("lat").empty() || r.at("name") == without) continue;
            Settlement st{r.at("name"), r.at("district"), r.at("date"), r.at("role"), num(r, "lat"), num(r, "lon"), {}};
            b.settlements.push_back(std::move(st));
        }
        if (loo) {
            b.grid_loo();
            return 0;
        }
        b.make_cells();
        std::stable_sort(b.events.begin(), b.events.end(),
                         [](const Event& x, const Event& y) { return x.date < y.date; });
        std::fprintf(stderr, "zone %.0f km2, NKAO %.0f km2, %zu districts, %zu events\n", area(b.zone), area(b.nkao),
                     b.districts.size(), b.events.size());

        std::vector<Snapshot> snaps = b.run();

        // The peacekeepers' area in Nagorno-Karabakh: what Armenians held once the handovers and the
        // December 2020 Hadrut fighting were over, without the corridor strips (added per date).
        Geom pk_nk = empty();
        for (const auto& s : snaps)
            if (s.date <= "2020-12-12") pk_nk = clone(s.arm);
        // Strips inside the NKAO stay in the zone (Stepanakert and Karin Tak were peacekeeping area after
        // the corridor closed in September 2023).
        for (auto& [id, strip] : b.strips) pk_nk = diff(pk_nk, diff(strip, b.nkao));

        auto classes = [&](const Snapshot& s) {
            std::vector<Geom> c(kClsCount);
            const Geom pk = s.pk ? unite(pk_nk, s.corridor) : empty();
            const Geom az = diff(b.universe, s.arm);
            c[ArmControl] = diff(s.arm, pk);
            c[ArmPk] = diff(inter(s.arm, pk), s.corridor);
            c[ArmCorridor] = inter(s.corridor, s.arm);
            c[AzPk] = inter(az, pk);
            c[AzControl] = diff(az, pk);
            return c;
        };

        std::vector<Piece> pieces;
        std::vector<Period> periods;
        {
            auto c = classes(snaps.front());
            for (int k = 0; k < kClsCount; ++k)
                if (area(c[k]) > kMinArea) pieces.push_back({std::move(c[k]), k, snaps.front().date, 0});
        }
        auto events_of = [&](const std::string& date) {
            std::vector<std::size_t> out;
            for (std::size_t i = 0; i < b.events.size(); ++i)
                if (b.events[i].date == date) out.push_back(i);
            return out;
        };
        for (std::size_t si = 1; si < snaps.size(); ++si) {
            const Snapshot& s = snaps[si];
            const auto c = classes(s);
            const auto evs = events_of(s.date);
            const bool relabel =
                std::any_of(evs.begin(), evs.end(), [&](std::size_t i) { return b.events[i].model == "relabel"; });
            std::vector<Piece> next;
            for (auto& p : pieces) {
                for (int k = 0; k < kClsCount; ++k) {
                    const bool same = k == p.cls;
                    if (same && !(relabel && (k == AzPk))) continue;
                    Geom moved = inter(p.geom, c[k]);
                    if (area(moved) <= kMinArea) continue;
                    periods.push_back({clone(moved), p.cls, p.since, s.date, p.event});
                    p.geom = diff(p.geom, moved);
                    // Attribute each part of the change to the event of that date whose area it is in.
                    for (std::size_t ei : evs) {
                        if (is_empty(moved)) break;
                        const Geom part = inter(moved, b.events[ei].region);
                        if (area(part) <= kMinArea) continue;
                        next.push_back({clone(part), k, s.date, ei});
                        moved = diff(moved, part);
                    }
                    if (area(moved) > kMinArea) next.push_back({std::move(moved), k, s.date, evs.front()});
                }
                if (area(p.geom) > kMinArea) next.push_back(std::move(p));
            }
            // Merge pieces that share class, start and event (keeps the piece count small).
            std::map<std::tuple<int, std::string, std::size_t>, Geom> merged;
            for (auto& p : next) {
                auto key = std::make_tuple(p.cls, p.since, p.event);
                auto it = merged.find(key);
                if (it == merged.end())
                    merged.emplace(key, std::move(p.geom));
                else
                    it->second = unite(it->second, p.geom);
            }
            pieces.clear();
            for (auto& [key, g] : merged)
                pieces.push_back({std::move(g), std::get<0>(key), std::get<1>(key), std::get<2>(key)});
            std::fprintf(stderr, "  %s: %zu pieces, %zu periods so far\n", s.date.c_str(), pieces.size(),
                         periods.size());
        }
        for (auto& p : pieces) periods.push_back({std::move(p.geom), p.cls, p.since, "", p.event});
        // One feature per (class, from, to, event).
        std::map<std::tuple<int, std::string, std::string, std::size_t>, Geom> out_periods;
        for (auto& p : periods) {
            auto key = std::make_tuple(p.cls, p.from, p.to, p.event);
            auto it = out_periods.find(key);
            if (it == out_periods.end())
                out_periods.emplace(key, std::move(p.geom));
            else
                it->second = unite(it->second, p.geom);
        }

        // -----------------------------------------------------------------------------------------
        // [SECTION] output
        // -----------------------------------------------------------------------------------------
        const fs::path tmp = output.parent_path() / (output.stem().string() + ".tmp.gpkg");
        fs::remove(tmp);
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr out(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!out) throw std::runtime_error(tmp.string() + ": cannot create");
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        auto add_field = [](OGRLayer* l, const char* name, OGRFieldType t) {
            OGRFieldDefn f(name, t);
            l->CreateField(&f);
        };
        auto set_date = [](OGRFeature& f, const char* field, const std::string& iso) {
            if (iso.empty()) return;
            f.SetField(field, std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
        };

        OGRLayer* lp = out->CreateLayer("control_periods", &wgs84, wkbMultiPolygon, nullptr);
        for (const char* f : {"valid_from", "valid_to"}) add_field(lp, f, OFTDate);
        for (const char* f : {"controller", "kind", "place", "source", "confidence"}) add_field(lp, f, OFTString);
        ogr_ok(lp->StartTransaction(), "StartTransaction");
        std::size_t n_periods = 0;
        for (auto& [key, g] : out_periods) {
            if (area(g) <= kMinArea) continue;
            const auto& [cls, from, to, ei] = key;
            const Event& e = b.events[ei];
            OGRFeature f(lp->GetLayerDefn());
            set_date(f, "valid_from", from);
            set_date(f, "valid_to", to);
            f.SetField("controller", cls_controller(cls));
            f.SetField("kind", cls_kind(cls));
            f.SetField("place", e.place.c_str());
            f.SetField("source", e.source.c_str());
            // Peacekeeping and corridor limits are digitised by hand: never better than medium.
            std::string conf = e.confidence;
            if ((cls == ArmCorridor || cls == ArmPk || cls == AzPk) && conf == "high") conf = "medium";
            f.SetField("confidence", conf.c_str());
            f.SetGeometryDirectly(to_ogr(g).release());
            ogr_ok(lp->CreateFeature(&f), "CreateFeature");
            ++n_periods;
        }
        n_periods += write_held_across_both(b, inputs, *lp, set_date);
        ogr_ok(lp->CommitTransaction(), "CommitTransaction");

        OGRLayer* lc = out->CreateLayer("control_changes", &wgs84, wkbPoint, nullptr);
        add_field(lc, "date", OFTDate);
        for (const char* f : {"place", "district", "from", "to", "how", "source", "confidence"})
            add_field(lc, f, OFTString);
        ogr_ok(lc->StartTransaction(), "StartTransaction");
        for (const auto& e : b.events) {
            OGRFeature f(lc->GetLayerDefn());
            set_date(f, "date", e.date);
            f.SetField("place", e.place.c_str());
            f.SetField("district", e.district.c_str());
            f.SetField("from", e.from.c_str());
            f.SetField("to", e.to.c_str());
            f.SetField("how", e.how.c_str());
            f.SetField("source", e.source.c_str());
            f.SetField("confidence", e.confidence.c_str());
            OGRPoint pt;
            if (e.lat != 0) {
                pt = OGRPoint(e.lon, e.lat);
            } else {
                const Geom& where = is_empty(e.region) ? b.universe : e.region;
                Geom s = check(GEOSPointOnSurface_r(ctx, where.get()), "point on surface");
                double x = 0, y = 0;
                GEOSGeomGetX_r(ctx, s.get(), &x);
                GEOSGeomGetY_r(ctx, s.get(), &y);
                to_lonlat_cb(&x, &y, nullptr);
                pt = OGRPoint(std::round(x * 1e6) / 1e6, std::round(y * 1e6) / 1e6);
            }
            f.SetGeometry(&pt);
            ogr_ok(lc->CreateFeature(&f), "CreateFeature");
        }
        ogr_ok(lc->CommitTransaction(), "CommitTransaction");

        OGRLayer* lb = out->CreateLayer("control_background", &wgs84, wkbMultiPolygon, nullptr);
        add_field(lb, "controller", OFTString);
        add_field(lb, "source", OFTString);
        for (const auto& [a3, controller] : {std::pair{"AZE", "azerbaijan"}, std::pair{"ARM", "armenian"}}) {
            OGRFeature f(lb->GetLayerDefn());
            f.SetField("controller", controller);
            f.SetField("source",
                       "Natural Earth 10m admin-0 (international boundaries; ne10m_admin_caucasus.gpkg), corrected "
                       "by borders.csv");
            const bool aze = std::string(a3) == "AZE";
            const Geom country =
                diff(unite(aze ? b.aze_all : b.arm_all, aze ? b.to_aze : b.to_arm), aze ? b.to_arm : b.to_aze);
            f.SetGeometryDirectly(to_ogr(country).release());
            ogr_ok(lb->CreateFeature(&f), "CreateFeature");
        }

        OGRLayer* lv = out->CreateLayer("control_coverage", nullptr, wkbNone, nullptr);
        add_field(lv, "first_date", OFTDate);
        add_field(lv, "last_date", OFTDate);
        add_field(lv, "note", OFTString);
        {
            OGRFeature f(lv->GetLayerDefn());
            set_date(f, "first_date", b.events.front().date);
            set_date(f, "last_date", "2024-12-31");
            f.SetField("note",
                       "Data start on 1 Jan 1992 (1992-94 by district and town, approximate); the timeline was "
                       "reviewed to the end of 2024 (last change: peacekeepers withdrawn 12 Jun 2024).");
            ogr_ok(lv->CreateFeature(&f), "CreateFeature");
        }
        out.reset();
        fs::rename(tmp, output);
        std::fprintf(stderr, "wrote %s: %zu periods, %zu changes\n", output.c_str(), n_periods, b.events.size());
        GEOS_finish_r(ctx);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sitmap_build_control: error: %s\n", e.what());
        return 1;
    }
}
