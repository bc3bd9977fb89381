#include "audio/cue_sounds.h"

#include "audio/tone.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace audio {

CueSounds::CueSounds(int sampleRateHz, SpeechCache* speech) : sampleRateHz_(sampleRateHz), speech_(speech)
{
    for (CueKind kind : {CueKind::HoldStartTone, CueKind::CountdownTick, CueKind::HoldEndTone, CueKind::RestEndTone})
        tones_[size_t(kind)] = synthesizeTone(toneSpec(kind), sampleRateHz);
}

void CueSounds::prepare(const std::vector<Cue>& cues) const
{
    if (!speech_) return;
    for (const Cue& cue : cues)
        if (cue.kind == CueKind::Speech) speech_->request(cue.text);
}

const Sound* CueSounds::soundFor(const Cue& cue) const
{
    if (cue.kind != CueKind::Speech) return &tones_[size_t(cue.kind)];
    return speech_ ? speech_->find(cue.text) : nullptr;
}

Channel channelOf(CueKind kind)
{
    return kind == CueKind::Speech ? Channel::Voice : Channel::Tone;
}

int startCuesInSpan(Mixer& mixer, const CueSounds& sounds, const std::vector<Cue>& cues, double fromS, int frames)
{
    assert(mixer.sampleRateHz() == sounds.sampleRateHz());
    const double rate = mixer.sampleRateHz();
    int missing = 0;
    for (const Cue& cue : cues) {
        // Frames, not seconds, decide what is in the span, so spans meet with no gap or overlap.
        const double atFrame = std::floor((cue.timeS - fromS) * rate + 0.5);
        if (atFrame < 0.0 || atFrame >= frames) continue;
        const Sound* sound = sounds.soundFor(cue);
        if (!sound) {
            ++missing;
            continue;
        }
        mixer.play(*sound, channelOf(cue.kind), int(atFrame));
    }
    return missing;
}

std::vector<float> renderCues(const std::vector<Cue>& cues, const CueSounds& sounds, const MixSettings& settings, double fromS, double toS)
{
    assert(toS >= fromS);
    Mixer mixer(sounds.sampleRateHz());
    mixer.setSettings(settings);
    // In blocks as the device would ask, so the test covers cues that straddle blocks.
    constexpr int kBlockFrames = 1024;
    const long long total = std::llround((toS - fromS) * sounds.sampleRateHz());
    std::vector<float> out(size_t(total), 0.0f);
    for (long long at = 0; at < total; at += kBlockFrames) {
        const int frames = int(std::min<long long>(kBlockFrames, total - at));
        startCuesInSpan(mixer, sounds, cues, fromS + double(at) / sounds.sampleRateHz(), frames);
        mixer.render(std::span<float>(out.data() + at, size_t(frames)));
    }
    return out;
}

} // namespace audio
