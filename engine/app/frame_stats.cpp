#include "app/frame_stats.h"

#include <algorithm>
#include <cmath>

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
    double sum = 0.0;
    for (double sample : samples) sum += sample;
    result.mean = sum / double(samples.size());
    return result;
}

double phaseMatchedDrift(const std::vector<TimedSample>& early, const std::vector<TimedSample>& late, double cycleSeconds,
                         int phases)
{
    auto byPhase = [&](const std::vector<TimedSample>& samples) {
        std::vector<std::vector<double>> parts(std::size_t(std::max(1, phases)));
        for (const TimedSample& sample : samples) {
            const double within = std::fmod(std::max(0.0, sample.seconds), cycleSeconds) / cycleSeconds;
            const std::size_t part = std::min(parts.size() - 1, std::size_t(within * double(parts.size())));
            parts[part].push_back(sample.frameMs);
        }
        return parts;
    };
    const auto earlyParts = byPhase(early), lateParts = byPhase(late);
    std::vector<double> ratios;
    for (std::size_t i = 0; i < earlyParts.size(); ++i) {
        if (earlyParts[i].empty() || lateParts[i].empty()) continue;
        const double before = percentiles(earlyParts[i]).median;
        if (before > 0.0) ratios.push_back(percentiles(lateParts[i]).median / before);
    }
    if (ratios.empty()) {
        std::vector<double> a, b;
        for (const TimedSample& sample : early) a.push_back(sample.frameMs);
        for (const TimedSample& sample : late) b.push_back(sample.frameMs);
        const double before = percentiles(a).median;
        return before > 0.0 ? percentiles(b).median / before - 1.0 : 0.0;
    }
    // The middle ratio (the mean of the middle two for an even count), so one noisy part
    // cannot decide it.
    std::sort(ratios.begin(), ratios.end());
    const std::size_t n = ratios.size();
    const double middle = n % 2 ? ratios[n / 2] : 0.5 * (ratios[n / 2 - 1] + ratios[n / 2]);
    return middle - 1.0;
}

} // namespace app
