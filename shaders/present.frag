#version 330 core
// Copies the rendered scene to the window. The scene texture is sRGB, so sampling returns
// linear light; this encodes it for the (non-sRGB) window, adds a little dither against
// banding in the dark backdrop, and optionally smooths edges with a compact FXAA-style
// filter (after Lottes 2009) when multisampling is too expensive.

in vec2 vUv;

uniform sampler2D uScene;
uniform vec2 uTexel;          // 1 / scene size
uniform bool uSmoothEdges;

out vec4 fragColor;

float luma(vec3 c)
{
    return dot(c, vec3(0.299, 0.587, 0.114));
}

vec3 encodeSrgb(vec3 linear)
{
    return mix(linear * 12.92, 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, linear));
}

void main()
{
    vec3 centre = texture(uScene, vUv).rgb;
    vec3 color = centre;
    if (uSmoothEdges) {
        vec3 north = texture(uScene, vUv + vec2(0.0, uTexel.y)).rgb;
        vec3 south = texture(uScene, vUv - vec2(0.0, uTexel.y)).rgb;
        vec3 east = texture(uScene, vUv + vec2(uTexel.x, 0.0)).rgb;
        vec3 west = texture(uScene, vUv - vec2(uTexel.x, 0.0)).rgb;
        float lc = luma(encodeSrgb(centre)), ln = luma(encodeSrgb(north)), ls = luma(encodeSrgb(south));
        float le = luma(encodeSrgb(east)), lw = luma(encodeSrgb(west));
        float range = max(max(max(ln, ls), max(le, lw)), lc) - min(min(min(ln, ls), min(le, lw)), lc);
        if (range > 0.05) {
            // Blur along the edge, not across it.
            vec2 direction = vec2(-((ln + ls) - (le + lw)), (le + lw) - (ln + ls));
            direction = normalize(direction + 1e-6) * uTexel;
            vec3 along = 0.5 * (texture(uScene, vUv + direction * 0.5).rgb + texture(uScene, vUv - direction * 0.5).rgb);
            vec3 wide = 0.5 * along + 0.25 * (texture(uScene, vUv + direction * 1.5).rgb + texture(uScene, vUv - direction * 1.5).rgb);
            color = mix(along, wide, 0.5);
        }
    }
    vec3 display = encodeSrgb(color);
    float dither = (fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453) - 0.5) / 255.0;
    fragColor = vec4(display + dither, 1.0);
}
