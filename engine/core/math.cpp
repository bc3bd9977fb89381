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

std::optional<float> intersectRayTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c)
{
    const glm::vec3 edge1 = b - a;
    const glm::vec3 edge2 = c - a;
    const glm::vec3 p = glm::cross(ray.direction, edge2);
    const float determinant = glm::dot(edge1, p);
    if (std::abs(determinant) < 1e-12f) return std::nullopt;
    const float inverse = 1.0f / determinant;
    const glm::vec3 t = ray.origin - a;
    const float u = glm::dot(t, p) * inverse;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(t, edge1);
    const float v = glm::dot(ray.direction, q) * inverse;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float distance = glm::dot(edge2, q) * inverse;
    if (distance < 0.0f) return std::nullopt;
    return distance;
}

std::optional<float> intersectRayBounds(const Ray& ray, const Bounds& bounds)
{
    if (bounds.empty()) return std::nullopt;
    float near = 0.0f;
    float far = std::numeric_limits<float>::max();
    for (int axis = 0; axis < 3; ++axis) {
        const float origin = ray.origin[axis];
        const float direction = ray.direction[axis];
        if (std::abs(direction) < 1e-12f) {
            if (origin < bounds.min[axis] || origin > bounds.max[axis]) return std::nullopt;
            continue;
        }
        float t0 = (bounds.min[axis] - origin) / direction;
        float t1 = (bounds.max[axis] - origin) / direction;
        if (t0 > t1) std::swap(t0, t1);
        near = std::max(near, t0);
        far = std::min(far, t1);
        if (near > far) return std::nullopt;
    }
    return near;
}

} // namespace core
