// Getting down to the floor and up again between lesson steps. A step change blends the body
// from where it was into the new step's first key; between standing and lying on the floor a
// straight blend tips the body over from its feet, rigid, like a falling plank. Such a change
// goes instead through the poses a person passes on the way (the lesson's PostureRoutes):
// crouching and sitting to lie on the back, kneeling, all fours and the forearms to lie face
// down, and back up the same way; from the back to the front by sitting up and going on all
// fours.
#pragma once

#include "content/lesson.h"

#include <vector>

namespace lessons {

enum class Posture {
    Upright,        // on the feet, the pelvis high (standing, a hip hinge, a forward fold)
    LyingOnBack,    // the pelvis near the floor, the trunk tipped back past 50 degrees
    LyingFaceDown,  // the pelvis near the floor, the trunk tipped forward, the hips straight
    Other,          // sitting, kneeling, on all fours, or on a support such as a bed
};

Posture postureOf(const anatomy::Pose& pose);

// Whether the body rests up on a support (a bed, a couch) rather than on the floor: its lowest
// point is more than 20 cm above the floor (a chair's sitter keeps the feet on it). Between
// such a pose and one on the floor no route is known, and a blend would float the body up
// through the air and tip it over: the player cuts instead (LessonPlayer).
bool upOnSupport(const anatomy::Pose& pose);

// Each pose on a route takes this long, and so does the last leg into the step's first key;
// the new step's own time starts once the body is there.
inline constexpr double kRouteLegS = 1.0;
inline double routeDurationS(std::size_t routePoses)
{
    return routePoses == 0 ? 0.0 : kRouteLegS * double(routePoses + 1);
}

// The route's poses a change from `from` to `to` passes through, in order, each placed along
// the way between the two (none: a straight blend will do). A pose close to one of the route's
// own (kneeling, all fours) joins it there, so only the rest of the way is taken.
std::vector<content::StepKey> routeBetween(const content::PostureRoutes& routes, const anatomy::Pose& from, const anatomy::Pose& to);

} // namespace lessons
