// Skin weights for structures that follow the skeleton (the body, the neighbouring muscles,
// the nerves): each vertex belongs to the segment it is nearest to, and where a neighbouring
// segment (parent or child) is nearly as near, the two share it. The share falls smoothly
// with the difference in distance, so bending a joint stretches the surface across a band
// as wide as the limb instead of creasing it.
#pragma once

#include "model_builder.h"

#include <functional>
#include <vector>

namespace modelgen {

// How near a point is to a segment: a distance or a signed distance field, in metres.
using SegmentDistance = std::function<double(const glm::dvec3&, anatomy::Segment)>;

// Distance to a segment's bone axis (from its joint to the next one), standing.
double boneAxisDistance(const glm::dvec3& p, anatomy::Segment segment);

// Weights over `candidates` (the segments a structure may follow).
std::vector<SkinWeights> skinWeights(const std::vector<glm::dvec3>& positions,
                                     const std::vector<anatomy::Segment>& candidates, const SegmentDistance& distance);

// The segments of one leg, with the pelvis.
std::vector<anatomy::Segment> legSegments(anatomy::Side side);

} // namespace modelgen
