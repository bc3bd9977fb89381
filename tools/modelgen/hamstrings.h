// The hamstrings of both legs: semitendinosus, semimembranosus and the two heads of biceps
// femoris as bellies (muscle layer) and their tendons (tendon layer), lofted along the
// gait2392 paths in the standing pose. Every vertex carries its path coordinates and each
// node names the path it follows, so the simulation can rebuild them on the moving path.
#pragma once

#include "model_builder.h"
#include "anatomy/muscle_geometry.h"
#include "sdf.h"

#include <string>
#include <vector>

namespace modelgen {

struct HamstringSet {
    std::vector<StructureMesh> structures; // both sides
    Field rightSide;                       // everything built, right leg, world coordinates
};

// `bonesRight`: the bones they must stay clear of (standingBonesRight).
HamstringSet buildHamstrings(const Field& bonesRight);

// The mesh of one side from its right-side construction: mirrored for the left, with path
// coordinates measured on that side's own path.
StructureMesh sidedStructure(const std::string& name, Look look, const TriMesh& right, anatomy::Muscle path,
                             anatomy::Side side);

} // namespace modelgen
