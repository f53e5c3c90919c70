#version 330 core
// Hillshade to a brightness factor, baked once into a world-space texture (see fill.frag):
// 1 leaves the land colour, lower values darken slopes facing away from the light.
// Flat ground (~180 of 255) maps to 0.97. The source is sampled with a cubic B-spline: the baked
// texels are finer than the source's, and bilinear filtering would bake its creases in.
in vec2 v_uv;
uniform sampler2D u_texture;
out vec4 frag;

vec4 bspline(float v) {
    vec4 n = vec4(1.0, 2.0, 3.0, 4.0) - v;
    vec4 s = n * n * n;
    float x = s.x;
    float y = s.y - 4.0 * s.x;
    float z = s.z - 4.0 * s.y + 6.0 * s.x;
    return vec4(x, y, z, 6.0 - x - y - z) * (1.0 / 6.0);
}

float sample_bicubic(vec2 uv) {
    vec2 size = vec2(textureSize(u_texture, 0));
    vec2 t = uv * size - 0.5;
    vec2 f = fract(t);
    t -= f;
    vec4 xw = bspline(f.x), yw = bspline(f.y);
    vec4 c = t.xxyy + vec2(-0.5, 1.5).xyxy;
    vec4 s = vec4(xw.xz + xw.yw, yw.xz + yw.yw);
    vec4 o = (c + vec4(xw.yw, yw.yw) / s) / size.xxyy;
    float s0 = texture(u_texture, o.xz).r, s1 = texture(u_texture, o.yz).r;
    float s2 = texture(u_texture, o.xw).r, s3 = texture(u_texture, o.yw).r;
    float sx = s.x / (s.x + s.y), sy = s.z / (s.z + s.w);
    return mix(mix(s3, s2, sx), mix(s1, s0, sx), sy);
}

void main() {
    float shade = sample_bicubic(v_uv);
    float f = clamp(0.97 + 1.35 * (shade - 0.706), 0.5, 1.0);
    frag = vec4(f, f, f, 1.0);
}
