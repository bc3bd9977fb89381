#include "core/math.h"

#include <cmath>

namespace core {

Bounds Bounds::transformed(const glm::mat4& transform) const
{
    Bounds result;
    if (empty()) return result;
    for (int corner = 0; corner < 8; ++corner) {
        glm::vec3 point{(corner & 1) ? max.x : min.x, (corner & 2) ? max.y : min.y, (corner & 4) ? max.z : min.z};
        result.add(glm::vec3(transform * glm::vec4(point, 1.0f)));
    }
    return result;
}

std::optional<float> intersectRayTriangle(const Ray& ray, const TriangleEdges& triangle)
{
    const glm::vec3 p = glm::cross(ray.direction, triangle.edge2);
    const float determinant = glm::dot(triangle.edge1, p);
    if (std::abs(determinant) < 1e-12f) return std::nullopt;
    const float inverse = 1.0f / determinant;
    const glm::vec3 t = ray.origin - triangle.corner;
    const float u = glm::dot(t, p) * inverse;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(t, triangle.edge1);
    const float v = glm::dot(ray.direction, q) * inverse;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float distance = glm::dot(triangle.edge2, q) * inverse;
    if (distance < 0.0f) return std::nullopt;
    return distance;
}

std::optional<float> intersectRayTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    return intersectRayTriangle(ray, TriangleEdges{a, b - a, c - a});
}

std::optional<float> intersectRayBounds(const BoxRay& ray, const Bounds& bounds, float maxDistance)
{
    if (bounds.empty()) return std::nullopt;
    float enter = 0.0f;
    float leave = maxDistance;
    for (int axis = 0; axis < 3; ++axis) {
        // A slab the ray runs along gives -inf and +inf (inside it) or two infinities of one
        // sign (outside it, a miss); 0 * inf (the origin on its face) is NaN, which max and
        // min below pass over.
        float t0 = (bounds.min[axis] - ray.origin[axis]) * ray.inverseDirection[axis];
        float t1 = (bounds.max[axis] - ray.origin[axis]) * ray.inverseDirection[axis];
        if (t0 > t1) std::swap(t0, t1);
        enter = std::max(enter, t0);
        leave = std::min(leave, t1);
        if (enter > leave) return std::nullopt;
    }
    return enter;
}

std::optional<float> intersectRayBounds(const Ray& ray, const Bounds& bounds)
{
    return intersectRayBounds(BoxRay(ray), bounds);
}

} // namespace core
