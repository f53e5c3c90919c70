#version 330 core
#include "common.glsl"
// One instance per segment; the four corners of a quad covering the segment plus round caps.
layout(location = 0) in vec2 a_corner;  // x: -1 start / +1 end, y: -1 right / +1 left
layout(location = 1) in vec2 a_a;       // segment start, world metres
layout(location = 2) in vec2 a_b;       // segment end, world metres
layout(location = 3) in float a_along;  // metres from the line's start to a_a
uniform float u_half_width;             // pixels
flat out vec2 v_a;
flat out vec2 v_b;
flat out float v_along;
void main() {
    // Grid pixels (common.glsl): the same for every view at this zoom, so a panned view draws
    // the same strokes, shifted by whole pixels.
    vec2 a = to_grid(a_a);
    vec2 b = to_grid(a_b);
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-dir.y, dir.x);
    float r = u_half_width + 1.0;  // one pixel of room for anti-aliasing
    vec2 p = snap_grid((a_corner.x < 0.0 ? a : b) + dir * a_corner.x * r + n * a_corner.y * r);
    v_a = a;
    v_b = b;
    v_along = a_along / u_mpp;
    gl_Position = pixels_to_clip(grid_to_pixels(p));
}
