// What each cue sounds like (a tone, or a spoken line from the SpeechCache) and how a span of
// a step's cues is started on a mixer at the exact frame each falls on. renderCues makes a
// whole stretch of a step into a buffer with no device: the tests listen to that.
#pragma once

#include "audio/cue_schedule.h"
#include "audio/mixer.h"
#include "audio/speech.h"

#include <array>
#include <vector>

namespace audio {

class CueSounds {
public:
    // `speech` may be null (no voice); it must outlive this.
    CueSounds(int sampleRateHz, SpeechCache* speech);

    int sampleRateHz() const { return sampleRateHz_; }
    // Asks the speech cache for the cues' spoken lines ahead of time.
    void prepare(const std::vector<Cue>& cues) const;
    // The cue's sound, or null for a spoken line that is not made (yet, or at all).
    const Sound* soundFor(const Cue& cue) const;

private:
    int sampleRateHz_;
    std::array<Sound, 4> tones_;   // by CueKind, the four tone kinds
    SpeechCache* speech_;
};

Channel channelOf(CueKind kind);

// Starts each cue with fromS <= timeS < fromS + frames / rate at its frame within the next
// `frames` the mixer renders. Returns how many were left out for want of a sound.
int startCuesInSpan(Mixer& mixer, const CueSounds& sounds, const std::vector<Cue>& cues, double fromS, int frames);

// The cues' sound over [fromS, toS) with the given settings, as the output would play it.
std::vector<float> renderCues(const std::vector<Cue>& cues, const CueSounds& sounds, const MixSettings& settings, double fromS, double toS);

} // namespace audio
