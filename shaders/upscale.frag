#version 330 core
// The scene drawn at reduced resolution (low quality), stretched over the window with
// bilinear filtering. Its values are already display-encoded: copied as they are.

in vec2 vUv;

uniform sampler2D uScene;

out vec4 fragColor;

void main()
{
    fragColor = vec4(texture(uScene, vUv).rgb, 1.0);
}
