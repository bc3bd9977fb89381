// Moves a muscle mesh with its path and keeps the belly's volume: the mesh is stored as path
// coordinates (along, around, outward; see path_frame.h), and each frame it is rebuilt on the
// current path. Tendons stretch only by the tendon's strain and the belly takes the rest of the
// length change, thickening as it shortens; contraction gathers the belly toward its middle, a
// cramp knot bulges locally and a tremor ripples along it, with the rest of the belly giving
// back the volume they add. Normals follow analytically from the rest normals.
#pragma once

#include "anatomy/path_frame.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace anatomy {

// What shapes a muscle this frame, beyond its path.
struct MuscleShapeState {
    double tendonStretch = 1.0;   // tendon length over its length in the rest (standing, relaxed) state
    double activation = 0.0;      // 0..1; a contracting belly gathers toward its middle
    double knotAmplitude = 0.0;   // 0..1 of the full cramp knot
    double knotAlongBelly = 0.5;  // 0 proximal end of the belly, 1 distal
    double knotAroundRad = 0.0;   // from the path's reference normal
    double rippleAmplitude = 0.0; // tremor ripple, as a fraction of the cross-section (signed)
    double ripplePhaseRad = 0.0;
};

namespace detail {
// One cross-section of a deformed muscle at the current frame: MuscleDeformer's working data.
struct DeformRing {
    glm::vec3 position, tangent, normal, binormal;
    float radiusScale;          // m: outward scale, before the knot
    float radiusScaleSlope;     // dm/ds over rest arc length (1/m)
    float inverseStretch;       // ds/ds': one over the axial stretch
    float knot, knotSlope;      // the knot's along-profile and its slope (1/m)
};
} // namespace detail

struct MuscleDeformerOptions {
    // Rings whose rest radius is below this fraction of the largest are tendon; above the
    // second, belly; in between they blend, so the junction stays smooth. A hamstring tendon is
    // 3-4 mm across its radius against a belly of 20-30 mm: tendon sits near 0.1-0.15, and the
    // belly's own tapering ends count as belly well before they reach half its radius.
    float tendonRadiusFraction = 0.15f;
    float bellyRadiusFraction = 0.35f;
    // Half-width of the blend between tendon and belly stretch, as a fraction of the path.
    float blendLengthFraction = 0.04f;
};

class MuscleDeformer {
public:
    static constexpr int kRings = 129; // cross-sections the path is sampled at, per frame

    // Reads the rest mesh once. `restCoordinates`: per vertex (along 0..1, around in radians,
    // outward in metres). `restFrame`: the path the coordinates were made on (standing pose),
    // used for the rest normals, which are computed from the triangles (area-weighted).
    void prepare(const glm::vec3* restCoordinates, std::size_t vertexCount, const std::uint32_t* indices,
                 std::size_t indexCount, const PathFrame& restFrame, const MuscleDeformerOptions& options = {});
    bool prepared() const { return !vertexIndex_.empty(); }
    std::size_t vertexCount() const { return vertexIndex_.size(); }

    // World positions and unit normals for the current path and state, into arrays of
    // vertexCount() elements. Allocates nothing.
    void deform(const PathFrame& current, const MuscleShapeState& state, glm::vec3* positions, glm::vec3* normals);

    // The rest belly as the deformer found it: along-path fractions where it starts and ends.
    float bellyStart() const { return bellyStart_; }
    float bellyEnd() const { return bellyEnd_; }

private:
    using Ring = detail::DeformRing;

    // Per vertex, grouped by the ring interval it lies in and stored as separate arrays, so the
    // inner loop reads them in order and the compiler can run it several vertices at a time.
    std::vector<std::uint32_t> intervalStart_; // first grouped vertex of each ring interval, then the end
    std::vector<std::uint32_t> vertexIndex_;   // the mesh's index of each grouped vertex
    bool meshOrder_ = false;                   // the grouping kept the mesh's own order
    std::vector<float> weight_;                // toward the interval's upper ring
    std::vector<float> cosAround_, sinAround_, outward_;
    std::vector<float> normalAlong_, normalOutward_, normalAround_; // rest normal in the local frame
    std::vector<float> outX_, outY_, outZ_, outNX_, outNY_, outNZ_;  // results before they go to the mesh

    // Per ring, from the rest mesh.
    std::vector<double> restArea_;      // mean outward^2, proportional to the cross-section
    std::vector<double> bellyWeight_;   // 0 tendon .. 1 belly
    std::vector<double> bellyPosition_; // 0..1 along the belly
    std::vector<double> gatherProfile_; // where contraction moves volume to (+) and from (-)
    std::vector<double> rippleSin_, rippleCos_;
    std::vector<double> knotSlopeScale_; // turns the knot bump's slope into its slope along the rest path
    double restBellyVolume_ = 0.0;       // sum of rest area times belly weight over the rings
    // Per ring, per frame.
    std::vector<Ring> rings_;
    std::vector<double> ringAlong_;
    std::vector<PathSample> ringSamples_;
    std::vector<double> ringFactor_;
    double restLengthM_ = 0.0;
    double bellyLengthM_ = 0.0;
    float bellyStart_ = 0.0f, bellyEnd_ = 1.0f;
};

} // namespace anatomy
