#include "assets/assimp_reader.h"

#include "assets/model_import.h"

#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <glm/gtc/matrix_transform.hpp>
#define GLM_ENABLE_EXPERIMENTAL
#include <glm/gtx/matrix_decompose.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>

namespace assets {
namespace fs = std::filesystem;

namespace {

glm::mat4 toGlm(const aiMatrix4x4& m)
{
    // assimp matrices are row-major; glm is column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

std::string metadataText(const aiMetadataEntry& entry)
{
    switch (entry.mType) {
    case AI_BOOL: return *static_cast<bool*>(entry.mData) ? "true" : "false";
    case AI_INT32: return std::to_string(*static_cast<int32_t*>(entry.mData));
    case AI_UINT64: return std::to_string(*static_cast<uint64_t*>(entry.mData));
    case AI_FLOAT: return std::to_string(*static_cast<float*>(entry.mData));
    case AI_DOUBLE: return std::to_string(*static_cast<double*>(entry.mData));
    case AI_AISTRING: return static_cast<aiString*>(entry.mData)->C_Str();
    default: return {};
    }
}

Material convertMaterial(const aiMaterial& source)
{
    Material material;
    aiString name;
    if (source.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) material.name = name.C_Str();
    aiColor4D color;
    if (source.Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS || source.Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS)
        material.baseColor = {color.r, color.g, color.b, color.a};
    float value = 0.0f;
    if (source.Get(AI_MATKEY_ROUGHNESS_FACTOR, value) == AI_SUCCESS) material.roughness = value;
    if (source.Get(AI_MATKEY_METALLIC_FACTOR, value) == AI_SUCCESS) material.metallic = value;
    if (source.Get(AI_MATKEY_OPACITY, value) == AI_SUCCESS && value < 1.0f) {
        material.baseColor.a = std::min(material.baseColor.a, value);
        material.blend = true;
    }
    aiString alphaMode;
    if (source.Get("$mat.gltf.alphaMode", 0, 0, alphaMode) == AI_SUCCESS)
        material.blend = std::string(alphaMode.C_Str()) == "BLEND";
    int twoSided = 0;
    if (source.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) material.doubleSided = twoSided != 0;
    return material;
}

core::Expected<MeshData> convertMesh(const aiMesh& source, const fs::path& path)
{
    MeshData mesh;
    mesh.name = source.mName.C_Str();
    mesh.material = int(source.mMaterialIndex);
    const unsigned vertexCount = source.mNumVertices;
    if (!source.HasPositions() || vertexCount == 0)
        return core::Error{path.string(), 0, 0, "mesh '" + mesh.name + "'", "has no vertex positions"};
    mesh.positions.resize(vertexCount);
    for (unsigned i = 0; i < vertexCount; ++i) {
        const aiVector3D& p = source.mVertices[i];
        mesh.positions[i] = {p.x, p.y, p.z};
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            return core::Error{path.string(), 0, 0, "mesh '" + mesh.name + "'", "has a vertex position that is not a number"};
        mesh.bounds.add(mesh.positions[i]);
    }
    if (source.HasNormals()) {
        mesh.normals.resize(vertexCount);
        for (unsigned i = 0; i < vertexCount; ++i) mesh.normals[i] = {source.mNormals[i].x, source.mNormals[i].y, source.mNormals[i].z};
    }
    if (source.HasTextureCoords(0)) {
        mesh.texcoords.resize(vertexCount);
        for (unsigned i = 0; i < vertexCount; ++i) mesh.texcoords[i] = {source.mTextureCoords[0][i].x, source.mTextureCoords[0][i].y};
    }
    if (source.HasVertexColors(0)) {
        mesh.occlusion.resize(vertexCount);
        for (unsigned i = 0; i < vertexCount; ++i) {
            const float value = source.mColors[0][i].r;
            mesh.occlusion[i] = std::isfinite(value) ? std::clamp(value, 0.0f, 1.0f) : 1.0f;
        }
    }
    // Muscle parametric coordinates ride in TEXCOORD_1 (along, around) and TEXCOORD_2 (outward).
    // assimp's glTF reader turns every v into 1 - v for image conventions; around is not an
    // image coordinate, so that is undone here.
    if (source.HasTextureCoords(1) && source.HasTextureCoords(2)) {
        std::string extension = path.extension().string();
        for (char& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
        const bool flippedV = extension == ".glb" || extension == ".gltf";
        mesh.muscleCoords.resize(vertexCount);
        for (unsigned i = 0; i < vertexCount; ++i) {
            const float around = flippedV ? 1.0f - source.mTextureCoords[1][i].y : source.mTextureCoords[1][i].y;
            mesh.muscleCoords[i] = {source.mTextureCoords[1][i].x, around, source.mTextureCoords[2][i].x};
        }
    }
    mesh.indices.reserve(std::size_t(source.mNumFaces) * 3);
    for (unsigned f = 0; f < source.mNumFaces; ++f) {
        const aiFace& face = source.mFaces[f];
        if (face.mNumIndices != 3) continue; // stray points and lines beside the triangles
        for (unsigned k = 0; k < 3; ++k) {
            if (face.mIndices[k] >= vertexCount)
                return core::Error{path.string(), 0, 0, "mesh '" + mesh.name + "'", "has a triangle index out of range"};
            mesh.indices.push_back(face.mIndices[k]);
        }
    }
    if (mesh.indices.empty())
        return core::Error{path.string(), 0, 0, "mesh '" + mesh.name + "'", "has no triangles"};
    // Bounds of what is drawn: vertices no triangle uses do not move the camera's framing.
    mesh.bounds = {};
    for (std::uint32_t index : mesh.indices) mesh.bounds.add(mesh.positions[index]);
    return mesh;
}

// Converts assimp's per-bone weight lists into four joints and weights per vertex.
core::Status convertSkin(const aiMesh& source, MeshData& mesh, ModelData& model, const std::map<std::string, int>& nodeByName,
                         const fs::path& path)
{
    if (!source.HasBones()) return {};
    if (source.mNumBones > kMaxSkinJoints)
        return core::Error{path.string(), 0, 0, "mesh '" + mesh.name + "'",
                           "is bound to " + std::to_string(source.mNumBones) + " joints; at most " +
                               std::to_string(kMaxSkinJoints) + " can be drawn"};
    Skin skin;
    const unsigned vertexCount = source.mNumVertices;
    std::vector<std::array<std::pair<float, int>, 4>> influences(vertexCount);
    for (auto& slots : influences) slots.fill({0.0f, 0});
    for (unsigned b = 0; b < source.mNumBones; ++b) {
        const aiBone& bone = *source.mBones[b];
        auto node = nodeByName.find(bone.mName.C_Str());
        skin.joints.push_back(node != nodeByName.end() ? node->second : 0);
        skin.inverseBindMatrices.push_back(toGlm(bone.mOffsetMatrix));
        for (unsigned w = 0; w < bone.mNumWeights; ++w) {
            const aiVertexWeight& weight = bone.mWeights[w];
            if (weight.mVertexId >= vertexCount) continue;
            auto& slots = influences[weight.mVertexId];
            auto weakest = std::min_element(slots.begin(), slots.end());
            if (weight.mWeight > weakest->first) *weakest = {weight.mWeight, int(b)};
        }
    }
    mesh.joints.resize(vertexCount);
    mesh.weights.resize(vertexCount);
    for (unsigned i = 0; i < vertexCount; ++i) {
        float total = 0.0f;
        for (const auto& slot : influences[i]) total += slot.first;
        for (int k = 0; k < 4; ++k) {
            mesh.joints[i][k] = std::uint16_t(influences[i][std::size_t(k)].second);
            mesh.weights[i][k] = total > 0.0f ? influences[i][std::size_t(k)].first / total : (k == 0 ? 1.0f : 0.0f);
        }
    }
    for (std::size_t s = 0; s < model.skins.size(); ++s)
        if (model.skins[s].joints == skin.joints) {
            mesh.skin = int(s);
            return {};
        }
    model.skins.push_back(std::move(skin));
    mesh.skin = int(model.skins.size()) - 1;
    return {};
}

void addNode(const aiNode& source, int parent, ModelData& model)
{
    Node node;
    node.name = source.mName.C_Str();
    node.parent = parent;
    glm::vec3 skew;
    glm::vec4 perspective;
    glm::decompose(toGlm(source.mTransformation), node.scale, node.rotation, node.translation, skew, perspective);
    for (unsigned i = 0; i < source.mNumMeshes; ++i) node.meshes.push_back(int(source.mMeshes[i]));
    if (source.mMetaData)
        for (unsigned i = 0; i < source.mMetaData->mNumProperties; ++i)
            node.metadata[source.mMetaData->mKeys[i].C_Str()] = metadataText(source.mMetaData->mValues[i]);
    const int index = int(model.nodes.size());
    model.nodes.push_back(std::move(node));
    if (parent >= 0) model.nodes[std::size_t(parent)].children.push_back(index);
    for (unsigned i = 0; i < source.mNumChildren; ++i) addNode(*source.mChildren[i], index, model);
}

} // namespace

namespace {

// True when a mesh has at least one triangle; assimp's SortByPType leaves lines and points in
// meshes of their own.
bool hasTriangles(const aiMesh& mesh)
{
    if (mesh.mPrimitiveTypes != 0) return (mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) != 0;
    for (unsigned f = 0; f < mesh.mNumFaces; ++f)
        if (mesh.mFaces[f].mNumIndices == 3) return true;
    return false;
}

// True when some triangle has an area: one whose corners lie on a line draws nothing.
bool hasArea(const MeshData& mesh)
{
    const float size = glm::length(mesh.bounds.max - mesh.bounds.min);
    const float smallest = size * size * 1e-9f;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                        c = mesh.positions[mesh.indices[i + 2]];
        if (glm::length(glm::cross(b - a, c - a)) > smallest) return true;
    }
    return false;
}

// "'Lines', 'Points'", at most eight names, then a count.
std::string joinNames(const std::vector<std::string>& names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 8; ++i) text += (i ? ", '" : "'") + names[i] + "'";
    if (names.size() > 8) text += " and " + std::to_string(names.size() - 8) + " more";
    return text;
}

// What the file says about its units and up axis (FBX keeps them in the scene's metadata,
// which has no place in ModelData), copied onto the root node for assets/model_placement.h.
void recordStatedUnits(const aiScene& scene, Node& root)
{
    if (!scene.mMetaData) return;
    for (unsigned i = 0; i < scene.mMetaData->mNumProperties; ++i) {
        const std::string key = scene.mMetaData->mKeys[i].C_Str();
        if (key == "UnitScaleFactor" || key == "UpAxis" || key == "UpAxisSign")
            root.metadata[std::string(kStatedPrefix) + key] = metadataText(scene.mMetaData->mValues[i]);
    }
}

} // namespace

namespace {

constexpr unsigned kImportFlags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_LimitBoneWeights |
                                  aiProcess_ValidateDataStructure | aiProcess_SortByPType;

} // namespace

core::Expected<ModelData> convertAssimpScene(const aiScene& scene, const std::string& name)
{
    const fs::path path(name);
    if ((scene.mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene.mRootNode)
        return core::makeFileError(name, "model is incomplete (no scene graph)");
    if (scene.mNumMeshes == 0) return core::makeFileError(name, "model has no meshes");

    ModelData model;
    model.sourcePath = name;
    addNode(*scene.mRootNode, -1, model);
    std::map<std::string, int> nodeByName;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) nodeByName.emplace(model.nodes[i].name, int(i));

    for (unsigned m = 0; m < scene.mNumMaterials; ++m) model.materials.push_back(convertMaterial(*scene.mMaterials[m]));
    // Meshes of lines or points (nerves or vessels drawn as polylines, point clouds) are left
    // out with one warning; the model is refused only when nothing with triangles is left.
    std::vector<int> keptIndex(scene.mNumMeshes, -1);
    std::vector<std::string> skipped;
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        const aiMesh& source = *scene.mMeshes[m];
        if (!hasTriangles(source)) {
            skipped.push_back(source.mName.length > 0 ? source.mName.C_Str() : "#" + std::to_string(m));
            continue;
        }
        auto mesh = convertMesh(source, path);
        if (!mesh) return mesh.error();
        if (!hasArea(*mesh)) {
            skipped.push_back(mesh->name + " (no triangle has an area)");
            continue;
        }
        if (mesh->material >= int(model.materials.size())) mesh->material = -1;
        if (core::Status skinned = convertSkin(source, *mesh, model, nodeByName, path); !skinned)
            return skinned.error();
        keptIndex[m] = int(model.meshes.size());
        model.meshes.push_back(std::move(*mesh));
    }
    if (model.meshes.empty())
        return core::makeFileError(name, "has nothing to draw: its " + std::to_string(skipped.size()) +
                                             " mesh(es) are all lines, points or flat to nothing (" + joinNames(skipped) + ")");
    for (Node& node : model.nodes) {
        std::vector<int> kept;
        for (int mesh : node.meshes) {
            if (mesh < 0 || mesh >= int(keptIndex.size()))
                return core::Error{name, 0, 0, "node '" + node.name + "'", "refers to a mesh that does not exist"};
            if (keptIndex[std::size_t(mesh)] >= 0) kept.push_back(keptIndex[std::size_t(mesh)]);
        }
        node.meshes = std::move(kept);
    }
    if (!skipped.empty()) model.nodes.front().metadata[std::string(kSkippedMeshesKey)] = joinNames(skipped);
    recordStatedUnits(scene, model.nodes.front());
    return model;
}

core::Expected<ModelData> readWithAssimp(const AssimpSource& source, AssimpStageFunction stage, void* context)
{
    const auto tell = [&](AssimpStage now) {
        if (stage) stage(context, now);
    };
    tell(AssimpStage::Reading);
    Assimp::Importer importer;
    // glTF is already indexed: joining identical vertices would cost ~100x the import time.
    const aiScene* scene = source.data ? importer.ReadFileFromMemory(source.data, source.size, kImportFlags, source.formatHint.c_str())
                                       : importer.ReadFile(source.name, kImportFlags);
    tell(AssimpStage::Converting);
    if (!scene) return core::makeFileError(source.name, std::string("cannot read model: ") + importer.GetErrorString());
    core::Expected<ModelData> converted = convertAssimpScene(*scene, source.name);
    // assimp frees its scene here, in its own code again: a file that made the reader write
    // out of bounds can make that free abort (glibc's heap checks), and that is the file's
    // doing, not the conversion's.
    tell(AssimpStage::Freeing);
    importer.FreeScene();
    return converted;
}

} // namespace assets

extern "C" __attribute__((visibility("default"))) void ht_read_with_assimp(const assets::AssimpSource* source,
                                                                          assets::AssimpStageFunction stage, void* context,
                                                                          core::Expected<assets::ModelData>* result)
{
    *result = assets::readWithAssimp(*source, stage, context);
}

extern "C" __attribute__((visibility("default"))) std::uint64_t ht_assimp_entry_layout()
{
    return assets::assimpEntryLayout();
}
