#include "sdf.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <memory>

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

namespace {

// Uniform Catmull-Rom through four values (any type with + and scalar *).
template <class T>
T catmullRom(const T& p0, const T& p1, const T& p2, const T& p3, double t)
{
    const double t2 = t * t, t3 = t2 * t;
    return 0.5 * ((2.0 * p1) + (-1.0 * p0 + p2) * t + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2 +
                  (-1.0 * p0 + 3.0 * p1 - 3.0 * p2 + p3) * t3);
}

// Refines a row-major grid of values by `n` along both directions, ends extrapolated linearly.
template <class T>
std::vector<T> refineGrid(const std::vector<T>& grid, int rows, int columns, int n, int& outRows, int& outColumns)
{
    auto at = [&](int r, int c) {
        // Linear extrapolation one step beyond the border.
        auto clampedRow = [&](int rr, int cc) -> T {
            if (rr < 0) return 2.0 * grid[std::size_t(cc)] - grid[std::size_t(columns + cc)];
            if (rr >= rows) return 2.0 * grid[std::size_t((rows - 1) * columns + cc)] - grid[std::size_t((rows - 2) * columns + cc)];
            return grid[std::size_t(rr * columns + cc)];
        };
        if (c < 0) return 2.0 * clampedRow(r, 0) - clampedRow(r, 1);
        if (c >= columns) return 2.0 * clampedRow(r, columns - 1) - clampedRow(r, columns - 2);
        return clampedRow(r, c);
    };
    outRows = (rows - 1) * n + 1;
    outColumns = (columns - 1) * n + 1;
    std::vector<T> out;
    out.reserve(std::size_t(outRows * outColumns));
    for (int R = 0; R < outRows; ++R) {
        const int r = std::min(R / n, rows - 2);
        const double u = double(R - r * n) / n;
        for (int C = 0; C < outColumns; ++C) {
            const int c = std::min(C / n, columns - 2);
            const double v = double(C - c * n) / n;
            T rowValues[4];
            for (int k = 0; k < 4; ++k)
                rowValues[k] = catmullRom(at(r - 1, c - 1 + k), at(r, c - 1 + k), at(r + 1, c - 1 + k), at(r + 2, c - 1 + k), u);
            out.push_back(catmullRom(rowValues[0], rowValues[1], rowValues[2], rowValues[3], v));
        }
    }
    return out;
}

// A thickened triangle of a sheet: half-thickness at each corner.
struct ThickTriangle {
    glm::dvec3 a, b, c;
    double ta, tb, tc;
    Box box;

    double distance(const glm::dvec3& p) const
    {
        glm::dvec3 bary;
        const glm::dvec3 q = closestOnTriangle(p, a, b, c, bary);
        return glm::length(p - q) - (bary.x * ta + bary.y * tb + bary.z * tc);
    }
};

// A bounding-box tree over a sheet's triangles, so a query visits only those near the point.
class TriangleTree {
public:
    explicit TriangleTree(std::vector<ThickTriangle> triangles) : triangles_(std::move(triangles))
    {
        build(0, triangles_.size());
    }
    const Box& bounds() const { return nodes_.front().box; }

    double distance(const glm::dvec3& p) const
    {
        double best = 1e9;
        std::size_t stack[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node& node = nodes_[stack[--top]];
            if (node.box.fartherThan(p, best)) continue;
            if (node.count > 0) {
                for (std::size_t i = node.first; i < node.first + node.count; ++i)
                    if (!triangles_[i].box.fartherThan(p, best)) best = std::min(best, triangles_[i].distance(p));
                continue;
            }
            // Nearer child last, so it is visited first and tightens the bound sooner.
            const bool leftNearer = nodes_[node.left].box.distance(p) <= nodes_[node.left + 1].box.distance(p);
            stack[top++] = leftNearer ? node.left + 1 : node.left;
            stack[top++] = leftNearer ? node.left : node.left + 1;
        }
        return best;
    }

private:
    struct Node {
        Box box;
        std::size_t first = 0, count = 0; // leaves hold triangles
        std::size_t left = 0;             // inner nodes: children at left and left + 1
    };

    std::size_t build(std::size_t first, std::size_t count)
    {
        const std::size_t index = nodes_.size();
        nodes_.push_back({});
        Box box;
        for (std::size_t i = first; i < first + count; ++i) box.add(triangles_[i].box);
        nodes_[index].box = box;
        if (count <= 4) {
            nodes_[index].first = first;
            nodes_[index].count = count;
            return index;
        }
        // Split at the median along the box's longest side.
        const glm::dvec3 size = box.max - box.min;
        const int axis = size.x > size.y ? (size.x > size.z ? 0 : 2) : (size.y > size.z ? 1 : 2);
        const auto centre = [axis](const ThickTriangle& t) { return t.box.min[axis] + t.box.max[axis]; };
        std::nth_element(triangles_.begin() + std::ptrdiff_t(first), triangles_.begin() + std::ptrdiff_t(first + count / 2),
                         triangles_.begin() + std::ptrdiff_t(first + count),
                         [&](const ThickTriangle& x, const ThickTriangle& y) { return centre(x) < centre(y); });
        const std::size_t left = nodes_.size();
        nodes_[index].left = left;
        nodes_.push_back({});
        nodes_.push_back({});
        buildInto(left, first, count / 2);
        buildInto(left + 1, first + count / 2, count - count / 2);
        return index;
    }

    void buildInto(std::size_t slot, std::size_t first, std::size_t count)
    {
        const std::size_t built = build(first, count);
        nodes_[slot] = nodes_[built];
        // The copy in `built` stays as an unreachable duplicate; cheap and keeps children adjacent.
    }

    std::vector<ThickTriangle> triangles_;
    std::vector<Node> nodes_;
};

} // namespace

void Shape::sheet(const std::vector<glm::dvec3>& controlGrid, const std::vector<double>& controlHalfThickness,
                  int controlRows, int controlColumns, double blendM, int subdivisions)
{
    assert(int(controlGrid.size()) == controlRows * controlColumns && controlGrid.size() == controlHalfThickness.size());
    assert(controlRows >= 2 && controlColumns >= 2 && subdivisions >= 1);
    int rows = 0, columns = 0;
    const std::vector<glm::dvec3> grid = refineGrid(controlGrid, controlRows, controlColumns, subdivisions, rows, columns);
    std::vector<double> halfThickness = refineGrid(controlHalfThickness, controlRows, controlColumns, subdivisions, rows, columns);
    for (double& h : halfThickness) h = std::max(h, 0.0005);
    std::vector<ThickTriangle> triangles;
    auto addTriangle = [&](int i, int j, int k) {
        ThickTriangle t{grid[std::size_t(i)], grid[std::size_t(j)], grid[std::size_t(k)], halfThickness[std::size_t(i)],
                        halfThickness[std::size_t(j)], halfThickness[std::size_t(k)], {}};
        t.box.add(t.a);
        t.box.add(t.b);
        t.box.add(t.c);
        t.box = t.box.inflated(std::max({t.ta, t.tb, t.tc}));
        triangles.push_back(t);
    };
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c + 1 < columns; ++c) {
            const int i00 = r * columns + c, i01 = i00 + 1, i10 = i00 + columns, i11 = i10 + 1;
            addTriangle(i00, i10, i11);
            addTriangle(i00, i11, i01);
        }
    auto tree = std::make_shared<const TriangleTree>(std::move(triangles));
    add([tree](const glm::dvec3& p) { return tree->distance(p); }, tree->bounds(), blendM);
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
