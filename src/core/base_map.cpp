#include "core/base_map.hpp"

#include "core/user_views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sitmap::core {

const std::vector<GeodataLayerSpec>& base_layer_specs() {
    static const std::vector<GeodataLayerSpec> specs{
        {"countries", "admin.gpkg", "countries", GeometryKind::Polygon},
        {"admin1", "admin.gpkg", "admin1", GeometryKind::Polygon},
        {"boundaries", "admin.gpkg", "boundaries", GeometryKind::Line},
        {"nkao_1991", "karabakh_reference.gpkg", "nkao_1991_boundary", GeometryKind::Line},
        {"loc_1994", "karabakh_reference.gpkg", "line_of_contact_1994", GeometryKind::Line},
        {"nk_area_1994", "karabakh_reference.gpkg", "nk_de_facto_area_1994_2020", GeometryKind::Polygon},
        {"rivers", "water.gpkg", "rivers", GeometryKind::Line},
        {"lakes", "water.gpkg", "lakes", GeometryKind::Polygon},
        {"coastline", "water.gpkg", "coastline", GeometryKind::Line},
        {"seas", "water.gpkg", "seas", GeometryKind::Point},
        {"places", "places.gpkg", "places", GeometryKind::Point},
    };
    return specs;
}

bool far_outside_region(LonLat p, double margin_deg) {
    const GeoBox r = *named_view("region");
    return p.lon < r.min_x - margin_deg || p.lon > r.max_x + margin_deg || p.lat < r.min_y - margin_deg ||
           p.lat > r.max_y + margin_deg;
}

void flag_events_outside_region(const std::vector<Event>& events, Diagnostics& diags) {
    constexpr std::size_t kListed = 10;
    std::size_t n = 0;
    for (const Event& e : events) {
        if (!e.has_position || !far_outside_region(e.position)) continue;
        if (++n > kListed) continue;
        diags.add(Severity::Warning, DiagCode::PlaceOutsideRegion, e.source.document, e.id,
                  fmt::format("placed at '{}' ({:.4f}, {:.4f}), far outside the map's region (check the place); "
                              "kept out of the events layer's extent",
                              e.place, e.position.lat, e.position.lon));
    }
    if (n > kListed)
        diags.add(Severity::Warning, DiagCode::PlaceOutsideRegion, "events", "",
                  fmt::format("{} events in all are placed far outside the map's region (the first {} are listed)", n,
                              kListed));
}

const std::vector<std::string>& map_layer_ids() {
    static const std::vector<std::string> ids{"land",     "hillshade",  "nk_area_1994", "lakes",        "rivers",
                                              "places",   "names",      "coastline",    "admin1",       "nkao_1991",
                                              "loc_1994", "boundaries", "control",      "control_lines"};
    return ids;
}

std::string default_attribution() {
    return "Made with Natural Earth \u00b7 GeoNames (CC BY 4.0) \u00b7 ETOPO5 NOAA NGDC \u00b7 "
           "boundaries approximate \u00b7 sitmap";
}

std::optional<GeoBox> named_view(const std::string& name) {
    for (const NamedView& v : builtin_views())
        if (v.name == name) return v.box;
    return std::nullopt;
}

WorldBox project_box(const Projector& projector, const GeoBox& box) {
    WorldBox out;
    constexpr int kSteps = 16;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double lon = box.min_x + t * box.width(), lat = box.min_y + t * box.height();
        for (const LonLat p :
             {LonLat{lon, box.min_y}, LonLat{lon, box.max_y}, LonLat{box.min_x, lat}, LonLat{box.max_x, lat}}) {
            const WorldXY w = projector.forward(p);
            out.extend(w.x, w.y);
        }
    }
    return out;
}

namespace {

// ---- palette: a quiet reference-map style (warm land, soft water, violet-grey borders) ----
constexpr Rgba kFocusLand = rgb(0xf5f1e6);
constexpr Rgba kOtherLand = rgb(0xe4e1da);
constexpr Rgba kWater = rgb(0xb5d0e2);
constexpr Rgba kRiver = rgb(0x6d9ec6);
constexpr Rgba kCoast = rgb(0x7ea6c3);
constexpr Rgba kBorder = rgb(0x85718a);
constexpr Rgba kBorderCasing = rgb(0xd5c6d8, 0.8f);
constexpr Rgba kAdmin1 = rgb(0xa7999f, 0.9f);
constexpr Rgba kNkao = rgb(0x5f4b8b);
constexpr Rgba kLoc1994 = rgb(0xa8473b);
constexpr Rgba kNkArea = rgb(0xc9a27e, 0.35f);

}  // namespace

Ring<WorldXY> project_ring(const Projector& pr, const Ring<LonLat>& ring) {
    Ring<WorldXY> out;
    out.reserve(ring.size());
    for (const auto& p : ring) {
        const WorldXY w = pr.forward(p);
        if (!out.empty() && std::abs(out.back().x - w.x) < 1e-3 && std::abs(out.back().y - w.y) < 1e-3) continue;
        out.push_back(w);
    }
    if (out.size() > 1 && std::abs(out.front().x - out.back().x) < 1e-3 &&
        std::abs(out.front().y - out.back().y) < 1e-3)
        out.pop_back();
    return out;
}

Polygon<WorldXY> project_polygon(const Projector& pr, const Polygon<LonLat>& poly) {
    Polygon<WorldXY> out{project_ring(pr, poly.outer), {}};
    for (const auto& h : poly.holes) {
        auto ring = project_ring(pr, h);
        if (ring.size() >= 3) out.holes.push_back(std::move(ring));
    }
    return out;
}

namespace {

void add_fill(SceneLayer& layer, const VectorLayer& src, const Projector& pr, const Triangulator& triangulate,
              Diagnostics& diags, const std::function<Rgba(const Feature&)>& color_of) {
    for (const auto& f : src.features) {
        FillPart part;
        part.color = color_of(f);
        for (const auto& poly : f.polygons) {
            const auto projected = project_polygon(pr, poly);
            if (projected.outer.size() < 3) continue;
            Mesh mesh;
            if (!triangulate(projected, mesh)) {
                diags.add(Severity::Warning, DiagCode::TriangulationFailed, src.path,
                          fmt::format("layer '{}' feature {}", src.name, f.fid), "polygon could not be triangulated");
                continue;
            }
            part.append(mesh);
        }
        if (!part.mesh.indices.empty()) layer.fills.push_back(std::move(part));
    }
}

MultiLineString<WorldXY> project_lines(const Projector& pr, const VectorLayer& src,
                                       const std::function<bool(const Feature&)>& keep = {}) {
    MultiLineString<WorldXY> out;
    for (const auto& f : src.features) {
        if (keep && !keep(f)) continue;
        for (const auto& line : f.lines) {
            LineString<WorldXY> l;
            for (const auto& p : line) l.push_back(pr.forward(p));
            if (l.size() >= 2) out.push_back(std::move(l));
        }
        for (const auto& poly : f.polygons) {  // polygon outlines as closed lines
            auto add_ring = [&](const Ring<LonLat>& r) {
                LineString<WorldXY> l;
                for (const auto& p : r) l.push_back(pr.forward(p));
                if (l.size() >= 2) {
                    if (l.front().x != l.back().x || l.front().y != l.back().y) l.push_back(l.front());
                    out.push_back(std::move(l));
                }
            };
            add_ring(poly.outer);
            for (const auto& h : poly.holes) add_ring(h);
        }
    }
    return out;
}

SceneLayer line_layer(std::string id, std::string title, const VectorLayer& src, LineStyle style, const Projector& pr) {
    SceneLayer layer{.id = std::move(id), .title = std::move(title), .source = src.path, .kind = LayerKind::Line};
    layer.line_styles.push_back(style);
    layer.lines.push_back(build_line_lods(project_lines(pr, src)));
    return layer;
}

// Label anchor of a country: centroid of its largest polygon part (outer ring), in lon/lat.
std::optional<std::pair<LonLat, double>> largest_part_centroid(const Feature& f) {
    double best = 0;
    std::optional<std::pair<LonLat, double>> out;
    for (const auto& poly : f.polygons) {
        const double a = std::abs(signed_area(poly.outer));
        if (a <= best) continue;
        double cx = 0, cy = 0, a2 = 0;
        const auto& r = poly.outer;
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            const double cross = r[j].lon * r[i].lat - r[i].lon * r[j].lat;
            a2 += cross;
            cx += (r[j].lon + r[i].lon) * cross;
            cy += (r[j].lat + r[i].lat) * cross;
        }
        if (std::abs(a2) < 1e-12) continue;
        best = a;
        out = std::make_pair(LonLat{cx / (3 * a2), cy / (3 * a2)}, a);
    }
    return out;
}

}  // namespace

std::vector<LineLod> build_line_lods(const MultiLineString<WorldXY>& lines) {
    // Tolerances in metres; the renderer uses the coarsest one below ~half a pixel.
    static constexpr double kTolerances[] = {0.0, 150.0, 600.0, 2500.0};
    std::vector<LineLod> lods;
    for (double tol : kTolerances) {
        LineLod lod{tol, {}};
        for (const auto& line : lines) {
            const auto simple = tol > 0 ? simplify(line, tol) : line;
            double along = 0;
            for (std::size_t i = 1; i < simple.size(); ++i) {
                const auto& a = simple[i - 1];
                const auto& b = simple[i];
                lod.segments.push_back({glm::vec2(a.x, a.y), glm::vec2(b.x, b.y), static_cast<float>(along)});
                along += std::hypot(b.x - a.x, b.y - a.y);
            }
        }
        lods.push_back(std::move(lod));
    }
    return lods;
}

Scene build_base_scene(const BaseData& data, const Projector& pr, const Triangulator& triangulate, Diagnostics& diags) {
    Scene scene;
    scene.bounds = project_box(pr, kRegionBox);
    scene.attribution = default_attribution();
    auto get = [&](const char* key) -> const VectorLayer* {
        auto it = data.vectors.find(key);
        return it == data.vectors.end() ? nullptr : &it->second;
    };

    if (const auto* countries = get("countries")) {
        SceneLayer land{.id = "land", .title = "Land", .source = countries->path, .kind = LayerKind::Fill};
        land.land_mask = true;
        add_fill(land, *countries, pr, triangulate, diags, [](const Feature& f) {
            const auto a3 = f.attr("adm0_a3");
            return (a3 == "AZE" || a3 == "ARM" || a3 == "GEO") ? kFocusLand : kOtherLand;
        });
        scene.layers.push_back(std::move(land));
    }
    if (data.hillshade) {
        SceneLayer shade{
            .id = "hillshade", .title = "Relief shading", .source = data.hillshade->path, .kind = LayerKind::Raster};
        shade.opacity = 0.7f;
        shade.raster = *data.hillshade;
        // A projected grid every ~0.1 degree: the LCC curves meridians, so a single quad would not do.
        const auto& e = shade.raster.extent;
        const int nx = std::max(2, static_cast<int>(e.width() / 0.1) + 1);
        const int ny = std::max(2, static_cast<int>(e.height() / 0.1) + 1);
        for (int j = 0; j < ny; ++j) {
            for (int i = 0; i < nx; ++i) {
                const double u = static_cast<double>(i) / (nx - 1), v = static_cast<double>(j) / (ny - 1);
                const WorldXY w = pr.forward({e.min_x + u * e.width(), e.max_y - v * e.height()});
                shade.raster_grid.vertices.emplace_back(w.x, w.y);
                shade.raster_uv.emplace_back(u, v);
            }
        }
        for (int j = 0; j + 1 < ny; ++j) {
            for (int i = 0; i + 1 < nx; ++i) {
                const auto a = static_cast<std::uint32_t>(j * nx + i), b = a + 1;
                const auto c = static_cast<std::uint32_t>(a + static_cast<std::uint32_t>(nx)), d = c + 1;
                shade.raster_grid.indices.insert(shade.raster_grid.indices.end(), {a, c, b, b, c, d});
            }
        }
        scene.layers.push_back(std::move(shade));
    }
    if (const auto* area = get("nk_area_1994")) {
        SceneLayer layer{.id = "nk_area_1994",
                         .title = "Armenian-held area 1994\u20132020 (reference)",
                         .source = area->path,
                         .kind = LayerKind::Fill};
        layer.visible = false;
        layer.in_legend = true;
        add_fill(layer, *area, pr, triangulate, diags, [](const Feature&) { return kNkArea; });
        scene.layers.push_back(std::move(layer));
    }
    if (const auto* lakes = get("lakes")) {
        SceneLayer layer{.id = "lakes", .title = "Lakes", .source = lakes->path, .kind = LayerKind::Fill};
        add_fill(layer, *lakes, pr, triangulate, diags, [](const Feature&) { return kWater; });
        layer.line_styles.push_back({.width_px = 0.7f, .color = kCoast});
        layer.lines.push_back(build_line_lods(project_lines(pr, *lakes)));
        scene.layers.push_back(std::move(layer));
    }
    if (const auto* rivers = get("rivers")) {
        SceneLayer layer{.id = "rivers", .title = "Rivers", .source = rivers->path, .kind = LayerKind::Line};
        for (int rank = 1; rank <= 3; ++rank) {
            const float width = rank == 1 ? 1.7f : rank == 2 ? 1.1f : 0.7f;
            layer.line_styles.push_back({.width_px = width, .color = kRiver});
            layer.lines.push_back(build_line_lods(project_lines(pr, *rivers, [rank](const Feature& f) {
                return std::clamp(static_cast<int>(f.number("rank", 3)), 1, 3) == rank;
            })));
        }
        scene.layers.push_back(std::move(layer));
    }
    if (const auto* coast = get("coastline"))
        scene.layers.push_back(line_layer("coastline", "Coastline", *coast, {.width_px = 0.9f, .color = kCoast}, pr));
    if (const auto* admin1 = get("admin1"))
        scene.layers.push_back(line_layer("admin1", "Districts (AZ) and provinces (AM)", *admin1,
                                          {.width_px = 0.7f, .color = kAdmin1, .dash_px = 4, .gap_px = 2}, pr));
    if (const auto* nkao = get("nkao_1991")) {
        auto layer = line_layer("nkao_1991", "NKAO boundary (1991)", *nkao,
                                {.width_px = 1.4f, .color = kNkao, .dash_px = 7, .gap_px = 3}, pr);
        layer.in_legend = true;
        scene.layers.push_back(std::move(layer));
    }
    if (const auto* loc = get("loc_1994")) {
        auto layer = line_layer("loc_1994", "Line of contact (1994\u20132020)", *loc,
                                {.width_px = 1.6f, .color = kLoc1994, .dash_px = 2, .gap_px = 3}, pr);
        layer.in_legend = true;
        scene.layers.push_back(std::move(layer));
    }
    if (const auto* borders = get("boundaries")) {
        auto layer =
            line_layer("boundaries", "International boundaries", *borders,
                       {.width_px = 1.3f, .color = kBorder, .casing_px = 5.0f, .casing_color = kBorderCasing}, pr);
        layer.in_legend = true;
        scene.layers.push_back(std::move(layer));
    }
    if (const auto* places = get("places")) {
        SceneLayer layer{.id = "places", .title = "Places", .source = places->path, .kind = LayerKind::Places};
        for (const auto& f : places->features) {
            if (f.points.empty()) continue;
            Place p;
            p.lonlat = f.points.front();
            p.pos = pr.forward(p.lonlat);
            p.name = f.attr("name_en");
            if (p.name.empty()) continue;
            p.name_alt = f.attr("name_alt");
            p.name_local = f.attr("name_local");
            p.rank = static_cast<int>(f.number("rank", 5));
            p.population = f.number("population", 0);
            layer.places.push_back(std::move(p));
        }
        // Priority order for label placement: rank, then population.
        std::stable_sort(layer.places.begin(), layer.places.end(), [](const Place& a, const Place& b) {
            return a.rank != b.rank ? a.rank < b.rank : a.population > b.population;
        });
        scene.layers.push_back(std::move(layer));
    }
    SceneLayer texts{.id = "names", .title = "Country and water names", .kind = LayerKind::Texts};
    if (const auto* countries = get("countries")) {
        texts.source = countries->path;
        for (const auto& f : countries->features) {
            const auto anchor = largest_part_centroid(f);
            if (!anchor || anchor->second < 0.5) continue;  // skip slivers cut by the data's bbox
            texts.texts.push_back(
                {pr.forward(anchor->first), f.attr("name_en", f.attr("adm0_a3")), TextRole::Country, 250.0, 1e9});
        }
    }
    if (const auto* seas = get("seas"))
        for (const auto& f : seas->features)
            if (!f.points.empty())
                texts.texts.push_back({pr.forward(f.points.front()), f.attr("name"), TextRole::Water, 200.0, 1e9});
    if (const auto* lakes = get("lakes"))
        for (const auto& f : lakes->features)
            if (const auto anchor = largest_part_centroid(f); anchor && !f.attr("name").empty())
                texts.texts.push_back({pr.forward(anchor->first), f.attr("name"), TextRole::Water, 0.0,
                                       anchor->second > 0.05 ? 2500.0 : 400.0});
    if (!texts.texts.empty()) scene.layers.push_back(std::move(texts));
    return scene;
}

}  // namespace sitmap::core
