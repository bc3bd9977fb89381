#version 330 core
// Static, rigid and skinned meshes. Skinned vertices blend up to four joint matrices.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in uvec4 aJoints;
layout(location = 3) in vec4 aWeights;

uniform mat4 uModel;
uniform mat4 uView;
uniform mat4 uProjection;
uniform bool uSkinned;
uniform mat4 uJointMatrices[64];

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vWorldPosition;

void main()
{
    mat4 model = uModel;
    if (uSkinned) {
        model = aWeights.x * uJointMatrices[aJoints.x] + aWeights.y * uJointMatrices[aJoints.y] +
                aWeights.z * uJointMatrices[aJoints.z] + aWeights.w * uJointMatrices[aJoints.w];
    }
    vec4 world = model * vec4(aPosition, 1.0);
    vec4 viewPosition = uView * world;
    vWorldPosition = world.xyz;
    vViewPosition = viewPosition.xyz;
    vViewNormal = mat3(uView) * (mat3(model) * aNormal);
    gl_Position = uProjection * viewPosition;
}
