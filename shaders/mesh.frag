#version 330 core
// Surface shading for every structure: studio lighting, material colour and opacity,
// and a highlight for the hovered or selected structure.

#include "common/lighting.glsl"

in vec3 vViewPosition;
in vec3 vViewNormal;
in vec3 vWorldPosition;

uniform vec4 uBaseColor;       // linear RGB and opacity
uniform float uRoughness;
uniform float uSpecular;
uniform vec3 uHighlightColor;
uniform float uHighlight;      // 0: none, 1: full highlight

out vec4 fragColor;

void main()
{
    vec3 normal = normalize(vViewNormal);
    vec3 toEye = normalize(-vViewPosition);
    if (!gl_FrontFacing) normal = -normal;
    vec3 color = studioLight(uBaseColor.rgb, normal, toEye, uRoughness, uSpecular);
    float rim = pow(1.0 - max(dot(normal, toEye), 0.0), 2.0);
    color = mix(color, uHighlightColor * (0.6 + 0.8 * rim), uHighlight * 0.35);
    fragColor = vec4(toDisplay(color), uBaseColor.a);
}
