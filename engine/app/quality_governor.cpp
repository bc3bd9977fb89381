#include "app/quality_governor.h"

#include "app/quality_levels.h"

#include <algorithm>

namespace app {

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
    int next = qualityRank(quality_);
    if (median > kBudgetMs && next > 0) {
        ceiling_ = qualityOfRank(next - 1);
        --next;
    } else if (median < (quality_ == render::Quality::Lowest ? kStepUpFromLowestBelowMs : kStepUpBelowMs) &&
               next < qualityRank(ceiling_)) {
        ++next;
    }
    if (next == qualityRank(quality_)) return std::nullopt;
    quality_ = qualityOfRank(next);
    // The new level's first frames build the rasteriser's shader variants (and its programs,
    // when the renderer switches): leave them out again.
    warmUp_ = kWarmUpFrames;
    return quality_;
}

} // namespace app
