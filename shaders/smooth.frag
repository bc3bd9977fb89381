#version 330 core
// Edge smoothing after the scene is drawn, for the full-resolution level without multisampling
// (a software rasteriser pays about three times the frame for 4x MSAA). Works on the finished,
// display-encoded picture: where the brightness changes sharply across a pixel, the pixel is
// blended along the edge, not across it, from taps spaced out in the edge's direction. Flat
// areas (most of the picture) keep their pixel untouched. The idea of FXAA's fast path, cut
// down to seven reads a pixel.

in vec2 vUv;

uniform sampler2D uScene;
uniform vec2 uTexel;            // 1 / target size

out vec4 fragColor;

// Perceived brightness of a display-encoded colour; green weighs most.
float brightness(vec3 color)
{
    return dot(color, vec3(0.299, 0.587, 0.114));
}

void main()
{
    // Whole-pixel reads (no filtering: a software sampler pays four reads for a filtered one).
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    ivec2 last = textureSize(uScene, 0) - 1;
    vec3 centre = texelFetch(uScene, pixel, 0).rgb;
    float nw = brightness(texelFetch(uScene, clamp(pixel + ivec2(-1, 1), ivec2(0), last), 0).rgb);
    float ne = brightness(texelFetch(uScene, clamp(pixel + ivec2(1, 1), ivec2(0), last), 0).rgb);
    float sw = brightness(texelFetch(uScene, clamp(pixel + ivec2(-1, -1), ivec2(0), last), 0).rgb);
    float se = brightness(texelFetch(uScene, clamp(pixel + ivec2(1, -1), ivec2(0), last), 0).rgb);
    float middle = brightness(centre);
    float darkest = min(middle, min(min(nw, ne), min(sw, se)));
    float brightest = max(middle, max(max(nw, ne), max(sw, se)));
    // The brightness gradient, turned a quarter: the direction the edge runs.
    vec2 along = vec2(-((nw + ne) - (sw + se)), (nw + sw) - (ne + se));
    // Scaled so its shorter component is one texel, and at most three texels long.
    float shortest = min(abs(along.x), abs(along.y)) + max((nw + ne + sw + se) * 0.03125, 1.0 / 128.0);
    along = clamp(along / shortest, vec2(-3.0), vec2(3.0)) * uTexel;
    // Two filtered taps along the edge, a third of the way out each side: each mixes the
    // pixels the edge's steps cut through, which is what smooths them.
    vec3 blended = 0.5 * (texture(uScene, vUv - along * (1.0 / 3.0)).rgb + texture(uScene, vUv + along * (1.0 / 3.0)).rgb);
    // Below this contrast an edge would not show its steps: the pixel stays as it is. The blend
    // stays within the neighbourhood's range, so it never brings a colour from further away.
    float blendedBrightness = brightness(blended);
    bool edge = brightest - darkest >= max(0.04, brightest * 0.12) && blendedBrightness >= darkest && blendedBrightness <= brightest;
    fragColor = vec4(edge ? blended : centre, 1.0);
}
