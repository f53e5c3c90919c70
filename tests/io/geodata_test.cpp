#include "io/geodata.hpp"
#include "core/base_map.hpp"
#include "core/projector.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

using namespace sitmap;
namespace fs = std::filesystem;

static const fs::path kGeodata = fs::path(SITMAP_SOURCE_DIR) / "geodata";
static const fs::path kTestData = SITMAP_TESTDATA_DIR;

TEST_CASE("every shipped geodata layer loads through GDAL with features", "[io][geodata]") {
    for (const auto& spec : core::base_layer_specs()) {
        core::Diagnostics diags;
        INFO(spec.file << " / " << spec.layer);
        const auto layer = io::load_vector_layer(kGeodata / spec.file, spec.layer, spec.kind, diags);
        REQUIRE(layer);
        CHECK(layer->features.size() > 0);
        CHECK(diags.count() == 0);
    }
    core::Diagnostics diags;
    const auto shade = io::load_grey_raster(kGeodata / core::kHillshadeFile, diags);
    REQUIRE(shade);
    CHECK(shade->width > 500);
    CHECK(shade->extent.min_x == Approx(38.0));
    CHECK(shade->extent.max_y == Approx(44.0));
    CHECK(diags.empty());
}

TEST_CASE("shipped layers hold the places and features the map promises", "[io][geodata]") {
    core::Diagnostics diags;
    const auto data = io::load_base_data(kGeodata, diags);
    CHECK(diags.empty());
    auto has = [&](const char* key, const char* field, const char* value) {
        for (const auto& f : data.vectors.at(key).features)
            if (f.attr(field) == value) return true;
        return false;
    };
    CHECK(has("countries", "adm0_a3", "AZE"));
    CHECK(has("countries", "adm0_a3", "ARM"));
    CHECK(has("countries", "adm0_a3", "GEO"));
    CHECK(has("rivers", "name", "Aras"));
    CHECK(has("rivers", "name", "Kura"));
    CHECK(has("rivers", "name", "Tartar"));
    CHECK(has("rivers", "name", "Vorotan"));
    CHECK(has("lakes", "name", "Lake Sevan"));
    CHECK(has("places", "name_en", "Baku"));
    CHECK(has("places", "name_en", "Yerevan"));
    CHECK(has("places", "name_en", "Khankendi"));
    // Local script names: Armenian for Yerevan, Azerbaijani Latin with ə for Khankendi.
    for (const auto& f : data.vectors.at("places").features) {
        if (f.attr("name_en") == "Yerevan") CHECK(f.attr("name_local") == "Երևան");
        if (f.attr("name_en") == "Khankendi") CHECK(f.attr("name_alt") == "Stepanakert");
    }
    CHECK(data.vectors.at("nkao_1991").features.size() >= 1);
    CHECK(data.vectors.at("loc_1994").features.size() >= 1);
}

TEST_CASE("a missing geodata file is reported with its path and layer", "[io][errors]") {
    core::Diagnostics diags;
    const auto layer = io::load_vector_layer(kTestData / "nope.gpkg", "countries", core::GeometryKind::Polygon, diags);
    CHECK_FALSE(layer);
    REQUIRE(diags.all().size() == 1);
    const auto d = diags.all().front();
    CHECK(d.code == core::DiagCode::FileMissing);
    CHECK_THAT(d.format(), Catch::Contains("nope.gpkg") && Catch::Contains("layer 'countries'"));
}

TEST_CASE("a corrupt geodata file is reported and the other layers still load", "[io][errors]") {
    // A copy of the shipped geodata with one file replaced by garbage.
    const fs::path dir = fs::temp_directory_path() / ("sitmap_corrupt_geodata_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(kGeodata))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), dir / entry.path().filename());
    fs::copy_file(kTestData / "corrupt.gpkg", dir / "water.gpkg", fs::copy_options::overwrite_existing);

    core::Diagnostics diags;
    const auto data = io::load_base_data(dir, diags);
    CHECK(diags.has(core::DiagCode::FileUnreadable));
    for (const auto& d : diags.all()) {
        CHECK(d.code == core::DiagCode::FileUnreadable);
        CHECK_THAT(d.file, Catch::EndsWith("water.gpkg"));
        CHECK_THAT(d.where, Catch::StartsWith("layer '"));
    }
    CHECK(diags.all().size() == 4);  // rivers, lakes, coastline, seas
    CHECK(data.vectors.count("countries") == 1);
    CHECK(data.vectors.count("places") == 1);
    CHECK(data.vectors.count("rivers") == 0);
    CHECK(data.hillshade);
    fs::remove_all(dir);
}

TEST_CASE("a missing layer and features without geometry are reported, not dropped silently", "[io][errors]") {
    core::Diagnostics diags;
    CHECK_FALSE(io::load_vector_layer(kGeodata / "admin.gpkg", "no_such_layer", core::GeometryKind::Polygon, diags));
    CHECK(diags.has(core::DiagCode::LayerMissing));
    diags.clear();
    const auto layer =
        io::load_vector_layer(kTestData / "three_features.geojson", "three", core::GeometryKind::Polygon, diags);
    REQUIRE(layer);
    CHECK(layer->features.size() == 2);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == core::DiagCode::FeatureInvalid);
    CHECK_THAT(diags.all()[0].where, Catch::Contains("feature 1"));
    CHECK(layer->features[0].attr("name_local") == "Xankəndi");
}

TEST_CASE("projector agrees with PROJ at Yerevan, Baku and Khankendi", "[io][projector]") {
    const core::Projector p;
    struct Place {
        const char* name;
        core::LonLat ll;
    };
    for (const Place& place :
         {Place{"Yerevan", {44.5152, 40.1872}}, Place{"Baku", {49.8671, 40.4093}},
          Place{"Khankendi", {46.7520, 39.8153}}, Place{"corner", {38.0, 36.0}}, Place{"corner", {52.0, 44.0}}}) {
        INFO(place.name);
        const auto ours = p.forward(place.ll);
        const auto proj = io::proj_transform(p.proj_string(), place.ll);
        CHECK(ours.x == Approx(proj.x).margin(0.001));  // millimetres
        CHECK(ours.y == Approx(proj.y).margin(0.001));
    }
}

namespace {
double mesh_area(const core::Mesh& m) {
    double a = 0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
        const auto& p0 = m.vertices[m.indices[i]];
        const auto& p1 = m.vertices[m.indices[i + 1]];
        const auto& p2 = m.vertices[m.indices[i + 2]];
        const double cross =
            (double(p1.x) - p0.x) * (double(p2.y) - p0.y) - (double(p2.x) - p0.x) * (double(p1.y) - p0.y);
        CHECK(cross > 0);  // consistent counter-clockwise winding
        a += cross / 2;
    }
    return a;
}
void check_invariants(const core::Polygon<core::WorldXY>& poly) {
    core::Mesh mesh;
    REQUIRE(io::triangulate_polygon(poly, mesh));
    REQUIRE(mesh.indices.size() % 3 == 0);
    for (auto i : mesh.indices) REQUIRE(i < mesh.vertices.size());
    CHECK(mesh_area(mesh) == Approx(core::polygon_area(poly)).epsilon(1e-5));
}
}  // namespace

TEST_CASE("triangulation covers exactly the polygon area, holes excluded", "[io][triangulate]") {
    SECTION("square with two holes") {
        check_invariants({{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}},
                          {{{100, 100}, {300, 100}, {300, 300}, {100, 300}}, {{600, 600}, {800, 600}, {700, 900}}}});
    }
    SECTION("concave comb, clockwise input") {
        check_invariants(
            {{{0, 0}, {0, 500}, {100, 500}, {100, 100}, {200, 100}, {200, 500}, {300, 500}, {300, 0}}, {}});
    }
    SECTION("every shipped country and lake, projected") {
        const core::Projector p;
        core::Diagnostics diags;
        for (const char* key : {"countries", "lakes"}) {
            const auto& spec = *std::find_if(core::base_layer_specs().begin(), core::base_layer_specs().end(),
                                             [&](const auto& s) { return s.key == key; });
            const auto layer = io::load_vector_layer(kGeodata / spec.file, spec.layer, spec.kind, diags);
            REQUIRE(layer);
            for (const auto& f : layer->features) {
                for (const auto& poly : f.polygons) {
                    core::Polygon<core::WorldXY> w;
                    for (const auto& q : poly.outer) w.outer.push_back(p.forward(q));
                    w.outer.pop_back();  // closing point
                    for (const auto& h : poly.holes) {
                        w.holes.emplace_back();
                        for (const auto& q : h) w.holes.back().push_back(p.forward(q));
                        w.holes.back().pop_back();
                    }
                    core::Mesh mesh;
                    REQUIRE(io::triangulate_polygon(w, mesh));
                    // MakeValid may repair self-touching rings; the area must still match closely.
                    CHECK(mesh_area(mesh) == Approx(core::polygon_area(w)).epsilon(1e-3));
                }
            }
        }
    }
}
