// The body under a cramp: the cramping heads pull the knee into flexion against a hold (the
// leg's weight, the other muscles, a hand), settling where their torque, falling as they
// shorten, balances it, and a leg resting on the floor lifts its thigh rather than pushing
// its heel through the floor.
#include "anatomy/landmarks.h"
#include "anim/floor_contact.h"
#include "scene/body_simulation.h"

#include <doctest/doctest.h>

#include <algorithm>

using anatomy::Coordinate;
using anatomy::Side;

namespace {

scene::MuscleDrive crampDrive(double elapsedS)
{
    scene::MuscleDrive drive;
    drive.mode = content::MuscleMode::Cramp;
    drive.cramp = content::CrampSpec{anatomy::Muscle::BicepsFemorisLong, Side::Right, 0.0, 60.0};
    drive.crampElapsedS = elapsedS;
    return drive;
}

struct Run {
    std::vector<anatomy::Pose> poses;  // one per 0.1 s
};

Run simulate(const anatomy::Pose& lessonPose, double seconds)
{
    scene::BodySimulation body(assets::ModelData{}, lessonPose);
    Run run;
    const double dt = anatomy::Musculoskeletal::kStepS;
    const int steps = int(seconds / dt);
    for (int i = 0; i < steps; ++i) {
        const anatomy::Pose pose = body.step(dt, lessonPose, crampDrive(i * dt));
        if (i % 24 == 0) run.poses.push_back(pose);
    }
    return run;
}

double lowestFootY(const anatomy::Pose& pose)
{
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    double lowest = 1e9;
    for (anatomy::Landmark landmark : {anatomy::Landmark::HeelR, anatomy::Landmark::BallR, anatomy::Landmark::ToeTipR,
                                       anatomy::Landmark::CalfR, anatomy::Landmark::AnkleR})
        lowest = std::min(lowest, anatomy::landmarkPosition(skeleton, landmark).y);
    return lowest;
}

} // namespace

TEST_CASE("a cramp bends a standing knee and settles where its pull balances the hold")
{
    const anatomy::Pose standing = anim::placeOnFloor(anatomy::Pose::neutral(), anim::ContactList{{anatomy::Landmark::HeelL, 0.0}});
    const Run run = simulate(standing, 4.0);
    const double settled = run.poses.back()[Coordinate::KneeFlexionR];
    const double before = run.poses[run.poses.size() - 6][Coordinate::KneeFlexionR];
    MESSAGE("cramping long head of biceps femoris: the knee settles at " << settled << " degrees of flexion");
    CHECK(settled > 5.0);                          // visibly bent
    CHECK(settled < 60.0);                         // not run away to the joint's limit (140)
    CHECK(std::abs(settled - before) < 1.0);       // settled over the last half second
    CHECK(run.poses.back()[Coordinate::KneeFlexionL] == doctest::Approx(0.0));  // the other leg is untouched
}

TEST_CASE("a cramping leg lying straight on the floor draws its thigh up instead of pushing the heel through the floor")
{
    anatomy::Pose sitting = anatomy::Pose::neutral();
    sitting[Coordinate::HipFlexionR] = sitting[Coordinate::HipFlexionL] = 85.0;
    const anim::ContactList contacts{{anatomy::Landmark::SeatR, 0.0}, {anatomy::Landmark::SeatL, 0.0},
                                     {anatomy::Landmark::HeelR, 0.0}, {anatomy::Landmark::HeelL, 0.0}};
    sitting = anim::settleOnFloor(sitting, contacts, {});
    const double restingFoot = std::min(lowestFootY(sitting), 0.0);
    const Run run = simulate(sitting, 4.0);
    const anatomy::Pose& last = run.poses.back();
    CHECK(last[Coordinate::KneeFlexionR] > sitting[Coordinate::KneeFlexionR] + 5.0);
    CHECK(last[Coordinate::HipFlexionR] > sitting[Coordinate::HipFlexionR] + 1.0);  // the knee rises
    for (const anatomy::Pose& pose : run.poses) CHECK(lowestFootY(pose) > restingFoot - 0.003);
}
