// Frame-time statistics for --bench: percentiles over the frames rendered.
#pragma once

#include <string>
#include <vector>

namespace app {

struct Percentiles {
    double median = 0.0;
    double p95 = 0.0;
    double p99 = 0.0;
    double max = 0.0;
    std::size_t count = 0;
};

// Nearest-rank percentiles; an empty input gives zeros.
Percentiles percentiles(std::vector<double> samples);

// Resident memory now and at its peak, from /proc/self/status (kB); 0 when unknown.
struct MemoryUse {
    long residentKb = 0;
    long peakResidentKb = 0;
};
MemoryUse memoryUse();

} // namespace app
