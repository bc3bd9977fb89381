#include "anatomy/landmarks.h"

namespace anatomy {
namespace {

using L = Landmark;
using S = Segment;

// Points on the skin of the generated body (tools/modelgen), over the bony landmark where
// there is one: measured from the body mesh in the standing pose, and kept there by a model
// test. Seat points lie under the ischial tuberosities through the buttock's soft tissue.
constexpr std::array<LandmarkInfo, kLandmarkCount> kLandmarks{{
    {L::HeelR, "heel_r", S::CalcnR, {0.004, -0.015, 0.0}},
    {L::BallR, "ball_r", S::CalcnR, {0.170, -0.019, 0.005}},
    {L::ToeTipR, "toe_tip_r", S::ToesR, {0.065, -0.012, 0.0}},
    {L::HeelL, "heel_l", S::CalcnL, {0.004, -0.015, 0.0}},
    {L::BallL, "ball_l", S::CalcnL, {0.170, -0.019, -0.005}},
    {L::ToeTipL, "toe_tip_l", S::ToesL, {0.065, -0.012, 0.0}},
    {L::SeatR, "seat_r", S::Pelvis, {-0.110, -0.145, 0.060}},
    {L::SeatL, "seat_l", S::Pelvis, {-0.110, -0.145, -0.060}},
    {L::KneeR, "knee_r", S::TibiaR, {0.055, -0.030, 0.0}},
    {L::KneeL, "knee_l", S::TibiaL, {0.055, -0.030, 0.0}},
    {L::ThighR, "thigh_r", S::FemurR, {0.081, -0.200, 0.0}},
    {L::ThighL, "thigh_l", S::FemurL, {0.081, -0.200, 0.0}},
    {L::ShinR, "shin_r", S::TibiaR, {0.040, -0.250, 0.0}},
    {L::ShinL, "shin_l", S::TibiaL, {0.040, -0.250, 0.0}},
    {L::HandR, "hand_r", S::HandR, {0.0, -0.080, -0.018}},
    {L::HandL, "hand_l", S::HandL, {0.0, -0.080, 0.018}},
    {L::FingersR, "fingers_r", S::HandR, {0.009, -0.172, -0.016}, 0.02},
    {L::FingersL, "fingers_l", S::HandL, {0.009, -0.172, 0.016}, 0.02},
    {L::ElbowR, "elbow_r", S::ForearmR, {-0.035, -0.010, 0.0}},
    {L::ElbowL, "elbow_l", S::ForearmL, {-0.035, -0.010, 0.0}},
    {L::Sacrum, "sacrum", S::Pelvis, {-0.190, 0.010, 0.0}},
    {L::UpperBack, "upper_back", S::Thorax, {-0.088, 0.165, 0.0}},
    {L::BackOfHead, "back_of_head", S::Head, {-0.084, 0.084, 0.0}},
    {L::Chest, "chest", S::Thorax, {0.137, 0.147, 0.0}},
    {L::Belly, "belly", S::Abdomen, {0.130, 0.020, 0.0}},
    {L::Forehead, "forehead", S::Head, {0.110, 0.110, 0.0}},
    {L::BackOfThighR, "back_of_thigh_r", S::FemurR, {-0.085, -0.220, 0.0}, 0.03},
    {L::BackOfThighL, "back_of_thigh_l", S::FemurL, {-0.085, -0.220, 0.0}, 0.03},
    {L::BackOfKneeR, "back_of_knee_r", S::TibiaR, {-0.060, -0.010, 0.0}, 0.02},
    {L::BackOfKneeL, "back_of_knee_l", S::TibiaL, {-0.060, -0.010, 0.0}, 0.02},
    {L::CalfR, "calf_r", S::TibiaR, {-0.075, -0.140, 0.0}, 0.03},
    {L::CalfL, "calf_l", S::TibiaL, {-0.075, -0.140, 0.0}, 0.03},
    {L::AnkleR, "ankle_r", S::TibiaR, {-0.047, -0.360, 0.0}},
    {L::AnkleL, "ankle_l", S::TibiaL, {-0.047, -0.360, 0.0}},
}};

} // namespace

const std::array<LandmarkInfo, kLandmarkCount>& landmarkInfos()
{
    return kLandmarks;
}

const LandmarkInfo& landmarkInfo(Landmark landmark)
{
    return kLandmarks[std::size_t(landmark)];
}

std::optional<Landmark> landmarkFromName(std::string_view name)
{
    for (const LandmarkInfo& info : kLandmarks)
        if (info.name == name) return info.landmark;
    return std::nullopt;
}

glm::dvec3 landmarkPosition(const SkeletonPose& skeleton, Landmark landmark)
{
    const LandmarkInfo& info = landmarkInfo(landmark);
    return skeleton.toWorld(info.segment, info.location);
}

} // namespace anatomy
