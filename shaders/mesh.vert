#version 330 core
// Static, rigid, skinned and deformed (muscle) meshes. Skinned vertices blend up to four
// joint matrices; muscles arrive already deformed on the CPU and carry their path
// coordinates for fibre detail.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in uvec4 aJoints;
layout(location = 3) in vec4 aWeights;
layout(location = 4) in vec3 aMuscle;   // along the path, around it (radians), outward (m)

uniform mat4 uModel;
uniform mat4 uView;
uniform mat4 uProjection;
uniform bool uSkinned;
uniform mat4 uJointMatrices[64];
uniform float uInflate;                 // metres along the normal (the selection outline)

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vObjectPosition;
out vec3 vMuscle;

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
    vec4 viewPosition = uView * world;
    vViewPosition = viewPosition.xyz;
    vViewNormal = mat3(uView) * worldNormal;
    vObjectPosition = aPosition;
    vMuscle = aMuscle;
    gl_Position = uProjection * viewPosition;
}
