#include "audio/cue_schedule.h"

#include <algorithm>
#include <string>

namespace audio {

std::vector<Cue> scheduleStepCues(const content::LessonStep& step)
{
    std::vector<Cue> cues;
    if (!step.title.empty()) cues.push_back({0.0, CueKind::Speech, 0, step.title});
    if (step.holdS <= 0.0) return cues;

    const double motionS = step.motionS();
    double repetitionStartS = 0.0;
    for (int repetition = 0; repetition < step.repetitions; ++repetition) {
        const bool last = repetition + 1 == step.repetitions;
        const double holdStartS = repetitionStartS + motionS;
        const double holdEndS = holdStartS + step.holdS;
        cues.push_back({holdStartS, CueKind::HoldStartTone, repetition, {}});
        if (!step.cue.empty()) cues.push_back({holdStartS + kSpeechAfterToneS, CueKind::Speech, repetition, step.cue});
        for (int count = kCountdownTicks; count >= 1; --count) {
            const double tickS = holdEndS - count;
            if (tickS < holdStartS + kMinTickAfterStartS) continue;
            cues.push_back({tickS, CueKind::CountdownTick, repetition, {}});
            cues.push_back({tickS, CueKind::Speech, repetition, std::to_string(count)});
        }
        cues.push_back({holdEndS, CueKind::HoldEndTone, repetition, {}});
        if (!last && step.restS > 0.0) {
            // Release moves back over motionS, then the rest; it ends as the next move begins.
            cues.push_back({holdEndS + motionS + step.restS, CueKind::RestEndTone, repetition, {}});
        }
        repetitionStartS += step.repetitionS(last);
    }
    // A cue text longer than the hold could land after the countdown; keep time order.
    std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
        if (a.timeS != b.timeS) return a.timeS < b.timeS;
        return (a.kind != CueKind::Speech) && (b.kind == CueKind::Speech);
    });
    return cues;
}

std::vector<Cue> cuesInSpan(const std::vector<Cue>& cues, double fromS, double toS)
{
    std::vector<Cue> inSpan;
    for (const Cue& cue : cues)
        if (cue.timeS >= fromS && cue.timeS < toS) inSpan.push_back(cue);
    return inSpan;
}

const char* cueKindName(CueKind kind)
{
    switch (kind) {
    case CueKind::HoldStartTone: return "hold start";
    case CueKind::CountdownTick: return "tick";
    case CueKind::HoldEndTone: return "hold end";
    case CueKind::RestEndTone: return "rest end";
    case CueKind::Speech: return "speech";
    }
    return "?";
}

} // namespace audio
