// The frame along a muscle's path that its mesh is described in. A vertex is stored as
// (along, around, outward): the fraction of the path's length, the angle about the path
// from its reference normal, and the distance from it in metres. The model generator
// writes these coordinates in the standing pose; the simulation rebuilds the vertex from
// them on the moved and stretched path every frame. Both use this one definition.
//
// The path is smoothed with a centripetal Catmull-Rom curve through its points (so via points
// do not kink the mesh) and framed with rotation-minimising frames (double reflection,
// Wang et al. 2008), starting from a reference normal that moves with the bones.
#pragma once

#include <glm/glm.hpp>

#include <vector>

namespace anatomy {

struct PathSample {
    glm::dvec3 position{0.0};
    glm::dvec3 tangent{0.0, -1.0, 0.0};
    glm::dvec3 normal{-1.0, 0.0, 0.0};
    glm::dvec3 binormal{0.0, 0.0, 1.0};
};

class PathFrame {
public:
    static constexpr int kSamplesPerSpan = 16;

    PathFrame() = default;
    // `points`: origin, via points, insertion (at least two, not all coincident).
    // `referenceNormal`: the direction "outward = 0 degrees" points at the origin.
    PathFrame(const std::vector<glm::dvec3>& points, const glm::dvec3& referenceNormal);
    // The same frame as the constructor builds, reusing this object's storage: no allocation
    // once it has held a path with as many points. For per-frame use.
    void rebuild(const glm::dvec3* points, std::size_t count, const glm::dvec3& referenceNormal);

    double length() const { return cumulative_.back(); }
    // Position and frame at a fraction of the length, 0 at the origin and 1 at the insertion.
    PathSample sample(double along) const;
    // sample() at many fractions given in ascending order, walking the path once.
    void sampleAscending(const double* along, std::size_t count, PathSample* out) const;
    glm::dvec3 toWorld(const glm::dvec3& alongAroundOutward) const;
    // The nearest point of the path gives along; the offset from it gives around and outward.
    glm::dvec3 toPathCoordinates(const glm::dvec3& world) const;
    const std::vector<PathSample>& samples() const { return samples_; }
    // Distance along the path to each sample, metres (0 first, length() last).
    const std::vector<double>& sampleDistances() const { return cumulative_; }

private:
    PathSample interpolate(std::size_t span, double target) const;

    std::vector<PathSample> samples_;
    std::vector<double> cumulative_;
    std::vector<glm::dvec3> points_; // the path's distinct points, kept to reuse the storage
};

} // namespace anatomy
