#include "app/frame_stats.h"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace app {

Percentiles percentiles(std::vector<double> samples)
{
    Percentiles result;
    result.count = samples.size();
    if (samples.empty()) return result;
    std::sort(samples.begin(), samples.end());
    auto rank = [&](double p) {
        std::size_t index = std::size_t(std::ceil(p * double(samples.size()))) - 1;
        return samples[std::min(index, samples.size() - 1)];
    };
    result.median = rank(0.50);
    result.p95 = rank(0.95);
    result.p99 = rank(0.99);
    result.max = samples.back();
    return result;
}

MemoryUse memoryUse()
{
    MemoryUse use;
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") status >> use.residentKb;
        else if (key == "VmHWM:") status >> use.peakResidentKb;
        status.ignore(1 << 12, '\n');
    }
    return use;
}

} // namespace app
