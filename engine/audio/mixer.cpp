#include "audio/mixer.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace audio {

namespace {

using Frame = long long;

// A spoken line cut by a later one fades out over this long before the cut (no click).
constexpr double kCutFadeS = 0.008;

} // namespace

Mixer::Mixer(int sampleRateHz) : sampleRateHz_(sampleRateHz)
{
    assert(sampleRateHz > 0);
    voices_.reserve(kMaxVoices + 1);
}

void Mixer::play(const Sound& sound, Channel channel, int delayFrames)
{
    assert(sound.sampleRateHz == sampleRateHz_ && delayFrames >= 0);
    if (voices_.size() >= size_t(kMaxVoices)) voices_.erase(voices_.begin());   // the oldest goes
    voices_.push_back({&sound, channel, frame_ + delayFrames});
}

void Mixer::render(std::span<float> out)
{
    const Frame endFrame = frame_ + Frame(out.size());
    const float gain = settings_.mute ? 0.0f : std::clamp(settings_.volume, 0.0f, 1.0f);
    const Frame fadeFrames = std::max<Frame>(1, Frame(kCutFadeS * sampleRateHz_));

    // Where each voice stops: its end, or where a later spoken line starts.
    auto stopFrameOf = [&](const Voice& voice) {
        Frame stop = voice.startFrame + Frame(voice.sound->samples.size());
        if (voice.channel == Channel::Voice)
            for (const Voice& other : voices_)
                if (other.channel == Channel::Voice && other.startFrame > voice.startFrame) stop = std::min(stop, other.startFrame);
        return stop;
    };

    std::array<bool, kMaxVoices + 1> finished{};
    for (size_t v = 0; v < voices_.size(); ++v) {
        const Voice& voice = voices_[v];
        const Frame naturalStop = voice.startFrame + Frame(voice.sound->samples.size());
        const Frame stop = stopFrameOf(voice);
        finished[v] = stop <= endFrame;
        if (voice.channel == Channel::Voice && !settings_.voice) continue;
        const Frame from = std::max(voice.startFrame, frame_);
        const Frame to = std::min(stop, endFrame);
        const bool cut = stop < naturalStop;
        for (Frame f = from; f < to; ++f) {
            float sample = voice.sound->samples[size_t(f - voice.startFrame)];
            if (cut && stop - f < fadeFrames) sample *= float(stop - f) / float(fadeFrames);
            out[size_t(f - frame_)] += gain * sample;
        }
    }
    frame_ = endFrame;
    size_t kept = 0;
    for (size_t v = 0; v < voices_.size(); ++v)
        if (!finished[v]) voices_[kept++] = voices_[v];
    voices_.resize(kept);
}

} // namespace audio
