#include "anim/pose_blend.h"

#include "core/math.h"

#include <glm/gtc/quaternion.hpp>

#include <array>
#include <cmath>

namespace anim {
namespace {

using anatomy::Coordinate;

// A joint rotation R = Rz(zSign * z) * Rx(xSign * x) * Ry(ySign * y), as in skeleton.cpp.
struct ThreeAxisJoint {
    Coordinate z;
    double zSign;
    Coordinate x;
    double xSign;
    Coordinate y;
    double ySign;
};

constexpr std::array<ThreeAxisJoint, 7> kJoints{{
    {Coordinate::PelvisAnteriorTilt, -1.0, Coordinate::PelvisList, 1.0, Coordinate::PelvisRotation, 1.0},
    {Coordinate::HipFlexionR, 1.0, Coordinate::HipAdductionR, 1.0, Coordinate::HipRotationR, 1.0},
    {Coordinate::HipFlexionL, 1.0, Coordinate::HipAdductionL, -1.0, Coordinate::HipRotationL, -1.0},
    {Coordinate::LumbarFlexion, -1.0, Coordinate::LumbarBending, 1.0, Coordinate::LumbarRotation, 1.0},
    {Coordinate::NeckFlexion, -1.0, Coordinate::NeckBending, 1.0, Coordinate::NeckRotation, 1.0},
    {Coordinate::ShoulderFlexionR, 1.0, Coordinate::ShoulderAbductionR, -1.0, Coordinate::ShoulderRotationR, 1.0},
    {Coordinate::ShoulderFlexionL, 1.0, Coordinate::ShoulderAbductionL, 1.0, Coordinate::ShoulderRotationL, -1.0},
}};

// Past this middle angle the z-x-y angles stop being unique; such joints blend linearly.
constexpr double kMaxMiddleAngleDeg = 80.0;

glm::dquat jointRotation(const ThreeAxisJoint& joint, const anatomy::Pose& pose)
{
    const glm::dquat z = glm::angleAxis(core::degToRad(joint.zSign * pose[joint.z]), glm::dvec3(0, 0, 1));
    const glm::dquat x = glm::angleAxis(core::degToRad(joint.xSign * pose[joint.x]), glm::dvec3(1, 0, 0));
    const glm::dquat y = glm::angleAxis(core::degToRad(joint.ySign * pose[joint.y]), glm::dvec3(0, 1, 0));
    return z * x * y;
}

// Inverse of jointRotation: for R = Rz(a) Rx(b) Ry(c), R(2,1) = sin b, R(0,1) = -sin a cos b,
// R(1,1) = cos a cos b, R(2,0) = -cos b sin c, R(2,2) = cos b cos c.
void setJointAngles(const ThreeAxisJoint& joint, const glm::dquat& rotation, anatomy::Pose& pose)
{
    const glm::dmat3 m = glm::mat3_cast(rotation); // m[column][row]
    const double b = std::asin(std::clamp(m[1][2], -1.0, 1.0));
    const double a = std::atan2(-m[1][0], m[1][1]);
    const double c = std::atan2(-m[0][2], m[2][2]);
    pose[joint.z] = core::radToDeg(a) * joint.zSign;
    pose[joint.x] = core::radToDeg(b) * joint.xSign;
    pose[joint.y] = core::radToDeg(c) * joint.ySign;
}

} // namespace

anatomy::Pose blendPoses(const anatomy::Pose& from, const anatomy::Pose& to, double t)
{
    if (t <= 0.0) return from;
    if (t >= 1.0) return to;
    anatomy::Pose out;
    for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = from.values[i] + (to.values[i] - from.values[i]) * t;
    for (const ThreeAxisJoint& joint : kJoints) {
        if (std::abs(from[joint.x]) > kMaxMiddleAngleDeg || std::abs(to[joint.x]) > kMaxMiddleAngleDeg) continue;
        const glm::dquat a = jointRotation(joint, from);
        const glm::dquat b = jointRotation(joint, to);
        setJointAngles(joint, glm::slerp(a, b, t), out);
    }
    return out;
}

} // namespace anim
