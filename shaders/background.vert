#version 330 core
// A full-screen triangle with no vertex buffer: the vertex id picks the corner.

out vec2 vUv;

void main()
{
    vec2 corner = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    vUv = corner;
    gl_Position = vec4(corner * 2.0 - 1.0, 1.0, 1.0);  // at the far plane
}
