// The sound card, through SDL2 audio: a device callback pulls from a Mixer. With no device
// (none present, SDL_AUDIODRIVER naming one that fails, a machine without sound) the output is
// silent: one info line, never an error. Headless runs do not create one at all.
#pragma once

#include "audio/mixer.h"

#include <cstdint>
#include <string>

namespace audio {

class AudioOutput {
public:
    static constexpr int kSampleRateHz = 48000;

    // Opens the default output device, or stays closed (silent) after one info line.
    AudioOutput();
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    bool isOpen() const { return device_ != 0; }
    int sampleRateHz() const { return kSampleRateHz; }
    const std::string& deviceDescription() const { return description_; }

    // Starts a sound now (within one device block). The sound must outlive its playing.
    void play(const Sound& sound, Channel channel);
    void setSettings(const MixSettings& settings);
    void stopAll();

private:
    static void fill(void* self, std::uint8_t* stream, int bytes);

    Mixer mixer_{kSampleRateHz};
    std::uint32_t device_ = 0;       // SDL_AudioDeviceID; 0: closed
    bool subsystemStarted_ = false;
    std::string description_;
};

} // namespace audio
