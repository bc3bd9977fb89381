// Edge smoothing after the scene is drawn, for the full-resolution levels without multisampling
// (a software rasteriser pays about three times the frame for 4x MSAA). Works on the finished,
// display-encoded picture: where the brightness changes sharply across a pixel, the pixel is
// blended along the edge, not across it, from two taps in the edge's direction. Flat areas
// (most of the picture) keep their pixel untouched. The idea of FXAA's fast path, cut down to
// the 3x3 pixels around each one, read whole: nine reads a pixel. Used by present.frag, after
// common/backdrop.glsl: the scene's pixels are laid over the backdrop as they are read.

// Perceived brightness of a display-encoded colour; green weighs most.
float brightness(vec3 color)
{
    return dot(color, vec3(0.299, 0.587, 0.114));
}

// The smoothed colour of this fragment's pixel of `scene` (the size of the window); `uv` its
// centre, 0..1 across the picture.
// The backdrop changes too slowly to differ between neighbouring pixels: every read is laid
// over the centre's backdrop colour (for brightness, as the sum of the two brightnesses).
vec3 smoothedPixel(sampler2D scene, vec2 uv)
{
    vec3 behind = backdrop(uv);
    float behindBrightness = brightness(behind);
    // Whole-pixel reads only: a software sampler pays four reads and the filtering for a
    // filtered one.
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
    // Scaled so its shorter component is one pixel, and at most three pixels long.
    float shortest = min(abs(along.x), abs(along.y)) + max((nw + ne + sw + se) * 0.03125, 1.0 / 128.0);
    // Two taps along the edge, a third of the way out each side (so at most one pixel): each
    // mixes the pixels the edge's steps cut through, which is what smooths them. Each is
    // filtered from the 3x3 pixels as bilinear filtering would: the four pixels around the
    // tap, the centre and its neighbours on the tap's side, weighted by how far out it lies.
    vec2 offset = clamp(along / shortest, vec2(-3.0), vec2(3.0)) * (1.0 / 3.0);
    ivec2 side = ivec2(offset.x >= 0.0 ? 1 : -1, offset.y >= 0.0 ? 1 : -1);
    vec2 weight = abs(offset);
    vec4 east = texelFetch(scene, clamp(pixel + ivec2(1, 0), ivec2(0), last), 0);
    vec4 west = texelFetch(scene, clamp(pixel + ivec2(-1, 0), ivec2(0), last), 0);
    vec4 north = texelFetch(scene, clamp(pixel + ivec2(0, 1), ivec2(0), last), 0);
    vec4 south = texelFetch(scene, clamp(pixel + ivec2(0, -1), ivec2(0), last), 0);
    vec4 across = side.x > 0 ? east : west, acrossBack = side.x > 0 ? west : east;
    vec4 up = side.y > 0 ? north : south, upBack = side.y > 0 ? south : north;
    vec4 corner = side.x > 0 ? (side.y > 0 ? nePixel : sePixel) : (side.y > 0 ? nwPixel : swPixel);
    vec4 cornerBack = side.x > 0 ? (side.y > 0 ? swPixel : nwPixel) : (side.y > 0 ? sePixel : nePixel);
    vec4 forward = mix(mix(centre, across, weight.x), mix(up, corner, weight.x), weight.y);
    vec4 backward = mix(mix(centre, acrossBack, weight.x), mix(upBack, cornerBack, weight.x), weight.y);
    vec4 taps = 0.5 * (forward + backward);
    vec3 blended = overBackdrop(taps, behind);
    // Below this contrast an edge would not show its steps: the pixel stays as it is. The blend
    // stays within the neighbourhood's range, so it never brings a colour from further away.
    float blendedBrightness = brightness(blended);
    bool edge = brightest - darkest >= max(0.04, brightest * 0.12) && blendedBrightness >= darkest && blendedBrightness <= brightest;
    return edge ? blended : overBackdrop(centre, behind);
}
