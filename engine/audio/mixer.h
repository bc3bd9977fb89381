// Mixes the sounds now playing into a mono float buffer: used by the SDL audio callback and,
// the same code, by tests that render a whole step headless. Sounds are borrowed (owned by
// CueSounds, which outlives the mixer's use of them); the mixer never allocates while rendering.
#pragma once

#include "audio/sound.h"

#include <span>
#include <vector>

namespace audio {

struct MixSettings {
    float volume = 0.8f;   // 0..1, applied to everything
    bool voice = true;     // false: spoken lines are left out, tones still play
    bool mute = false;     // true: silence
};

enum class Channel { Tone, Voice };

class Mixer {
public:
    static constexpr int kMaxVoices = 16;   // more at once is a bug in the schedule, not music

    explicit Mixer(int sampleRateHz = 48000);

    int sampleRateHz() const { return sampleRateHz_; }
    void setSettings(const MixSettings& settings) { settings_ = settings; }
    const MixSettings& settings() const { return settings_; }

    // Starts `sound` delayFrames into the next render. A spoken line cuts the one still
    // speaking (one voice speaks at a time, the newest wins: a count is never late).
    // The sound must be at the mixer's rate and stay alive while it plays.
    void play(const Sound& sound, Channel channel, int delayFrames = 0);
    void stopAll() { voices_.clear(); }
    int playingCount() const { return int(voices_.size()); }

    // Adds the playing sounds into `out` (which the caller clears) and advances by its length.
    void render(std::span<float> out);

private:
    struct Voice {
        const Sound* sound = nullptr;
        Channel channel = Channel::Tone;
        long long startFrame = 0;   // in the mixer's own frame count
    };
    int sampleRateHz_;
    MixSettings settings_;
    std::vector<Voice> voices_;
    long long frame_ = 0;           // frames rendered so far
};

} // namespace audio
