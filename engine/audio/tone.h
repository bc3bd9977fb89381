// The tones of guided practice: short sine glides with a raised-cosine attack and release, so
// they start and stop at zero (no click). Each cue kind has its own shape, so a person learns
// them by ear: rising to start a hold, falling to end it, a high tick counting down.
#pragma once

#include "audio/cue_schedule.h"
#include "audio/sound.h"

namespace audio {

struct ToneSpec {
    double startHz = 660.0;
    double endHz = 660.0;       // glides from startHz to endHz (exponentially, as pitch is heard)
    bool stepped = false;       // true: two notes, startHz then endHz at half time, phase kept
    double durationS = 0.2;
    double attackS = 0.005;     // raised-cosine ramps; long enough that nothing clicks
    double releaseS = 0.03;
    float gain = 0.5f;          // peak, before the mixer's volume
};

// The tone for a tone cue (not for CueKind::Speech).
ToneSpec toneSpec(CueKind kind);

Sound synthesizeTone(const ToneSpec& spec, int sampleRateHz);

} // namespace audio
