// CameraFlight: a smooth move of the map's camera to a target view (find a place, a named
// view): the centre glides, the zoom eases on a log scale and, for a long hop, rises in the
// middle so both ends stay in sight, as a map "flies" there. Pure math over core::Camera;
// the window advances it once per frame. Part of sitmap_core: no GL or ImGui.
#pragma once
#include "core/camera.hpp"
#include "core/geometry.hpp"

namespace sitmap::core {

class CameraFlight {
public:
    /// How long a flight takes, in seconds.
    static constexpr double kSeconds = 1.0;

    CameraFlight() = default;
    /// A flight from `from`'s view to centre `to` at `to_mpp` metres per pixel (viewport size
    /// taken from `from`). `to_mpp` must be positive.
    CameraFlight(const Camera& from, WorldXY to, double to_mpp);

    /// The camera at time `t` in 0..1 (clamped): `from` at 0, the target exactly at 1.
    Camera at(double t) const;
    /// Advances by `dt` seconds and returns the camera there; done() once it reaches the target.
    Camera advance(double dt);
    bool done() const { return t_ >= 1.0; }
    double progress() const { return t_; }
    WorldXY target_centre() const { return to_; }
    double target_mpp() const { return to_mpp_; }

private:
    Camera from_;
    WorldXY to_{};
    double to_mpp_ = 1;
    double rise_ = 0;  ///< extra log-zoom at the midpoint (0 for short hops)
    double t_ = 1;     ///< 1 = finished (a default flight is done)
};

}  // namespace sitmap::core
