#version 330 core
// Signed-distance-field glyphs: 0.5 is the outline; the distance scale matches FontAtlas
// (kDistanceScale atlas pixels per unit). A halo is the same field with a shifted threshold.
// A negative halo width selects outline mode: a band of that width centred on the glyph's edge,
// over an inside filled with the halo colour (rings and ringed discs of event symbols).
in vec2 v_uv;
in vec4 v_color;
in vec4 v_halo;
in vec2 v_params;
uniform sampler2D u_atlas;
uniform float u_distance_scale;  // atlas pixels represented by a value step of 1.0
out vec4 frag;
void main() {
    float d = (texture(u_atlas, v_uv).r - 0.5) * u_distance_scale * v_params.x;  // screen pixels, >0 inside
    if (v_params.y < 0.0) {
        // Outline mode: a band of width -v_params.y centred on the edge in v_color, over the
        // inside filled with v_halo (alpha 0 = hollow). One quad draws a whole ringed disc.
        float band = v_color.a * clamp(-v_params.y * 0.5 + 0.5 - abs(d), 0.0, 1.0);
        float inside = v_halo.a * clamp(d + 0.5, 0.0, 1.0);
        float a = band + inside * (1.0 - band);
        if (a <= 0.0) discard;
        frag = vec4((v_color.rgb * band + v_halo.rgb * inside * (1.0 - band)) / a, a);
        return;
    }
    float body = clamp(d + 0.5, 0.0, 1.0);
    float halo = v_params.y > 0.0 ? clamp(d + v_params.y + 0.5, 0.0, 1.0) : 0.0;
    vec4 h = vec4(v_halo.rgb, v_halo.a * halo);
    vec4 c = vec4(v_color.rgb, v_color.a * body);
    float a = c.a + h.a * (1.0 - c.a);
    if (a <= 0.0) discard;
    frag = vec4((c.rgb * c.a + h.rgb * h.a * (1.0 - c.a)) / a, a);
}
