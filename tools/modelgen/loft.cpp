#include "loft.h"

#include "core/math.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace modelgen {
namespace {

// Cubic Hermite through keyed values, with slopes from the neighbouring keys.
double cubicThrough(const std::vector<Section>& keys, std::size_t k, double along, double Section::*field)
{
    const std::size_t last = keys.size() - 1;
    auto slope = [&](std::size_t i) {
        const std::size_t a = i == 0 ? 0 : i - 1, b = std::min(i + 1, last);
        const double span = keys[b].along - keys[a].along;
        return span > 0.0 ? (keys[b].*field - keys[a].*field) / span : 0.0;
    };
    const double s0 = keys[k].along, s1 = keys[k + 1].along;
    const double h = s1 - s0;
    const double t = h > 0.0 ? (along - s0) / h : 0.0;
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * keys[k].*field + (t3 - 2 * t2 + t) * h * slope(k) + (-2 * t3 + 3 * t2) * keys[k + 1].*field +
           (t3 - t2) * h * slope(k + 1);
}

// Signed power keeping the sign: shapes the superellipse.
double signedPower(double value, double exponent)
{
    return (value < 0 ? -1.0 : 1.0) * std::pow(std::abs(value), exponent);
}

} // namespace

Section interpolate(const std::vector<Section>& keys, double along)
{
    assert(keys.size() >= 2);
    if (along <= keys.front().along) return keys.front();
    if (along >= keys.back().along) return keys.back();
    std::size_t k = 0;
    while (k + 2 < keys.size() && along > keys[k + 1].along) ++k;
    Section out;
    out.along = along;
    out.backM = cubicThrough(keys, k, along, &Section::backM);
    out.acrossM = cubicThrough(keys, k, along, &Section::acrossM);
    out.depthM = std::max(0.0, cubicThrough(keys, k, along, &Section::depthM));
    out.widthM = std::max(0.0, cubicThrough(keys, k, along, &Section::widthM));
    out.twistRad = cubicThrough(keys, k, along, &Section::twistRad);
    return out;
}

Loft buildLoft(const anatomy::PathFrame& path, const LoftSpec& spec, double sizeScale)
{
    assert(spec.keys.size() >= 2 && spec.rings >= 3 && spec.around >= 3);
    const double first = spec.keys.front().along, last = spec.keys.back().along;
    Loft loft;
    const double exponent = 2.0 / spec.squareness;
    for (int r = 0; r <= spec.rings; ++r) {
        // Rings crowd toward the ends, where the shape turns fastest.
        const double u = double(r) / spec.rings;
        const double along = first + (last - first) * (0.6 * u + 0.4 * (0.5 - 0.5 * std::cos(core::kPi * u)));
        const Section section = interpolate(spec.keys, along);
        const anatomy::PathSample frame = path.sample(along);
        const double twistCos = std::cos(section.twistRad), twistSin = std::sin(section.twistRad);
        Loft::Ring ring;
        ring.centre = frame.position + section.backM * frame.normal + section.acrossM * frame.binormal;
        ring.depthAxis = twistCos * frame.normal + twistSin * frame.binormal;
        ring.widthAxis = -twistSin * frame.normal + twistCos * frame.binormal;
        ring.tangent = frame.tangent;
        ring.halfDepth = 0.5 * section.depthM * sizeScale;
        ring.halfWidth = 0.5 * section.widthM * sizeScale;
        loft.rings.push_back(ring);
        if (r == 0 || r == spec.rings) {
            loft.mesh.positions.push_back(ring.centre); // a pole closes each end
            loft.along.push_back(along);
            continue;
        }
        for (int a = 0; a < spec.around; ++a) {
            const double theta = 2.0 * core::kPi * a / spec.around;
            loft.mesh.positions.push_back(ring.centre + ring.halfDepth * signedPower(std::cos(theta), exponent) * ring.depthAxis +
                                          ring.halfWidth * signedPower(std::sin(theta), exponent) * ring.widthAxis);
            loft.along.push_back(along);
        }
    }
    // Fans to the poles and quads between rings, wound to face outward.
    const std::uint32_t around = std::uint32_t(spec.around);
    const std::uint32_t lastPole = std::uint32_t(loft.mesh.positions.size() - 1);
    auto ringVertex = [&](int ring, std::uint32_t a) { return 1 + std::uint32_t(ring - 1) * around + a % around; };
    auto& indices = loft.mesh.indices;
    for (std::uint32_t a = 0; a < around; ++a) indices.insert(indices.end(), {0u, ringVertex(1, a + 1), ringVertex(1, a)});
    for (int r = 1; r + 1 < spec.rings; ++r)
        for (std::uint32_t a = 0; a < around; ++a) {
            const std::uint32_t v00 = ringVertex(r, a), v01 = ringVertex(r, a + 1);
            const std::uint32_t v10 = ringVertex(r + 1, a), v11 = ringVertex(r + 1, a + 1);
            indices.insert(indices.end(), {v00, v01, v11, v00, v11, v10});
        }
    for (std::uint32_t a = 0; a < around; ++a)
        indices.insert(indices.end(), {lastPole, ringVertex(spec.rings - 1, a), ringVertex(spec.rings - 1, a + 1)});
    computeNormals(loft.mesh);
    return loft;
}

void pushOut(Loft& loft, const anatomy::PathFrame& path, const Field& solid, double clearanceM)
{
    const std::size_t lastPole = loft.mesh.positions.size() - 1;
    for (std::size_t v = 1; v < lastPole; ++v) {
        glm::dvec3& p = loft.mesh.positions[v];
        const glm::dvec3 tangent = path.sample(loft.along[v]).tangent;
        for (int iteration = 0; iteration < 6; ++iteration) {
            const double distance = solid(p);
            if (distance >= clearanceM) break;
            glm::dvec3 g = gradient(solid, p, 0.0004);
            g -= glm::dot(g, tangent) * tangent;
            const double g2 = glm::dot(g, g);
            if (g2 < 0.04) break; // the solid's surface faces along the path: nothing to gain in-plane
            p += (clearanceM - distance) * g / g2;
        }
    }
    computeNormals(loft.mesh);
}

Field loftField(const Loft& loft)
{
    return [rings = loft.rings](const glm::dvec3& p) {
        double best = 1e9;
        double value = 1e9;
        for (std::size_t i = 0; i + 1 < rings.size(); ++i) {
            const glm::dvec3 a = rings[i].centre, ab = rings[i + 1].centre - a;
            const double length2 = glm::dot(ab, ab);
            const double t = length2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / length2, 0.0, 1.0) : 0.0;
            const glm::dvec3 centre = a + t * ab;
            const double axial = glm::length(p - centre);
            if (axial >= best) continue;
            best = axial;
            const glm::dvec3 depthAxis = glm::normalize(glm::mix(rings[i].depthAxis, rings[i + 1].depthAxis, t));
            const glm::dvec3 widthAxis = glm::normalize(glm::mix(rings[i].widthAxis, rings[i + 1].widthAxis, t));
            const double halfDepth = std::max(glm::mix(rings[i].halfDepth, rings[i + 1].halfDepth, t), 1e-4);
            const double halfWidth = std::max(glm::mix(rings[i].halfWidth, rings[i + 1].halfWidth, t), 1e-4);
            const double u = glm::dot(p - centre, depthAxis) / halfDepth, w = glm::dot(p - centre, widthAxis) / halfWidth;
            value = (std::sqrt(u * u + w * w) - 1.0) * std::min(halfDepth, halfWidth);
        }
        return value;
    };
}

} // namespace modelgen

namespace modelgen {

Box loftBounds(const Loft& loft)
{
    Box box;
    for (const glm::dvec3& p : loft.mesh.positions) box.add(p);
    return box;
}

} // namespace modelgen
