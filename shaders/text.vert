#version 330 core
// Screen-space quads for text (SDF glyphs), symbols and furniture, in pixels with y down.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_halo;
layout(location = 4) in vec2 a_params;  // x: screen pixels per atlas pixel, y: halo width in pixels
uniform vec2 u_viewport;     // size of the framebuffer being drawn (a tile, or the whole image)
uniform vec2 u_tile_origin;  // its top-left corner in image pixels
out vec2 v_uv;
out vec4 v_color;
out vec4 v_halo;
out vec2 v_params;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    v_halo = a_halo;
    v_params = a_params;
    vec2 p = a_pos - u_tile_origin;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
