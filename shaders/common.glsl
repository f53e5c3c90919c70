// Shared by every map-space vertex shader: world metres -> pixels (origin at the image centre,
// y up) -> clip space. When an image is rendered in tiles, u_viewport is the tile's size and
// u_tile_offset the tile's centre in those pixel coordinates (zero for a single-piece render).
uniform vec2 u_centre;       // world metres at the image centre
uniform float u_mpp;         // metres per pixel
uniform vec2 u_viewport;     // size of the framebuffer being drawn, pixels
uniform vec2 u_tile_offset;  // centre of that framebuffer relative to the image centre, pixels (y up)
// The map's geometry is placed on a pixel grid fixed in the world (compose/pixel_grid): u_anchor
// is its origin near the view, and u_grid_centre the image centre on it, in whole sixteenths of a
// pixel. Vertices snap to sixteenths too, so every position below is exact in float and a view
// moved by whole pixels rasterises every edge on the same pixels, shifted.
uniform vec2 u_anchor;       // world metres of the grid's origin
uniform vec2 u_grid_centre;  // the image centre, grid pixels
vec2 to_pixels(vec2 world) { return (world - u_centre) / u_mpp; }
vec2 snap_grid(vec2 g) { return floor(g * 16.0 + 0.5) * 0.0625; }
vec2 to_grid(vec2 world) { return snap_grid((world - u_anchor) / u_mpp); }
vec2 grid_to_pixels(vec2 g) { return g - u_grid_centre; }
vec4 pixels_to_clip(vec2 px) { return vec4((px - u_tile_offset) * 2.0 / u_viewport, 0.0, 1.0); }
