// Dear ImGui's triangles: positions in the overlay's pixels, a texture coordinate into the
// font atlas, and a colour (straight alpha, as ImGui makes it).
#version 330 core

layout(location = 0) in vec2 aPosition;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec4 aColor;

uniform mat4 uProjection;

out vec2 vUv;
out vec4 vColor;

void main()
{
    vUv = aUv;
    vColor = aColor;
    gl_Position = uProjection * vec4(aPosition, 0.0, 1.0);
}
