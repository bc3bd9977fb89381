// When a routine makes a sound: each entry's cues as for a lesson step (audio/cue_schedule.h),
// with the routine's repetitions, hold and rest and the entry's title said as it begins; each
// rest between entries says what comes next, counts its last three seconds and ends with the
// rest-end call. Pure, so a test checks the times by hand.
#pragma once

#include "audio/cue_schedule.h"
#include "lessons/routine_player.h"

#include <vector>

namespace audio {

// The cues of one segment of the plan, timed from the segment's start.
std::vector<Cue> scheduleRoutineSegmentCues(const lessons::RoutinePlan& plan, int segment);
// Every cue of the routine, timed from its start (the segments back to back).
std::vector<Cue> scheduleRoutineCues(const lessons::RoutinePlan& plan);

} // namespace audio
