#include "audio/routine_cues.h"

#include <string>

namespace audio {

std::vector<Cue> scheduleRoutineSegmentCues(const lessons::RoutinePlan& plan, int segment)
{
    const content::LessonStep& step = plan.lesson.steps[std::size_t(segment)];
    if (plan.segments[std::size_t(segment)].kind == lessons::RoutineSegment::Kind::Entry) return scheduleStepCues(step);
    // A rest: the title ("Rest. Next: ...") at once, then the same countdown a hold ends with,
    // so the person knows when to move again without looking.
    std::vector<Cue> cues;
    cues.push_back({0.0, CueKind::Speech, 0, step.title});
    const double endS = step.durationS();
    for (int count = kCountdownTicks; count >= 1; --count) {
        const double tickS = endS - count;
        if (tickS < kMinTickAfterStartS) continue;
        cues.push_back({tickS, CueKind::CountdownTick, 0, {}});
        cues.push_back({tickS, CueKind::Speech, 0, std::to_string(count)});
    }
    cues.push_back({endS, CueKind::RestEndTone, 0, {}});
    return cues;
}

std::vector<Cue> scheduleRoutineCues(const lessons::RoutinePlan& plan)
{
    std::vector<Cue> all;
    double startS = 0.0;
    for (int segment = 0; segment < int(plan.segments.size()); ++segment) {
        for (Cue cue : scheduleRoutineSegmentCues(plan, segment)) {
            cue.timeS += startS;
            all.push_back(std::move(cue));
        }
        startS += plan.lesson.steps[std::size_t(segment)].durationS();
    }
    return all;
}

} // namespace audio
