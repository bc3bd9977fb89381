// The hamstrings' neighbours, shown for orientation in the context layer: gluteus maximus
// above them, adductor magnus deep to them, the quadriceps (rectus femoris, the three vasti,
// the patellar ligament), both heads of gastrocnemius with the calcaneal tendon, and the pes
// anserinus partners gracilis and sartorius. They follow the skeleton through skinning
// rather than the simulation.
#pragma once

#include "loft.h"
#include "model_builder.h"
#include "sdf.h"

#include <vector>

namespace modelgen {

struct ContextSet {
    std::vector<StructureMesh> structures; // both sides
    Field rightSide;                       // everything built, right leg, world coordinates
};

ContextSet buildContextMuscles(const Field& bonesRight, const Field& hamstringsRight);

// A lofted structure along a polyline (world, standing, right leg); the frame's normal
// starts along `referenceNormal`, which is what a section's back offset and depth follow.
struct LoftedPart {
    std::string name;                    // node name without the side
    Look look;
    std::vector<glm::dvec3> curve;
    glm::dvec3 referenceNormal;
    std::vector<Section> keys;
    int rings, around;
    double squareness;
};

// Lofts a part, keeping it out of `avoid` (bones and anything built before it).
Loft buildLoftedPart(const LoftedPart& part, const std::vector<Field>& avoid);

// Both sides of a right-leg mesh in world coordinates, skinned to the leg's joints.
void addSkinnedPair(std::vector<StructureMesh>& out, const std::string& name, Look look, const TriMesh& right);

} // namespace modelgen
