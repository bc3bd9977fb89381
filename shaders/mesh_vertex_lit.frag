#version 330 core
// The lowest quality's surfaces: mesh.vert lit them per vertex, so a fragment only takes the
// interpolated colour (or, in the outline pass, the highlight colour). A program of its own
// rather than an early return in mesh.frag: a software rasteriser such as llvmpipe runs every
// instruction of a fragment shader for every fragment, even past a return all of them take, so
// the per-pixel lighting cost the lowest level as much as the full one.

#include "common/lighting.glsl"

in vec4 vLitColor;

uniform vec3 uHighlightColor;
uniform bool uFlat;            // outline pass: the highlight colour, unlit

out vec4 fragColor;

void main()
{
    fragColor = uFlat ? vec4(encodeSrgb(uHighlightColor), 1.0) : vLitColor;
}
