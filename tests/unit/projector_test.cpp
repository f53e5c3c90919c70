#include "core/projector.hpp"
#include "core/camera.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

TEST_CASE("projector round-trips lon/lat within 1e-9 degrees across the region", "[core][projector]") {
    const Projector p;
    for (double lon = 38.0; lon <= 52.0; lon += 0.7) {
        for (double lat = 36.0; lat <= 44.0; lat += 0.45) {
            const LonLat back = p.inverse(p.forward({lon, lat}));
            CHECK(back.lon == Approx(lon).margin(1e-9));
            CHECK(back.lat == Approx(lat).margin(1e-9));
        }
    }
}

TEST_CASE("projector puts the origin at lat_0/lon_0 and is conformal on the standard parallels", "[core][projector]") {
    const Projector p;
    const WorldXY o = p.forward({45.0, 40.0});
    CHECK(o.x == Approx(0).margin(1e-6));
    CHECK(o.y == Approx(0).margin(1e-6));
    CHECK(p.scale_factor(38.0) == Approx(1.0).epsilon(1e-9));
    CHECK(p.scale_factor(42.0) == Approx(1.0).epsilon(1e-9));
    CHECK(p.scale_factor(40.0) < 1.0);
    // North is up and east is right.
    CHECK(p.forward({45.0, 41.0}).y > 0);
    CHECK(p.forward({46.0, 40.0}).x > 0);
}

TEST_CASE("projected distance Baku-Yerevan is close to the geodesic 470 km", "[core][projector]") {
    const Projector p;
    const WorldXY baku = p.forward({49.8671, 40.4093});
    const WorldXY yerevan = p.forward({44.5152, 40.1872});
    const double d = std::hypot(baku.x - yerevan.x, baku.y - yerevan.y);
    // Geodesic distance is ~454.6 km; LCC scale error between the parallels is < 0.2 %.
    CHECK(d == Approx(454'600).epsilon(0.005));
}

TEST_CASE("a camera without the panel rows shows exactly the rows between them", "[core][camera]") {
    using namespace sitmap::core;
    const Camera full({1000.0, 2000.0}, 50.0, 800, 600);
    const Camera map = full.without_rows(20, 180);
    CHECK(map.width() == 800);
    CHECK(map.height() == 400);
    CHECK(map.metres_per_pixel() == Approx(50.0));
    // Row 20 of the window is row 0 of the cropped view, and the same ground.
    const WorldXY top_left = full.world({0, 20});
    CHECK(map.screen(top_left).x == Approx(0.0).margin(1e-6));
    CHECK(map.screen(top_left).y == Approx(0.0).margin(1e-6));
    const WorldXY bottom_right = full.world({800, 420});
    CHECK(map.screen(bottom_right).x == Approx(800.0));
    CHECK(map.screen(bottom_right).y == Approx(400.0));
    // Insets larger than the window leave one row.
    CHECK(full.without_rows(500, 500).height() == 1);
}
