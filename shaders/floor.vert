#version 330 core
// A square of floor under the body, generated from the vertex id.

uniform mat4 uView;
uniform mat4 uProjection;
uniform vec3 uCentre;
uniform float uHalfSize;

out vec3 vWorld;

void main()
{
    vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
    vec2 c = corners[gl_VertexID];
    vWorld = vec3(uCentre.x + c.x * uHalfSize, 0.0, uCentre.z + c.y * uHalfSize);
    gl_Position = uProjection * uView * vec4(vWorld, 1.0);
}
