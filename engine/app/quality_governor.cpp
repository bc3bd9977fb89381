#include "app/quality_governor.h"

#include <algorithm>

namespace app {
namespace {

// Levels from cheapest to best.
int rank(render::Quality quality)
{
    switch (quality) {
    case render::Quality::Low: return 0;
    case render::Quality::Medium: return 1;
    case render::Quality::High: return 2;
    }
    return 0;
}

render::Quality ofRank(int value)
{
    return value <= 0 ? render::Quality::Low : (value == 1 ? render::Quality::Medium : render::Quality::High);
}

} // namespace

std::optional<render::Quality> QualityGovernor::addFrame(double frameMs)
{
    if (warmUp_ > 0) {
        --warmUp_;
        return std::nullopt;
    }
    window_.push_back(frameMs);
    if (window_.size() < kWindow) return std::nullopt;
    std::nth_element(window_.begin(), window_.begin() + std::ptrdiff_t(kWindow / 2), window_.end());
    const double median = window_[kWindow / 2];
    window_.clear();
    int next = rank(quality_);
    if (median > kBudgetMs && next > 0) {
        ceiling_ = ofRank(next - 1);
        --next;
    } else if (median < kStepUpBelowMs && next < rank(ceiling_)) {
        ++next;
    }
    if (next == rank(quality_)) return std::nullopt;
    quality_ = ofRank(next);
    // The new level's first frames compile shader variants: leave them out again.
    warmUp_ = kWarmUpFrames;
    return quality_;
}

} // namespace app
