// Points on the body surface that can rest on the floor (heels, balls of the feet, seat,
// knees, hands, back...), given in their segment's frame for the right side and mirrored
// for the left. Lessons name them as floor contacts; tests use all of them to check that
// no part of a pose goes through the floor.
#pragma once

#include "anatomy/skeleton.h"

#include <array>
#include <optional>
#include <string_view>

namespace anatomy {

enum class Landmark {
    HeelR, BallR, ToeTipR, HeelL, BallL, ToeTipL,
    SeatR, SeatL,            // under the ischial tuberosities, through the buttock
    KneeR, KneeL,            // front of the knee, for kneeling
    ThighR, ThighL,          // front of the thigh, for lying face down
    ShinR, ShinL,            // front of the lower leg
    HandR, HandL,            // palm
    FingersR, FingersL,      // pads of the fingertips: a hand laid flat rests on both
    ElbowR, ElbowL,          // back of the elbow, for lying on the forearms
    Sacrum, UpperBack, BackOfHead,   // lying on the back
    Chest, Belly, Forehead,          // lying face down
    BackOfThighR, BackOfThighL,      // middle of the hamstrings' skin: a roller or towel under the thigh
    BackOfKneeR, BackOfKneeL,        // the hollow behind the knee
    CalfR, CalfL,                    // back of the calf, lying on the back
    AnkleR, AnkleL,                  // back of the ankle above the heel, where an ankle weight sits
    Count
};
constexpr int kLandmarkCount = int(Landmark::Count);

struct LandmarkInfo {
    Landmark landmark;
    std::string_view name;   // "heel_r", as written in lesson files
    Segment segment;
    glm::dvec3 location;     // in the segment's frame
    // How far the point may press into a hard surface: the soft tissue under it that a floor
    // flattens (a centimetre over bone; more under the calf and the back of the thigh, and
    // under fingers, whose joints the skeleton does not bend).
    double sinkM = 0.01;
};

const std::array<LandmarkInfo, kLandmarkCount>& landmarkInfos();
const LandmarkInfo& landmarkInfo(Landmark landmark);
std::optional<Landmark> landmarkFromName(std::string_view name);
glm::dvec3 landmarkPosition(const SkeletonPose& skeleton, Landmark landmark);

} // namespace anatomy
