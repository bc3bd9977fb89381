// Keyframe tracks: body poses and scalar values (muscle excitation, cramp drive) over time.
#pragma once

#include "anatomy/skeleton.h"
#include "anim/easing.h"

#include <vector>

namespace anim {

struct PoseKey {
    double timeS = 0.0;
    anatomy::Pose pose;
    Easing easing = Easing::InOut;   // shapes the move that arrives at this key
};

// Poses between keys are blended (pose_blend.h); before the first key and after the last
// the track holds. Keys must be in time order (asserted).
class PoseTrack {
public:
    PoseTrack() = default;
    explicit PoseTrack(std::vector<PoseKey> keys);
    anatomy::Pose sample(double timeS) const;
    double durationS() const { return keys_.empty() ? 0.0 : keys_.back().timeS; }
    const std::vector<PoseKey>& keys() const { return keys_; }
    bool empty() const { return keys_.empty(); }

private:
    std::vector<PoseKey> keys_;
};

struct ScalarKey {
    double timeS = 0.0;
    double value = 0.0;
    Easing easing = Easing::InOut;
};

class ScalarTrack {
public:
    ScalarTrack() = default;
    explicit ScalarTrack(std::vector<ScalarKey> keys);
    double sample(double timeS) const;
    double durationS() const { return keys_.empty() ? 0.0 : keys_.back().timeS; }
    const std::vector<ScalarKey>& keys() const { return keys_; }
    bool empty() const { return keys_.empty(); }

private:
    std::vector<ScalarKey> keys_;
};

} // namespace anim
