#include "core/clock.h"

#include <algorithm>

namespace core {
namespace {
const SteadyClock::time_point programStart = SteadyClock::now();
}

double secondsSinceProgramStart()
{
    return std::chrono::duration<double>(SteadyClock::now() - programStart).count();
}

int FixedStepClock::advance(double frameSeconds)
{
    accumulatorSeconds_ += std::max(0.0, frameSeconds);
    // A tiny tolerance keeps 1/30 s frames from drifting a step late through rounding.
    const double tolerance = stepSeconds_ * 1e-6;
    int steps = int((accumulatorSeconds_ + tolerance) / stepSeconds_);
    if (steps > maxStepsPerFrame_) {
        steps = maxStepsPerFrame_;
        accumulatorSeconds_ = 0.0; // drop the backlog: the app was stalled, not slow
    } else {
        accumulatorSeconds_ = std::max(0.0, accumulatorSeconds_ - steps * stepSeconds_);
    }
    totalSteps_ += steps;
    return steps;
}

} // namespace core
