// Where the camera looks at a lesson step from: by default its working structures (the
// highlighted ones, else the hamstrings the step drives, with the hips and knees over the
// step's key poses), seen from the side that shows the back of the working thigh. A step's
// `view` and `frame` in its lesson file override the angle and what is framed.
#pragma once

#include "content/lesson.h"
#include "scene/camera.h"
#include "scene/scene.h"

#include <glm/vec3.hpp>

#include <vector>

namespace app {

struct StepFraming {
    scene::ViewAngles angles;
    std::vector<glm::vec3> points;  // world points the picture must hold
    float fill = 0.92f;             // share of the free view the points may span
};

// `scene` gives the bounds of highlighted structures that are not hamstrings (at its pose now).
StepFraming frameStep(const content::LessonStep& step, const scene::Scene& scene);

} // namespace app
