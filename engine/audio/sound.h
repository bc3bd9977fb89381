// A short mono sound held in memory as float samples in -1..1 at a given rate: a tone or a
// spoken line, made ahead of time so the audio thread only copies samples.
#pragma once

#include <vector>

namespace audio {

struct Sound {
    std::vector<float> samples;
    int sampleRateHz = 48000;
    double durationS() const { return sampleRateHz > 0 ? double(samples.size()) / sampleRateHz : 0.0; }
};

// Linear interpolation to another rate; good enough for speech, whose energy is below 4 kHz.
Sound resample(const Sound& sound, int sampleRateHz);

} // namespace audio
