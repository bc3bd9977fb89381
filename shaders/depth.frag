#version 330 core
// Depth only: the pre-pass that lets a translucent structure blend just its nearest surface.

out vec4 fragColor;

void main()
{
    fragColor = vec4(0.0);
}
