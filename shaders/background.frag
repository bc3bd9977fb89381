#version 330 core
// The studio backdrop (common/backdrop.glsl), drawn behind the structures where the scene is
// not laid over it on its way to the window.

#include "common/backdrop.glsl"

in vec2 vUv;

out vec4 fragColor;

void main()
{
    fragColor = vec4(backdrop(vUv), 1.0);
}
