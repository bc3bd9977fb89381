#version 330 core
// Where the overlay's panels lie: the low level's scene stretched as in upscale.frag, with the
// overlay's kept picture (premultiplied colour, coverage in alpha) laid over it in the same
// pass, as blending it afterwards with ONE, ONE_MINUS_SRC_ALPHA would.

in vec2 vUv;

uniform sampler2D uScene;
uniform sampler2D uOverlay;

out vec4 fragColor;

void main()
{
    vec4 overlay = texelFetch(uOverlay, ivec2(gl_FragCoord.xy), 0);
    fragColor = vec4(overlay.rgb + texture(uScene, vUv).rgb * (1.0 - overlay.a), 1.0);
}
