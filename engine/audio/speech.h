// Spoken lines through espeak-ng (Debian's libespeak-ng, voices from espeak-ng-data), made on a
// worker thread and kept: the app asks for a step's lines when the step starts and the mixer
// plays only lines already made, so a frame never waits on the synthesiser.
#pragma once

#include "audio/sound.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace audio {

class SpeechCache {
public:
    // Starts the worker, which starts espeak-ng. espeak-ng keeps global state, so only one
    // SpeechCache may exist at a time (asserted). If espeak-ng cannot start (no voice data)
    // one info line says so and every line stays unspoken.
    explicit SpeechCache(int sampleRateHz);
    ~SpeechCache();
    SpeechCache(const SpeechCache&) = delete;
    SpeechCache& operator=(const SpeechCache&) = delete;

    // Queues `text` unless it is made or queued already. Never blocks on synthesis.
    void request(const std::string& text);
    // The line at the cache's rate, or null while it is not made (or speech is unavailable).
    // The pointer stays valid for the cache's lifetime.
    const Sound* find(const std::string& text) const;
    // Blocks until every request so far is made or has failed (tests, headless renders);
    // false on timeout.
    bool waitUntilIdle(double timeoutS) const;
    // False once espeak-ng has failed to start.
    bool available() const;

private:
    void work();

    int sampleRateHz_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::deque<std::string> queue_;
    std::map<std::string, std::unique_ptr<Sound>> made_;   // null: synthesis failed
    bool busy_ = false;       // the worker is making a line
    bool failed_ = false;     // espeak-ng did not start
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace audio
