// The body as a chain of rigid segments posed by anatomical angles in degrees.
// Legs follow OpenSim's gait2392 model (an adult of 1.8 m and 75 kg; x anterior, y superior,
// z to the right; reference S1): hip offsets, the planar knee with its femur-tibia translation
// splines, the oblique ankle axis. The left leg mirrors the right (z -> -z). Trunk, head and
// arms, which gait2392 leaves out, use the body-segment proportions of Drillis and Contini as
// drawn in Winter, Biomechanics and Motor Control of Human Movement (2009), fig. 4.1.
#pragma once

#include "core/enum_names.h"

#include <glm/glm.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace anatomy {

enum class Side { Right, Left };
// "r" and "l": a side in files, node names ("semitendinosus.r") and coordinate names ("_r").
inline constexpr auto kSideKeys = core::enumNames<Side>({{Side::Right, "r"}, {Side::Left, "l"}});

// Every pose coordinate. Angles are in degrees and named for what a positive value does.
enum class Coordinate {
    PelvisTx, PelvisTy, PelvisTz,                     // metres, pelvis origin in the world
    PelvisAnteriorTilt, PelvisList, PelvisRotation,   // list: right side down; rotation: turning left
    HipFlexionR, HipAdductionR, HipRotationR,         // rotation: internal
    KneeFlexionR, AnkleDorsiflexionR, ToeExtensionR,
    HipFlexionL, HipAdductionL, HipRotationL,
    KneeFlexionL, AnkleDorsiflexionL, ToeExtensionL,
    LumbarFlexion, LumbarBending, LumbarRotation,     // bending: toward the right; rotation: turning left
    ThoracicFlexion,
    NeckFlexion, NeckBending, NeckRotation,
    ShoulderFlexionR, ShoulderAbductionR, ShoulderRotationR,
    ElbowFlexionR, WristFlexionR,
    ShoulderFlexionL, ShoulderAbductionL, ShoulderRotationL,
    ElbowFlexionL, WristFlexionL,
    Count
};
constexpr int kCoordinateCount = int(Coordinate::Count);

enum class Unit { Degrees, Metres };

struct CoordinateInfo {
    Coordinate coordinate;
    std::string_view name;         // as written in lesson files, e.g. "hip_flexion_r"
    Unit unit;
    double minimum;                // joint limit
    double maximum;
    double neutral;                // standing upright, arms at the sides
    std::string_view description;
};

const std::array<CoordinateInfo, kCoordinateCount>& coordinateInfos();
const CoordinateInfo& coordinateInfo(Coordinate coordinate);
std::optional<Coordinate> coordinateFromName(std::string_view name);

// The value of every coordinate.
struct Pose {
    std::array<double, kCoordinateCount> values{};

    static Pose neutral();
    // Neutral with the arms hanging 5 degrees out from the sides: the pose the generated body
    // is modelled and bound in, so that its hands clear the hips (legs as in neutral).
    static Pose modelRest();
    double& operator[](Coordinate c) { return values[std::size_t(c)]; }
    double operator[](Coordinate c) const { return values[std::size_t(c)]; }
    // Hip, knee, ankle and toe coordinates of one leg.
    static Coordinate hipFlexion(Side side) { return side == Side::Right ? Coordinate::HipFlexionR : Coordinate::HipFlexionL; }
    static Coordinate hipAdduction(Side side) { return side == Side::Right ? Coordinate::HipAdductionR : Coordinate::HipAdductionL; }
    static Coordinate hipRotation(Side side) { return side == Side::Right ? Coordinate::HipRotationR : Coordinate::HipRotationL; }
    static Coordinate kneeFlexion(Side side) { return side == Side::Right ? Coordinate::KneeFlexionR : Coordinate::KneeFlexionL; }
    static Coordinate ankleDorsiflexion(Side side) { return side == Side::Right ? Coordinate::AnkleDorsiflexionR : Coordinate::AnkleDorsiflexionL; }
};

enum class Segment {
    Pelvis,
    FemurR, TibiaR, TalusR, CalcnR, ToesR,
    FemurL, TibiaL, TalusL, CalcnL, ToesL,
    Abdomen, Thorax, Neck, Head,
    HumerusR, ForearmR, HandR,
    HumerusL, ForearmL, HandL,
    Count
};
constexpr int kSegmentCount = int(Segment::Count);

struct SegmentInfo {
    Segment segment;
    std::string_view name;   // "femur_r"; glTF joint nodes are named "joint.<name>"
    Segment parent;          // Pelvis for the root itself
};

const std::array<SegmentInfo, kSegmentCount>& segmentInfos();
const SegmentInfo& segmentInfo(Segment segment);
std::optional<Segment> segmentFromName(std::string_view name);
Segment femur(Side side);
Segment tibia(Side side);

// World transform of every segment's frame (origin at its proximal joint centre).
struct SkeletonPose {
    std::array<glm::dmat4, kSegmentCount> world{};

    const glm::dmat4& operator[](Segment s) const { return world[std::size_t(s)]; }
    glm::dvec3 toWorld(Segment s, const glm::dvec3& local) const { return glm::dvec3(world[std::size_t(s)] * glm::dvec4(local, 1.0)); }
    glm::dvec3 origin(Segment s) const { return glm::dvec3(world[std::size_t(s)][3]); }
};

SkeletonPose computeSkeleton(const Pose& pose);

// World transforms of the pelvis, femur and tibia of one leg: the part of computeSkeleton that
// muscle paths need, cheap enough to evaluate several times per step for moment arms.
// computeSkeleton uses the same functions, so the two agree exactly.
struct LegTransforms {
    glm::dmat4 pelvis{1.0};
    glm::dmat4 femur{1.0};
    glm::dmat4 tibia{1.0};
};
glm::dmat4 pelvisTransform(const Pose& pose);
LegTransforms legTransforms(const glm::dmat4& pelvis, const Pose& pose, Side side);

// Tibia origin in the femur frame for a knee flexion (gait2392 translation splines).
glm::dvec3 kneeTranslation(double kneeFlexionDeg);

// A point given for the right side, mirrored to the requested side.
glm::dvec3 onSide(const glm::dvec3& rightSidePoint, Side side);

// Fixed offsets of the model, in the parent segment's frame, right side.
namespace gait2392 {
constexpr double kPelvisHeightM = 0.95;                        // default pelvis_ty
constexpr glm::dvec3 kHipCentreInPelvis{-0.0707, -0.0661, 0.0835};
constexpr glm::dvec3 kAnkleInTibia{0.0, -0.43, 0.0};
constexpr glm::dvec3 kAnkleAxis{-0.10501355, -0.17402245, 0.97912632};
constexpr glm::dvec3 kCalcnInTalus{-0.04877, -0.04195, 0.00792}; // subtalar joint
constexpr glm::dvec3 kToesInCalcn{0.1788, -0.002, 0.00108};      // metatarsophalangeal joint
} // namespace gait2392

} // namespace anatomy
