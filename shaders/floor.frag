#version 330 core
// The floor's colour: its shade, shadowed, fading into the backdrop toward the edge.

in float vShadow;
in float vFade;

uniform vec3 uFloorColor;      // display sRGB

out vec4 fragColor;

void main()
{
    fragColor = vec4(uFloorColor * vShadow, vFade);
}
