// Edge smoothing after the scene is drawn, for the full-resolution levels without multisampling
// (a software rasteriser pays about three times the frame for 4x MSAA). Works on the finished,
// display-encoded picture: where the brightness changes sharply across a pixel, the pixel is
// blended along the edge, not across it, from taps spaced out in the edge's direction. Flat
// areas (most of the picture) keep their pixel untouched. The idea of FXAA's fast path, cut
// down to seven reads a pixel. Used by present.frag, after
// common/backdrop.glsl: the scene's pixels are laid over the backdrop as they are read.

// Perceived brightness of a display-encoded colour; green weighs most.
float brightness(vec3 color)
{
    return dot(color, vec3(0.299, 0.587, 0.114));
}

// The smoothed colour of this fragment's pixel of `scene`; `uv` its centre, `texel` 1 / size.
// The backdrop changes too slowly to differ between neighbouring pixels: every read is laid
// over the centre's backdrop colour (for brightness, as the sum of the two brightnesses).
vec3 smoothedPixel(sampler2D scene, vec2 uv, vec2 texel)
{
    vec3 behind = backdrop(uv);
    float behindBrightness = brightness(behind);
    // Whole-pixel reads (no filtering: a software sampler pays four reads for a filtered one).
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    ivec2 last = textureSize(scene, 0) - 1;
    vec4 centre = texelFetch(scene, pixel, 0);
    vec4 nwPixel = texelFetch(scene, clamp(pixel + ivec2(-1, 1), ivec2(0), last), 0);
    vec4 nePixel = texelFetch(scene, clamp(pixel + ivec2(1, 1), ivec2(0), last), 0);
    vec4 swPixel = texelFetch(scene, clamp(pixel + ivec2(-1, -1), ivec2(0), last), 0);
    vec4 sePixel = texelFetch(scene, clamp(pixel + ivec2(1, -1), ivec2(0), last), 0);
    float nw = brightness(nwPixel.rgb) + behindBrightness * (1.0 - nwPixel.a);
    float ne = brightness(nePixel.rgb) + behindBrightness * (1.0 - nePixel.a);
    float sw = brightness(swPixel.rgb) + behindBrightness * (1.0 - swPixel.a);
    float se = brightness(sePixel.rgb) + behindBrightness * (1.0 - sePixel.a);
    float middle = brightness(centre.rgb) + behindBrightness * (1.0 - centre.a);
    float darkest = min(middle, min(min(nw, ne), min(sw, se)));
    float brightest = max(middle, max(max(nw, ne), max(sw, se)));
    // The brightness gradient, turned a quarter: the direction the edge runs.
    vec2 along = vec2(-((nw + ne) - (sw + se)), (nw + sw) - (ne + se));
    // Scaled so its shorter component is one texel, and at most three texels long.
    float shortest = min(abs(along.x), abs(along.y)) + max((nw + ne + sw + se) * 0.03125, 1.0 / 128.0);
    along = clamp(along / shortest, vec2(-3.0), vec2(3.0)) * texel;
    // Two filtered taps along the edge, a third of the way out each side: each mixes the
    // pixels the edge's steps cut through, which is what smooths them.
    vec4 taps = 0.5 * (texture(scene, uv - along * (1.0 / 3.0)) + texture(scene, uv + along * (1.0 / 3.0)));
    vec3 blended = overBackdrop(taps, behind);
    // Below this contrast an edge would not show its steps: the pixel stays as it is. The blend
    // stays within the neighbourhood's range, so it never brings a colour from further away.
    float blendedBrightness = brightness(blended);
    bool edge = brightest - darkest >= max(0.04, brightest * 0.12) && blendedBrightness >= darkest && blendedBrightness <= brightest;
    return edge ? blended : overBackdrop(centre, behind);
}
