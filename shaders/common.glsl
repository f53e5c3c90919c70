// Shared by every map-space vertex shader: world metres -> pixels (origin at the viewport centre,
// y up) -> clip space.
uniform vec2 u_centre;    // world metres at the viewport centre
uniform float u_mpp;      // metres per pixel
uniform vec2 u_viewport;  // viewport size in pixels
vec2 to_pixels(vec2 world) { return (world - u_centre) / u_mpp; }
vec4 pixels_to_clip(vec2 px) { return vec4(px * 2.0 / u_viewport, 0.0, 1.0); }
