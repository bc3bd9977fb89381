// Where the camera looks at a lesson step from: by default its working structures (the
// highlighted ones, else the hamstrings the step drives, with the hips and knees over the
// step's key poses), seen from the side that shows the back of the working thigh. A step's
// `view` and `frame` in its lesson file override the angle and what is framed.
#pragma once

#include "anatomy/skeleton.h"
#include "content/lesson.h"
#include "scene/camera.h"
#include "scene/scene.h"

#include <glm/vec3.hpp>

#include <string>
#include <vector>

namespace app {

struct StepFraming {
    scene::ViewAngles angles;
    std::vector<glm::vec3> points;  // world points the picture must hold
    float fill = 0.92f;             // share of the free view the points may span
};

// `scene` gives the bounds of highlighted structures that are not hamstrings (at its pose now).
// `wholePose`: a step that frames its working structures frames the whole body as it leaves
// it instead (the close-up's box, or the main view beside a close-up of the heads; a `frame`
// the lesson sets still wins).
StepFraming frameStep(const content::LessonStep& step, const scene::Scene& scene, bool wholePose = false);
// The landmarks that frame the whole body in `skeleton` (the points of a `frame = "body"` step).
void addWholeBodyPoints(const anatomy::SkeletonPose& skeleton, std::vector<glm::vec3>& points);

// Whether the step works hamstrings: it highlights one, or drives them (contraction, cramp,
// stretch).
bool worksHamstrings(const content::LessonStep& step);
// Whether the step is about the hamstrings and shows the close-up (app/close_up.h): it works
// them, or it is framed the default way (its lesson sets no view or frame) and highlights
// nothing else, so its words are about them even while they rest.
bool aboutHamstrings(const content::LessonStep& step);
// The close-up of the step's working hamstrings as they are in `now`: only the heads (seat
// bone to just below the knee) of the working legs, from the side that shows the back of the
// working thigh at the step's final pose (the step's `view` is for the whole pose, not here).
// The working heads' structure keys ("semitendinosus.r"...): the four hamstrings of each
// working leg, for the scene's focus (scene::Scene::setFocus) in a step about them.
std::vector<std::string> workingHeadKeys(const content::LessonStep& step);
StepFraming frameCloseUp(const content::LessonStep& step, const anatomy::SkeletonPose& now);
// What the close-up shows, in words: "right hamstrings", "left hamstrings" or "hamstrings of both legs".
std::string closeUpSubject(const content::LessonStep& step);

} // namespace app
