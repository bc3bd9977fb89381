#include "audio/speech.h"

#include "core/log.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <cmath>
#include <vector>

namespace audio {

namespace {

std::atomic<int> liveCaches{0};

// Words per minute: a little slower than espeak's 175, for someone listening mid-stretch.
constexpr int kSpeechRateWpm = 150;
// Peak level of a spoken line, close to the tones' 0.5 so neither drowns the other.
constexpr float kSpeechPeak = 0.6f;

// espeak-ng hands synthesised samples to this callback; user_data is the line's buffer.
int collectSamples(short* samples, int count, espeak_EVENT* events)
{
    if (!samples || count <= 0 || !events) return 0;
    auto* into = static_cast<std::vector<short>*>(events->user_data);
    if (into) into->insert(into->end(), samples, samples + count);
    return 0;   // go on
}

} // namespace

SpeechCache::SpeechCache(int sampleRateHz) : sampleRateHz_(sampleRateHz)
{
    assert(sampleRateHz > 0);
    [[maybe_unused]] const int others = liveCaches.fetch_add(1);
    assert(others == 0 && "espeak-ng has global state: one SpeechCache at a time");
    worker_ = std::thread([this] { work(); });
}

SpeechCache::~SpeechCache()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
    liveCaches.fetch_sub(1);
}

void SpeechCache::request(const std::string& text)
{
    if (text.empty()) return;
    {
        std::lock_guard lock(mutex_);
        if (failed_ || made_.count(text) || std::find(queue_.begin(), queue_.end(), text) != queue_.end()) return;
        queue_.push_back(text);
    }
    changed_.notify_all();
}

const Sound* SpeechCache::find(const std::string& text) const
{
    std::lock_guard lock(mutex_);
    const auto found = made_.find(text);
    return found == made_.end() ? nullptr : found->second.get();
}

bool SpeechCache::waitUntilIdle(double timeoutS) const
{
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::duration<double>(timeoutS), [&] { return failed_ || (queue_.empty() && !busy_); });
}

bool SpeechCache::available() const
{
    std::lock_guard lock(mutex_);
    return !failed_;
}

void SpeechCache::work()
{
    // Everything espeak-ng is called from this thread only.
    const int espeakRateHz = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (espeakRateHz <= 0 || espeak_SetVoiceByName("en") != EE_OK) {
        core::logInfo("audio", "speech is off: espeak-ng could not start (is espeak-ng-data installed?)");
        if (espeakRateHz > 0) espeak_Terminate();
        {
            std::lock_guard lock(mutex_);
            failed_ = true;
            queue_.clear();
        }
        changed_.notify_all();
        return;
    }
    espeak_SetSynthCallback(collectSamples);
    espeak_SetParameter(espeakRATE, kSpeechRateWpm, 0);

    for (;;) {
        std::string text;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) break;
            text = queue_.front();
            queue_.pop_front();
            busy_ = true;
        }
        std::vector<short> samples;
        const espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &samples);
        std::unique_ptr<Sound> sound;
        if (result == EE_OK && !samples.empty()) {
            Sound line;
            line.sampleRateHz = espeakRateHz;
            line.samples.resize(samples.size());
            short peak = 1;
            for (short s : samples) peak = std::max<short>(peak, short(std::min(32767, std::abs(int(s)))));
            const float scale = kSpeechPeak / float(peak);
            for (size_t i = 0; i < samples.size(); ++i) line.samples[i] = float(samples[i]) * scale;
            sound = std::make_unique<Sound>(resample(line, sampleRateHz_));
        } else {
            core::logInfo("audio", "espeak-ng made no sound for \"", text, "\"");
        }
        {
            std::lock_guard lock(mutex_);
            made_[text] = std::move(sound);
            busy_ = false;
        }
        changed_.notify_all();
    }
    espeak_Terminate();
}

} // namespace audio
