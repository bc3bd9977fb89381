#include "authoring/gltf_writer.h"

#include "core/file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace assets {
namespace {

using json = nlohmann::json;

constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;
constexpr int kFloat = 5126;
constexpr int kUnsignedByte = 5121;
constexpr int kUnsignedShort = 5123;
constexpr int kUnsignedInt = 5125;

class GlbBuilder {
public:
    json document;
    std::vector<std::uint8_t> binary;

    // Appends raw bytes as a buffer view; returns its index.
    int addView(const void* data, std::size_t bytes, int target)
    {
        while (binary.size() % 4) binary.push_back(0);
        const std::size_t offset = binary.size();
        binary.resize(offset + bytes);
        std::memcpy(binary.data() + offset, data, bytes);
        json view = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}};
        if (target) view["target"] = target;
        document["bufferViews"].push_back(view);
        return int(document["bufferViews"].size()) - 1;
    }

    int addAccessor(int view, int componentType, std::size_t count, const char* type, json min = nullptr,
                    json max = nullptr, bool normalized = false)
    {
        json accessor = {{"bufferView", view}, {"componentType", componentType}, {"count", count}, {"type", type}};
        if (normalized) accessor["normalized"] = true;
        if (!min.is_null()) accessor["min"] = std::move(min);
        if (!max.is_null()) accessor["max"] = std::move(max);
        document["accessors"].push_back(accessor);
        return int(document["accessors"].size()) - 1;
    }

    template <class T>
    int addVertexData(const std::vector<T>& values, int componentType, const char* type, json min = nullptr,
                      json max = nullptr)
    {
        const int view = addView(values.data(), values.size() * sizeof(T), kArrayBuffer);
        return addAccessor(view, componentType, values.size(), type, std::move(min), std::move(max));
    }
};

json vec3Json(const glm::vec3& v)
{
    return json::array({v.x, v.y, v.z});
}

} // namespace

core::Expected<std::vector<std::uint8_t>> encodeGlb(const ModelData& model, const GltfWriteOptions& options)
{
    GlbBuilder glb;
    json& doc = glb.document;
    doc["asset"] = {{"version", "2.0"}, {"generator", options.generator}};
    if (!options.copyright.empty()) doc["asset"]["copyright"] = options.copyright;
    doc["bufferViews"] = json::array();
    doc["accessors"] = json::array();

    for (const Material& material : model.materials) {
        json out = {{"name", material.name},
                    {"pbrMetallicRoughness",
                     {{"baseColorFactor",
                       {material.baseColor.r, material.baseColor.g, material.baseColor.b, material.baseColor.a}},
                      {"metallicFactor", material.metallic},
                      {"roughnessFactor", material.roughness}}}};
        if (material.blend) out["alphaMode"] = "BLEND";
        if (material.doubleSided) out["doubleSided"] = true;
        doc["materials"].push_back(out);
    }

    for (const MeshData& mesh : model.meshes) {
        const std::size_t count = mesh.positions.size();
        auto mismatch = [&](const char* what) {
            return core::makeError("mesh '" + mesh.name + "': " + what + " count differs from the vertex count");
        };
        if (!mesh.normals.empty() && mesh.normals.size() != count) return mismatch("normal");
        if (!mesh.texcoords.empty() && mesh.texcoords.size() != count) return mismatch("texture coordinate");
        if (!mesh.muscleCoords.empty() && mesh.muscleCoords.size() != count) return mismatch("muscle coordinate");
        if (!mesh.occlusion.empty() && mesh.occlusion.size() != count) return mismatch("occlusion");
        if (!mesh.joints.empty() && (mesh.joints.size() != count || mesh.weights.size() != count))
            return mismatch("joint or weight");
        if (mesh.indices.empty() || mesh.indices.size() % 3) return core::makeError("mesh '" + mesh.name + "' has no whole triangles");

        core::Bounds bounds;
        for (const glm::vec3& p : mesh.positions) bounds.add(p);
        json attributes;
        attributes["POSITION"] = glb.addVertexData(mesh.positions, kFloat, "VEC3", vec3Json(bounds.min), vec3Json(bounds.max));
        if (!mesh.normals.empty()) attributes["NORMAL"] = glb.addVertexData(mesh.normals, kFloat, "VEC3");
        if (!mesh.texcoords.empty()) attributes["TEXCOORD_0"] = glb.addVertexData(mesh.texcoords, kFloat, "VEC2");
        if (!mesh.muscleCoords.empty()) {
            if (mesh.texcoords.empty()) {
                std::vector<glm::vec2> zero(count, glm::vec2(0.0f));
                attributes["TEXCOORD_0"] = glb.addVertexData(zero, kFloat, "VEC2");
            }
            std::vector<glm::vec2> alongAround(count), outward(count);
            for (std::size_t i = 0; i < count; ++i) {
                alongAround[i] = {mesh.muscleCoords[i].x, mesh.muscleCoords[i].y};
                outward[i] = {mesh.muscleCoords[i].z, 0.0f};
            }
            attributes["TEXCOORD_1"] = glb.addVertexData(alongAround, kFloat, "VEC2");
            attributes["TEXCOORD_2"] = glb.addVertexData(outward, kFloat, "VEC2");
        }
        if (!mesh.occlusion.empty()) {
            // Baked ambient occlusion as a grey vertex colour, which glTF viewers multiply
            // into the base colour.
            std::vector<glm::u8vec4> colours(count);
            for (std::size_t i = 0; i < count; ++i) {
                const auto grey = std::uint8_t(std::lround(std::clamp(mesh.occlusion[i], 0.0f, 1.0f) * 255.0f));
                colours[i] = {grey, grey, grey, 255};
            }
            const int view = glb.addView(colours.data(), colours.size() * sizeof(glm::u8vec4), kArrayBuffer);
            attributes["COLOR_0"] = glb.addAccessor(view, kUnsignedByte, count, "VEC4", nullptr, nullptr, true);
        }
        if (!mesh.joints.empty()) {
            attributes["JOINTS_0"] = glb.addVertexData(mesh.joints, kUnsignedShort, "VEC4");
            attributes["WEIGHTS_0"] = glb.addVertexData(mesh.weights, kFloat, "VEC4");
        }
        const int indexView = glb.addView(mesh.indices.data(), mesh.indices.size() * 4, kElementArrayBuffer);
        const int indices = glb.addAccessor(indexView, kUnsignedInt, mesh.indices.size(), "SCALAR");
        json primitive = {{"attributes", attributes}, {"indices", indices}, {"mode", 4}};
        if (mesh.material >= 0) primitive["material"] = mesh.material;
        doc["meshes"].push_back({{"name", mesh.name}, {"primitives", json::array({primitive})}});
    }

    json sceneRoots = json::array();
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
        const Node& node = model.nodes[n];
        json out = {{"name", node.name}};
        if (node.translation != glm::vec3(0.0f)) out["translation"] = vec3Json(node.translation);
        if (node.rotation != glm::quat(1.0f, 0.0f, 0.0f, 0.0f))
            out["rotation"] = {node.rotation.x, node.rotation.y, node.rotation.z, node.rotation.w};
        if (node.scale != glm::vec3(1.0f)) out["scale"] = vec3Json(node.scale);
        if (!node.children.empty()) out["children"] = node.children;
        if (node.meshes.size() > 1)
            return core::makeError("node '" + node.name + "' has several meshes; glTF allows one per node");
        if (node.meshes.size() == 1) {
            out["mesh"] = node.meshes.front();
            const MeshData& mesh = model.meshes[std::size_t(node.meshes.front())];
            if (mesh.skin >= 0) out["skin"] = mesh.skin;
        }
        if (!node.metadata.empty()) out["extras"] = node.metadata;
        doc["nodes"].push_back(out);
        if (node.parent < 0) sceneRoots.push_back(n);
    }
    doc["scenes"] = json::array({{{"nodes", sceneRoots}}});
    doc["scene"] = 0;

    for (const Skin& skin : model.skins) {
        if (skin.joints.size() != skin.inverseBindMatrices.size())
            return core::makeError("a skin's joint and inverse bind matrix counts differ");
        for (int joint : skin.joints)
            if (joint < 0 || joint >= int(model.nodes.size())) return core::makeError("a skin joint is not a node");
        const int view = glb.addView(skin.inverseBindMatrices.data(), skin.inverseBindMatrices.size() * sizeof(glm::mat4), 0);
        const int accessor = glb.addAccessor(view, kFloat, skin.inverseBindMatrices.size(), "MAT4");
        doc["skins"].push_back({{"joints", skin.joints}, {"inverseBindMatrices", accessor}});
    }

    while (glb.binary.size() % 4) glb.binary.push_back(0);
    doc["buffers"] = json::array({{{"byteLength", glb.binary.size()}}});

    std::string text = doc.dump();
    while (text.size() % 4) text.push_back(' ');
    const std::uint32_t total = 12 + 8 + std::uint32_t(text.size()) + 8 + std::uint32_t(glb.binary.size());
    std::vector<std::uint8_t> out;
    out.reserve(total);
    auto put32 = [&](std::uint32_t value) {
        for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(value >> (8 * i)));
    };
    put32(0x46546C67); // "glTF"
    put32(2);
    put32(total);
    put32(std::uint32_t(text.size()));
    put32(0x4E4F534A); // "JSON"
    out.insert(out.end(), text.begin(), text.end());
    put32(std::uint32_t(glb.binary.size()));
    put32(0x004E4942); // "BIN\0"
    out.insert(out.end(), glb.binary.begin(), glb.binary.end());
    return out;
}

core::Status writeGlb(const ModelData& model, const std::filesystem::path& path, const GltfWriteOptions& options)
{
    auto bytes = encodeGlb(model, options);
    if (!bytes) {
        core::Error error = bytes.error();
        error.file = path.string();
        return error;
    }
    return core::writeFileAtomic(path, std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
}

} // namespace assets
