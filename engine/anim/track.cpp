#include "anim/track.h"

#include "anim/pose_blend.h"

#include <algorithm>
#include <cassert>

namespace anim {
namespace {

// Index of the key that ends the segment containing `time` (keys[i-1].time <= time < keys[i].time).
template <class Key>
std::size_t segmentEnd(const std::vector<Key>& keys, double time)
{
    auto after = std::upper_bound(keys.begin(), keys.end(), time,
                                  [](double t, const Key& key) { return t < key.timeS; });
    return std::size_t(after - keys.begin());
}

template <class Key>
bool ordered(const std::vector<Key>& keys)
{
    return std::is_sorted(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.timeS < b.timeS; });
}

} // namespace

PoseTrack::PoseTrack(std::vector<PoseKey> keys) : keys_(std::move(keys))
{
    assert(ordered(keys_));
}

anatomy::Pose PoseTrack::sample(double timeS) const
{
    if (keys_.empty()) return anatomy::Pose::neutral();
    const std::size_t end = segmentEnd(keys_, timeS);
    if (end == 0) return keys_.front().pose;
    if (end >= keys_.size()) return keys_.back().pose;
    const PoseKey& a = keys_[end - 1];
    const PoseKey& b = keys_[end];
    const double span = b.timeS - a.timeS;
    const double t = span > 0.0 ? (timeS - a.timeS) / span : 1.0;
    return blendPoses(a.pose, b.pose, ease(b.easing, t));
}

ScalarTrack::ScalarTrack(std::vector<ScalarKey> keys) : keys_(std::move(keys))
{
    assert(ordered(keys_));
}

double ScalarTrack::sample(double timeS) const
{
    if (keys_.empty()) return 0.0;
    const std::size_t end = segmentEnd(keys_, timeS);
    if (end == 0) return keys_.front().value;
    if (end >= keys_.size()) return keys_.back().value;
    const ScalarKey& a = keys_[end - 1];
    const ScalarKey& b = keys_[end];
    const double span = b.timeS - a.timeS;
    const double t = span > 0.0 ? (timeS - a.timeS) / span : 1.0;
    return a.value + (b.value - a.value) * ease(b.easing, t);
}

} // namespace anim
