#version 330 core
// A soft studio backdrop: a vertical gradient with a gentle vignette, in display sRGB.

in vec2 vUv;

uniform vec3 uTopColor;     // display sRGB
uniform vec3 uBottomColor;

out vec4 fragColor;

void main()
{
    vec3 color = mix(uBottomColor, uTopColor, smoothstep(0.0, 1.0, vUv.y));
    vec2 centred = vUv - 0.5;
    color *= 1.0 - 0.35 * dot(centred, centred);
    fragColor = vec4(color, 1.0);
}
