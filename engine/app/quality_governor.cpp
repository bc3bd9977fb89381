#include "app/quality_governor.h"

#include "app/quality_levels.h"

#include <algorithm>
#include <bit>

namespace app {

namespace {

// The median under which a decision at `quality` steps up.
double stepUpBelowMs(render::Quality quality)
{
    return quality == render::Quality::Lowest ? QualityGovernor::kStepUpFromLowestBelowMs : QualityGovernor::kStepUpBelowMs;
}

} // namespace

bool QualityGovernor::wantsDrawnFrames() const
{
    if (warmUp_ > 0 || heldDecisions_ < kProvenDecisions) return true;
    return qualityRank(quality_) < qualityRank(ceiling_) && lastMedianMs_ < stepUpBelowMs(quality_) * kPlausibleStepUp;
}

std::optional<render::Quality> QualityGovernor::addFrame(double frameMs)
{
    if (warmUp_ > 0) {
        --warmUp_;
        return std::nullopt;
    }
    window_.push_back(frameMs);
    if (window_.size() < kWindow) return std::nullopt;
    double windowMs = 0.0;
    for (double ms : window_) windowMs += ms;
    std::nth_element(window_.begin(), window_.begin() + std::ptrdiff_t(kWindow / 2), window_.end());
    const double median = window_[kWindow / 2];
    window_.clear();
    int next = qualityRank(quality_);
    const bool quick = median < stepUpBelowMs(quality_);
    lastMedianMs_ = median;
    // A small miss, or any miss at a level that has held for a second, must show in two of
    // the last three decisions: half a second of a busy machine (another program starting, a
    // compile) does not cost the picture its full resolution, and a level that misses every
    // other half second does not stay.
    const bool slow = median > kBudgetMs && next > 0;
    recentMisses_ = ((recentMisses_ << 1) | (slow ? 1u : 0u)) & 0b111u;
    const bool proven = heldDecisions_ >= kProvenDecisions;
    const bool confirmed = std::popcount(recentMisses_) >= 2 || (median >= kRetryBelowMs && !proven);
    heldDecisions_ = slow ? 0 : heldDecisions_ + 1;
    if (slow && confirmed) {
        // Too slow: down, and the level left is not tried again for a while; twice as long
        // each time a try after such a while fails.
        if (retrying_) retryAfterMs_ = std::min(retryAfterMs_ * 2.0, kLongestRetryMs);
        retrying_ = false;
        ceiling_ = qualityOfRank(next - 1);
        missedMs_ = median;
        quickMs_ = 0.0;
        --next;
    } else if (slow) {
        // One miss, where one is not enough: the next decisions tell.
    } else if (retrying_) {
        // The level tried again holds, once it has for a second: a later failure waits the
        // first while again.
        if (heldDecisions_ >= kProvenDecisions) {
            retrying_ = false;
            retryAfterMs_ = kFirstRetryMs;
        }
    } else if (quick && next < qualityRank(ceiling_)) {
        ++next;
    } else if (quick && next == qualityRank(ceiling_) && ceiling_ != render::Quality::High && missedMs_ < kRetryBelowMs) {
        // Room for the level above, which once proved a little too slow: tried again after a while.
        quickMs_ += windowMs;
        if (quickMs_ >= retryAfterMs_) {
            ceiling_ = qualityOfRank(next + 1);
            quickMs_ = 0.0;
            retrying_ = true;
            ++next;
        }
    }
    if (next == qualityRank(quality_)) return std::nullopt;
    quality_ = qualityOfRank(next);
    recentMisses_ = 0;
    heldDecisions_ = 0;
    lastMedianMs_ = 0.0;
    // The new level's first frames build the rasteriser's shader variants (and its programs,
    // when the renderer switches): leave them out again.
    warmUp_ = kWarmUpFrames;
    return quality_;
}

std::optional<render::Quality> QualityGovernor::enterScene(const std::string& scene)
{
    if (scene == scene_) return std::nullopt;
    // A try of the level above that had not held for a second yet proved nothing: the scene
    // left keeps the ceiling below it, and tries it again after the same wait.
    const render::Quality kept = retrying_ ? qualityOfRank(qualityRank(ceiling_) - 1) : ceiling_;
    learned_[scene_] = Learned{kept, missedMs_, retryAfterMs_};
    const auto found = learned_.find(scene);
    const Learned now = found != learned_.end() ? found->second : Learned{};
    scene_ = scene;
    ceiling_ = now.ceiling;
    missedMs_ = now.missedMs;
    retryAfterMs_ = now.retryAfterMs;
    quickMs_ = 0.0;
    retrying_ = false;
    recentMisses_ = 0;
    heldDecisions_ = 0;
    lastMedianMs_ = 0.0;
    // The frames so far drew the other scene; the new one's first frames build what it shows
    // (close-up, meshes): left out as after a change of level.
    window_.clear();
    warmUp_ = kWarmUpFrames;
    if (qualityRank(quality_) <= qualityRank(ceiling_)) return std::nullopt;
    quality_ = ceiling_;
    return quality_;
}

} // namespace app
