// Clocks: wall time since program start, stopwatches, and the fixed-step accumulator
// that keeps animation and simulation independent of the frame rate.
#pragma once

#include <chrono>
#include <cstdint>

namespace core {

using SteadyClock = std::chrono::steady_clock;

// Seconds since this program's static initialisation (just after the dynamic loader ran).
double secondsSinceProgramStart();

class Stopwatch {
public:
    Stopwatch() : start_(SteadyClock::now()) {}
    void restart() { start_ = SteadyClock::now(); }
    double elapsedSeconds() const { return std::chrono::duration<double>(SteadyClock::now() - start_).count(); }
    double elapsedMs() const { return elapsedSeconds() * 1000.0; }

private:
    SteadyClock::time_point start_;
};

// Turns variable frame times into a whole number of fixed steps. The remainder carries over,
// so 30 and 144 frames per second run the same steps; a long stall is capped so the app
// catches up instead of spiralling.
class FixedStepClock {
public:
    explicit FixedStepClock(double stepSeconds, int maxStepsPerFrame = 32)
        : stepSeconds_(stepSeconds), maxStepsPerFrame_(maxStepsPerFrame) {}

    // Adds a frame's real time and returns how many fixed steps to run now.
    int advance(double frameSeconds);
    double stepSeconds() const { return stepSeconds_; }
    // Fraction of a step left over, for interpolating what is drawn.
    double alpha() const { return accumulatorSeconds_ / stepSeconds_; }
    std::int64_t totalSteps() const { return totalSteps_; }
    double simulatedSeconds() const { return double(totalSteps_) * stepSeconds_; }

private:
    double stepSeconds_;
    int maxStepsPerFrame_;
    double accumulatorSeconds_ = 0.0;
    std::int64_t totalSteps_ = 0;
};

} // namespace core
