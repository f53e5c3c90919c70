#version 330 core
#include "common.glsl"
layout(location = 0) in vec2 a_pos;
out vec2 v_world;
void main() {
    v_world = a_pos;
    gl_Position = pixels_to_clip(to_pixels(a_pos));
}
