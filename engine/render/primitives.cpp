#include "render/primitives.h"

#include <cmath>

namespace render {

assets::MeshData unitBox()
{
    assets::MeshData mesh;
    mesh.name = "prop box";
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = std::uint32_t(mesh.positions.size());
        const float su[4] = {-1, 1, 1, -1}, sv[4] = {-1, -1, 1, 1};
        for (int corner = 0; corner < 4; ++corner) {
            mesh.positions.push_back((n + u * su[corner] + v * sv[corner]) * 0.5f);
            mesh.normals.push_back(n);
        }
        mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
    return mesh;
}

assets::MeshData unitCylinder(int segments)
{
    assets::MeshData mesh;
    mesh.name = "prop cylinder";
    const float pi = 3.14159265358979f;
    for (int i = 0; i <= segments; ++i) {
        const float angle = 2.0f * pi * float(i) / float(segments);
        const glm::vec3 normal{std::cos(angle), std::sin(angle), 0.0f};
        for (float z : {-0.5f, 0.5f}) {
            mesh.positions.push_back(normal * 0.5f + glm::vec3(0, 0, z));
            mesh.normals.push_back(normal);
        }
    }
    for (int i = 0; i < segments; ++i) {
        const auto a = std::uint32_t(i * 2), b = a + 1, c = a + 2, d = a + 3;
        mesh.indices.insert(mesh.indices.end(), {a, c, b, b, c, d});
    }
    for (float z : {-0.5f, 0.5f}) {
        const auto centre = std::uint32_t(mesh.positions.size());
        mesh.positions.push_back({0, 0, z});
        mesh.normals.push_back({0, 0, z > 0 ? 1.0f : -1.0f});
        for (int i = 0; i <= segments; ++i) {
            const float angle = 2.0f * pi * float(i) / float(segments);
            mesh.positions.push_back({0.5f * std::cos(angle), 0.5f * std::sin(angle), z});
            mesh.normals.push_back({0, 0, z > 0 ? 1.0f : -1.0f});
        }
        for (int i = 0; i < segments; ++i) {
            const auto a = centre + 1 + std::uint32_t(i), b = a + 1;
            if (z > 0)
                mesh.indices.insert(mesh.indices.end(), {centre, a, b});
            else
                mesh.indices.insert(mesh.indices.end(), {centre, b, a});
        }
    }
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
    return mesh;
}

} // namespace render
