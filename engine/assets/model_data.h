// CPU-side model data: meshes, materials, the node hierarchy, skins and metadata, as
// imported from a file and before anything reaches the GPU.
#pragma once

#include "core/math.h"

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace assets {

struct Material {
    std::string name;
    glm::vec4 baseColor{1.0f}; // linear RGB, alpha
    float roughness = 0.6f;
    float metallic = 0.0f;
    bool blend = false;        // glTF alphaMode BLEND
    bool doubleSided = false;
};

struct MeshData {
    std::string name;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec2> texcoords;       // optional (TEXCOORD_0)
    std::vector<glm::vec3> muscleCoords;    // optional: along, around, outward (TEXCOORD_1 and _2)
    std::vector<glm::u16vec4> joints;       // optional: indices into the skin's joint list
    std::vector<glm::vec4> weights;         // optional: four weights summing to 1
    std::vector<float> occlusion;           // optional: baked ambient occlusion, 1 open (COLOR_0)
    std::vector<std::uint32_t> indices;     // triangles
    int material = -1;
    int skin = -1;                          // index into ModelData::skins when skinned
    core::Bounds bounds;                    // in the mesh's own space

    std::size_t triangleCount() const { return indices.size() / 3; }
    bool skinned() const { return !joints.empty(); }
};

struct Node {
    std::string name;
    int parent = -1;                  // parents come before their children
    std::vector<int> children;
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 scale{1.0f};
    std::vector<int> meshes;
    std::map<std::string, std::string> metadata; // glTF extras, as text

    glm::mat4 localMatrix() const;
};

// The most joints one skin may have: the mesh shaders hold this many joint matrices.
inline constexpr std::size_t kMaxSkinJoints = 64;

struct Skin {
    std::vector<int> joints;                  // node indices
    std::vector<glm::mat4> inverseBindMatrices;
};

struct ModelData {
    std::string sourcePath;
    std::vector<Node> nodes;
    std::vector<MeshData> meshes;
    std::vector<Material> materials;
    std::vector<Skin> skins;

    int findNode(std::string_view name) const;
    // World matrices of every node in the rest pose.
    std::vector<glm::mat4> restWorldMatrices() const;
    // Bounds of all meshes in the rest pose, in world space.
    core::Bounds restBounds() const;
    std::size_t triangleCount() const;
};

} // namespace assets
