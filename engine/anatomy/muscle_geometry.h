// Where the hamstrings and their pes anserinus partners run: the gait2392 path points
// (reference S1, right leg, metres in the named segment's frame) and the muscle-tendon
// parameters of the Thelen 2003 version of that model. Architecture from Ward et al. 2009
// (reference S5) for shapes and volumes.
#pragma once

#include "anatomy/skeleton.h"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace anatomy {

enum class Muscle {
    Semimembranosus,
    Semitendinosus,
    BicepsFemorisLong,
    BicepsFemorisShort,
    Gracilis,
    Sartorius,
    Count
};
constexpr int kMuscleCount = int(Muscle::Count);
constexpr std::array<Muscle, 4> kHamstrings{Muscle::Semimembranosus, Muscle::Semitendinosus, Muscle::BicepsFemorisLong,
                                            Muscle::BicepsFemorisShort};

struct PathPointDef {
    Segment segment;                       // right-side segment; mirrored for the left leg
    glm::dvec3 location;                   // right side
    // A conditional point is used only while gait2392's knee_angle_r (radians, negative in
    // flexion) lies in this range: it keeps the path behind the knee near extension.
    std::optional<std::array<double, 2>> activeKneeAngleRad;
};

struct MuscleTendonParameters {
    double maxIsometricForceN;
    double optimalFiberLengthM;
    double tendonSlackLengthM;
    double pennationAtOptimalRad;
};

// Ward et al. 2009 cadaver means; absent for the pes anserinus partners.
struct Architecture {
    double massG;
    double muscleLengthCm;
    double fiberLengthCm;
    double pennationDeg;
    double pcsaCm2;
};

struct MuscleDef {
    Muscle muscle;
    std::string_view name;          // "semitendinosus": used in node names, CSV, lesson files
    std::string_view displayName;   // "Semitendinosus"
    std::string_view opensimName;   // "semiten_r"
    std::vector<PathPointDef> path; // origin first, insertion last
    MuscleTendonParameters parameters;
    std::optional<Architecture> architecture;
    bool crossesHip;
};

const std::array<MuscleDef, kMuscleCount>& muscleDefs();
const MuscleDef& muscleDef(Muscle muscle);
std::optional<Muscle> muscleFromName(std::string_view name);

// Ward 2009 belly volume (mass / 1.056 g/cm3), in cubic metres.
double bellyVolumeM3(const Architecture& architecture);

// The segment a right-side path point belongs to, on the requested side.
Segment sideSegment(Segment rightSegment, Side side);

// The path points active at this pose, in world coordinates (origin first). Conditional
// points follow the knee angle as in gait2392; no wrapping. The model generator builds
// muscles around this path in the standing pose.
std::vector<glm::dvec3> activePathPoints(const SkeletonPose& skeleton, const Pose& pose, Muscle muscle, Side side);

// The direction "around = 0" points at a muscle's origin: posterior, as the femur faces.
// Muscle mesh coordinates are measured from it (see path_frame.h).
glm::dvec3 muscleReferenceNormal(const SkeletonPose& skeleton, Side side);
// The same direction from the femur's world transform alone.
glm::dvec3 muscleReferenceNormal(const glm::dmat4& femurWorld);

} // namespace anatomy
