// Muscle paths that move with the bones: the gait2392 path points (conditional points switched
// by the knee angle, reference S1) plus a cylinder over the posterior femoral condyles that a
// path wraps around instead of cutting through bone. Gives musculotendon lengths and moment
// arms (-dL/dq, tendon excursion as OpenSim defines it) without allocating.
#pragma once

#include "anatomy/muscle_geometry.h"
#include "anatomy/path_frame.h"
#include "anatomy/skeleton.h"

#include <array>
#include <cstdint>
#include <span>

namespace anatomy {

// A wrap surface fixed to a segment: a cylinder along the segment's z axis (medio-lateral,
// parallel to the knee's flexion axis). Values are for the right leg; the left mirrors them.
struct WrapCylinder {
    std::string_view name;
    Segment segment;        // right-side segment
    glm::dvec3 centre;      // on the axis, in the segment's frame (only x and y matter)
    double radiusM;
};

// The condyle cylinder a muscle wraps over, or null for muscles that pass beside the condyles.
const WrapCylinder* condyleWrap(Muscle muscle);

// Bit i set: path point i (as listed in muscleDef) is in use.
using PathPointMask = std::uint32_t;
PathPointMask activePathPointMask(Muscle muscle, double kneeFlexionDeg);

constexpr int kMaxPathPoints = 16;
constexpr int kWrapArcPoints = 3; // points placed on a wrapped arc, between its two tangent points

// One muscle's path at one pose, in world coordinates.
struct MusclePath {
    std::array<glm::dvec3, kMaxPathPoints> points{}; // origin first, insertion last, arc points included
    int count = 0;
    double lengthM = 0.0;   // musculotendon length; exact on the wrap's helix, not the chord of its points
    bool wrapping = false;  // part of the path lies on the condyle cylinder

    std::span<const glm::dvec3> view() const { return {points.data(), std::size_t(count)}; }
};

// The path from the leg's segment transforms. `arcPoints` (0..kWrapArcPoints) points are put
// on a wrapped arc for drawing and mesh frames; the length does not depend on them.
void computeMusclePath(const LegTransforms& leg, Muscle muscle, Side side, PathPointMask mask, int arcPoints,
                       MusclePath& out);
double musculotendonLength(const LegTransforms& leg, Muscle muscle, Side side, PathPointMask mask);

struct MuscleKinematics {
    double lengthM = 0.0;
    double lengtheningVelocityMPerS = 0.0; // from the pose change over the last step (Musculoskeletal only)
    double hipFlexionMomentArmM = 0.0;  // -dL/d(hip flexion angle): negative for a hip extensor
    double kneeFlexionMomentArmM = 0.0; // -dL/d(knee flexion angle): positive for a knee flexor
};

// Length, moment arms and (optionally) the drawn path of several muscles of one leg, sharing the
// leg transforms. Moment arms are central differences with the conditional points held as they
// are at the pose (OpenSim differentiates the path as it is too).
void evaluateMuscles(const Pose& pose, Side side, std::span<const Muscle> muscles, std::span<MuscleKinematics> kinematics,
                     std::span<MusclePath> paths = {});
MuscleKinematics muscleKinematics(const Pose& pose, Muscle muscle, Side side);
// The frame muscle meshes are described in: the standing pose's path through the gait2392
// points without wrapping (activePathPoints), as the model generator builds it. This is the
// rest frame MuscleDeformer::prepare wants.
PathFrame standingPathFrame(Muscle muscle, Side side);

// Only the drawn paths (and so the lengths) of several muscles of one leg: a fifth of the work.
void evaluateMusclePaths(const Pose& pose, Side side, std::span<const Muscle> muscles, std::span<MusclePath> paths);

} // namespace anatomy
