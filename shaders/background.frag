#version 330 core
// The studio backdrop (common/backdrop.glsl), drawn behind the structures.

#include "common/backdrop.glsl"

in vec2 vUv;

out vec4 fragColor;

void main()
{
    fragColor = vec4(backdrop(vUv), 1.0);
}
