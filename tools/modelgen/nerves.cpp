#include "nerves.h"

#include "context_muscles.h"

namespace modelgen {
namespace {


} // namespace

std::vector<StructureMesh> buildNerves(const std::vector<Field>& avoidRight)
{
    // Right leg, world coordinates standing. The sciatic nerve is a flat band about 15 mm
    // wide where it leaves the pelvis (general anatomy), rounder and narrower as it descends.
    const std::vector<LoftedPart> parts = {
        {"nerve.sciatic", Look::Nerve,
         {{-0.124, 0.918, 0.066}, {-0.130, 0.890, 0.078}, {-0.120, 0.840, 0.094}, {-0.099, 0.760, 0.096},
          {-0.095, 0.660, 0.092}, {-0.099, 0.590, 0.087}, {-0.100, 0.565, 0.087}},
         kPosterior,
         {{0.00, 0.0, 0.0, 0.003, 0.008}, {0.04, 0.0, 0.0, 0.005, 0.016}, {0.40, 0.0, 0.0, 0.007, 0.013},
          {0.90, 0.0, 0.0, 0.008, 0.012}, {1.00, 0.0, 0.0, 0.003, 0.006}},
         40, 14, 2.2},
        {"nerve.tibial", Look::Nerve,
         {{-0.100, 0.580, 0.085}, {-0.104, 0.520, 0.084}, {-0.104, 0.460, 0.083}, {-0.100, 0.400, 0.082},
          {-0.097, 0.360, 0.081}},
         kPosterior,
         {{0.00, 0.0, 0.0, 0.003, 0.003}, {0.06, 0.0, 0.0, 0.006, 0.008}, {0.90, 0.0, 0.0, 0.006, 0.007},
          {1.00, 0.0, 0.0, 0.002, 0.002}},
         28, 12, 2.0},
        {"nerve.common_fibular", Look::Nerve,
         {{-0.100, 0.580, 0.090}, {-0.101, 0.530, 0.103}, {-0.100, 0.480, 0.115}, {-0.097, 0.446, 0.124},
          {-0.084, 0.420, 0.132}, {-0.066, 0.406, 0.130}},
         kPosterior,
         {{0.00, 0.0, 0.0, 0.003, 0.003}, {0.06, 0.0, 0.0, 0.0045, 0.0055}, {0.90, 0.0, 0.0, 0.0045, 0.005},
          {1.00, 0.0, 0.0, 0.002, 0.002}},
         30, 12, 2.0},
    };
    std::vector<StructureMesh> out;
    for (const LoftedPart& part : parts) {
        Loft loft = buildLoftedPart(part, avoidRight);
        optimiseOrder(loft.mesh);
        addSkinnedPair(out, part.name, part.look, loft.mesh);
    }
    return out;
}

} // namespace modelgen
