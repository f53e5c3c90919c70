// Shared by every map-space vertex shader: world metres -> pixels (origin at the image centre,
// y up) -> clip space. When an image is rendered in tiles, u_viewport is the tile's size and
// u_tile_offset the tile's centre in those pixel coordinates (zero for a single-piece render).
uniform vec2 u_centre;       // world metres at the image centre
uniform float u_mpp;         // metres per pixel
uniform vec2 u_viewport;     // size of the framebuffer being drawn, pixels
uniform vec2 u_tile_offset;  // centre of that framebuffer relative to the image centre, pixels (y up)
vec2 to_pixels(vec2 world) { return (world - u_centre) / u_mpp; }
vec4 pixels_to_clip(vec2 px) { return vec4((px - u_tile_offset) * 2.0 / u_viewport, 0.0, 1.0); }
