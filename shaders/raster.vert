#version 330 core
#include "common.glsl"
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
out vec2 v_uv;
void main() {
    v_uv = a_uv;
    gl_Position = pixels_to_clip(to_pixels(a_pos));
}
