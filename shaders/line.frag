#version 330 core
// Anti-aliased stroke: coverage from the exact distance to the segment, so joins and caps are round.
flat in vec2 v_a;
flat in vec2 v_b;
flat in float v_along;
uniform float u_half_width;  // pixels (at least 0.5; thinner lines fade via u_color.a)
uniform vec4 u_color;
uniform vec2 u_dash;         // dash and gap lengths in pixels; x = 0 means solid
uniform vec2 u_frag_grid;    // grid pixels of this framebuffer's (0, 0) corner (common.glsl)
out vec4 frag;
void main() {
    // This pixel on the grid, exact: the same for every view that shows it (v_a, v_b are too).
    vec2 v_pos = gl_FragCoord.xy + u_frag_grid;
    vec2 ab = v_b - v_a;
    float l2 = dot(ab, ab);
    float t = l2 > 0.0 ? dot(v_pos - v_a, ab) / l2 : 0.0;
    float dist = length(v_pos - (v_a + clamp(t, 0.0, 1.0) * ab));
    float alpha = clamp(u_half_width + 0.5 - dist, 0.0, 1.0);
    if (u_dash.x > 0.0) {
        float s = v_along + t * sqrt(l2);
        float m = mod(s, u_dash.x + u_dash.y);
        alpha *= clamp(min(m, u_dash.x - m) + 0.5, 0.0, 1.0);
    }
    if (alpha <= 0.0) discard;
    frag = vec4(u_color.rgb, u_color.a * alpha);
}
