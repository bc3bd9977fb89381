// Frame-time statistics for --bench and --soak: percentiles over the frames rendered, and the
// soak's comparison of an early and a late stretch of its cycle.
#pragma once

#include <string>
#include <vector>

namespace app {

struct Percentiles {
    double median = 0.0;
    double p95 = 0.0;
    double p99 = 0.0;
    double max = 0.0;
    // Where frames alternate between two costs (the close-up's box redrawn every other frame)
    // the median lands on one of them; the mean tells what a second of frames costs.
    double mean = 0.0;
    std::size_t count = 0;
};

// Nearest-rank percentiles and the mean; an empty input gives zeros.
Percentiles percentiles(std::vector<double> samples);

// How much slower frames became from an early to a late window of a repeating workload (the
// soak's 24 s cycle). Frame time depends on the phase of the cycle (a cramp costs more than
// rest), so a plain median of each window swings with where its samples fall. Instead each
// sample goes into one of `phases` parts of the cycle by its time on the cycle's own clock; for every part seen in both
// windows the late median is divided by the early one, and the median of those ratios, less
// one, is the drift (0.1: a tenth slower). Without a part in common, the windows' medians.
struct TimedSample {
    double seconds = 0.0;
    double frameMs = 0.0;
};
double phaseMatchedDrift(const std::vector<TimedSample>& early, const std::vector<TimedSample>& late, double cycleSeconds,
                         int phases);

} // namespace app
