#version 330 core
// Solid fill, or diagonal stripes when u_hatch.x (period in pixels) > 0; u_hatch.y is the stripe
// width in pixels. Stripes are laid in pixels of the world's pixel grid (common.glsl), so they stay
// crisp at every zoom and move with the map when it is panned.
// Land fills multiply in the relief shading (u_shade_opacity > 0): a texture baked once in world
// space by Renderer::upload, so relief costs no extra full-screen pass.
// SITMAP_SHADE (defined by the renderer, one program each): 0 no relief, 1 bilinear relief only,
// 2 bilinear or B-spline chosen per pixel. llvmpipe runs both sides of a branch for every pixel,
// so code that a uniform switches off still costs: unshaded fills and far zooms take a variant
// without it (a 4K export's land pass: 0.40 -> 0.15 s of CPU, the same pixels).
uniform vec4 u_color;
uniform vec2 u_hatch;
uniform sampler2D u_shade;
uniform vec2 u_shade_origin;  // world metres of the texture's (0,0) corner
uniform vec2 u_shade_size;    // world metres covered by the texture
uniform float u_shade_opacity;
uniform vec2 u_frag_grid;     // grid pixels of this framebuffer's (0, 0) corner (whole sixteenths)
uniform vec2 u_anchor;        // world metres of the grid's origin
uniform float u_mpp;          // metres per pixel
uniform float u_hatch_phase;  // the anchor's grid pixels x + y, modulo the stripes' period
out vec4 frag;

// Cubic B-spline weights of the four texels around a sample at fraction `v` between the middle two.
vec4 bspline(float v) {
    vec4 n = vec4(1.0, 2.0, 3.0, 4.0) - v;
    vec4 s = n * n * n;
    float x = s.x;
    float y = s.y - 4.0 * s.x;
    float z = s.z - 4.0 * s.y + 6.0 * s.x;
    return vec4(x, y, z, 6.0 - x - y - z) * (1.0 / 6.0);
}

// Bicubic (B-spline) sample in four bilinear taps (Sigg and Hadwiger, GPU Gems 2, ch. 20). Close in,
// one relief texel spans dozens of pixels: bilinear filtering shows it as creases and flat facets
// along the texel grid, the B-spline as a smooth surface with continuous slopes.
float shade_bicubic(vec2 uv) {
    vec2 size = vec2(textureSize(u_shade, 0));
    vec2 t = uv * size - 0.5;
    vec2 f = fract(t);
    t -= f;
    vec4 xw = bspline(f.x), yw = bspline(f.y);
    vec4 c = t.xxyy + vec2(-0.5, 1.5).xyxy;
    vec4 s = vec4(xw.xz + xw.yw, yw.xz + yw.yw);
    vec4 o = (c + vec4(xw.yw, yw.yw) / s) / size.xxyy;
    float s0 = texture(u_shade, o.xz).r, s1 = texture(u_shade, o.yz).r;
    float s2 = texture(u_shade, o.xw).r, s3 = texture(u_shade, o.yw).r;
    float sx = s.x / (s.x + s.y), sy = s.z / (s.z + s.w);
    return mix(mix(s3, s2, sx), mix(s1, s0, sx), sy);
}

void main() {
    // This pixel on the grid: exact (half pixels plus sixteenths), the same for every view that
    // shows it, so a panned view computes the same stripes and relief here.
    vec2 g = gl_FragCoord.xy + u_frag_grid;
    float alpha = u_color.a;
    if (u_hatch.x > 0.0) {
        float s = mod(g.x + g.y + u_hatch_phase, u_hatch.x);
        float d = min(s, u_hatch.x - s);  // distance to the stripe's centre line along the diagonal
        alpha *= clamp(u_hatch.y * 0.5 + 0.5 - d * 0.7071, 0.0, 1.0);
        if (alpha <= 0.0) discard;
    }
    vec3 rgb = u_color.rgb;
#if SITMAP_SHADE != 0
    vec2 v_world = u_anchor + g * u_mpp;
#endif
#if SITMAP_SHADE == 1
    // Renderer::draw_fill binds this variant when every pixel would take the bilinear sample below.
    if (u_shade_opacity > 0.0) {
        vec2 uv = (v_world - u_shade_origin) / u_shade_size;
        rgb *= mix(1.0, texture(u_shade, uv).r, u_shade_opacity);
    }
#elif SITMAP_SHADE == 2
    if (u_shade_opacity > 0.0) {
        vec2 uv = (v_world - u_shade_origin) / u_shade_size;
        // Pixels per texel: bilinear facets show only once a texel covers many pixels; below 12 the
        // cheaper bilinear sample is kept (the B-spline's four taps cost ~0.5 s in a 4K export).
        float texel_px = u_shade_size.x / float(textureSize(u_shade, 0).x) / max(u_mpp, 1e-6);
        float f = texel_px > 12.0 ? shade_bicubic(uv) : texture(u_shade, uv).r;
        rgb *= mix(1.0, f, u_shade_opacity);
    }
#endif
    frag = vec4(rgb, alpha);
}
