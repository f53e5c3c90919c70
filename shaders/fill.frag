#version 330 core
// Solid fill, or diagonal stripes when u_hatch.x (period in pixels) > 0; u_hatch.y is the stripe
// width in pixels. Stripes are in screen space so they stay crisp at every zoom.
uniform vec4 u_color;
uniform vec2 u_hatch;
out vec4 frag;
void main() {
    float alpha = u_color.a;
    if (u_hatch.x > 0.0) {
        float s = mod(gl_FragCoord.x + gl_FragCoord.y, u_hatch.x);
        float d = min(s, u_hatch.x - s);  // distance to the stripe's centre line along the diagonal
        alpha *= clamp(u_hatch.y * 0.5 + 0.5 - d * 0.7071, 0.0, 1.0);
        if (alpha <= 0.0) discard;
    }
    frag = vec4(u_color.rgb, alpha);
}
