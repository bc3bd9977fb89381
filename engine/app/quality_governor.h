// Chooses the rendering quality from measured frame times (--quality auto). It starts at the
// low level, full resolution lit per vertex, which a software rasteriser keeps within the
// 60 Hz budget, and steps up while frames leave plenty of that budget; it steps down (to the
// lowest level, at 55% resolution, at the bottom) while they exceed it. A level that once
// proved too slow is not tried again in the same run, so the choice settles instead of
// swinging between two levels.
#pragma once

#include "render/renderer.h"

#include <optional>
#include <vector>

namespace app {

class QualityGovernor {
public:
    static constexpr double kBudgetMs = 1000.0 / 60.0;
    static constexpr double kStepUpBelowMs = kBudgetMs * 0.5;  // room for a level about twice as costly
    static constexpr std::size_t kWindow = 30;                 // frames per decision (their median)
    static constexpr int kWarmUpFrames = 5;                    // shader compiles and uploads left out

    render::Quality quality() const { return quality_; }

    // Adds one frame's time; returns the new level when it changes.
    std::optional<render::Quality> addFrame(double frameMs);

private:
    render::Quality quality_ = render::Quality::Low;  // the first frame's level
    render::Quality ceiling_ = render::Quality::High;  // the best level still worth trying
    int warmUp_ = kWarmUpFrames;
    std::vector<double> window_;
};

} // namespace app
