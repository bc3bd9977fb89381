// The body around the skeleton (skin layer): a smooth mannequin of an adult of 1.8 m, one
// signed distance field per skeleton segment, joined smoothly only across joints (so a hand
// never merges into the thigh it hangs beside), polygonised once and skinned to all 21
// joint nodes. Each vertex follows the segment whose surface it lies on, shared with the
// neighbouring segment near a joint.
#pragma once

#include "model_builder.h"
#include "sdf.h"

#include <array>

namespace modelgen {

class BodyField {
public:
    BodyField();
    // The whole body's surface: segments unioned, neighbours blended across their joints.
    double operator()(const glm::dvec3& p) const;
    // One segment's own solid (left segments mirror the right ones).
    double segment(const glm::dvec3& p, anatomy::Segment segment) const;
    Box bounds() const;

private:
    std::array<Shape, anatomy::kSegmentCount> shapes_; // right and midline segments; left ones stay empty
};

StructureMesh buildBody(const BodyField& body);

} // namespace modelgen
