#version 330 core
// Hillshade to a brightness factor, baked once into a world-space texture (see fill.frag):
// 1 leaves the land colour, lower values darken slopes facing away from the light.
// Flat ground (~180 of 255) maps to 0.97.
in vec2 v_uv;
uniform sampler2D u_texture;
out vec4 frag;
void main() {
    float shade = texture(u_texture, v_uv).r;
    float f = clamp(0.97 + 1.35 * (shade - 0.706), 0.5, 1.0);
    frag = vec4(f, f, f, 1.0);
}
