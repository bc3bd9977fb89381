// Reaching: bends a figure's arms and trunk so its hands rest on points in the world (a
// partner's hands on the heel and knee of the leg they lift), staying as close as it can to
// the written pose. Damped least squares, as the floor solver in floor_contact.h.
#pragma once

#include "anatomy/landmarks.h"
#include "anatomy/skeleton.h"

#include <span>
#include <vector>

namespace anim {

// A hand (hand_r or hand_l) and the world point its palm should rest on.
struct HandTarget {
    anatomy::Landmark hand = anatomy::Landmark::HandR;
    glm::dvec3 targetM{0.0};
};

// Moves each named hand toward its target by adjusting that arm's shoulder flexion, abduction
// and rotation and elbow flexion, and the trunk's lumbar flexion, bending and rotation and
// thoracic flexion, within their joint limits; the pelvis and legs stay. Returns the pose and,
// through `worstM`, the largest distance left between a palm and its target.
anatomy::Pose reachWithHands(anatomy::Pose pose, std::span<const HandTarget> targets, double* worstM = nullptr);

// Solves the small normal-equation system A x = b (Gaussian elimination with partial
// pivoting); A is symmetric positive definite thanks to the damping the callers add.
std::vector<double> solveNormalEquations(std::vector<std::vector<double>> a, std::vector<double> b);

} // namespace anim
