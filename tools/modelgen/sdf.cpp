#include "sdf.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace modelgen {

double Box::distance(const glm::dvec3& p) const
{
    const glm::dvec3 outside = glm::max(glm::max(min - p, p - max), glm::dvec3(0.0));
    return glm::length(outside);
}

double sdSphere(const glm::dvec3& p, const glm::dvec3& centre, double radius)
{
    return glm::length(p - centre) - radius;
}

double sdCapsule(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, double radius)
{
    const glm::dvec3 pa = p - a, ba = b - a;
    const double h = std::clamp(glm::dot(pa, ba) / glm::dot(ba, ba), 0.0, 1.0);
    return glm::length(pa - ba * h) - radius;
}

double sdRoundCone(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, double ra, double rb)
{
    const glm::dvec3 ba = b - a;
    const double l2 = glm::dot(ba, ba);
    const double rr = ra - rb;
    const double a2 = l2 - rr * rr;
    // One sphere swallows the other: the bigger sphere is the whole shape.
    if (a2 <= 1e-12) return ra > rb ? sdSphere(p, a, ra) : sdSphere(p, b, rb);
    const double il2 = 1.0 / l2;
    const glm::dvec3 pa = p - a;
    const double y = glm::dot(pa, ba);
    const double z = y - l2;
    const glm::dvec3 w = pa * l2 - ba * y;
    const double x2 = glm::dot(w, w);
    const double y2 = y * y * l2;
    const double z2 = z * z * l2;
    const double k = (rr > 0 ? 1.0 : rr < 0 ? -1.0 : 0.0) * rr * rr * x2;
    if ((z > 0 ? 1.0 : z < 0 ? -1.0 : 0.0) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
    if ((y > 0 ? 1.0 : y < 0 ? -1.0 : 0.0) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
    return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

double sdEllipsoid(const glm::dvec3& p, const glm::dvec3& centre, const glm::dvec3& radii, const glm::dmat3& axes)
{
    // Into the ellipsoid's own axes (the transpose inverts an orthonormal frame).
    const glm::dvec3 local = glm::transpose(axes) * (p - centre);
    const double k0 = glm::length(local / radii);
    const double k1 = glm::length(local / (radii * radii));
    if (k1 < 1e-12) return -std::min({radii.x, radii.y, radii.z});
    return k0 * (k0 - 1.0) / k1;
}

glm::dvec3 closestOnTriangle(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c,
                             glm::dvec3& bary)
{
    const glm::dvec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0 && d2 <= 0.0) { bary = {1, 0, 0}; return a; }
    const glm::dvec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0 && d4 <= d3) { bary = {0, 1, 0}; return b; }
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) {
        const double v = d1 / (d1 - d3);
        bary = {1 - v, v, 0};
        return a + v * ab;
    }
    const glm::dvec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0 && d5 <= d6) { bary = {0, 0, 1}; return c; }
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) {
        const double w = d2 / (d2 - d6);
        bary = {1 - w, 0, w};
        return a + w * ac;
    }
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0) {
        const double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        bary = {0, 1 - w, w};
        return b + w * (c - b);
    }
    const double denominator = 1.0 / (va + vb + vc);
    const double v = vb * denominator, w = vc * denominator;
    bary = {1 - v - w, v, w};
    return a + ab * v + ac * w;
}

double smoothMin(double a, double b, double k)
{
    if (k <= 0.0) return std::min(a, b);
    const double h = std::max(k - std::abs(a - b), 0.0) / k;
    return std::min(a, b) - h * h * k * 0.25;
}

double smoothMax(double a, double b, double k)
{
    return -smoothMin(-a, -b, k);
}

glm::dmat3 frameFromUpForward(const glm::dvec3& up, const glm::dvec3& forward)
{
    const glm::dvec3 y = glm::normalize(up);
    glm::dvec3 x = forward - glm::dot(forward, y) * y;
    if (glm::length(x) < 1e-9) x = std::abs(y.x) < 0.9 ? glm::cross(y, glm::dvec3(0, 0, 1)) : glm::cross(y, glm::dvec3(0, 1, 0));
    x = glm::normalize(x);
    return glm::dmat3(x, y, glm::cross(x, y));
}

glm::dvec3 gradient(const Field& field, const glm::dvec3& p, double step)
{
    const glm::dvec3 dx(step, 0, 0), dy(0, step, 0), dz(0, 0, step);
    return glm::dvec3(field(p + dx) - field(p - dx), field(p + dy) - field(p - dy), field(p + dz) - field(p - dz)) /
           (2.0 * step);
}

void Shape::add(Field field, const Box& bounds, double blendM)
{
    parts_.push_back({std::move(field), bounds, blendM, Part::Op::Union});
    bounds_.add(bounds);
}

void Shape::subtract(Field field, const Box& bounds, double blendM)
{
    parts_.push_back({std::move(field), bounds, blendM, Part::Op::Subtract});
}

void Shape::intersect(Field field, const Box& bounds, double blendM)
{
    parts_.push_back({std::move(field), bounds, blendM, Part::Op::Intersect});
}

void Shape::sphere(const glm::dvec3& centre, double radius, double blendM)
{
    Box box{centre - glm::dvec3(radius), centre + glm::dvec3(radius)};
    add([=](const glm::dvec3& p) { return sdSphere(p, centre, radius); }, box, blendM);
}

void Shape::capsule(const glm::dvec3& a, const glm::dvec3& b, double radius, double blendM)
{
    Box box;
    box.add(a);
    box.add(b);
    add([=](const glm::dvec3& p) { return sdCapsule(p, a, b, radius); }, box.inflated(radius), blendM);
}

void Shape::roundCone(const glm::dvec3& a, const glm::dvec3& b, double ra, double rb, double blendM)
{
    Box box{glm::min(a - glm::dvec3(ra), b - glm::dvec3(rb)), glm::max(a + glm::dvec3(ra), b + glm::dvec3(rb))};
    add([=](const glm::dvec3& p) { return sdRoundCone(p, a, b, ra, rb); }, box, blendM);
}

void Shape::ellipsoid(const glm::dvec3& centre, const glm::dvec3& radii, const glm::dmat3& axes, double blendM)
{
    // The box of a rotated ellipsoid: the extent along each world axis.
    glm::dvec3 extent(0.0);
    for (int world = 0; world < 3; ++world) {
        double sum = 0.0;
        for (int axis = 0; axis < 3; ++axis) sum += (axes[axis][world] * radii[axis]) * (axes[axis][world] * radii[axis]);
        extent[world] = std::sqrt(sum);
    }
    add([=](const glm::dvec3& p) { return sdEllipsoid(p, centre, radii, axes); }, {centre - extent, centre + extent},
        blendM);
}

void Shape::tube(const std::vector<glm::dvec3>& points, const std::vector<double>& radii, double blendM)
{
    assert(points.size() >= 2 && points.size() == radii.size());
    struct Cone {
        glm::dvec3 a, b;
        double ra, rb;
        Box box;
    };
    std::vector<Cone> cones;
    Box all;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        Cone cone{points[i], points[i + 1], radii[i], radii[i + 1], {}};
        cone.box = {glm::min(cone.a - glm::dvec3(cone.ra), cone.b - glm::dvec3(cone.rb)),
                    glm::max(cone.a + glm::dvec3(cone.ra), cone.b + glm::dvec3(cone.rb))};
        all.add(cone.box);
        cones.push_back(cone);
    }
    add(
        [cones](const glm::dvec3& p) {
            double d = 1e9;
            for (const Cone& cone : cones)
                if (!cone.box.fartherThan(p, d)) d = std::min(d, sdRoundCone(p, cone.a, cone.b, cone.ra, cone.rb));
            return d;
        },
        all, blendM);
}

void Shape::sheet(const std::vector<glm::dvec3>& grid, const std::vector<double>& halfThickness, int rows, int columns,
                  double blendM)
{
    assert(int(grid.size()) == rows * columns && grid.size() == halfThickness.size());
    struct Triangle {
        glm::dvec3 a, b, c;
        double ta, tb, tc;
        Box box;
    };
    std::vector<Triangle> triangles;
    Box all;
    auto addTriangle = [&](int i, int j, int k) {
        Triangle t{grid[std::size_t(i)], grid[std::size_t(j)], grid[std::size_t(k)], halfThickness[std::size_t(i)],
                   halfThickness[std::size_t(j)], halfThickness[std::size_t(k)], {}};
        t.box.add(t.a);
        t.box.add(t.b);
        t.box.add(t.c);
        t.box = t.box.inflated(std::max({t.ta, t.tb, t.tc}));
        all.add(t.box);
        triangles.push_back(t);
    };
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c + 1 < columns; ++c) {
            const int i00 = r * columns + c, i01 = i00 + 1, i10 = i00 + columns, i11 = i10 + 1;
            addTriangle(i00, i10, i11);
            addTriangle(i00, i11, i01);
        }
    add(
        [triangles](const glm::dvec3& p) {
            double d = 1e9;
            for (const Triangle& t : triangles) {
                if (t.box.fartherThan(p, d)) continue;
                glm::dvec3 bary;
                const glm::dvec3 q = closestOnTriangle(p, t.a, t.b, t.c, bary);
                d = std::min(d, glm::length(p - q) - (bary.x * t.ta + bary.y * t.tb + bary.z * t.tc));
            }
            return d;
        },
        all, blendM);
}

double Shape::operator()(const glm::dvec3& p) const
{
    double d = 1e9;
    for (const Part& part : parts_) {
        switch (part.op) {
        case Part::Op::Union:
            // smoothMin(d, x, k) equals d wherever x >= d + k.
            if (part.bounds.fartherThan(p, d + part.blendM)) continue;
            d = smoothMin(d, part.field(p), part.blendM);
            break;
        case Part::Op::Subtract:
            // smoothMax(d, -x, k) equals d wherever x >= k - d.
            if (part.bounds.fartherThan(p, part.blendM - d)) continue;
            d = smoothMax(d, -part.field(p), part.blendM);
            break;
        case Part::Op::Intersect: d = smoothMax(d, part.field(p), part.blendM); break;
        }
    }
    return d;
}

Field Shape::field() const
{
    return [shape = *this](const glm::dvec3& p) { return shape(p); };
}

} // namespace modelgen
