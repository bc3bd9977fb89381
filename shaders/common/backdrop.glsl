// The soft studio backdrop: a vertical gradient with a gentle vignette, in display sRGB.
// background.frag draws it behind the structures at the high and lowest levels, and in the
// close-up's box at every level; medium and low leave the main view's background clear
// (premultiplied colour, coverage in alpha) and the passes that bring the scene to the window
// lay it over this, where nothing covers it.

uniform vec3 uTopColor;     // display sRGB
uniform vec3 uBottomColor;

// `uv`: 0..1 across the picture, 0 at the bottom left.
vec3 backdrop(vec2 uv)
{
    vec3 color = mix(uBottomColor, uTopColor, smoothstep(0.0, 1.0, uv.y));
    vec2 centred = uv - 0.5;
    return color * (1.0 - 0.35 * dot(centred, centred));
}

// A scene pixel (premultiplied colour, coverage) over the backdrop's colour.
vec3 overBackdrop(vec4 scene, vec3 behind)
{
    return scene.rgb + behind * (1.0 - scene.a);
}
