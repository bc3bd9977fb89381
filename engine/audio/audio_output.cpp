#include "audio/audio_output.h"

#include "core/log.h"

#include <SDL.h>

#include <cstring>
#include <span>

namespace audio {

namespace {

// About 21 ms at 48 kHz: short enough that a cue is heard with its frame, long enough that a
// busy machine does not underrun.
constexpr int kDeviceBlockFrames = 1024;

} // namespace

AudioOutput::AudioOutput()
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        core::logInfo("audio", "no sound: SDL audio did not start (", SDL_GetError(), "); cues stay silent");
        return;
    }
    subsystemStarted_ = true;
    // ALSA with no card lists no device, and opening its "default" anyway fills stderr with
    // libasound's own errors: ask first, so a machine without sound gets only the line below.
    const char* driver = SDL_GetCurrentAudioDriver();
    if (driver && std::strcmp(driver, "alsa") == 0 && SDL_GetNumAudioDevices(0) <= 0) {
        core::logInfo("audio", "no sound: no audio output device (ALSA lists none); cues stay silent");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        subsystemStarted_ = false;
        return;
    }
    SDL_AudioSpec wanted{};
    wanted.freq = kSampleRateHz;
    wanted.format = AUDIO_F32SYS;
    wanted.channels = 1;
    wanted.samples = kDeviceBlockFrames;
    wanted.callback = [](void* self, Uint8* stream, int bytes) { fill(self, stream, bytes); };
    wanted.userdata = this;
    // No changes allowed: SDL converts to whatever the device takes, so the mixer's rate holds.
    SDL_AudioSpec obtained{};
    device_ = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
    if (device_ == 0) {
        core::logInfo("audio", "no sound: no audio output device (", SDL_GetError(), "); cues stay silent");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        subsystemStarted_ = false;
        return;
    }
    description_ = core::concat(driver ? driver : "?", ", ", obtained.freq, " Hz");
    core::logDebug("audio", "output open: ", description_);
    SDL_PauseAudioDevice(device_, 0);
}

AudioOutput::~AudioOutput()
{
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    if (subsystemStarted_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioOutput::play(const Sound& sound, Channel channel)
{
    if (device_ == 0) return;
    SDL_LockAudioDevice(device_);
    mixer_.play(sound, channel);
    SDL_UnlockAudioDevice(device_);
}

void AudioOutput::setSettings(const MixSettings& settings)
{
    if (device_ == 0) {
        mixer_.setSettings(settings);
        return;
    }
    SDL_LockAudioDevice(device_);
    mixer_.setSettings(settings);
    SDL_UnlockAudioDevice(device_);
}

void AudioOutput::stopAll()
{
    if (device_ == 0) return;
    SDL_LockAudioDevice(device_);
    mixer_.stopAll();
    SDL_UnlockAudioDevice(device_);
}

void AudioOutput::fill(void* self, std::uint8_t* stream, int bytes)
{
    // The device thread: SDL holds the device lock around this call.
    std::memset(stream, 0, size_t(bytes));
    auto* out = reinterpret_cast<float*>(stream);
    static_cast<AudioOutput*>(self)->mixer_.render(std::span<float>(out, size_t(bytes) / sizeof(float)));
}

} // namespace audio
