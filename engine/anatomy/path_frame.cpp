#include "anatomy/path_frame.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace anatomy {
namespace {

// Centripetal Catmull-Rom point between p1 and p2 at t in [0, 1] (Barry-Goldman form).
glm::dvec3 catmullRom(const glm::dvec3& p0, const glm::dvec3& p1, const glm::dvec3& p2, const glm::dvec3& p3, double t)
{
    auto knot = [](double previous, const glm::dvec3& a, const glm::dvec3& b) {
        return previous + std::max(std::sqrt(glm::length(b - a)), 1e-6);
    };
    const double t0 = 0.0, t1 = knot(t0, p0, p1), t2 = knot(t1, p1, p2), t3 = knot(t2, p2, p3);
    const double u = t1 + (t2 - t1) * t;
    const glm::dvec3 a1 = (t1 - u) / (t1 - t0) * p0 + (u - t0) / (t1 - t0) * p1;
    const glm::dvec3 a2 = (t2 - u) / (t2 - t1) * p1 + (u - t1) / (t2 - t1) * p2;
    const glm::dvec3 a3 = (t3 - u) / (t3 - t2) * p2 + (u - t2) / (t3 - t2) * p3;
    const glm::dvec3 b1 = (t2 - u) / (t2 - t0) * a1 + (u - t0) / (t2 - t0) * a2;
    const glm::dvec3 b2 = (t3 - u) / (t3 - t1) * a2 + (u - t1) / (t3 - t1) * a3;
    return (t2 - u) / (t2 - t1) * b1 + (u - t1) / (t2 - t1) * b2;
}

glm::dvec3 orthogonalUnit(const glm::dvec3& vector, const glm::dvec3& tangent)
{
    glm::dvec3 v = vector - glm::dot(vector, tangent) * tangent;
    double length = glm::length(v);
    if (length < 1e-9) {
        // The reference lies along the path: fall back to any perpendicular.
        v = std::abs(tangent.x) < 0.9 ? glm::cross(tangent, glm::dvec3(1, 0, 0)) : glm::cross(tangent, glm::dvec3(0, 1, 0));
        length = glm::length(v);
    }
    return v / length;
}

} // namespace

PathFrame::PathFrame(const std::vector<glm::dvec3>& points, const glm::dvec3& referenceNormal)
{
    rebuild(points.data(), points.size(), referenceNormal);
}

void PathFrame::rebuild(const glm::dvec3* points, std::size_t pointCount, const glm::dvec3& referenceNormal)
{
    assert(pointCount >= 2);
    // Drop repeated points: they would give zero-length spans.
    std::vector<glm::dvec3>& p = points_;
    p.clear();
    for (std::size_t i = 0; i < pointCount; ++i)
        if (p.empty() || glm::length(points[i] - p.back()) > 1e-7) p.push_back(points[i]);
    if (p.size() < 2) p.push_back(p.front() + glm::dvec3(0.0, -1e-4, 0.0));

    const std::size_t spans = p.size() - 1;
    const std::size_t count = spans * kSamplesPerSpan + 1;
    samples_.resize(count);
    cumulative_.assign(count, 0.0);
    std::size_t next = 0;
    for (std::size_t span = 0; span < spans; ++span) {
        // Phantom end points continue the first and last spans straight on.
        const glm::dvec3 before = span == 0 ? 2.0 * p[0] - p[1] : p[span - 1];
        const glm::dvec3 after = span + 2 < p.size() ? p[span + 2] : 2.0 * p[span + 1] - p[span];
        for (int k = 0; k < kSamplesPerSpan; ++k)
            samples_[next++].position = catmullRom(before, p[span], p[span + 1], after, double(k) / kSamplesPerSpan);
    }
    samples_[next].position = p.back();

    for (std::size_t i = 0; i < count; ++i) {
        const glm::dvec3 here = samples_[i].position;
        const glm::dvec3 forward = i + 1 < count ? samples_[i + 1].position - here : here - samples_[i - 1].position;
        const glm::dvec3 backward = i > 0 ? here - samples_[i - 1].position : forward;
        samples_[i].tangent = glm::normalize(glm::normalize(forward) + glm::normalize(backward));
        if (i > 0) cumulative_[i] = cumulative_[i - 1] + glm::length(here - samples_[i - 1].position);
    }
    samples_[0].normal = orthogonalUnit(referenceNormal, samples_[0].tangent);
    for (std::size_t i = 0; i + 1 < count; ++i) {
        // Double reflection: reflect across the plane between the samples, then across the
        // plane that brings the reflected tangent onto the next tangent.
        const glm::dvec3 v1 = samples_[i + 1].position - samples_[i].position;
        const double c1 = glm::dot(v1, v1);
        glm::dvec3 normal = samples_[i].normal;
        glm::dvec3 tangent = samples_[i].tangent;
        if (c1 > 1e-18) {
            normal -= (2.0 / c1) * glm::dot(v1, normal) * v1;
            tangent -= (2.0 / c1) * glm::dot(v1, tangent) * v1;
        }
        const glm::dvec3 v2 = samples_[i + 1].tangent - tangent;
        const double c2 = glm::dot(v2, v2);
        if (c2 > 1e-18) normal -= (2.0 / c2) * glm::dot(v2, normal) * v2;
        samples_[i + 1].normal = orthogonalUnit(normal, samples_[i + 1].tangent);
    }
    for (PathSample& sample : samples_) sample.binormal = glm::cross(sample.tangent, sample.normal);
}

PathSample PathFrame::sample(double along) const
{
    const double target = std::clamp(along, 0.0, 1.0) * length();
    const auto upper = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
    const std::size_t i = std::min<std::size_t>(std::size_t(std::max<std::ptrdiff_t>(upper - cumulative_.begin(), 1)) - 1,
                                                samples_.size() - 2);
    return interpolate(i, target);
}

void PathFrame::sampleAscending(const double* along, std::size_t count, PathSample* out) const
{
    std::size_t i = 0;
    const std::size_t lastSpan = samples_.size() - 2;
    for (std::size_t n = 0; n < count; ++n) {
        assert(n == 0 || along[n] >= along[n - 1]);
        const double target = std::clamp(along[n], 0.0, 1.0) * length();
        // The span sample() would pick: the last sample at or below the target.
        while (i < lastSpan && cumulative_[i + 1] <= target) ++i;
        out[n] = interpolate(i, target);
    }
}

PathSample PathFrame::interpolate(std::size_t i, double target) const
{
    const double span = cumulative_[i + 1] - cumulative_[i];
    const double t = span > 0.0 ? std::clamp((target - cumulative_[i]) / span, 0.0, 1.0) : 0.0;
    const PathSample& a = samples_[i];
    const PathSample& b = samples_[i + 1];
    PathSample result;
    result.position = glm::mix(a.position, b.position, t);
    result.tangent = glm::normalize(glm::mix(a.tangent, b.tangent, t));
    result.normal = orthogonalUnit(glm::mix(a.normal, b.normal, t), result.tangent);
    result.binormal = glm::cross(result.tangent, result.normal);
    return result;
}

glm::dvec3 PathFrame::toWorld(const glm::dvec3& coordinates) const
{
    const PathSample frame = sample(coordinates.x);
    const double around = coordinates.y;
    return frame.position + coordinates.z * (std::cos(around) * frame.normal + std::sin(around) * frame.binormal);
}

glm::dvec3 PathFrame::toPathCoordinates(const glm::dvec3& world) const
{
    // Nearest point over all spans, measured across each span (so the offset is
    // perpendicular to the path wherever the point lies beside it).
    double bestDistance = 1e300;
    double bestAlong = 0.0;
    for (std::size_t i = 0; i + 1 < samples_.size(); ++i) {
        const glm::dvec3 a = samples_[i].position;
        const glm::dvec3 ab = samples_[i + 1].position - a;
        const double lengthSquared = glm::dot(ab, ab);
        const double t = lengthSquared > 0.0 ? std::clamp(glm::dot(world - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
        const double distance = glm::length(world - (a + t * ab));
        if (distance < bestDistance) {
            bestDistance = distance;
            bestAlong = (cumulative_[i] + t * (cumulative_[i + 1] - cumulative_[i])) / length();
        }
    }
    const PathSample frame = sample(bestAlong);
    const glm::dvec3 offset = world - frame.position;
    const double x = glm::dot(offset, frame.normal);
    const double y = glm::dot(offset, frame.binormal);
    return {bestAlong, std::atan2(y, x), std::sqrt(x * x + y * y)};
}

} // namespace anatomy
