#version 330 core
// Static, rigid, skinned and deformed (muscle) meshes. Skinned vertices blend up to four
// joint matrices; muscles arrive already deformed on the CPU and carry their path
// coordinates for fibre detail. At the lowest quality the lighting is worked out here, per
// vertex, colour maps included, and mesh_vertex_lit.frag only interpolates it. A cramping muscle ripples: its
// surface rises and falls along the normal with the fasciculation wave.

#include "common/lighting.glsl"
#include "common/colormap.glsl"
#include "common/muscle_state.glsl"

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in uvec4 aJoints;
layout(location = 3) in vec4 aWeights;
layout(location = 4) in vec3 aMuscle;   // along the path, around it (radians), outward (m)
layout(location = 5) in float aOcclusion; // baked ambient occlusion, 1 where the sky is open

uniform mat4 uModel;
uniform mat4 uView;
uniform mat4 uProjection;
uniform bool uSkinned;
uniform mat4 uJointMatrices[64];
uniform float uInflate;                 // metres along the normal (the selection outline)
uniform bool uVertexLighting;
uniform vec4 uBaseColor;
uniform float uRoughness;
uniform int uMaterial;
uniform vec3 uHighlightColor;
uniform float uHighlight;
uniform float uMapValue;

// The depth pre-pass (depth.frag) and the surface pass (mesh.frag, mesh_vertex_lit.frag) share
// this shader and compare depths for equality: every program must place a vertex exactly alike.
invariant gl_Position;

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vObjectPosition;
out vec3 vMuscle;
out float vOcclusion;
out vec4 vLitColor;                     // display colour and opacity, when lit per vertex

void main()
{
    mat4 model = uModel;
    if (uSkinned) {
        model = aWeights.x * uJointMatrices[aJoints.x] + aWeights.y * uJointMatrices[aJoints.y] +
                aWeights.z * uJointMatrices[aJoints.z] + aWeights.w * uJointMatrices[aJoints.w];
    }
    vec3 worldNormal = normalize(mat3(model) * aNormal);
    vec4 world = model * vec4(aPosition, 1.0);
    world.xyz += worldNormal * uInflate;
    // Up to 3 mm: a visible shiver on a belly 20-30 mm in radius, not a change of shape.
    if (uCramp > 0.0) world.xyz += worldNormal * (0.003 * smoothstep(0.04, 0.6, uCramp) * fasciculation(aMuscle));
    vec4 viewPosition = uView * world;
    vViewPosition = viewPosition.xyz;
    vViewNormal = mat3(uView) * worldNormal;
    vObjectPosition = aPosition;
    vMuscle = aMuscle;
    vOcclusion = aOcclusion;
    gl_Position = uProjection * viewPosition;
    if (uVertexLighting) {
        vec3 normal = normalize(vViewNormal);
        vec3 toEye = normalize(-viewPosition.xyz);
        float specular = uMaterial == 2 ? 1.2 : (uMaterial == 3 ? 0.25 : 1.0 - uRoughness * 0.7);
        bool showsState = uMaterial == 1 && uMapValue < 0.0;
        vec3 albedo = showsState ? stateAlbedo(uBaseColor.rgb, aMuscle, false) : uBaseColor.rgb;
        if (uMapValue >= 0.0) albedo = cividis(uMapValue) * 0.8;  // as mesh.frag
        vec3 color = studioLight(albedo, normal, toEye, uMaterial == 2 ? min(uRoughness, 0.3) : uRoughness, specular, aOcclusion * aOcclusion);
        if (showsState) color += stateGlow(aMuscle);
        float alpha = uBaseColor.a;
        float edge = 1.0 - abs(dot(normal, toEye));
        if (uMaterial == 4) {
            alpha = clamp(uBaseColor.a * (0.45 + 1.3 * edge * edge), 0.0, 1.0);
            color += vec3(0.9, 0.45, 0.35) * edge * edge * 0.25;
        }
        // Highlight: light along the silhouette only, so the surface keeps its state's colour.
        color += uHighlightColor * (uHighlight * 0.9 * edge * edge * edge);
        vLitColor = vec4(toDisplay(color), alpha);
    } else {
        vLitColor = vec4(0.0);
    }
}
