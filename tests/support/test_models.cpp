#include "test_models.h"

#include "authoring/gltf_writer.h"
#include "authoring/occlusion.h"

#include <cmath>
#include <stdexcept>

namespace testing_support {

assets::MeshData makeSphere(const std::string& name, float radius, int slices, int stacks)
{
    assets::MeshData mesh;
    mesh.name = name;
    const float pi = 3.14159265358979f;
    for (int stack = 0; stack <= stacks; ++stack) {
        const float polar = pi * float(stack) / float(stacks);
        for (int slice = 0; slice <= slices; ++slice) {
            const float azimuth = 2.0f * pi * float(slice) / float(slices);
            const glm::vec3 normal{std::sin(polar) * std::cos(azimuth), std::cos(polar), std::sin(polar) * std::sin(azimuth)};
            mesh.positions.push_back(normal * radius);
            mesh.normals.push_back(normal);
        }
    }
    const int row = slices + 1;
    for (int stack = 0; stack < stacks; ++stack)
        for (int slice = 0; slice < slices; ++slice) {
            const std::uint32_t a = std::uint32_t(stack * row + slice), b = a + 1, c = a + std::uint32_t(row), d = c + 1;
            if (stack != 0) mesh.indices.insert(mesh.indices.end(), {a, b, c});
            if (stack != stacks - 1) mesh.indices.insert(mesh.indices.end(), {b, d, c});
        }
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
    return mesh;
}

assets::MeshData makeBox(const std::string& name, const glm::vec3& h)
{
    assets::MeshData mesh;
    mesh.name = name;
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const std::uint32_t base = std::uint32_t(mesh.positions.size());
        for (int corner = 0; corner < 4; ++corner) {
            const float su = (corner == 1 || corner == 2) ? 1.0f : -1.0f;
            const float sv = (corner >= 2) ? 1.0f : -1.0f;
            mesh.positions.push_back((n + u * su + v * sv) * h);
            mesh.normals.push_back(n);
        }
        mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
    return mesh;
}

assets::ModelData makeTestScene()
{
    assets::ModelData model;
    model.materials = {
        {"muscle", {0.55f, 0.08f, 0.07f, 1.0f}, 0.5f, 0.0f, false, false},
        {"bone", {0.80f, 0.76f, 0.66f, 1.0f}, 0.7f, 0.0f, false, false},
        {"skin", {0.85f, 0.62f, 0.50f, 1.0f}, 0.6f, 0.0f, false, false},
    };
    model.meshes.push_back(makeSphere("ball", 0.12f, 32, 16));
    model.meshes.back().material = 0;
    model.meshes.push_back(makeBox("block", {0.08f, 0.2f, 0.08f}));
    model.meshes.back().material = 1;
    model.meshes.push_back(makeSphere("skin", 0.42f, 48, 24));
    model.meshes.back().material = 2;

    assets::Node root;
    root.name = "root";
    root.children = {1, 2, 3};
    assets::Node ball;
    ball.name = "muscle.test_ball.r";
    ball.parent = 0;
    ball.translation = {0.0f, 0.0f, 0.15f};
    ball.meshes = {0};
    assets::Node block;
    block.name = "bone.test_block";
    block.parent = 0;
    block.translation = {0.0f, 0.0f, -0.15f};
    block.rotation = glm::angleAxis(0.4f, glm::vec3(0.0f, 1.0f, 0.0f));
    block.meshes = {1};
    block.metadata["note"] = "a grey block";
    assets::Node skin;
    skin.name = "skin.body";
    skin.parent = 0;
    skin.meshes = {2};
    model.nodes = {root, ball, block, skin};
    return model;
}

void addPlacedMesh(assets::ModelData& model, assets::MeshData mesh, glm::vec3 at)
{
    assets::Node node;
    node.name = mesh.name;
    node.parent = 0;
    node.translation = at;
    node.meshes = {int(model.meshes.size())};
    model.nodes[0].children.push_back(int(model.nodes.size()));
    model.nodes.push_back(node);
    model.meshes.push_back(std::move(mesh));
}

assets::ModelData placeMeshes(std::vector<std::pair<assets::MeshData, glm::vec3>> placed)
{
    assets::ModelData model;
    assets::Node root;
    root.name = "root";
    model.nodes.push_back(root);
    for (auto& [mesh, at] : placed) addPlacedMesh(model, std::move(mesh), at);
    return model;
}

assets::ModelData makeMaterialScene(const std::string& tissue)
{
    assets::ModelData model;
    // Linear RGB as the generated model's materials (tools/modelgen/model_builder.cpp).
    model.materials = {
        {"bone", {0.78f, 0.70f, 0.50f, 1.0f}, 0.65f, 0.0f, false, false},
        {"muscle", {0.17f, 0.040f, 0.030f, 1.0f}, 0.50f, 0.0f, false, false},
        {"tendon", {0.82f, 0.80f, 0.72f, 1.0f}, 0.30f, 0.0f, false, false},
        {"nerve", {0.80f, 0.56f, 0.05f, 1.0f}, 0.45f, 0.0f, false, false},
        {"skin", {0.74f, 0.47f, 0.35f, 0.65f}, 0.55f, 0.0f, true, false},
    };
    model.nodes = placeMeshes({}).nodes;
    auto add = [&](assets::MeshData mesh, int material, const std::string& name, glm::vec3 at, glm::vec3 scale) {
        mesh.material = material;
        mesh.name = name;
        // Path coordinates for the fibre and tendon detail: along the long (z) axis, around it.
        for (const glm::vec3& p : mesh.positions)
            mesh.muscleCoords.push_back({p.z * 0.5f + 0.5f, std::atan2(p.y, p.x), 0.0f});
        // Baked in the node's frame: the ellipsoid's own positions are scaled here.
        for (glm::vec3& p : mesh.positions) p *= scale;
        for (glm::vec3& n : mesh.normals) n = glm::normalize(n / scale);
        mesh.bounds = {};
        for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
        addPlacedMesh(model, std::move(mesh), at);
    };
    const glm::vec3 sampleScale = tissue == "tendon" || tissue == "nerve" ? glm::vec3(0.018f, 0.018f, 0.12f)
                                                                          : glm::vec3(0.04f, 0.04f, 0.12f);
    const float sampleY = sampleScale.y;
    add(makeBox("slab", {0.07f, 0.012f, 0.16f}), 0, "bone.sample_slab", {0.0f, -0.012f, 0.0f}, glm::vec3(1.0f));
    if (tissue == "bone")
        add(makeSphere("sample", 1.0f, 48, 24), 0, "bone.sample", {0.0f, sampleY, 0.0f}, sampleScale);
    else if (tissue == "muscle" || tissue == "skin")
        add(makeSphere("sample", 1.0f, 48, 24), 1, "muscle.sample.r", {0.0f, sampleY, 0.0f}, sampleScale);
    else if (tissue == "tendon")
        add(makeSphere("sample", 1.0f, 48, 24), 2, "tendon.sample.r", {0.0f, sampleY, 0.0f}, sampleScale);
    else if (tissue == "nerve")
        add(makeSphere("sample", 1.0f, 48, 24), 3, "nerve.sample.r", {0.0f, sampleY, 0.0f}, sampleScale);
    else
        throw std::invalid_argument("makeMaterialScene: unknown tissue " + tissue);
    if (tissue == "skin")
        add(makeSphere("shell", 1.0f, 48, 24), 4, "skin.sample", {0.0f, sampleY, 0.0f}, sampleScale * glm::vec3(1.6f, 1.6f, 1.15f));
    for (assets::MeshData& mesh : model.meshes)
        if (mesh.name.rfind("bone.", 0) == 0 || mesh.name.rfind("skin.", 0) == 0) mesh.muscleCoords.clear();
    assets::bakeOcclusion(model);
    return model;
}

std::filesystem::path writeTestScene(const std::filesystem::path& folder)
{
    const std::filesystem::path path = folder / "test_scene.glb";
    core::Status written = assets::writeGlb(makeTestScene(), path);
    if (!written) throw std::runtime_error(written.error().describe());
    return path;
}

std::string readerAbortingGltf()
{
    // Three vertices (0,0,0), (1,0,0), (0,1,0) in one embedded buffer, then two index lists: 0, 5
    // (what the line loop uses) and 0, 1, 2 (a whole triangle, for the tests' repaired copy,
    // which uses index accessor 2 and mode 4). The loop's one segment points past the
    // vertices, so the reader drops it, and then closes the loop from that dropped segment's
    // first index: a read through a null pointer, whatever else the process holds.
    return R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
 "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "mode": 2}]}],
 "buffers": [{"byteLength": 48, "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAAAAAFAAAAAQACAAAA"}],
 "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36}, {"buffer": 0, "byteOffset": 36, "byteLength": 4},
                 {"buffer": 0, "byteOffset": 40, "byteLength": 6}],
 "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 0]},
               {"bufferView": 1, "componentType": 5123, "count": 2, "type": "SCALAR"},
               {"bufferView": 2, "componentType": 5123, "count": 3, "type": "SCALAR"}]}
)";
}

} // namespace testing_support
