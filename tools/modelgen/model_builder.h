// Assembles the generated structures into one glTF model: a material per group, the joint
// nodes of every skeleton segment, bones riding on their joints, muscles and tendons at the
// root in world coordinates of the standing pose, and skinned structures bound to the joints.
#pragma once

#include "mesh.h"

#include "anatomy/skeleton.h"
#include "assets/model_data.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgen {

enum class Look { Bone, Muscle, Tendon, ContextMuscle, Nerve, Skin, Count };

// Up to four segments and their weights (summing to 1) moving one vertex.
struct SkinWeights {
    std::array<anatomy::Segment, 4> segments{};
    std::array<double, 4> weights{};
};

struct StructureMesh {
    std::string nodeName;                      // "<layer>.<structure>[.<side>]"
    Look look = Look::Bone;
    TriMesh mesh;
    std::optional<anatomy::Segment> segment;   // rigid: in this segment's frame, child of its joint node
    std::vector<glm::dvec3> muscleCoords;      // muscles and tendons: along, around, outward
    std::vector<SkinWeights> skin;             // skinned structures: one per vertex
    std::map<std::string, std::string> extras; // node metadata
};

assets::ModelData buildModel(const std::vector<StructureMesh>& structures);

// Name of the joint node that a segment's frame drives, e.g. "joint.femur_r".
std::string jointNodeName(anatomy::Segment segment);

} // namespace modelgen
