#include "app/step_framing.h"

#include "anatomy/landmarks.h"
#include "anatomy/muscle_path.h"
#include "anatomy/skeleton.h"
#include "core/math.h"

#include <glm/glm.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace app {
namespace {

using anatomy::Landmark;
using anatomy::Segment;
using anatomy::Side;
using Framing = content::LessonStep::Framing;

// About the half-thickness of the biggest belly (semimembranosus, biceps femoris long head) at
// rest; a contracting belly thickens, which the fill's margin holds.
constexpr double kBellyRadiusM = 0.02;
constexpr std::array<std::string_view, 4> kHamstrings{"semitendinosus", "semimembranosus", "biceps_femoris_long",
                                                      "biceps_femoris_short"};

bool isHamstring(std::string_view structure)
{
    return std::find(kHamstrings.begin(), kHamstrings.end(), structure) != kHamstrings.end();
}

struct WorkingSides {
    bool right = false;
    bool left = false;
};

// The legs whose hamstrings the step is about: those its highlights name, else those it drives.
WorkingSides workingSides(const content::LessonStep& step)
{
    WorkingSides sides;
    for (const std::string& key : step.highlight) {
        const std::size_t dot = key.find('.');
        if (!isHamstring(std::string_view(key).substr(0, dot))) continue;
        const std::string_view side = dot == std::string::npos ? "" : std::string_view(key).substr(dot + 1);
        sides.right = sides.right || side != "l";
        sides.left = sides.left || side != "r";
    }
    if (sides.right || sides.left) return sides;
    if (step.muscles.mode == content::MuscleMode::Cramp && step.muscles.cramp) {
        (step.muscles.cramp->side == Side::Left ? sides.left : sides.right) = true;
        return sides;
    }
    for (Side side : step.muscles.sides) (side == Side::Left ? sides.left : sides.right) = true;
    if (!sides.right && !sides.left) sides.right = sides.left = true;
    return sides;
}

glm::vec3 point(const glm::dvec3& p)
{
    return glm::vec3(p);
}

// The hamstrings of one leg as points: seat bone, the middle of the back of the thigh, the
// hollow of the knee, the hip and knee joints they cross, and the back and calf around them.
void addHamstringPoints(const anatomy::SkeletonPose& skeleton, Side side, std::vector<glm::vec3>& points)
{
    const bool right = side == Side::Right;
    points.push_back(point(anatomy::landmarkPosition(skeleton, right ? Landmark::SeatR : Landmark::SeatL)));
    points.push_back(point(anatomy::landmarkPosition(skeleton, right ? Landmark::BackOfThighR : Landmark::BackOfThighL)));
    points.push_back(point(anatomy::landmarkPosition(skeleton, right ? Landmark::BackOfKneeR : Landmark::BackOfKneeL)));
    points.push_back(point(skeleton.origin(right ? Segment::FemurR : Segment::FemurL)));
    points.push_back(point(skeleton.origin(right ? Segment::TibiaR : Segment::TibiaL)));
    // Enough around them for the pose to read: the lower back above, the top of the calf
    // below. (The whole leg to the heel left the hamstrings under 4 % of the view beside two
    // panels.)
    points.push_back(point(anatomy::landmarkPosition(skeleton, Landmark::Sacrum)));
    const glm::dvec3 knee = anatomy::landmarkPosition(skeleton, right ? Landmark::BackOfKneeR : Landmark::BackOfKneeL);
    const glm::dvec3 calf = anatomy::landmarkPosition(skeleton, right ? Landmark::CalfR : Landmark::CalfL);
    points.push_back(point(glm::mix(knee, calf, 0.5)));
}

// The same landmarks the body, legs and thighs framings always used.
void addRegionPoints(const anatomy::SkeletonPose& skeleton, Framing frame, std::vector<glm::vec3>& points)
{
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) {
        const Segment s = info.segment;
        const bool upperBody = s == Segment::Pelvis || s == Segment::Abdomen || s == Segment::Thorax || s == Segment::Neck ||
                               s == Segment::Head || s == Segment::HumerusR || s == Segment::HumerusL ||
                               s == Segment::ForearmR || s == Segment::ForearmL || s == Segment::HandR || s == Segment::HandL;
        const Landmark l = info.landmark;
        const bool thigh = l == Landmark::KneeR || l == Landmark::KneeL || l == Landmark::SeatR || l == Landmark::SeatL ||
                           l == Landmark::ThighR || l == Landmark::ThighL;
        const bool wanted = frame == Framing::Body || (frame == Framing::Legs && (!upperBody || thigh)) ||
                            (frame == Framing::Thighs && thigh);
        if (wanted) points.push_back(point(anatomy::landmarkPosition(skeleton, l)));
    }
    if (frame != Framing::Thighs) points.push_back(point(skeleton.origin(Segment::Pelvis)));
}

// The direction (from the thigh toward the eye) that faces the back of the working thighs,
// turned a little to the outer side of a single working leg.
glm::vec3 backOfThighDirection(const anatomy::SkeletonPose& skeleton, WorkingSides sides)
{
    glm::vec3 direction{0.0f};
    for (Side side : {Side::Right, Side::Left}) {
        if (side == Side::Right ? !sides.right : !sides.left) continue;
        const glm::mat3 femur(skeleton[side == Side::Right ? Segment::FemurR : Segment::FemurL]);
        const glm::vec3 posterior = -glm::normalize(femur * glm::vec3(1.0f, 0.0f, 0.0f));
        // The segment's z axis points to the body's right on either leg.
        const glm::vec3 lateral = glm::normalize(femur * glm::vec3(0.0f, 0.0f, side == Side::Right ? 1.0f : -1.0f));
        const bool single = !(sides.right && sides.left);
        direction += glm::normalize(posterior + (single ? 0.75f : 0.0f) * lateral);
    }
    return glm::length(direction) > 1e-4f ? glm::normalize(direction) : glm::vec3(-1.0f, 0.0f, 0.0f);
}

// Yaw and pitch looking from `direction`, kept above the floor and below a bird's-eye view;
// a thigh whose back faces the floor (lying face up) is seen from its outer side instead.
scene::ViewAngles anglesFrom(glm::vec3 direction, WorkingSides sides)
{
    // Above 35 degrees a shank that lifts toward the camera hides how the knee bends.
    constexpr float kLowestDeg = 8.0f, kHighestDeg = 35.0f;
    const float horizontal = std::sqrt(direction.x * direction.x + direction.z * direction.z);
    scene::ViewAngles angles;
    angles.pitchDeg = std::clamp(core::radToDegF(std::atan2(direction.y, horizontal)), kLowestDeg, kHighestDeg);
    const bool backFacesFloor = direction.y < -0.6f;
    if (horizontal < 0.3f || backFacesFloor) {
        // Nothing to read from the thigh's own direction: the outer side of the working leg.
        angles.yawDeg = sides.right || !sides.left ? 110.0f : -110.0f;
        if (backFacesFloor) angles.pitchDeg = kLowestDeg;
        return angles;
    }
    angles.yawDeg = core::radToDegF(std::atan2(direction.z, direction.x));
    return angles;
}

// A key whose pelvis is this much higher or lower than the last key's is another posture on the
// way to it (crouching before lying down), not the same one moving (a walk, a rep, a bend).
constexpr double kPostureChangeM = 0.3;

} // namespace

void addWholeBodyPoints(const anatomy::SkeletonPose& skeleton, std::vector<glm::vec3>& points)
{
    addRegionPoints(skeleton, Framing::Body, points);
}

StepFraming frameStep(const content::LessonStep& step, const scene::Scene& scene, bool wholePose)
{
    StepFraming framing;
    const bool wholePoseOnly = wholePose && step.frame == Framing::Working;
    const Framing frame = wholePoseOnly ? Framing::Body : step.frame;
    if (step.keys.empty()) return framing;
    const WorkingSides sides = workingSides(step);
    std::vector<anatomy::SkeletonPose> skeletons;
    skeletons.reserve(step.keys.size());
    for (const content::StepKey& key : step.keys) skeletons.push_back(anatomy::computeSkeleton(key.pose));
    const anatomy::SkeletonPose& last = skeletons.back();
    for (const anatomy::SkeletonPose& skeleton : skeletons) {
        // The whole pose is the body as the step leaves it; of the other keys only the hips
        // and knees, as for the working structures.
        const bool wholeBodyHere = frame != Framing::Working && (!wholePoseOnly || &skeleton == &last);
        if (wholeBodyHere) {
            addRegionPoints(skeleton, frame, framing.points);
            continue;
        }
        // The pose the step arrives at, whole; of the others only the hips and knees as they
        // move about the pelvis (a step that walks in need not frame the walk).
        if (&skeleton == &last) {
            if (sides.right) addHamstringPoints(skeleton, Side::Right, framing.points);
            if (sides.left) addHamstringPoints(skeleton, Side::Left, framing.points);
            continue;
        }
        const glm::dvec3 travel = last.origin(Segment::Pelvis) - skeleton.origin(Segment::Pelvis);
        for (Segment joint : {Segment::FemurR, Segment::TibiaR, Segment::FemurL, Segment::TibiaL}) {
            const bool right = joint == Segment::FemurR || joint == Segment::TibiaR;
            if (right ? sides.right : sides.left) framing.points.push_back(point(skeleton.origin(joint) + travel));
        }
    }
    if (frame == Framing::Working) {
        // A knee that bends or straightens within the step is what the step shows: the ankle
        // joins the picture wherever it goes, as the hip and knee do. Only keys at about the
        // last one's height count: a body that crouches on its way to lying down is another
        // posture, whose ankles carried to the lying pelvis would lie under the floor.
        std::vector<const anatomy::SkeletonPose*> sameHeight;
        for (const anatomy::SkeletonPose& skeleton : skeletons)
            if (std::abs(skeleton.origin(Segment::Pelvis).y - last.origin(Segment::Pelvis).y) < kPostureChangeM)
                sameHeight.push_back(&skeleton);
        for (Side side : {Side::Right, Side::Left}) {
            if (side == Side::Right ? !sides.right : !sides.left) continue;
            const Segment femur = side == Side::Right ? Segment::FemurR : Segment::FemurL;
            const Segment talus = side == Side::Right ? Segment::TalusR : Segment::TalusL;
            double shortest = 1e9, longest = 0.0;
            for (const anatomy::SkeletonPose* skeleton : sameHeight) {
                const double hipToAnkleM = glm::length(skeleton->origin(talus) - skeleton->origin(femur));
                shortest = std::min(shortest, hipToAnkleM);
                longest = std::max(longest, hipToAnkleM);
            }
            if (longest - shortest < 0.1) continue;
            for (const anatomy::SkeletonPose* skeleton : sameHeight) {
                const glm::dvec3 travel = last.origin(Segment::Pelvis) - skeleton->origin(Segment::Pelvis);
                framing.points.push_back(point(skeleton->origin(talus) + travel));
            }
        }
        // Highlighted structures other than the hamstrings (a nerve, the calf, a bone) as
        // they are now: their corners join the picture.
        for (std::size_t i = 0; i < scene.structures().size(); ++i) {
            if (!scene.highlighted(int(i)) || isHamstring(scene.structures()[i].name.structure)) continue;
            const core::Bounds bounds = scene.structureBounds(int(i));
            if (bounds.empty()) continue;
            for (int corner = 0; corner < 8; ++corner)
                framing.points.push_back({corner & 1 ? bounds.max.x : bounds.min.x, corner & 2 ? bounds.max.y : bounds.min.y,
                                          corner & 4 ? bounds.max.z : bounds.min.z});
        }
    }
    if (step.view) {
        framing.angles = scene::presetAngles(*step.view);
    } else {
        framing.angles = anglesFrom(backOfThighDirection(last, sides), sides);
    }
    return framing;
}

bool worksHamstrings(const content::LessonStep& step)
{
    for (const std::string& key : step.highlight)
        if (isHamstring(std::string_view(key).substr(0, key.find('.')))) return true;
    return step.muscles.mode != content::MuscleMode::Relaxed;
}

bool aboutHamstrings(const content::LessonStep& step)
{
    if (worksHamstrings(step)) return true;
    if (step.view || step.frame != Framing::Working) return false;
    for (const std::string& key : step.highlight)
        if (!isHamstring(std::string_view(key).substr(0, key.find('.')))) return false;
    return true;
}

std::vector<std::string> workingHeadKeys(const content::LessonStep& step)
{
    const WorkingSides sides = workingSides(step);
    std::vector<std::string> keys;
    for (std::string_view head : kHamstrings) {
        if (sides.right) keys.push_back(std::string(head) + ".r");
        if (sides.left) keys.push_back(std::string(head) + ".l");
    }
    return keys;
}

StepFraming frameCloseUp(const content::LessonStep& step, const anatomy::SkeletonPose& now)
{
    StepFraming framing;
    // The points hold the heads' bellies (a ring around each path point, see below) and reach
    // past them to the seat, knee and calf: 0.95 fills the view with a thin margin (checked
    // for every head vertex of every shipped step by test_close_up).
    framing.fill = 0.95f;
    if (step.keys.empty()) return framing;
    const WorkingSides sides = workingSides(step);
    for (Side side : {Side::Right, Side::Left}) {
        if (side == Side::Right ? !sides.right : !sides.left) continue;
        const bool right = side == Side::Right;
        const glm::dvec3 knee = anatomy::landmarkPosition(now, right ? Landmark::BackOfKneeR : Landmark::BackOfKneeL);
        const glm::dvec3 calf = anatomy::landmarkPosition(now, right ? Landmark::CalfR : Landmark::CalfL);
        framing.points.push_back(point(anatomy::landmarkPosition(now, right ? Landmark::SeatR : Landmark::SeatL)));
        framing.points.push_back(point(anatomy::landmarkPosition(now, right ? Landmark::BackOfThighR : Landmark::BackOfThighL)));
        framing.points.push_back(point(knee));
        framing.points.push_back(point(now.origin(right ? Segment::FemurR : Segment::FemurL)));
        framing.points.push_back(point(now.origin(right ? Segment::TibiaR : Segment::TibiaL)));
        framing.points.push_back(point(glm::mix(knee, calf, 0.35)));
        // Each head from its origin on the seat bone (or femur) to its insertion below the
        // knee, along the path the simulation uses (every via point, whatever the knee angle).
        const anatomy::LegTransforms leg{now[Segment::Pelvis], now[right ? Segment::FemurR : Segment::FemurL],
                                         now[right ? Segment::TibiaR : Segment::TibiaL]};
        for (anatomy::Muscle head : {anatomy::Muscle::Semimembranosus, anatomy::Muscle::Semitendinosus,
                                     anatomy::Muscle::BicepsFemorisLong, anatomy::Muscle::BicepsFemorisShort}) {
            anatomy::MusclePath path;
            anatomy::computeMusclePath(leg, head, side, ~anatomy::PathPointMask(0), 0, path);
            // A belly is thicker than its path: a ring of points about the path, across the
            // thigh, stands for its surface seen from any side.
            const glm::dvec3 along = glm::normalize(now.origin(right ? Segment::TibiaR : Segment::TibiaL) -
                                                    now.origin(right ? Segment::FemurR : Segment::FemurL));
            const glm::dvec3 across = glm::normalize(glm::cross(along, std::abs(along.y) < 0.9 ? glm::dvec3(0, 1, 0) : glm::dvec3(1, 0, 0)));
            const glm::dvec3 across2 = glm::cross(along, across);
            for (const glm::dvec3& p : path.view())
                for (const glm::dvec3& offset : {glm::dvec3(0.0), across, -across, across2, -across2})
                    framing.points.push_back(point(p + offset * kBellyRadiusM));
        }
    }
    const anatomy::SkeletonPose last = anatomy::computeSkeleton(step.keys.back().pose);
    framing.angles = anglesFrom(backOfThighDirection(last, sides), sides);
    return framing;
}

std::string closeUpSubject(const content::LessonStep& step)
{
    const WorkingSides sides = workingSides(step);
    if (sides.right && sides.left) return "hamstrings of both legs";
    return sides.left ? "left hamstrings" : "right hamstrings";
}

} // namespace app
