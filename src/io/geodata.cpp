#include "io/geodata.hpp"

#include "core/error.hpp"
#include "io/gdal_features.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace sitmap::io {

using core::DiagCode;
using core::Severity;

void init_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // GDAL would print its own errors to stderr; we report them located, through Diagnostics.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

namespace {

std::string last_gdal_error(const char* fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : std::string(fallback);
}

core::Ring<core::LonLat> ring_of(const OGRLinearRing* ring) {
    core::Ring<core::LonLat> out;
    if (!ring) return out;
    out.reserve(static_cast<std::size_t>(ring->getNumPoints()));
    for (int i = 0; i < ring->getNumPoints(); ++i) out.push_back({ring->getX(i), ring->getY(i)});
    return out;
}

void collect(const OGRGeometry* g, core::Feature& f) {
    if (!g) return;
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPolygon: {
            const auto* p = g->toPolygon();
            core::Polygon<core::LonLat> poly{ring_of(p->getExteriorRing()), {}};
            for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.holes.push_back(ring_of(p->getInteriorRing(i)));
            if (poly.outer.size() >= 4) f.polygons.push_back(std::move(poly));
            break;
        }
        case wkbLineString: {
            const auto* l = g->toLineString();
            core::LineString<core::LonLat> line;
            for (int i = 0; i < l->getNumPoints(); ++i) line.push_back({l->getX(i), l->getY(i)});
            if (line.size() >= 2) f.lines.push_back(std::move(line));
            break;
        }
        case wkbPoint: {
            const auto* p = g->toPoint();
            f.points.push_back({p->getX(), p->getY()});
            break;
        }
        case wkbMultiPolygon:
        case wkbMultiLineString:
        case wkbMultiPoint:
        case wkbGeometryCollection: {
            const auto* c = g->toGeometryCollection();
            for (int i = 0; i < c->getNumGeometries(); ++i) collect(c->getGeometryRef(i), f);
            break;
        }
        default:
            break;
    }
}

bool feature_matches(const core::Feature& f, core::GeometryKind kind) {
    switch (kind) {
        case core::GeometryKind::Polygon:
            return !f.polygons.empty();
        case core::GeometryKind::Line:
            return !f.lines.empty() || !f.polygons.empty();
        case core::GeometryKind::Point:
            return !f.points.empty();
    }
    return false;
}

}  // namespace

std::optional<core::VectorLayer> load_vector_layer(const std::filesystem::path& path, const std::string& layer_name,
                                                   core::GeometryKind kind, core::Diagnostics& diags) {
    init_gdal();
    const std::string p = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        diags.add(Severity::Error, DiagCode::FileMissing, p, fmt::format("layer '{}'", layer_name),
                  "file not found; the layer is not shown");
        return std::nullopt;
    }
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR | GDAL_OF_READONLY));
    if (!ds) {
        diags.add(Severity::Error, DiagCode::FileUnreadable, p, fmt::format("layer '{}'", layer_name),
                  fmt::format("cannot open as vector data: {}", last_gdal_error("unknown format or corrupt file")));
        return std::nullopt;
    }
    OGRLayer* layer = ds->GetLayerByName(layer_name.c_str());
    if (!layer) {
        diags.add(Severity::Error, DiagCode::LayerMissing, p, fmt::format("layer '{}'", layer_name),
                  "layer not found in the file");
        return std::nullopt;
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && !srs->IsSame(&wgs84)) {
        OGRSpatialReference src(*srs);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        to_wgs84.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
    }

    core::VectorLayer out{p, layer_name, kind, {}};
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    // read_features reports GDAL errors met while reading and a file that ends short of its count.
    read_features(*layer, p, diags, [&](OGRFeature& feature) {
        core::Feature f;
        f.fid = feature.GetFID();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (feature.IsFieldSetAndNotNull(i))
                f.attributes[defn->GetFieldDefn(i)->GetNameRef()] = feature.GetFieldAsString(i);
        const OGRGeometry* geom = feature.GetGeometryRef();
        OGRGeometryUniquePtr transformed;
        if (geom && to_wgs84) {
            transformed.reset(geom->clone());
            if (transformed->transform(to_wgs84.get()) != OGRERR_NONE) {
                diags.add(Severity::Warning, DiagCode::FeatureInvalid, p,
                          fmt::format("layer '{}' feature {}", layer_name, f.fid), "cannot reproject to EPSG:4326");
                return;
            }
            geom = transformed.get();
        }
        collect(geom, f);
        if (!feature_matches(f, kind)) {
            diags.add(Severity::Warning, DiagCode::FeatureInvalid, p,
                      fmt::format("layer '{}' feature {}", layer_name, f.fid),
                      geom ? "geometry of the wrong type or empty; skipped" : "no geometry; skipped");
            return;
        }
        out.features.push_back(std::move(f));
    });
    return out;
}

std::optional<core::GreyRaster> load_grey_raster(const std::filesystem::path& path, core::Diagnostics& diags) {
    init_gdal();
    const std::string p = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        diags.add(Severity::Error, DiagCode::FileMissing, p, "layer 'hillshade'", "file not found; relief not shown");
        return std::nullopt;
    }
    CPLErrorReset();
    GDALDatasetUniquePtr ds(GDALDataset::Open(p.c_str(), GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR | GDAL_OF_READONLY));
    if (!ds || ds->GetRasterCount() < 1) {
        diags.add(Severity::Error, DiagCode::FileUnreadable, p, "layer 'hillshade'",
                  fmt::format("cannot open as a raster: {}", last_gdal_error("unknown format or corrupt file")));
        return std::nullopt;
    }
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None || gt[2] != 0.0 || gt[4] != 0.0 || gt[5] >= 0) {
        diags.add(Severity::Error, DiagCode::RasterInvalid, p, "layer 'hillshade'",
                  "raster has no north-up geotransform");
        return std::nullopt;
    }
    core::GreyRaster r;
    r.path = p;
    r.width = ds->GetRasterXSize();
    r.height = ds->GetRasterYSize();
    r.extent = core::GeoBox{gt[0], gt[3] + gt[5] * r.height, gt[0] + gt[1] * r.width, gt[3]};
    r.pixels.resize(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height));
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, r.width, r.height, r.pixels.data(), r.width, r.height, GDT_Byte,
                                       0, 0) != CE_None) {
        diags.add(Severity::Error, DiagCode::FileUnreadable, p, "layer 'hillshade'",
                  fmt::format("cannot read pixels: {}", last_gdal_error("read error")));
        return std::nullopt;
    }
    return r;
}

core::BaseData load_base_data(const std::filesystem::path& geodata_dir, core::Diagnostics& diags) {
    core::BaseData data;
    for (const auto& spec : core::base_layer_specs())
        if (auto layer = load_vector_layer(geodata_dir / spec.file, spec.layer, spec.kind, diags))
            data.vectors.emplace(spec.key, std::move(*layer));
    data.hillshade = load_grey_raster(geodata_dir / core::kHillshadeFile, diags);
    return data;
}

// ---------------------------------------------------------------------------------------------
// Triangulation with GEOS constrained Delaunay (GEOS >= 3.10). Runs once per polygon at load.

namespace {

struct GeosContext {
    GEOSContextHandle_t h = GEOS_init_r();
    ~GeosContext() { GEOS_finish_r(h); }
};

GEOSGeometry* make_ring(GEOSContextHandle_t h, const core::Ring<core::WorldXY>& ring) {
    const auto n = static_cast<unsigned>(ring.size());
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n + 1, 2);
    for (unsigned i = 0; i <= n; ++i) {
        const auto& p = ring[i % n];
        GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

void append_triangles(GEOSContextHandle_t h, const GEOSGeometry* tris, core::Mesh& out) {
    const int n = GEOSGetNumGeometries_r(h, tris);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris, i);
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, tri);
        const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
        if (!seq) continue;
        double x[3], y[3];
        for (unsigned k = 0; k < 3; ++k) GEOSCoordSeq_getXY_r(h, seq, k, &x[k], &y[k]);
        const double area2 = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
        if (area2 == 0) continue;
        const auto base = static_cast<std::uint32_t>(out.vertices.size());
        for (unsigned k = 0; k < 3; ++k) out.vertices.emplace_back(x[k], y[k]);
        // Counter-clockwise winding for every triangle.
        if (area2 > 0)
            out.indices.insert(out.indices.end(), {base, base + 1, base + 2});
        else
            out.indices.insert(out.indices.end(), {base, base + 2, base + 1});
    }
}

}  // namespace

bool triangulate_polygon(const core::Polygon<core::WorldXY>& polygon, core::Mesh& out) {
    if (polygon.outer.size() < 3) return false;
    thread_local GeosContext ctx;
    GEOSContextHandle_t h = ctx.h;
    std::vector<GEOSGeometry*> holes;
    for (const auto& hole : polygon.holes)
        if (hole.size() >= 3) holes.push_back(make_ring(h, hole));
    GEOSGeometry* poly =
        GEOSGeom_createPolygon_r(h, make_ring(h, polygon.outer), holes.data(), static_cast<unsigned>(holes.size()));
    if (!poly) return false;
    if (GEOSisValid_r(h, poly) != 1) {
        GEOSGeometry* valid = GEOSMakeValid_r(h, poly);
        GEOSGeom_destroy_r(h, poly);
        poly = valid;
        if (!poly) return false;
    }
    core::Mesh mesh;
    auto triangulate_part = [&](const GEOSGeometry* part) {
        const int type = GEOSGeomTypeId_r(h, part);
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) return;
        if (GEOSGeometry* tris = GEOSConstrainedDelaunayTriangulation_r(h, part)) {
            append_triangles(h, tris, mesh);
            GEOSGeom_destroy_r(h, tris);
        }
    };
    if (GEOSGeomTypeId_r(h, poly) == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(h, poly); ++i) triangulate_part(GEOSGetGeometryN_r(h, poly, i));
    } else {
        triangulate_part(poly);
    }
    GEOSGeom_destroy_r(h, poly);
    if (mesh.indices.empty()) return false;
    out = std::move(mesh);
    return true;
}

core::WorldXY proj_transform(const std::string& proj_string, core::LonLat p) {
    init_gdal();
    OGRSpatialReference src, dst;
    src.importFromEPSG(4326);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (dst.importFromProj4(proj_string.c_str()) != OGRERR_NONE)
        throw fmt_error("invalid PROJ string '{}'", proj_string);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
    if (!ct) throw fmt_error("PROJ cannot transform EPSG:4326 to '{}'", proj_string);
    double x = p.lon, y = p.lat;
    if (!ct->Transform(1, &x, &y)) throw fmt_error("PROJ failed to transform ({}, {})", p.lon, p.lat);
    return {x, y};
}

}  // namespace sitmap::io
