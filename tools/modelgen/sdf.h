// Signed distance fields for the generated anatomy: primitives (spheres, capsules, tapered
// cones, ellipsoids, thick triangle sheets) and a Shape that blends them smoothly. Distances
// are in metres, negative inside. The bones, context muscles and the body are modelled this
// way and polygonised by surface_nets.h.
#pragma once

#include <glm/glm.hpp>

#include <algorithm>
#include <functional>
#include <vector>

namespace modelgen {

// The model's frame (x anterior, y superior, z to the right side): the directions a shape may
// face, and the orientation of a shape that is not turned.
inline const glm::dvec3 kAnterior{1, 0, 0}, kPosterior{-1, 0, 0}, kLateral{0, 0, 1}, kMedial{0, 0, -1};
inline const glm::dmat3 kIdentity(1.0);

using Field = std::function<double(const glm::dvec3&)>;

// Axis-aligned box for culling: a part is never evaluated far from it.
struct Box {
    glm::dvec3 min{1e9};
    glm::dvec3 max{-1e9};

    void add(const glm::dvec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
    void add(const Box& other) { add(other.min); add(other.max); }
    Box inflated(double margin) const { return {min - glm::dvec3(margin), max + glm::dvec3(margin)}; }
    bool empty() const { return min.x > max.x; }
    // Distance from p to the box, 0 inside: a lower bound of any SDF whose shape lies in it.
    double distance(const glm::dvec3& p) const;
    // Whether a part in this box can be skipped at p, because its value there (at least the
    // distance to the box, for p outside it) cannot come below `limit`. Deep inside a solid
    // (limit far below zero) nothing needs evaluating: the sign is already right and only
    // values near the surface must be exact.
    bool fartherThan(const glm::dvec3& p, double limit) const
    {
        constexpr double kExactBandM = 0.004;
        if (limit <= -kExactBandM) return true;
        const double dx = std::max(std::max(min.x - p.x, p.x - max.x), 0.0);
        const double dy = std::max(std::max(min.y - p.y, p.y - max.y), 0.0);
        const double dz = std::max(std::max(min.z - p.z, p.z - max.z), 0.0);
        const double d2 = dx * dx + dy * dy + dz * dz;
        if (d2 == 0.0) return false; // inside the box the part may be anywhere below zero
        return limit <= 0.0 || d2 >= limit * limit;
    }
};

double sdSphere(const glm::dvec3& p, const glm::dvec3& centre, double radius);
double sdCapsule(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, double radius);
// A cone with rounded ends: radius ra at a, rb at b (exact, after Quilez).
double sdRoundCone(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, double ra, double rb);
// Ellipsoid with semi-axes along the columns of `axes` (orthonormal); a close bound, not exact.
double sdEllipsoid(const glm::dvec3& p, const glm::dvec3& centre, const glm::dvec3& radii, const glm::dmat3& axes);
// Closest point of a triangle and its barycentric weights (Ericson, Real-Time Collision Detection 5.1.5).
glm::dvec3 closestOnTriangle(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c,
                             glm::dvec3& barycentric);

// Polynomial smooth minimum: blends over a band `k` wide (0 gives the plain minimum).
double smoothMin(double a, double b, double k);
double smoothMax(double a, double b, double k);

// An orthonormal frame whose second column is `up` and first column is as close to `forward` as possible.
glm::dmat3 frameFromUpForward(const glm::dvec3& up, const glm::dvec3& forward);

// Numerical gradient by central differences.
glm::dvec3 gradient(const Field& field, const glm::dvec3& p, double step);

// One primitive with the box that holds it, and how it joins what came before.
struct Part {
    enum class Op { Union, Subtract, Intersect };
    Field field;
    Box bounds;        // where the primitive's surface and inside lie
    double blendM = 0; // smooth-min band
    Op op = Op::Union;
};

// A solid built from parts in order; parts far from a point are skipped using their boxes.
class Shape {
public:
    void add(Field field, const Box& bounds, double blendM);
    void subtract(Field field, const Box& bounds, double blendM);
    void intersect(Field field, const Box& bounds, double blendM);
    void sphere(const glm::dvec3& centre, double radius, double blendM);
    void capsule(const glm::dvec3& a, const glm::dvec3& b, double radius, double blendM);
    void roundCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb, double blendM);
    void ellipsoid(const glm::dvec3& centre, const glm::dvec3& radii, const glm::dmat3& axes, double blendM);
    // A chain of tapered cones through points with per-point radii.
    void tube(const std::vector<glm::dvec3>& points, const std::vector<double>& radii, double blendM);
    // A curved plate through a grid of control points (rows x columns, row-major), thickened
    // by a half-thickness per point; the grid is refined with Catmull-Rom splines so the plate
    // bends smoothly instead of in flat facets.
    void sheet(const std::vector<glm::dvec3>& grid, const std::vector<double>& halfThickness, int rows, int columns,
               double blendM, int subdivisions = 4);

    double operator()(const glm::dvec3& p) const;
    const Box& bounds() const { return bounds_; }
    Field field() const;

private:
    std::vector<Part> parts_;
    Box bounds_;
};

} // namespace modelgen
