// --soak SECONDS: the body cycles through rest, a cramp and a stretch that relieves it, for as
// long as asked; resident memory and the frame time are sampled every 4 s and judged at the
// end (docs/automation.md).
#include "app/modes/mode.h"

#include "app/frame_stats.h"
#include "app/world.h"
#include "core/clock.h"
#include "core/process_memory.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace app {
namespace {

constexpr double kCycleS = 24.0;   // relaxed, cramp, cramp with a stretch
constexpr double kSampleS = 4.0;   // six samples a cycle

class SoakMode final : public Mode {
public:
    SoakMode(const World& world, double seconds, int frames) : world_(world), seconds_(seconds), frames_(frames) {}

    // Only --frames ends a soak early; headless runs otherwise stop after one frame.
    std::optional<int> frameLimit() const override { return frames_; }
    std::optional<MuscleInput> muscleInput(double sceneSeconds) const override;
    bool afterFrame(const FrameResult& frame) override;
    std::optional<int> verdict() override;

private:
    struct Sample {
        double seconds;       // since the program started
        long residentKb;
        double frameMs;       // median since the last sample
        double sceneSeconds;  // the simulation's clock, which drives the cycle (it lags when frames are slow)
    };

    const World& world_;
    double seconds_;
    int frames_;
    std::vector<Sample> samples_;
    std::vector<double> frameMs_;  // since the last sample
};

// Eight seconds relaxed, eight of a cramp in the right biceps femoris long head, eight of a
// straight-leg raise that stretches it away, over and over: every path through the muscle
// model and the meshes, for as long as the soak runs.
std::optional<MuscleInput> SoakMode::muscleInput(double sceneSeconds) const
{
    MuscleInput input{world_.manualPose, {}};
    // Three phases of kCycleS / 3: relaxed, cramping, cramping while the hip flexes.
    const int phase = int(sceneSeconds / (kCycleS / 3.0)) % 3;
    if (phase >= 1) {
        input.drive.mode = content::MuscleMode::Cramp;
        input.drive.cramp = content::CrampSpec{anatomy::Muscle::BicepsFemorisLong, anatomy::Side::Right, 0.0, 20.0};
        input.drive.crampElapsedS = std::fmod(sceneSeconds, 24.0) - 8.0;
    }
    if (phase == 2) {
        const double t = std::clamp((std::fmod(sceneSeconds, 8.0)) / 3.0, 0.0, 1.0);
        input.pose[anatomy::Coordinate::HipFlexionR] = 70.0 * t;
    }
    return input;
}

bool SoakMode::afterFrame(const FrameResult& frame)
{
    if (frame.last) return true;
    frameMs_.push_back(frame.cpuMs);
    const double elapsed = core::secondsSinceProgramStart();
    if (samples_.empty() || elapsed - samples_.back().seconds >= kSampleS) {
        const long residentKb = long(core::processMemory().residentKb);
        const double median = percentiles(frameMs_).median;
        frameMs_.clear();
        samples_.push_back({elapsed, residentKb, median, world_.scene.timeSeconds()});
        std::printf("soak t=%.0f s resident=%ld kB frame_median=%.2f ms\n", elapsed, residentKb, median);
        std::fflush(stdout);
    }
    return elapsed < seconds_;
}

// Memory may settle for the first tenth of the run (at least 30 s). After that, early and late
// windows of whole cycles (about a third of the rest each, so both see every phase alike) are
// compared: the median resident size must grow by less than 1 MB, and frame time, each part of
// the cycle against the same part, by less than a fifth.
std::optional<int> SoakMode::verdict()
{
    const double warmUpS = std::max(30.0, seconds_ * 0.1);
    std::vector<Sample> settled;
    for (const Sample& sample : samples_)
        if (sample.seconds >= warmUpS) settled.push_back(sample);
    if (settled.size() < 4) {
        std::printf("soak: too short to judge (%zu samples after a %.0f s warm-up)\n", settled.size(), warmUpS);
        return 1;
    }
    long lowest = settled.front().residentKb, highest = lowest;
    for (const Sample& sample : settled) {
        lowest = std::min(lowest, sample.residentKb);
        highest = std::max(highest, sample.residentKb);
    }
    // Windows on the simulation's clock, which the cycle runs on, so each holds whole cycles.
    const double settledS = settled.back().sceneSeconds - settled.front().sceneSeconds;
    const double windowS = kCycleS * std::max(1.0, std::floor(settledS / 3.0 / kCycleS));
    std::vector<double> early, late, earlyKb, lateKb;
    std::vector<TimedSample> earlyTimed, lateTimed;
    for (const Sample& sample : settled) {
        if (sample.sceneSeconds < settled.front().sceneSeconds + windowS) {
            early.push_back(sample.frameMs);
            earlyKb.push_back(double(sample.residentKb));
            earlyTimed.push_back({sample.sceneSeconds, sample.frameMs});
        }
        if (sample.sceneSeconds > settled.back().sceneSeconds - windowS) {
            late.push_back(sample.frameMs);
            lateKb.push_back(double(sample.residentKb));
            lateTimed.push_back({sample.sceneSeconds, sample.frameMs});
        }
    }
    const long growthKb = long(percentiles(lateKb).median - percentiles(earlyKb).median);
    const double earlyMs = percentiles(early).median, lateMs = percentiles(late).median;
    // Each part of the cycle against the same part (see phaseMatchedDrift).
    const double drift = phaseMatchedDrift(earlyTimed, lateTimed, kCycleS, int(kCycleS / kSampleS));
    std::printf("soak_result: resident growth %ld kB after warm-up (range %ld kB), frame median %.2f -> %.2f ms, phase for phase %+.0f%%\n",
                growthKb, highest - lowest, earlyMs, lateMs, drift * 100.0);
    const bool memoryOk = growthKb < 1024;
    const bool timeOk = drift < 0.2;
    if (!memoryOk) std::printf("soak: FAILED, resident memory grew by %ld kB (limit 1024 kB)\n", growthKb);
    if (!timeOk) std::printf("soak: FAILED, frames slowed by %.0f%% (limit 20%%)\n", drift * 100.0);
    return memoryOk && timeOk ? 0 : 1;
}

} // namespace

std::unique_ptr<Mode> makeSoakMode(const World& world, double seconds, int frames)
{
    return std::make_unique<SoakMode>(world, seconds, frames);
}

} // namespace app
