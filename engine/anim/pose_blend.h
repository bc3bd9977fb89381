// Blending between body poses. Joints with several degrees of freedom (pelvis, hips, spine,
// neck, shoulders) are turned into quaternions and slerped, then read back as anatomical
// angles in the same axis order the skeleton uses, so a move takes the shortest rotation
// instead of sweeping each angle on its own. One-axis joints and translations blend linearly.
#pragma once

#include "anatomy/skeleton.h"

namespace anim {

anatomy::Pose blendPoses(const anatomy::Pose& from, const anatomy::Pose& to, double t);

} // namespace anim
