#include "scene/step_staging.h"

#include "anim/floor_contact.h"
#include "anim/reach.h"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

namespace scene {
namespace {

using Shape = content::Prop::Shape;

// Held shapes sit in the closed hand: their middle lies inside the palm by half their grip
// thickness, toward the fingers (the palm landmark's side of the hand's mid-plane).
glm::vec3 gripOffset(const content::Prop& prop)
{
    if (prop.shape != Shape::Dumbbell && prop.shape != Shape::Glass) return glm::vec3(0.0f);
    const anatomy::LandmarkInfo& info = anatomy::landmarkInfo(prop.landmark);
    const float palmSide = info.location.z < 0.0 ? -1.0f : (info.location.z > 0.0 ? 1.0f : 0.0f);
    // A dumbbell's handle is 0.14 of its plates' diameter across (render/primitives.cpp); a
    // glass is held round its middle.
    const float gripRadiusM = prop.shape == Shape::Dumbbell ? 0.14f * prop.sizeM.y : 0.45f * prop.sizeM.x;
    return glm::vec3(0.0f, 0.0f, palmSide * gripRadiusM);
}

// Horizontal unit vector from a to b; +x when they coincide.
glm::dvec3 horizontalDirection(glm::dvec3 a, glm::dvec3 b)
{
    glm::dvec3 d(b.x - a.x, 0.0, b.z - a.z);
    const double length = glm::length(d);
    return length > 1e-6 ? d / length : glm::dvec3(1.0, 0.0, 0.0);
}

glm::dvec3 heldCentre(const content::Partner& partner, const anatomy::SkeletonPose& body)
{
    glm::dvec3 sum(0.0);
    for (const content::PartnerHold& hold : partner.holds) sum += anatomy::landmarkPosition(body, hold.holds);
    return partner.holds.empty() ? body.origin(anatomy::Segment::Pelvis) : sum / double(partner.holds.size());
}

bool samePartner(const content::Partner& a, const content::Partner& b)
{
    if (a.pose.values != b.pose.values || a.distanceM != b.distanceM || a.holds.size() != b.holds.size()) return false;
    for (std::size_t i = 0; i < a.holds.size(); ++i)
        if (a.holds[i].hand != b.holds[i].hand || a.holds[i].holds != b.holds[i].holds) return false;
    return a.contacts == b.contacts;
}

} // namespace

std::vector<PropInstance> placeProps(const content::LessonStep& step, const anatomy::SkeletonPose& body, double keyTimeS)
{
    std::vector<PropInstance> props;
    if (step.keys.empty()) return props;
    const anatomy::SkeletonPose finalSkeleton = anatomy::computeSkeleton(step.keys.back().pose);
    for (const content::Prop& prop : step.props) {
        // On the body, a prop belongs to the step's own poses: not there while the body is still
        // getting down to the floor or up (a time before 0). On the floor, it waits there.
        if (keyTimeS < prop.fromS && (prop.follows || prop.fromS > 0.0)) continue;
        PropInstance instance;
        instance.shape = prop.shape;
        instance.colour = prop.colour;
        const anatomy::LandmarkInfo& landmark = anatomy::landmarkInfo(prop.landmark);
        if (prop.follows) {
            // Turned with the landmark's segment; a cylinder or roller there runs along it.
            glm::mat4 orient(body[landmark.segment]);
            orient[3] = glm::vec4(glm::vec3(anatomy::landmarkPosition(body, prop.landmark)), 1.0f);
            orient = glm::translate(orient, gripOffset(prop));
            if (prop.shape == Shape::Cylinder || prop.shape == Shape::Roller)
                orient = orient * glm::rotate(glm::mat4(1.0f), glm::half_pi<float>(), glm::vec3(1, 0, 0));
            instance.transform = orient * glm::scale(glm::mat4(1.0f), prop.sizeM);
        } else {
            // On the floor: the shape's unit frame spans y from -0.5 to 0.5 (a chair's seat top
            // at 0.5), so its bottom rests at y = 0.
            const glm::vec3 at(anatomy::landmarkPosition(finalSkeleton, prop.landmark));
            const glm::vec3 centre(at.x, prop.sizeM.y * 0.5f, at.z);
            instance.transform = glm::translate(glm::mat4(1.0f), centre) * glm::scale(glm::mat4(1.0f), prop.sizeM);
        }
        props.push_back(instance);
    }
    return props;
}

anatomy::Pose placePartner(const content::Partner& partner, const anatomy::Pose& finalBodyPose)
{
    using anatomy::Coordinate;
    const anatomy::SkeletonPose body = anatomy::computeSkeleton(finalBodyPose);
    const glm::dvec3 held = heldCentre(partner, body);
    const glm::dvec3 away = horizontalDirection(body.origin(anatomy::Segment::Pelvis), held);
    anatomy::Pose pose = partner.pose;
    // Turn to face back along `away`: the pelvis's forward axis (its x) onto -away.
    const glm::dmat4 pelvis = anatomy::computeSkeleton(pose)[anatomy::Segment::Pelvis];
    const glm::dvec3 forward = horizontalDirection(glm::dvec3(0.0), glm::dvec3(pelvis[0]));
    const glm::dvec3 facing = -away;
    const double turnRad = std::atan2(glm::cross(forward, facing).y, glm::dot(forward, facing));
    double turnDeg = pose[Coordinate::PelvisRotation] + turnRad * 180.0 / 3.14159265358979;
    while (turnDeg > 180.0) turnDeg -= 360.0;
    while (turnDeg < -180.0) turnDeg += 360.0;
    pose[Coordinate::PelvisRotation] = turnDeg;
    pose = anim::settleOnFloor(pose, partner.contacts, {});
    const glm::dvec3 stand = held + away * partner.distanceM;
    pose[Coordinate::PelvisTx] = stand.x;
    pose[Coordinate::PelvisTz] = stand.z;
    return pose;
}

anatomy::Pose reachForHolds(const content::Partner& partner, const anatomy::Pose& placed, const anatomy::SkeletonPose& body,
                            double* worstM)
{
    std::vector<anim::HandTarget> targets;
    for (const content::PartnerHold& hold : partner.holds) targets.push_back({hold.hand, anatomy::landmarkPosition(body, hold.holds)});
    return anim::reachWithHands(placed, targets, worstM);
}

void stageStep(Scene& scene, const content::LessonStep* step, double keyTimeS)
{
    scene.props.clear();
    if (!step || !step->partner || step->keys.empty()) scene.clearPartner();
    if (!step || step->keys.empty()) return;
    scene.props = placeProps(*step, scene.skeleton(), keyTimeS);
    if (!step->partner) return;
    // Placed once per step (the settling is iterative); the reach follows the body each frame.
    const std::size_t key = std::min(std::size_t(step->partner->placedAtKey), step->keys.size() - 1);
    const anatomy::Pose& finalBodyPose = step->keys[key].pose;
    const PartnerFigure* shown = scene.partner();
    PartnerPlacement placement =
        shown && samePartner(shown->placement.spec, *step->partner) && shown->placement.finalBodyPose.values == finalBodyPose.values
            ? shown->placement
            : PartnerPlacement{*step->partner, finalBodyPose, placePartner(*step->partner, finalBodyPose)};
    const anatomy::Pose reached = reachForHolds(*step->partner, placement.placed, scene.skeleton());
    scene.setPartner(std::move(placement), reached);
}

} // namespace scene
