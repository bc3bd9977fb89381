#include "render/primitives.h"

#include <glm/gtc/matrix_transform.hpp>

#include <array>
#include <cmath>

namespace render {
namespace {

constexpr float kPi = 3.14159265358979f;

// Appends `part` moved by `transform` (rotations, translations and positive scales).
void append(assets::MeshData& mesh, const assets::MeshData& part, const glm::mat4& transform)
{
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(transform)));
    const auto base = std::uint32_t(mesh.positions.size());
    for (std::size_t i = 0; i < part.positions.size(); ++i) {
        mesh.positions.push_back(glm::vec3(transform * glm::vec4(part.positions[i], 1.0f)));
        mesh.normals.push_back(glm::normalize(normalMatrix * part.normals[i]));
    }
    for (std::uint32_t index : part.indices) mesh.indices.push_back(base + index);
}

void finish(assets::MeshData& mesh)
{
    mesh.bounds = {};
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
}

glm::mat4 boxAt(glm::vec3 low, glm::vec3 high)
{
    return glm::scale(glm::translate(glm::mat4(1.0f), (low + high) * 0.5f), high - low);
}

// A straight prism: a convex outline in x-y, from z = -0.5 to 0.5, flat-shaded.
assets::MeshData extrude(std::span<const glm::vec2> outline)
{
    assets::MeshData mesh;
    const std::size_t n = outline.size();
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec2 a = outline[i], b = outline[(i + 1) % n];
        const glm::vec3 normal = glm::normalize(glm::vec3(b.y - a.y, a.x - b.x, 0.0f));  // outline counter-clockwise
        const auto base = std::uint32_t(mesh.positions.size());
        for (glm::vec3 p : {glm::vec3(a, -0.5f), glm::vec3(b, -0.5f), glm::vec3(b, 0.5f), glm::vec3(a, 0.5f)}) {
            mesh.positions.push_back(p);
            mesh.normals.push_back(normal);
        }
        mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    for (float z : {-0.5f, 0.5f}) {
        const auto base = std::uint32_t(mesh.positions.size());
        for (const glm::vec2& p : outline) {
            mesh.positions.push_back(glm::vec3(p, z));
            mesh.normals.push_back({0.0f, 0.0f, z > 0.0f ? 1.0f : -1.0f});
        }
        for (std::uint32_t i = 1; i + 1 < n; ++i) {
            if (z > 0.0f)
                mesh.indices.insert(mesh.indices.end(), {base, base + i, base + i + 1});
            else
                mesh.indices.insert(mesh.indices.end(), {base, base + i + 1, base + i});
        }
    }
    finish(mesh);
    return mesh;
}

assets::MeshData dumbbell()
{
    // Along x: a knurled-length handle between two plates, each with a collar outside it.
    const std::array<glm::vec2, 14> profile{{{0.0f, -0.5f}, {0.26f, -0.5f}, {0.26f, -0.43f}, {0.5f, -0.41f},
                                             {0.5f, -0.23f}, {0.46f, -0.21f}, {0.14f, -0.21f}, {0.14f, 0.21f},
                                             {0.46f, 0.21f}, {0.5f, 0.23f}, {0.5f, 0.41f}, {0.26f, 0.43f},
                                             {0.26f, 0.5f}, {0.0f, 0.5f}}};
    assets::MeshData mesh;
    append(mesh, lathe(profile, 28, "dumbbell"), glm::rotate(glm::mat4(1.0f), -kPi * 0.5f, glm::vec3(0, 0, 1)));
    mesh.name = "prop dumbbell";
    finish(mesh);
    return mesh;
}

assets::MeshData roller()
{
    // Along z, as the cylinder: a foam roller's ribbed surface with rounded ends.
    std::vector<glm::vec2> profile{{0.0f, -0.5f}, {0.44f, -0.5f}, {0.49f, -0.48f}};
    const int ribs = 9, perRib = 4;
    for (int i = 1; i < ribs * perRib; ++i) {
        const float t = float(i) / float(ribs * perRib);
        const float height = -0.48f + 0.96f * t;
        const float radius = 0.47f + 0.03f * std::cos(2.0f * kPi * float(ribs) * t);
        profile.push_back({radius, height});
    }
    profile.insert(profile.end(), {{0.49f, 0.48f}, {0.44f, 0.5f}, {0.0f, 0.5f}});
    assets::MeshData mesh;
    append(mesh, lathe(profile, 32, "roller"), glm::rotate(glm::mat4(1.0f), kPi * 0.5f, glm::vec3(1, 0, 0)));
    mesh.name = "prop roller";
    finish(mesh);
    return mesh;
}

assets::MeshData curbStep()
{
    // A kerb stone seen along its length (z): square sides, bevelled top edges.
    const std::array<glm::vec2, 6> outline{{{-0.5f, -0.5f}, {0.5f, -0.5f}, {0.5f, 0.3f}, {0.38f, 0.5f}, {-0.38f, 0.5f}, {-0.5f, 0.3f}}};
    assets::MeshData mesh = extrude(outline);
    mesh.name = "prop step";
    return mesh;
}

assets::MeshData chair()
{
    // Facing +x (the way a seated body in the lesson poses faces): four legs, a seat whose
    // top is at y = 0.5, and a back behind it rising to 1.45 (a seat 0.45 m high gives a
    // back about 0.9 m above the floor).
    assets::MeshData mesh;
    const assets::MeshData box = unitBox();
    const float leg = 0.09f;
    for (float x : {-0.5f, 0.5f - leg})
        for (float z : {-0.5f, 0.5f - leg}) append(mesh, box, boxAt({x, -0.5f, z}, {x + leg, 0.42f, z + leg}));
    append(mesh, box, boxAt({-0.5f, 0.42f, -0.5f}, {0.5f, 0.5f, 0.5f}));
    for (float z : {-0.5f, 0.5f - leg}) append(mesh, box, boxAt({-0.5f, 0.5f, z}, {-0.5f + leg, 1.45f, z + leg}));
    append(mesh, box, boxAt({-0.5f, 0.95f, -0.5f}, {-0.5f + 0.06f, 1.45f, 0.5f}));
    mesh.name = "prop chair";
    finish(mesh);
    return mesh;
}

assets::MeshData glass()
{
    // A tumbler, open at the top: tapered outside wall, a rim, the inside wall and a thick base.
    const std::array<glm::vec2, 6> profile{{{0.0f, -0.5f}, {0.4f, -0.5f}, {0.5f, 0.5f}, {0.46f, 0.5f},
                                            {0.37f, -0.38f}, {0.0f, -0.38f}}};
    return lathe(profile, 32, "prop glass");
}

} // namespace

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
    finish(mesh);
    return mesh;
}

assets::MeshData unitCylinder(int segments)
{
    assets::MeshData mesh;
    mesh.name = "prop cylinder";
    for (int i = 0; i <= segments; ++i) {
        const float angle = 2.0f * kPi * float(i) / float(segments);
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
            const float angle = 2.0f * kPi * float(i) / float(segments);
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
    finish(mesh);
    return mesh;
}

assets::MeshData lathe(std::span<const glm::vec2> profile, int segments, const char* name)
{
    assets::MeshData mesh;
    mesh.name = name;
    for (std::size_t s = 0; s + 1 < profile.size(); ++s) {
        const glm::vec2 a = profile[s], b = profile[s + 1];
        const glm::vec2 along = b - a;
        if (glm::dot(along, along) < 1e-12f) continue;
        const glm::vec2 outward = glm::normalize(glm::vec2(along.y, -along.x));  // (radial, up)
        const auto base = std::uint32_t(mesh.positions.size());
        for (int i = 0; i <= segments; ++i) {
            const float angle = 2.0f * kPi * float(i) / float(segments);
            const glm::vec3 radial{std::cos(angle), 0.0f, -std::sin(angle)};
            const glm::vec3 normal = glm::normalize(radial * outward.x + glm::vec3(0, outward.y, 0));
            for (const glm::vec2& p : {a, b}) {
                mesh.positions.push_back(radial * p.x + glm::vec3(0, p.y, 0));
                mesh.normals.push_back(normal);
            }
        }
        for (int i = 0; i < segments; ++i) {
            const auto a0 = base + std::uint32_t(i * 2), b0 = a0 + 1, a1 = a0 + 2, b1 = a0 + 3;
            // Wound so each triangle faces along its vertices' normal (seen from outside).
            std::array<std::uint32_t, 6> quad{a0, a1, b1, a0, b1, b0};
            const glm::vec3 p0 = mesh.positions[a0], p1 = mesh.positions[a1], p2 = mesh.positions[b1], p3 = mesh.positions[b0];
            glm::vec3 face = glm::cross(p1 - p0, p2 - p0);
            if (glm::dot(face, face) < 1e-14f) face = glm::cross(p2 - p0, p3 - p0);
            if (glm::dot(face, mesh.normals[a0] + mesh.normals[b1]) < 0.0f) quad = {a0, b1, a1, a0, b0, b1};
            mesh.indices.insert(mesh.indices.end(), quad.begin(), quad.end());
        }
    }
    finish(mesh);
    return mesh;
}

assets::MeshData propShapeMesh(content::Prop::Shape shape)
{
    using Shape = content::Prop::Shape;
    switch (shape) {
    case Shape::Box:
    case Shape::Mat: return unitBox();
    case Shape::Cylinder: return unitCylinder(32);
    case Shape::Dumbbell: return dumbbell();
    case Shape::Roller: return roller();
    case Shape::Step: return curbStep();
    case Shape::Chair: return chair();
    case Shape::Glass: return glass();
    }
    return unitBox();
}

} // namespace render
