#version 330 core
// The studio floor: it fades into the backdrop with distance and darkens softly where the
// body is near it. The shadow comes from capsules along the skeleton's segments: each one
// shades the floor by how much of the sky it hides (an analytic occlusion estimate), which
// gives soft contact shadows under feet, seat and hands for a few operations per capsule.

in vec3 vWorld;

uniform vec3 uCentre;
uniform float uHalfSize;
uniform vec3 uFloorColor;      // linear
uniform int uCapsuleCount;
uniform vec4 uCapsuleA[24];    // xyz: one end, w: radius
uniform vec4 uCapsuleB[24];    // xyz: other end

out vec4 fragColor;

float capsuleOcclusion(vec3 p, vec3 a, vec3 b, float radius)
{
    vec3 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    vec3 closest = a + ab * t;
    vec3 d = closest - p;
    float distance = length(d);
    // A sphere of radius r at distance d hides about (r/d)^2 of the sky, weighted by how far
    // above the floor it is; softened so the edge never looks cut.
    float cosine = max(d.y / max(distance, 1e-4), 0.0);
    float hidden = radius * radius / max(distance * distance, radius * radius);
    return hidden * cosine;
}

void main()
{
    float occlusion = 0.0;
    for (int i = 0; i < uCapsuleCount; ++i)
        occlusion += capsuleOcclusion(vWorld, uCapsuleA[i].xyz, uCapsuleB[i].xyz, uCapsuleA[i].w);
    float shadow = 1.0 - clamp(occlusion * 1.4, 0.0, 0.85);
    float fromCentre = length(vWorld.xz - uCentre.xz) / uHalfSize;
    float fade = 1.0 - smoothstep(0.35, 1.0, fromCentre);
    fragColor = vec4(uFloorColor * shadow, fade);
}
