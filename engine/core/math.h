// Small maths helpers shared by every module: angles, bounds, rays.
#pragma once

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace core {

constexpr double kPi = 3.14159265358979323846;

constexpr double degToRad(double degrees) { return degrees * kPi / 180.0; }
constexpr double radToDeg(double radians) { return radians * 180.0 / kPi; }
constexpr float degToRadF(float degrees) { return degrees * float(kPi) / 180.0f; }
constexpr float radToDegF(float radians) { return radians * 180.0f / float(kPi); }

// Hermite smoothstep on [0, 1], clamped.
inline float smoothstep01(float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// Moves `current` toward `target` with a critically damped response of the given half-life:
// frame-rate independent smoothing for cameras and UI.
template <class T>
T approachExponential(const T& current, const T& target, float halfLifeSeconds, float dtSeconds)
{
    if (halfLifeSeconds <= 0.0f) return target;
    float keep = std::exp2(-dtSeconds / halfLifeSeconds);
    return target + (current - target) * keep;
}

// Axis-aligned bounding box; starts empty.
struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool empty() const { return min.x > max.x; }
    void add(const glm::vec3& point)
    {
        min = glm::min(min, point);
        max = glm::max(max, point);
    }
    void add(const Bounds& other)
    {
        if (other.empty()) return;
        add(other.min);
        add(other.max);
    }
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    float radius() const { return empty() ? 0.0f : glm::length(max - min) * 0.5f; }
    Bounds transformed(const glm::mat4& transform) const;
};

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f}; // unit length
};

// A triangle as one corner and the two edges leaving it: the form the ray test works in, kept
// by whatever tests many rays against the same triangles (the occlusion bake's hierarchy).
struct TriangleEdges {
    glm::vec3 corner{0.0f};
    glm::vec3 edge1{0.0f};  // to the second corner
    glm::vec3 edge2{0.0f};  // to the third corner
};

// Distance along the ray to the triangle, Möller–Trumbore; both faces count. Nothing when the
// ray misses it, runs parallel to it or meets it behind the origin.
std::optional<float> intersectRayTriangle(const Ray& ray, const TriangleEdges& triangle);
std::optional<float> intersectRayTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

// A ray made ready for many box tests (a walk down a bounding volume hierarchy): the
// reciprocal of its direction, so each slab costs a multiply instead of a divide. A zero
// direction component gives an infinite reciprocal, which the slab test handles.
struct BoxRay {
    explicit BoxRay(const Ray& ray)
        : origin(ray.origin), inverseDirection(1.0f / ray.direction.x, 1.0f / ray.direction.y, 1.0f / ray.direction.z)
    {
    }
    glm::vec3 origin;
    glm::vec3 inverseDirection;
};

// Entry distance into the box (0 when the origin is inside), or nothing when the ray misses
// it or reaches it only beyond `maxDistance`.
std::optional<float> intersectRayBounds(const BoxRay& ray, const Bounds& bounds,
                                        float maxDistance = std::numeric_limits<float>::max());
std::optional<float> intersectRayBounds(const Ray& ray, const Bounds& bounds);

} // namespace core
