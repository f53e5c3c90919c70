#version 330 core
#include "common.glsl"
layout(location = 0) in vec2 a_pos;
void main() {
    gl_Position = pixels_to_clip(grid_to_pixels(to_grid(a_pos)));
}
