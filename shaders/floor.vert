#version 330 core
// The studio floor under the body: a grid of quads whose corners come from the vertex id. The soft
// contact shadow is worked out per vertex from capsules along the skeleton's segments: each
// capsule shades the floor by roughly how much of the sky it hides, (radius / distance)^2
// weighted by its height, which gives soft shadows under feet, seat and hands. Doing it per
// vertex of a fine grid costs a fraction of doing it per pixel.

uniform mat4 uView;
uniform mat4 uProjection;
uniform vec3 uCentre;
uniform float uHalfSize;
uniform int uCells;            // grid cells per side
uniform int uCapsuleCount;
uniform vec4 uCapsuleA[24];    // xyz: one end, w: radius
uniform vec4 uCapsuleB[24];    // xyz: other end

out float vShadow;
out float vFade;

float capsuleOcclusion(vec3 p, vec3 a, vec3 b, float radius)
{
    vec3 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    vec3 d = a + ab * t - p;
    float distanceSquared = dot(d, d);
    float cosine = max(d.y, 0.0) * inversesqrt(max(distanceSquared, 1e-8));
    return radius * radius / max(distanceSquared, radius * radius) * cosine;
}

void main()
{
    // Indexed: the vertex id is the grid corner, row by row.
    ivec2 grid = ivec2(gl_VertexID % (uCells + 1), gl_VertexID / (uCells + 1));
    vec2 c = vec2(grid) / float(uCells) * 2.0 - 1.0;
    vec3 world = vec3(uCentre.x + c.x * uHalfSize, 0.0, uCentre.z + c.y * uHalfSize);
    float occlusion = 0.0;
    for (int i = 0; i < uCapsuleCount; ++i)
        occlusion += capsuleOcclusion(world, uCapsuleA[i].xyz, uCapsuleB[i].xyz, uCapsuleA[i].w);
    vShadow = 1.0 - clamp(occlusion * 1.4, 0.0, 0.85);
    vFade = 1.0 - smoothstep(0.35, 1.0, length(c));
    gl_Position = uProjection * uView * vec4(world, 1.0);
}
