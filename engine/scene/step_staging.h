// Staging a lesson step around the body: its props, under a body point or moving with one (a
// dumbbell in the palm), and the partner figure, placed where it can hold what its hands hold
// and reaching for those points as the body moves. Run once a frame after the body is posed.
#pragma once

#include "content/lesson.h"
#include "scene/scene.h"

#include <limits>
#include <vector>

namespace scene {

// The step's props for the body as it is posed now (`body`), `keyTimeS` into the step's keys
// (props that come in later are left out, and those on the body while it is still on its way
// into the step, before 0); props under a body point stand where the step's final key puts
// that point.
std::vector<PropInstance> placeProps(const content::LessonStep& step, const anatomy::SkeletonPose& body, double keyTimeS);

// The partner's written pose turned to face what its hands hold with the body in `bodyPose`,
// standing `distanceM` beyond those points (away from the body's pelvis), settled on the floor.
// stageStep places it for the step's key Partner::placedAtKey (the last by default).
anatomy::Pose placePartner(const content::Partner& partner, const anatomy::Pose& bodyPose);

// The placed partner with its arms and trunk reaching for its holds on the body as posed now;
// `worstM` gets the largest distance left between a palm and what it holds.
anatomy::Pose reachForHolds(const content::Partner& partner, const anatomy::Pose& placed, const anatomy::SkeletonPose& body,
                            double* worstM = nullptr);

// Props and partner for `step` (none when null) on `scene`, for the body's current pose,
// `keyTimeS` into the step's keys (by default past the last: every prop).
void stageStep(Scene& scene, const content::LessonStep* step, double keyTimeS = std::numeric_limits<double>::infinity());

} // namespace scene
