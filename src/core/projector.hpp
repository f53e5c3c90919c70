// Projector: the map's regional projection, Lambert conformal conic on the WGS84 ellipsoid
// (Snyder 1987, eqs. 15-1..15-11), written out here so core needs no PROJ. io tests check it
// against PROJ (+proj=lcc) through GDAL. Part of sitmap_core: no GL, GDAL or ImGui.
#pragma once
#include "core/geometry.hpp"

#include <string>

namespace sitmap::core {

struct LccParams {
    double lat_1 = 38.0;  ///< first standard parallel, degrees
    double lat_2 = 42.0;  ///< second standard parallel, degrees
    double lat_0 = 40.0;  ///< latitude of origin, degrees
    double lon_0 = 45.0;  ///< central meridian, degrees
};

class Projector {
public:
    /// The default projection for the South Caucasus (standard parallels 38 N and 42 N).
    Projector() : Projector(LccParams{}) {}
    explicit Projector(const LccParams& params);

    /// Lon/lat (degrees) to projected metres. Valid for latitudes in (-89, 89).
    WorldXY forward(LonLat p) const;
    /// Projected metres to lon/lat (degrees); inverse of forward to < 1e-9 degrees.
    LonLat inverse(WorldXY p) const;
    /// Scale factor k at a latitude (1 on the standard parallels); used for true scale bars.
    double scale_factor(double lat_deg) const;
    /// The same projection as a PROJ string, for GDAL/QGIS (world files, GeoTIFF).
    std::string proj_string() const;
    const LccParams& params() const { return params_; }

private:
    LccParams params_;
    double n_ = 0, f_ = 0, rho0_ = 0;
};

}  // namespace sitmap::core
