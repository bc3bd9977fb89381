#include "anatomy/skeleton.h"

#include "anatomy/simm_spline.h"
#include "core/math.h"

#include <glm/gtc/matrix_transform.hpp>

namespace anatomy {
namespace {

using C = Coordinate;
using S = Segment;

// Joint limits: hip and knee ranges bound the gait2392 data (knee splines end at 120 degrees
// of flexion); other joints use common clinical ranges of motion for adults.
const std::array<CoordinateInfo, kCoordinateCount> kCoordinates{{
    {C::PelvisTx, "pelvis_tx", Unit::Metres, -5.0, 5.0, 0.0, "pelvis forward position"},
    {C::PelvisTy, "pelvis_ty", Unit::Metres, -1.0, 2.0, gait2392::kPelvisHeightM, "pelvis height"},
    {C::PelvisTz, "pelvis_tz", Unit::Metres, -3.0, 3.0, 0.0, "pelvis sideways position (right positive)"},
    // The pelvis angles place the whole body in the room (lying, kneeling, upside down in
    // Downward-Facing Dog), so they are not limited like a joint.
    {C::PelvisAnteriorTilt, "pelvis_anterior_tilt", Unit::Degrees, -180.0, 180.0, 0.0, "pelvis tipped forward"},
    {C::PelvisList, "pelvis_list", Unit::Degrees, -180.0, 180.0, 0.0, "right side of the pelvis lowered"},
    {C::PelvisRotation, "pelvis_rotation", Unit::Degrees, -180.0, 180.0, 0.0, "body turned to its left"},
    {C::HipFlexionR, "hip_flexion_r", Unit::Degrees, -30.0, 130.0, 0.0, "right thigh raised forward"},
    {C::HipAdductionR, "hip_adduction_r", Unit::Degrees, -45.0, 30.0, 0.0, "right thigh toward the midline"},
    {C::HipRotationR, "hip_rotation_r", Unit::Degrees, -45.0, 45.0, 0.0, "right thigh rotated inward"},
    {C::KneeFlexionR, "knee_flexion_r", Unit::Degrees, -10.0, 120.0, 0.0, "right knee bent"},
    {C::AnkleDorsiflexionR, "ankle_dorsiflexion_r", Unit::Degrees, -50.0, 30.0, 0.0, "right foot pulled up"},
    {C::ToeExtensionR, "toe_extension_r", Unit::Degrees, -30.0, 70.0, 0.0, "right toes bent up"},
    {C::HipFlexionL, "hip_flexion_l", Unit::Degrees, -30.0, 130.0, 0.0, "left thigh raised forward"},
    {C::HipAdductionL, "hip_adduction_l", Unit::Degrees, -45.0, 30.0, 0.0, "left thigh toward the midline"},
    {C::HipRotationL, "hip_rotation_l", Unit::Degrees, -45.0, 45.0, 0.0, "left thigh rotated inward"},
    {C::KneeFlexionL, "knee_flexion_l", Unit::Degrees, -10.0, 120.0, 0.0, "left knee bent"},
    {C::AnkleDorsiflexionL, "ankle_dorsiflexion_l", Unit::Degrees, -50.0, 30.0, 0.0, "left foot pulled up"},
    {C::ToeExtensionL, "toe_extension_l", Unit::Degrees, -30.0, 70.0, 0.0, "left toes bent up"},
    {C::LumbarFlexion, "lumbar_flexion", Unit::Degrees, -30.0, 60.0, 0.0, "lower back bent forward"},
    {C::LumbarBending, "lumbar_bending", Unit::Degrees, -30.0, 30.0, 0.0, "lower back bent to the right"},
    {C::LumbarRotation, "lumbar_rotation", Unit::Degrees, -40.0, 40.0, 0.0, "trunk turned to the left"},
    {C::ThoracicFlexion, "thoracic_flexion", Unit::Degrees, -20.0, 45.0, 0.0, "upper back rounded forward"},
    {C::NeckFlexion, "neck_flexion", Unit::Degrees, -50.0, 60.0, 0.0, "chin toward the chest"},
    {C::NeckBending, "neck_bending", Unit::Degrees, -40.0, 40.0, 0.0, "head tilted to the right"},
    {C::NeckRotation, "neck_rotation", Unit::Degrees, -70.0, 70.0, 0.0, "head turned to the left"},
    {C::ShoulderFlexionR, "shoulder_flexion_r", Unit::Degrees, -60.0, 180.0, 0.0, "right arm raised forward"},
    {C::ShoulderAbductionR, "shoulder_abduction_r", Unit::Degrees, -10.0, 180.0, 0.0, "right arm raised sideways"},
    {C::ShoulderRotationR, "shoulder_rotation_r", Unit::Degrees, -90.0, 90.0, 0.0, "right arm rotated inward"},
    {C::ElbowFlexionR, "elbow_flexion_r", Unit::Degrees, 0.0, 150.0, 0.0, "right elbow bent"},
    {C::WristFlexionR, "wrist_flexion_r", Unit::Degrees, -85.0, 80.0, 0.0, "right palm bent toward the forearm"},
    {C::ShoulderFlexionL, "shoulder_flexion_l", Unit::Degrees, -60.0, 180.0, 0.0, "left arm raised forward"},
    {C::ShoulderAbductionL, "shoulder_abduction_l", Unit::Degrees, -10.0, 180.0, 0.0, "left arm raised sideways"},
    {C::ShoulderRotationL, "shoulder_rotation_l", Unit::Degrees, -90.0, 90.0, 0.0, "left arm rotated inward"},
    {C::ElbowFlexionL, "elbow_flexion_l", Unit::Degrees, 0.0, 150.0, 0.0, "left elbow bent"},
    {C::WristFlexionL, "wrist_flexion_l", Unit::Degrees, -85.0, 80.0, 0.0, "left palm bent toward the forearm"},
}};

const std::array<SegmentInfo, kSegmentCount> kSegments{{
    {S::Pelvis, "pelvis", S::Pelvis},
    {S::FemurR, "femur_r", S::Pelvis},
    {S::TibiaR, "tibia_r", S::FemurR},
    {S::TalusR, "talus_r", S::TibiaR},
    {S::CalcnR, "calcn_r", S::TalusR},
    {S::ToesR, "toes_r", S::CalcnR},
    {S::FemurL, "femur_l", S::Pelvis},
    {S::TibiaL, "tibia_l", S::FemurL},
    {S::TalusL, "talus_l", S::TibiaL},
    {S::CalcnL, "calcn_l", S::TalusL},
    {S::ToesL, "toes_l", S::CalcnL},
    {S::Abdomen, "abdomen", S::Pelvis},
    {S::Thorax, "thorax", S::Abdomen},
    {S::Neck, "neck", S::Thorax},
    {S::Head, "head", S::Neck},
    {S::HumerusR, "humerus_r", S::Thorax},
    {S::ForearmR, "forearm_r", S::HumerusR},
    {S::HandR, "hand_r", S::ForearmR},
    {S::HumerusL, "humerus_l", S::Thorax},
    {S::ForearmL, "forearm_l", S::HumerusL},
    {S::HandL, "hand_l", S::ForearmL},
}};

// Upper-body joint centres standing upright, in the parent's frame. Heights follow the
// Drillis-Contini fractions of stature H = 1.8 m (shoulder 0.818 H, upper arm 0.186 H,
// forearm 0.146 H); the spine joints sit behind the body's midline.
constexpr glm::dvec3 kAbdomenInPelvis{-0.100, 0.080, 0.0};    // lumbosacral level
constexpr glm::dvec3 kThoraxInAbdomen{0.005, 0.170, 0.0};     // thoracolumbar level
constexpr glm::dvec3 kNeckInThorax{0.020, 0.300, 0.0};        // cervicothoracic level
constexpr glm::dvec3 kHeadInNeck{0.030, 0.120, 0.0};          // skull on the atlas
constexpr glm::dvec3 kShoulderInThorax{0.050, 0.240, 0.190};  // glenohumeral joint, right
constexpr glm::dvec3 kElbowInHumerus{0.0, -0.335, 0.0};       // 0.186 H
constexpr glm::dvec3 kWristInForearm{0.0, -0.263, 0.0};       // 0.146 H

// gait2392 knee translations, functions of knee_angle_r (radians, negative in flexion).
const SimmSpline& kneeSplineX()
{
    static const SimmSpline spline({-2.0944, -1.74533, -1.39626, -1.0472, -0.698132, -0.349066, -0.174533, 0.197344,
                                    0.337395, 0.490178, 1.52146, 2.0944},
                                   {-0.0032, 0.00179, 0.00411, 0.0041, 0.00212, -0.001, -0.0031, -0.005227, -0.005435,
                                    -0.005574, -0.005435, -0.00525});
    return spline;
}

const SimmSpline& kneeSplineY()
{
    static const SimmSpline spline({-2.0944, -1.22173, -0.523599, -0.349066, -0.174533, 0.159149, 2.0944},
                                   {-0.4226, -0.4082, -0.399, -0.3976, -0.3966, -0.395264, -0.396});
    return spline;
}

glm::dmat4 rotation(double degrees, const glm::dvec3& axis)
{
    return glm::rotate(glm::dmat4(1.0), core::degToRad(degrees), glm::normalize(axis));
}

glm::dmat4 translation(const glm::dvec3& offset)
{
    return glm::translate(glm::dmat4(1.0), offset);
}

// Sagittal flexion turns a segment's front downward: about -z.
glm::dmat4 flexion(double degrees)
{
    return rotation(-degrees, {0.0, 0.0, 1.0});
}

} // namespace

const std::array<CoordinateInfo, kCoordinateCount>& coordinateInfos()
{
    return kCoordinates;
}

const CoordinateInfo& coordinateInfo(Coordinate coordinate)
{
    return kCoordinates[std::size_t(coordinate)];
}

std::optional<Coordinate> coordinateFromName(std::string_view name)
{
    for (const CoordinateInfo& info : kCoordinates)
        if (info.name == name) return info.coordinate;
    return std::nullopt;
}

Pose Pose::neutral()
{
    Pose pose;
    for (const CoordinateInfo& info : kCoordinates) pose[info.coordinate] = info.neutral;
    return pose;
}

Pose Pose::modelRest()
{
    Pose pose = neutral();
    pose[Coordinate::ShoulderAbductionR] = 5.0;
    pose[Coordinate::ShoulderAbductionL] = 5.0;
    return pose;
}

const std::array<SegmentInfo, kSegmentCount>& segmentInfos()
{
    return kSegments;
}

const SegmentInfo& segmentInfo(Segment segment)
{
    return kSegments[std::size_t(segment)];
}

std::optional<Segment> segmentFromName(std::string_view name)
{
    for (const SegmentInfo& info : kSegments)
        if (info.name == name) return info.segment;
    return std::nullopt;
}

Segment femur(Side side)
{
    return side == Side::Right ? S::FemurR : S::FemurL;
}

Segment tibia(Side side)
{
    return side == Side::Right ? S::TibiaR : S::TibiaL;
}

glm::dvec3 onSide(const glm::dvec3& point, Side side)
{
    return side == Side::Right ? point : glm::dvec3(point.x, point.y, -point.z);
}

glm::dvec3 kneeTranslation(double kneeFlexionDeg)
{
    const double kneeAngle = -core::degToRad(kneeFlexionDeg);
    return {kneeSplineX().value(kneeAngle), kneeSplineY().value(kneeAngle), 0.0};
}

glm::dmat4 pelvisTransform(const Pose& pose)
{
    // Translation, then tilt (about z), list (about x), rotation (about y) as in gait2392.
    return translation({pose[C::PelvisTx], pose[C::PelvisTy], pose[C::PelvisTz]}) * flexion(pose[C::PelvisAnteriorTilt]) *
           rotation(pose[C::PelvisList], {1, 0, 0}) * rotation(pose[C::PelvisRotation], {0, 1, 0});
}

LegTransforms legTransforms(const glm::dmat4& pelvis, const Pose& pose, Side side)
{
    const double mirror = side == Side::Right ? 1.0 : -1.0;
    LegTransforms leg;
    leg.pelvis = pelvis;
    // Hip: flexion about z, adduction about x, rotation about y (mirrored axes on the left).
    const glm::dmat4 hip = translation(onSide(gait2392::kHipCentreInPelvis, side)) *
                           rotation(pose[Pose::hipFlexion(side)], {0, 0, 1}) *
                           rotation(pose[Pose::hipAdduction(side)], {mirror, 0, 0}) *
                           rotation(pose[Pose::hipRotation(side)], {0, mirror, 0});
    leg.femur = pelvis * hip;
    // Knee: the tibia origin slides along the splines while the tibia turns backward
    // about z (gait2392's knee_angle_r is this rotation, negative in flexion).
    const double kneeFlexion = pose[Pose::kneeFlexion(side)];
    leg.tibia = leg.femur * translation(onSide(kneeTranslation(kneeFlexion), side)) * flexion(kneeFlexion);
    return leg;
}

SkeletonPose computeSkeleton(const Pose& pose)
{
    SkeletonPose out;
    auto set = [&](Segment segment, const glm::dmat4& world) { out.world[std::size_t(segment)] = world; };
    auto get = [&](Segment segment) -> const glm::dmat4& { return out.world[std::size_t(segment)]; };

    const glm::dmat4 pelvis = pelvisTransform(pose);
    set(S::Pelvis, pelvis);

    for (Side side : {Side::Right, Side::Left}) {
        const bool right = side == Side::Right;
        const LegTransforms leg = legTransforms(pelvis, pose, side);
        const Segment femurSegment = right ? S::FemurR : S::FemurL;
        set(femurSegment, leg.femur);
        const Segment tibiaSegment = right ? S::TibiaR : S::TibiaL;
        set(tibiaSegment, leg.tibia);
        const Segment talus = right ? S::TalusR : S::TalusL;
        const glm::dvec3 ankleAxis = right ? gait2392::kAnkleAxis
                                           : glm::dvec3(-gait2392::kAnkleAxis.x, -gait2392::kAnkleAxis.y,
                                                        gait2392::kAnkleAxis.z);
        set(talus, get(tibiaSegment) * translation(onSide(gait2392::kAnkleInTibia, side)) *
                       rotation(pose[Pose::ankleDorsiflexion(side)], ankleAxis));
        const Segment calcn = right ? S::CalcnR : S::CalcnL;
        set(calcn, get(talus) * translation(onSide(gait2392::kCalcnInTalus, side)));
        const Segment toes = right ? S::ToesR : S::ToesL;
        set(toes, get(calcn) * translation(onSide(gait2392::kToesInCalcn, side)) *
                      rotation(pose[right ? C::ToeExtensionR : C::ToeExtensionL], {0, 0, 1}));
    }

    // Spine: flexion bends forward; bending leans toward the right; rotation turns left.
    set(S::Abdomen, pelvis * translation(kAbdomenInPelvis) * flexion(pose[C::LumbarFlexion]) *
                        rotation(pose[C::LumbarBending], {1, 0, 0}) * rotation(pose[C::LumbarRotation], {0, 1, 0}));
    set(S::Thorax, get(S::Abdomen) * translation(kThoraxInAbdomen) * flexion(pose[C::ThoracicFlexion]));
    set(S::Neck, get(S::Thorax) * translation(kNeckInThorax) * flexion(pose[C::NeckFlexion] * 0.5) *
                     rotation(pose[C::NeckBending] * 0.5, {1, 0, 0}) * rotation(pose[C::NeckRotation] * 0.5, {0, 1, 0}));
    // The neck's motion is shared between its two joints, as the cervical spine bends along its length.
    set(S::Head, get(S::Neck) * translation(kHeadInNeck) * flexion(pose[C::NeckFlexion] * 0.5) *
                     rotation(pose[C::NeckBending] * 0.5, {1, 0, 0}) * rotation(pose[C::NeckRotation] * 0.5, {0, 1, 0}));

    for (Side side : {Side::Right, Side::Left}) {
        const bool right = side == Side::Right;
        const double mirror = right ? 1.0 : -1.0;
        const Segment humerus = right ? S::HumerusR : S::HumerusL;
        const Segment forearm = right ? S::ForearmR : S::ForearmL;
        const Segment hand = right ? S::HandR : S::HandL;
        // Flexion raises the arm forward (about +z); abduction raises it sideways.
        set(humerus, get(S::Thorax) * translation(onSide(kShoulderInThorax, side)) *
                         rotation(pose[right ? C::ShoulderFlexionR : C::ShoulderFlexionL], {0, 0, 1}) *
                         rotation(pose[right ? C::ShoulderAbductionR : C::ShoulderAbductionL], {-mirror, 0, 0}) *
                         rotation(pose[right ? C::ShoulderRotationR : C::ShoulderRotationL], {0, mirror, 0}));
        set(forearm, get(humerus) * translation(kElbowInHumerus) *
                         rotation(pose[right ? C::ElbowFlexionR : C::ElbowFlexionL], {0, 0, 1}));
        set(hand, get(forearm) * translation(kWristInForearm) *
                      rotation(pose[right ? C::WristFlexionR : C::WristFlexionL], {mirror, 0, 0}));
    }
    return out;
}

} // namespace anatomy
