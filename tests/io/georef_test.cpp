// Georeferenced exports: the world file (.pgw + .prj) and the GeoTIFF place each pixel where the
// renderer drew it, checked independently through PROJ and GDAL (io::proj_transform,
// io::read_raster_info, io::same_crs), with Yerevan as the known place.
#include "core/camera.hpp"
#include "core/error.hpp"
#include "core/projector.hpp"
#include "io/briefing_io.hpp"
#include "io/geodata.hpp"
#include "io/image.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

constexpr core::LonLat kYerevan{44.5152, 40.1872};

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / ("sitmap_" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::vector<double> read_numbers(const fs::path& p) {
    std::ifstream in(p);
    std::vector<double> out;
    double v = 0;
    while (in >> v) out.push_back(v);
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A view of Armenia with an odd size and a zoom that is not a round number, so off-by-half-pixel
/// errors cannot cancel out.
core::Camera test_camera(const core::Projector& pr) {
    const core::WorldXY yerevan = pr.forward(kYerevan);
    return core::Camera({yerevan.x + 23456.7, yerevan.y - 12345.6}, 237.3, 641, 479);
}

io::RgbaImage test_image(const core::Camera& cam, const core::Projector& pr) {
    io::RgbaImage img{cam.width(), cam.height(),
                      std::vector<std::uint8_t>(static_cast<std::size_t>(cam.width()) * cam.height() * 4, 255)};
    // Yerevan's pixel in red, as the renderer would place it.
    const core::ScreenPx s = cam.screen(pr.forward(kYerevan));
    const auto x = static_cast<std::size_t>(std::floor(s.x)), y = static_cast<std::size_t>(std::floor(s.y));
    std::uint8_t* p = img.pixels.data() + (y * static_cast<std::size_t>(img.width) + x) * 4;
    p[1] = p[2] = 0;
    return img;
}

std::size_t file_count(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the world file puts Yerevan's pixel on Yerevan within one pixel", "[io][georef]") {
    TempDir dir("georef_pgw");
    const core::Projector pr;
    const core::Camera cam = test_camera(pr);
    const fs::path png = dir.path / "map.png";
    io::write_png(png, test_image(cam, pr));
    io::write_world_file(png, cam, pr);
    REQUIRE(fs::exists(dir.path / "map.pgw"));
    REQUIRE(fs::exists(dir.path / "map.prj"));
    REQUIRE(fs::exists(dir.path / "map.png.aux.xml"));  // the CRS for GDAL, whose PNG driver ignores .prj
    CHECK(file_count(dir.path) == 4);                   // no temporary files left
    // GDAL reads the PNG with the projection the .prj holds.
    CHECK(io::same_crs(io::read_raster_info(png).wkt, pr.proj_string()));

    const auto w = read_numbers(dir.path / "map.pgw");
    REQUIRE(w.size() == 6);
    const double a = w[0], d = w[1], b = w[2], e = w[3], c = w[4], f = w[5];
    CHECK(a == Approx(237.3));
    CHECK(d == 0.0);
    CHECK(b == 0.0);
    CHECK(e == Approx(-237.3));

    // Where PROJ (not our Projector) puts Yerevan, and which pixel the world file says that is.
    const core::WorldXY yerevan = io::proj_transform(pr.proj_string(), kYerevan);
    const double col = (yerevan.x - c) / a, row = (yerevan.y - f) / e;  // pixel-centre indices
    const long i = std::lround(col), j = std::lround(row);
    REQUIRE(i >= 0);
    REQUIRE(i < cam.width());
    REQUIRE(j >= 0);
    REQUIRE(j < cam.height());

    // That pixel is the one the renderer drew Yerevan in (camera + core projector).
    const core::ScreenPx drawn = cam.screen(pr.forward(kYerevan));
    CHECK(std::abs(drawn.x - 0.5 - col) < 0.01);
    CHECK(std::abs(drawn.y - 0.5 - row) < 0.01);

    // The centre of that pixel, back to lon/lat and through PROJ again, is Yerevan within a pixel.
    const core::WorldXY centre{c + static_cast<double>(i) * a, f + static_cast<double>(j) * e};
    const core::WorldXY back = io::proj_transform(pr.proj_string(), pr.inverse(centre));
    CHECK(std::hypot(back.x - yerevan.x, back.y - yerevan.y) <= a);

    // GDAL reads the PNG with its world file as the camera's geotransform (origin at the corner).
    const io::RasterInfo info = io::read_raster_info(png);
    CHECK(info.width == 641);
    CHECK(info.height == 479);
    REQUIRE(info.has_geotransform);
    const core::WorldXY corner = cam.world({0, 0});
    CHECK(info.geotransform[0] == Approx(corner.x).margin(1e-6));
    CHECK(info.geotransform[3] == Approx(corner.y).margin(1e-6));
    CHECK(info.geotransform[1] == Approx(237.3));
    CHECK(info.geotransform[5] == Approx(-237.3));
}

TEST_CASE("the .prj parses in GDAL as the map's projection", "[io][georef]") {
    TempDir dir("georef_prj");
    const core::Projector pr;
    const fs::path png = dir.path / "map.png";
    io::write_png(png, test_image(test_camera(pr), pr));
    io::write_world_file(png, test_camera(pr), pr);
    const std::string prj = read_all(dir.path / "map.prj");
    CHECK(prj.starts_with("PROJCS["));
    CHECK(prj.find("Lambert_Conformal_Conic") != std::string::npos);
    CHECK(prj == io::projection_wkt(pr) + "\n");
    CHECK(io::same_crs(prj, pr.proj_string()));
    // ... and is not equivalent to a different cone.
    const core::Projector other(core::LccParams{.lat_1 = 39.0, .lat_2 = 43.0, .lat_0 = 40.0, .lon_0 = 45.0});
    CHECK_FALSE(io::same_crs(prj, other.proj_string()));
}

TEST_CASE("the GeoTIFF carries size, RGB bands, geotransform and CRS", "[io][georef]") {
    TempDir dir("georef_tif");
    const core::Projector pr;
    const core::Camera cam = test_camera(pr);
    const fs::path tif = dir.path / "map.tif";
    io::write_geotiff(tif, test_image(cam, pr), cam, pr);
    CHECK(file_count(dir.path) == 1);  // no .part, no .aux.xml

    const io::RasterInfo info = io::read_raster_info(tif);
    CHECK(info.width == 641);
    CHECK(info.height == 479);
    CHECK(info.bands == 3);
    REQUIRE(info.has_geotransform);
    const auto& gt = info.geotransform;
    const core::WorldXY corner = cam.world({0, 0});
    CHECK(gt[0] == Approx(corner.x).margin(1e-6));
    CHECK(gt[3] == Approx(corner.y).margin(1e-6));
    CHECK(gt[1] == Approx(237.3));
    CHECK(gt[2] == 0.0);
    CHECK(gt[4] == 0.0);
    CHECK(gt[5] == Approx(-237.3));
    REQUIRE_FALSE(info.wkt.empty());
    CHECK(io::same_crs(info.wkt, pr.proj_string()));

    // Yerevan through PROJ and the GeoTIFF's geotransform lands in the pixel the renderer drew.
    const core::WorldXY yerevan = io::proj_transform(pr.proj_string(), kYerevan);
    const double col = (yerevan.x - gt[0]) / gt[1], row = (yerevan.y - gt[3]) / gt[5];  // corner-based
    const core::ScreenPx drawn = cam.screen(pr.forward(kYerevan));
    CHECK(std::abs(col - drawn.x) < 0.01);
    CHECK(std::abs(row - drawn.y) < 0.01);
    // The pixels are the image's RGB (alpha dropped), Yerevan's red mark where the renderer put it.
    const io::RgbaImage expected = test_image(cam, pr);
    const io::RgbaImage back = io::read_raster_rgba(tif);
    REQUIRE(back.width == expected.width);
    REQUIRE(back.height == expected.height);
    CHECK(back.pixels == expected.pixels);
    const std::uint8_t* red = back.at(static_cast<int>(std::floor(col)), static_cast<int>(std::floor(row)));
    CHECK(int(red[0]) == 255);
    CHECK(int(red[1]) == 0);
    CHECK(int(red[2]) == 0);
    // A known pixel's centre georeferences to the camera's world coordinate for it.
    const core::WorldXY p = cam.world({100.5, 200.5});
    CHECK(gt[0] + 100.5 * gt[1] == Approx(p.x).margin(1e-6));
    CHECK(gt[3] + 200.5 * gt[5] == Approx(p.y).margin(1e-6));
}

TEST_CASE("georeferenced outputs to a bad path fail naming it and leave nothing", "[io][georef]") {
    TempDir dir("georef_bad");
    const core::Projector pr;
    const core::Camera cam = test_camera(pr);
    const fs::path missing = dir.path / "no_such_dir" / "map.tif";
    CHECK_THROWS_WITH(io::write_geotiff(missing, test_image(cam, pr), cam, pr),
                      Catch::StartsWith(missing.string() + ": cannot write output"));
    CHECK_THROWS_WITH(io::write_world_file(dir.path / "no_such_dir" / "map.png", cam, pr),
                      Catch::Contains("no_such_dir"));
    // A GeoTIFF whose temporary name is taken fails and keeps the previous file.
    const fs::path tif = dir.path / "map.tif";
    io::write_geotiff(tif, test_image(cam, pr), cam, pr);
    const std::string before = read_all(tif);
    fs::create_directories(dir.path / "map.tif.part" / "x");
    CHECK_THROWS_WITH(io::write_geotiff(tif, test_image(cam, pr), cam, pr),
                      Catch::StartsWith(tif.string() + ": cannot write GeoTIFF"));
    CHECK(read_all(tif) == before);
    // A wrong pixel buffer is refused before anything is written.
    io::RgbaImage broken{10, 10, std::vector<std::uint8_t>(12)};
    CHECK_THROWS_AS(io::write_geotiff(dir.path / "b.tif", broken, cam, pr), Error);
    CHECK_FALSE(fs::exists(dir.path / "b.tif"));
}
