#version 330 core
// Signed-distance-field glyphs: 0.5 is the outline; the distance scale matches FontAtlas
// (kDistanceScale atlas pixels per unit). A halo is the same field with a shifted threshold.
// A negative halo width selects outline mode: a band of that width centred on the glyph's edge
// (used for rings around event symbols and location-uncertainty areas).
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
        float a = v_color.a * clamp(-v_params.y * 0.5 + 0.5 - abs(d), 0.0, 1.0);
        if (a <= 0.0) discard;
        frag = vec4(v_color.rgb, a);
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
