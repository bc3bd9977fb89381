#version 330 core
// The finished scene brought to the window, in parts scissored by the renderer
// (Renderer::present). A full-resolution scene's background is clear and the backdrop is laid
// under it here (common/backdrop.glsl). Variants, by name defined before this file:
//   STRETCH  the lowest level's smaller picture, backdrop included, stretched with bilinear
//            filtering; otherwise a full-resolution picture read pixel for pixel;
//   SMOOTH   edges smoothed (common/edge_smoothing.glsl), where the structures lie;
//   OVERLAY  the overlay's kept picture (premultiplied colour, coverage in alpha) laid over the
//            result in the same pass, as blending it afterwards with ONE, ONE_MINUS_SRC_ALPHA
//            would, where the panels lie.

#include "common/backdrop.glsl"
#include "common/edge_smoothing.glsl"

in vec2 vUv;

uniform sampler2D uScene;
uniform sampler2D uOverlay;

out vec4 fragColor;

void main()
{
#if defined(SMOOTH)
    vec3 color = smoothedPixel(uScene, vUv);
#elif defined(STRETCH)
    vec3 color = texture(uScene, vUv).rgb;
#else
    vec3 color = overBackdrop(texelFetch(uScene, ivec2(gl_FragCoord.xy), 0), backdrop(vUv));
#endif
#if defined(OVERLAY)
    vec4 overlay = texelFetch(uOverlay, ivec2(gl_FragCoord.xy), 0);
    color = overlay.rgb + color * (1.0 - overlay.a);
#endif
    fragColor = vec4(color, 1.0);
}
