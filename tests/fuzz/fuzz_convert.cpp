// Fuzz target: the conversion of assimp's scene into ModelData (assets::convertAssimpScene),
// in this process, where libFuzzer sees its coverage. The real import runs it in a child
// process (core/isolate.h), so fuzz_model reaches it only through assimp's readers; here the
// bytes are decoded straight into an aiScene instead: well formed as assimp's validation
// leaves one (every pointer and count consistent), with arbitrary contents - names, indices
// out of range, NaN and infinite numbers, missing vertices, faces of one to four corners,
// bones and weights, node trees with metadata of every type.
#include "assets/model_import.h"

#include <assimp/material.h>
#include <assimp/mesh.h>
#include <assimp/metadata.h>
#include <assimp/scene.h>

#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace {

// Reads the fuzz bytes front to back; once they run out every read gives zero, so any input
// decodes to some scene.
class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
    unsigned below(unsigned limit) { return limit == 0 ? 0 : byte() % limit; }
    bool flag() { return byte() & 1; }
    std::uint32_t word()
    {
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) value = value << 8 | byte();
        return value;
    }
    // Raw bits, so NaN, infinities and denormals turn up; small whole numbers too, which
    // shapes worth converting are made of.
    float number()
    {
        if (flag()) return float(int(byte()) - 128) / 16.0f;
        const std::uint32_t bits = word();
        float value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    aiString name()
    {
        // Mostly from a few names, so bones find their nodes by name.
        static const char* const known[] = {"root", "pelvis", "femur_r", "tibia_r", "semitendinosus_r", ""};
        aiString text;
        if (flag()) {
            text.Set(known[below(6)]);
        } else {
            std::string chars(below(24), '\0');
            for (char& c : chars) c = char(byte());
            text.Set(chars);
        }
        return text;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

aiMaterial* decodeMaterial(ByteReader& in)
{
    auto* material = new aiMaterial();
    const unsigned present = in.byte();
    if (present & 1) {
        const aiString name = in.name();
        material->AddProperty(&name, AI_MATKEY_NAME);
    }
    if (present & 2) {
        const aiColor4D color(in.number(), in.number(), in.number(), in.number());
        if (present & 4)
            material->AddProperty(&color, 1, AI_MATKEY_BASE_COLOR);
        else
            material->AddProperty(&color, 1, AI_MATKEY_COLOR_DIFFUSE);
    }
    if (present & 8) {
        const float roughness = in.number(), metallic = in.number();
        material->AddProperty(&roughness, 1, AI_MATKEY_ROUGHNESS_FACTOR);
        material->AddProperty(&metallic, 1, AI_MATKEY_METALLIC_FACTOR);
    }
    if (present & 16) {
        const float opacity = in.number();
        material->AddProperty(&opacity, 1, AI_MATKEY_OPACITY);
    }
    if (present & 32) {
        static const char* const modes[] = {"OPAQUE", "BLEND", "MASK", "blend"};
        const aiString mode(modes[in.below(4)]);
        material->AddProperty(&mode, "$mat.gltf.alphaMode", 0, 0);
    }
    if (present & 64) {
        const int twoSided = int(in.byte()) - 1;
        material->AddProperty(&twoSided, 1, AI_MATKEY_TWOSIDED);
    }
    return material;
}

// assimp's destructors free some arrays only when their count is not zero: empty ones stay null.
template <class T>
T* newArray(unsigned count)
{
    return count ? new T[count] : nullptr;
}

aiVector3D* decodeVectors(ByteReader& in, unsigned count)
{
    auto* vectors = newArray<aiVector3D>(count);
    for (unsigned i = 0; i < count; ++i) vectors[i] = aiVector3D(in.number(), in.number(), in.number());
    return vectors;
}

aiMatrix4x4 decodeMatrix(ByteReader& in)
{
    aiMatrix4x4 matrix;  // identity unless the input says otherwise
    if (in.flag())
        for (unsigned row = 0; row < 4; ++row)
            for (unsigned column = 0; column < 4; ++column) matrix[row][column] = in.number();
    return matrix;
}

aiMesh* decodeMesh(ByteReader& in)
{
    auto* mesh = new aiMesh();
    mesh->mName = in.name();
    mesh->mMaterialIndex = in.below(6);  // may name a material that does not exist
    mesh->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    const unsigned present = in.byte();
    mesh->mNumVertices = in.below(48);
    if (!(present & 1)) mesh->mVertices = decodeVectors(in, mesh->mNumVertices);
    if (present & 2) mesh->mNormals = decodeVectors(in, mesh->mNumVertices);
    for (unsigned set = 0; set < 3; ++set)
        if (present & (4u << set)) {
            mesh->mTextureCoords[set] = decodeVectors(in, mesh->mNumVertices);
            mesh->mNumUVComponents[set] = 2;
        }
    if (present & 32) {
        mesh->mColors[0] = newArray<aiColor4D>(mesh->mNumVertices);
        for (unsigned i = 0; i < mesh->mNumVertices; ++i)
            mesh->mColors[0][i] = aiColor4D(in.number(), in.number(), in.number(), in.number());
    }
    mesh->mNumFaces = in.below(64);
    mesh->mFaces = newArray<aiFace>(mesh->mNumFaces);
    for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
        aiFace& face = mesh->mFaces[f];
        face.mNumIndices = 1 + in.below(4);
        face.mIndices = new unsigned[face.mNumIndices];
        // Mostly inside the vertex range, sometimes past it.
        for (unsigned k = 0; k < face.mNumIndices; ++k) face.mIndices[k] = in.below(mesh->mNumVertices + 2);
    }
    if (present & 64) {
        // Up to a few past the number of joints a mesh may be drawn with.
        mesh->mNumBones = (present & 128) ? 60 + in.below(8) : in.below(5);
        mesh->mBones = newArray<aiBone*>(mesh->mNumBones);
        for (unsigned b = 0; b < mesh->mNumBones; ++b) {
            auto* bone = new aiBone();
            bone->mName = in.name();
            bone->mOffsetMatrix = decodeMatrix(in);
            bone->mNumWeights = in.below(16);
            bone->mWeights = newArray<aiVertexWeight>(bone->mNumWeights);
            for (unsigned w = 0; w < bone->mNumWeights; ++w)
                bone->mWeights[w] = aiVertexWeight(in.below(mesh->mNumVertices + 2), in.number());
            mesh->mBones[b] = bone;
        }
    }
    return mesh;
}

aiMetadata* decodeMetadata(ByteReader& in)
{
    const unsigned count = 1 + in.below(4);
    aiMetadata* metadata = aiMetadata::Alloc(count);
    for (unsigned i = 0; i < count; ++i) {
        const std::string key = in.name().C_Str();
        switch (in.below(6)) {
        case 0: metadata->Set(i, key, in.flag()); break;
        case 1: metadata->Set(i, key, std::int32_t(in.word())); break;
        case 2: metadata->Set(i, key, std::uint64_t(in.word()) << 32 | in.word()); break;
        case 3: metadata->Set(i, key, in.number()); break;
        case 4: metadata->Set(i, key, double(in.number())); break;
        default: metadata->Set(i, key, in.name()); break;
        }
    }
    return metadata;
}

// A node and, while the depth allows, its children.
aiNode* decodeNode(ByteReader& in, int depthLeft, unsigned& nodesLeft)
{
    auto* node = new aiNode();
    node->mName = in.name();
    node->mTransformation = decodeMatrix(in);
    node->mNumMeshes = in.below(3);
    node->mMeshes = newArray<unsigned>(node->mNumMeshes);
    for (unsigned i = 0; i < node->mNumMeshes; ++i) node->mMeshes[i] = in.below(6);  // may name a missing mesh
    if (in.below(4) == 0) node->mMetaData = decodeMetadata(in);
    const unsigned children = depthLeft > 0 ? std::min(in.below(4), nodesLeft) : 0;
    nodesLeft -= children;
    if (children > 0) {
        node->mNumChildren = children;
        node->mChildren = new aiNode*[children];
        for (unsigned i = 0; i < children; ++i) {
            node->mChildren[i] = decodeNode(in, depthLeft - 1, nodesLeft);
            node->mChildren[i]->mParent = node;
        }
    }
    return node;
}

std::unique_ptr<aiScene> decodeScene(ByteReader& in)
{
    auto scene = std::make_unique<aiScene>();
    if (in.below(16) == 0) scene->mFlags |= AI_SCENE_FLAGS_INCOMPLETE;
    scene->mNumMaterials = in.below(4);
    scene->mMaterials = newArray<aiMaterial*>(scene->mNumMaterials);
    for (unsigned m = 0; m < scene->mNumMaterials; ++m) scene->mMaterials[m] = decodeMaterial(in);
    scene->mNumMeshes = in.below(5);
    scene->mMeshes = newArray<aiMesh*>(scene->mNumMeshes);
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) scene->mMeshes[m] = decodeMesh(in);
    unsigned nodesLeft = 24;
    if (in.below(16) != 0) scene->mRootNode = decodeNode(in, 4, nodesLeft);
    return scene;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ByteReader in(data, size);
    const std::unique_ptr<aiScene> scene = decodeScene(in);
    auto model = assets::convertAssimpScene(*scene, "fuzz.glb");
    if (!model) {
        // Every refusal names the file, as the import's messages must.
        if (model.error().file != "fuzz.glb") std::abort();
        return 0;
    }
    // What the conversion accepts, the rest of the program relies on.
    for (const assets::MeshData& mesh : model->meshes) {
        if (mesh.indices.empty() || mesh.indices.size() % 3 != 0) std::abort();
        for (std::uint32_t index : mesh.indices)
            if (index >= mesh.positions.size()) std::abort();
        if (!mesh.normals.empty() && mesh.normals.size() != mesh.positions.size()) std::abort();
        if (!mesh.joints.empty() && (mesh.skin < 0 || mesh.skin >= int(model->skins.size()))) std::abort();
    }
    for (const assets::Node& node : model->nodes)
        for (int mesh : node.meshes)
            if (mesh < 0 || mesh >= int(model->meshes.size())) std::abort();
    (void)model->restBounds();
    return 0;
}
