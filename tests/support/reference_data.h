// The published reference figures (assets/reference/hamstring_reference.json, a copy of the
// project's shared reference with its sources) for tests that check the model against them,
// and what follows from them computed here, apart from the library: gait2392's musculotendon
// lengths from its path points, and the Thelen 2003 static equilibrium of a muscle.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace testing_support {

const nlohmann::json& referenceData();

// gait2392's musculotendon length of a right-leg muscle ("semiten_r"): its path points on
// pelvis (at the origin), femur and tibia, conditional points switched by knee_angle_r,
// summed as straight segments (no wrap surfaces).
double gait2392LengthM(const std::string& opensimName, double hipFlexionDeg, double kneeFlexionDeg);

// A gait2392 muscle (its Thelen2003Muscle entry) held still at a musculotendon length at an
// activation: the fibre length where the tendon's force equals the fibre's along the tendon
// (fibre at rest, constant-thickness pennation), and the passive fibre force there.
struct ThelenEquilibrium {
    double fiberLengthM = 0.0;
    double passiveForceN = 0.0;
};
ThelenEquilibrium gait2392StaticEquilibrium(const std::string& opensimName, double mtuLengthM, double activation);

} // namespace testing_support
