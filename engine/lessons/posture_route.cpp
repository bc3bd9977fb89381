#include "lessons/posture_route.h"

#include <algorithm>
#include <cmath>

namespace lessons {
namespace {

using anatomy::Coordinate;

// The pelvis's height above the body's lowest point.
double pelvisHeightM(const anatomy::Pose& pose)
{
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    return skeleton.origin(anatomy::Segment::Pelvis).y - anim::lowestPointY(skeleton);
}

// Close enough to a route's pose to join the route there: trunk, hips and knees within a
// quarter of a right angle, the pelvis within 12 cm of its height.
bool closeTo(const anatomy::Pose& pose, const anatomy::Pose& routePose)
{
    constexpr double kAngleDeg = 25.0, kHeightM = 0.12;
    for (Coordinate c : {Coordinate::PelvisAnteriorTilt, Coordinate::HipFlexionR, Coordinate::HipFlexionL, Coordinate::KneeFlexionR,
                         Coordinate::KneeFlexionL})
        if (std::abs(pose[c] - routePose[c]) > kAngleDeg) return false;
    return std::abs(pelvisHeightM(pose) - pelvisHeightM(routePose)) < kHeightM;
}

// The same angles wherever the body is on the floor (a route's own pose as a step's key: settled
// again with the key, its angles move by a degree or so; the route's poses differ by tens).
bool samePose(const anatomy::Pose& a, const anatomy::Pose& b)
{
    constexpr double kSameDeg = 3.0;
    for (int i = 0; i < anatomy::kCoordinateCount; ++i) {
        const auto c = Coordinate(i);
        if (c == Coordinate::PelvisTx || c == Coordinate::PelvisTy || c == Coordinate::PelvisTz || c == Coordinate::PelvisRotation)
            continue;
        if (std::abs(a[c] - b[c]) > kSameDeg) return false;
    }
    return true;
}

// Where a pose stands on a route: 0 at its start (upright, or lying on the back to turn over),
// then its poses 1..n, then n + 1 lying at its end; -1 off it.
int placeOn(const std::vector<content::StepKey>& route, Posture start, Posture end, const anatomy::Pose& pose)
{
    // The route's own poses first: propped on the forearms is lying by the pelvis's height,
    // but its place is before the route's end.
    for (std::size_t i = 0; i < route.size(); ++i)
        if (samePose(pose, route[i].pose)) return int(i) + 1;
    const Posture posture = postureOf(pose);
    if (posture == start) return 0;
    if (posture == end) return int(route.size()) + 1;
    if (posture != Posture::Other) return -1;
    for (std::size_t i = 0; i < route.size(); ++i)
        if (closeTo(pose, route[i].pose)) return int(i) + 1;
    return -1;
}

double turnBetween(double fromDeg, double toDeg, double t)
{
    double turn = std::fmod(toDeg - fromDeg, 360.0);
    if (turn > 180.0) turn -= 360.0;
    if (turn < -180.0) turn += 360.0;
    return fromDeg + turn * t;
}

// The lowest point is on the floor in every placed pose; well above it, the body rests on a
// support (a bed, a couch).
constexpr double kOnFloorM = 0.05;

} // namespace

bool upOnSupport(const anatomy::Pose& pose)
{
    // Beds and couches are 45 cm high; a body lifted a few centimetres mid-blend (keeping a
    // swinging part above the floor) is still on the floor.
    constexpr double kRaisedM = 0.2;
    return anim::lowestPointY(anatomy::computeSkeleton(pose)) > kRaisedM;
}

Posture postureOf(const anatomy::Pose& pose)
{
    constexpr double kUprightM = 0.6, kLyingM = 0.35, kTippedDeg = 50.0, kStraightHipDeg = 45.0;
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    const double lowest = anim::lowestPointY(skeleton);
    // Up on a support, getting off the floor has nothing to do with it.
    if (lowest > kOnFloorM) return Posture::Other;
    const double pelvis = skeleton.origin(anatomy::Segment::Pelvis).y - lowest;
    if (pelvis > kUprightM) return Posture::Upright;
    if (pelvis > kLyingM) return Posture::Other;
    const double tilt = pose[Coordinate::PelvisAnteriorTilt];
    const double hips = std::max(pose[Coordinate::HipFlexionR], pose[Coordinate::HipFlexionL]);
    if (tilt < -kTippedDeg) return Posture::LyingOnBack;
    if (tilt > kTippedDeg && hips < kStraightHipDeg) return Posture::LyingFaceDown;
    return Posture::Other;
}

std::vector<content::StepKey> routeBetween(const content::PostureRoutes& routes, const anatomy::Pose& from, const anatomy::Pose& to)
{
    struct Way {
        const std::vector<content::StepKey>* poses;
        Posture start, end;
    };
    const Way ways[] = {{&routes.toLyingOnBack, Posture::Upright, Posture::LyingOnBack},
                        {&routes.toLyingFaceDown, Posture::Upright, Posture::LyingFaceDown},
                        {&routes.backToFaceDown, Posture::LyingOnBack, Posture::LyingFaceDown}};
    for (const Way& way : ways) {
        const std::vector<content::StepKey>* route = way.poses;
        if (route->empty()) continue;
        const int start = placeOn(*route, way.start, way.end, from), end = placeOn(*route, way.start, way.end, to);
        // Next to each other on the route (or the same place), a straight blend is the way.
        if (start < 0 || end < 0 || std::abs(end - start) < 2) continue;
        std::vector<content::StepKey> keys;
        const int step = end > start ? 1 : -1;
        const int legs = std::abs(end - start);
        for (int at = start + step; at != end; at += step) {
            content::StepKey key = (*route)[std::size_t(at - 1)];
            // Along the floor and turned between the two ends; the height stays as settled.
            const double t = double(std::abs(at - start)) / double(legs);
            key.pose[Coordinate::PelvisTx] = std::lerp(from[Coordinate::PelvisTx], to[Coordinate::PelvisTx], t);
            key.pose[Coordinate::PelvisTz] = std::lerp(from[Coordinate::PelvisTz], to[Coordinate::PelvisTz], t);
            key.pose[Coordinate::PelvisRotation] = turnBetween(from[Coordinate::PelvisRotation], to[Coordinate::PelvisRotation], t);
            keys.push_back(std::move(key));
        }
        return keys;
    }
    return {};
}

} // namespace lessons
