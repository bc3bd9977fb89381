#include "audio/tone.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace audio {

ToneSpec toneSpec(CueKind kind)
{
    switch (kind) {
    case CueKind::HoldStartTone: return {523.25, 783.99, false, 0.25, 0.005, 0.04, 0.5f};   // C5 up to G5
    case CueKind::CountdownTick: return {1318.5, 1318.5, false, 0.06, 0.003, 0.02, 0.35f};  // E6
    case CueKind::HoldEndTone: return {783.99, 523.25, false, 0.35, 0.005, 0.06, 0.5f};     // G5 down to C5
    case CueKind::RestEndTone: return {659.25, 880.0, true, 0.3, 0.005, 0.04, 0.45f};       // E5 then A5
    case CueKind::Speech: break;
    }
    assert(false && "toneSpec: speech has no tone");
    return {};
}

Sound synthesizeTone(const ToneSpec& spec, int sampleRateHz)
{
    assert(sampleRateHz > 0 && spec.durationS > 0.0 && spec.startHz > 0.0 && spec.endHz > 0.0);
    Sound sound;
    sound.sampleRateHz = sampleRateHz;
    const int frames = std::max(1, int(std::lround(spec.durationS * sampleRateHz)));
    sound.samples.resize(size_t(frames));
    const double attackFrames = std::max(1.0, spec.attackS * sampleRateHz);
    const double releaseFrames = std::max(1.0, spec.releaseS * sampleRateHz);
    double phaseRad = 0.0;
    for (int i = 0; i < frames; ++i) {
        const double along = double(i) / frames;
        const double hz = spec.stepped ? (along < 0.5 ? spec.startHz : spec.endHz)
                                       : spec.startHz * std::pow(spec.endHz / spec.startHz, along);
        // Raised-cosine ramps in and out; the last sample reaches zero exactly.
        const double in = std::min(1.0, i / attackFrames);
        const double out = std::min(1.0, (frames - 1 - i) / releaseFrames);
        const double envelope = 0.25 * (1.0 - std::cos(std::numbers::pi * in)) * (1.0 - std::cos(std::numbers::pi * out));
        sound.samples[size_t(i)] = float(spec.gain * envelope * std::sin(phaseRad));
        phaseRad = std::fmod(phaseRad + 2.0 * std::numbers::pi * hz / sampleRateHz, 2.0 * std::numbers::pi);
    }
    return sound;
}

Sound resample(const Sound& sound, int sampleRateHz)
{
    assert(sampleRateHz > 0);
    if (sound.sampleRateHz == sampleRateHz || sound.samples.empty()) {
        Sound same = sound;
        same.sampleRateHz = sampleRateHz;
        return same;
    }
    Sound out;
    out.sampleRateHz = sampleRateHz;
    const double step = double(sound.sampleRateHz) / sampleRateHz;
    const size_t frames = size_t(std::floor((sound.samples.size() - 1) / step)) + 1;
    out.samples.resize(frames);
    for (size_t i = 0; i < frames; ++i) {
        const double at = i * step;
        const size_t below = std::min(size_t(at), sound.samples.size() - 1);
        const size_t above = std::min(below + 1, sound.samples.size() - 1);
        const float weight = float(at - below);
        out.samples[i] = sound.samples[below] * (1.0f - weight) + sound.samples[above] * weight;
    }
    return out;
}

} // namespace audio
