// The props' meshes (render/primitives.h), checked without GL: every shape is a closed or
// deliberately open surface whose triangles face the way their normals say, inside the unit
// frame docs/lesson-format.md gives, with the parts a student recognises it by.
#include "render/primitives.h"

#include <doctest/doctest.h>

#include <glm/geometric.hpp>

#include <cmath>

using content::Prop;
using render::propShapeMesh;

namespace {

// The share of triangles (by area) whose winding agrees with their vertices' normals.
double agreeingShare(const assets::MeshData& mesh)
{
    double agreeing = 0.0, total = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        const glm::vec3 face = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
        const double area = 0.5 * double(glm::length(face));
        total += area;
        if (glm::dot(face, mesh.normals[a] + mesh.normals[b] + mesh.normals[c]) > 0.0f) agreeing += area;
    }
    return total > 0.0 ? agreeing / total : 0.0;
}

// The largest distance from the x axis of the vertices of triangles that cross the plane at `x`.
float radiusAcross(const assets::MeshData& mesh, float x)
{
    float radius = 0.0f;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        float low = 1e9f, high = -1e9f, r = 0.0f;
        for (std::size_t k = 0; k < 3; ++k) {
            const glm::vec3& p = mesh.positions[mesh.indices[t + k]];
            low = std::min(low, p.x);
            high = std::max(high, p.x);
            r = std::max(r, std::sqrt(p.y * p.y + p.z * p.z));
        }
        if (low < x && high > x) radius = std::max(radius, r);
    }
    return radius;
}

} // namespace

TEST_CASE("every prop shape faces outward and fits its unit frame")
{
    for (int s = 0; s < content::kPropShapeCount; ++s) {
        const auto shape = Prop::Shape(s);
        CAPTURE(s);
        const assets::MeshData mesh = propShapeMesh(shape);
        REQUIRE(mesh.indices.size() % 3 == 0);
        REQUIRE(mesh.positions.size() == mesh.normals.size());
        CHECK(mesh.triangleCount() >= 12);
        for (std::uint32_t index : mesh.indices) REQUIRE(index < mesh.positions.size());
        CHECK(agreeingShare(mesh) > 0.999);
        for (const glm::vec3& n : mesh.normals) CHECK(glm::length(n) == doctest::Approx(1.0f).epsilon(1e-3));
        // Centred, spanning -0.5 to 0.5 (a chair's back rises above its seat at 0.5).
        CHECK(mesh.bounds.min.x == doctest::Approx(-0.5f));
        CHECK(mesh.bounds.max.x == doctest::Approx(0.5f));
        CHECK(mesh.bounds.min.y == doctest::Approx(-0.5f));
        CHECK(mesh.bounds.max.y == doctest::Approx(shape == Prop::Shape::Chair ? 1.45f : 0.5f));
        CHECK(mesh.bounds.min.z == doctest::Approx(-0.5f));
        CHECK(mesh.bounds.max.z == doctest::Approx(0.5f));
    }
}

TEST_CASE("a dumbbell is a thin handle between two plates, along x")
{
    const assets::MeshData dumbbell = propShapeMesh(Prop::Shape::Dumbbell);
    CHECK(radiusAcross(dumbbell, 0.0f) == doctest::Approx(0.14f).epsilon(0.01));   // the grip
    CHECK(radiusAcross(dumbbell, 0.3f) == doctest::Approx(0.5f).epsilon(0.01));    // a plate
    CHECK(radiusAcross(dumbbell, -0.3f) == doctest::Approx(0.5f).epsilon(0.01));
}

TEST_CASE("a glass is open at the top; a chair has a seat at 0.5 and a back behind it")
{
    const assets::MeshData glass = propShapeMesh(Prop::Shape::Glass);
    // Looking down the middle there is the glass's inside floor, not a lid.
    float highestAtAxis = -1.0f;
    for (const glm::vec3& p : glass.positions)
        if (std::abs(p.x) < 1e-4f && std::abs(p.z) < 1e-4f) highestAtAxis = std::max(highestAtAxis, p.y);
    CHECK(highestAtAxis < -0.3f);
    const assets::MeshData chair = propShapeMesh(Prop::Shape::Chair);
    int backVertices = 0, frontHigh = 0;
    for (const glm::vec3& p : chair.positions) {
        if (p.y > 0.6f && p.x < -0.4f) ++backVertices;
        if (p.y > 0.6f && p.x > 0.0f) ++frontHigh;
    }
    CHECK(backVertices > 0);
    CHECK(frontHigh == 0);
}
