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

// Distance along the ray to the triangle, Möller–Trumbore; both faces count.
std::optional<float> intersectRayTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);
// Entry distance (0 when the origin is inside), or nothing when the ray misses the box.
std::optional<float> intersectRayBounds(const Ray& ray, const Bounds& bounds);

} // namespace core
