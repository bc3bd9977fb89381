#version 330 core
// The overlay's kept picture (premultiplied colour, coverage in alpha), laid over the window
// pixel for pixel; blended with ONE, ONE_MINUS_SRC_ALPHA it gives what drawing the panels
// straight into the window gives.

uniform sampler2D uOverlay;

out vec4 fragColor;

void main()
{
    fragColor = texelFetch(uOverlay, ivec2(gl_FragCoord.xy), 0);
}
