#version 330 core
// Solid fill, or diagonal stripes when u_hatch.x (period in pixels) > 0; u_hatch.y is the stripe
// width in pixels. Stripes are in screen space so they stay crisp at every zoom.
// Land fills multiply in the relief shading (u_shade_opacity > 0): a texture baked once in world
// space by Renderer::upload, so relief costs no extra full-screen pass.
in vec2 v_world;
uniform vec4 u_color;
uniform vec2 u_hatch;
uniform sampler2D u_shade;
uniform vec2 u_shade_origin;  // world metres of the texture's (0,0) corner
uniform vec2 u_shade_size;    // world metres covered by the texture
uniform float u_shade_opacity;
uniform vec2 u_frag_origin;   // this framebuffer's bottom-left in image pixels (tiles keep stripes continuous)
out vec4 frag;
void main() {
    float alpha = u_color.a;
    if (u_hatch.x > 0.0) {
        vec2 f = gl_FragCoord.xy + u_frag_origin;
        float s = mod(f.x + f.y, u_hatch.x);
        float d = min(s, u_hatch.x - s);  // distance to the stripe's centre line along the diagonal
        alpha *= clamp(u_hatch.y * 0.5 + 0.5 - d * 0.7071, 0.0, 1.0);
        if (alpha <= 0.0) discard;
    }
    vec3 rgb = u_color.rgb;
    if (u_shade_opacity > 0.0) {
        float f = texture(u_shade, (v_world - u_shade_origin) / u_shade_size).r;
        rgb *= mix(1.0, f, u_shade_opacity);
    }
    frag = vec4(rgb, alpha);
}
