#include "test_models.h"

#include "assets/gltf_writer.h"

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

std::filesystem::path writeTestScene(const std::filesystem::path& folder)
{
    const std::filesystem::path path = folder / "test_scene.glb";
    core::Status written = assets::writeGlb(makeTestScene(), path);
    if (!written) throw std::runtime_error(written.error().describe());
    return path;
}

} // namespace testing_support
