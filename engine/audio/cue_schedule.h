// When a guided step makes a sound: tones as a hold starts, on each of its last three seconds
// and as it ends, a tone as a rest ends, and the spoken step title, cue and count. Pure: from a
// lesson step's moves, holds, repetitions and rests to a list of times, so a test checks it by hand.
#pragma once

#include "content/lesson.h"

#include <string>
#include <vector>

namespace audio {

enum class CueKind {
    HoldStartTone,   // rising chirp: the hold position is reached, start holding
    CountdownTick,   // short click-like beep on each of the last three seconds of a hold
    HoldEndTone,     // falling chirp: the hold is over, release
    RestEndTone,     // two-note call: the rest between repetitions is over, move again
    Speech,          // a spoken line (title, cue or count), see Cue::text
};

struct Cue {
    double timeS = 0.0;     // from the start of the step
    CueKind kind = CueKind::HoldStartTone;
    int repetition = 0;     // 0-based; the title belongs to repetition 0
    std::string text;       // what is said, for Speech
};

// The rules, chosen so a person on the floor can follow without looking:
// - the step title is said at 0 s;
// - each hold (holdS > 0) starts with HoldStartTone at its first instant, and the step's cue
//   text (if any) is said kSpeechAfterToneS later, so the voice does not mask the tone;
// - CountdownTick at 3, 2 and 1 s before the hold ends, each with its number said ("3", "2",
//   "1"); a tick that would fall within kMinTickAfterStartS of the hold start is left out, so a
//   short hold has fewer ticks rather than a tick on top of the start tone;
// - HoldEndTone as the hold ends; RestEndTone as a rest (restS > 0) between repetitions ends.
// Steps without a hold say only their title. Sorted by time; on equal times, tones first.
// A spoken line that is still going when the next one is due is cut by it (audio::Mixer).
inline constexpr double kSpeechAfterToneS = 0.4;
inline constexpr double kMinTickAfterStartS = 0.5;
inline constexpr int kCountdownTicks = 3;

std::vector<Cue> scheduleStepCues(const content::LessonStep& step);

// The cues with fromS <= timeS < toS (a frame's or a buffer's span).
std::vector<Cue> cuesInSpan(const std::vector<Cue>& cues, double fromS, double toS);

const char* cueKindName(CueKind kind);

} // namespace audio
