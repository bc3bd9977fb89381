// The whole generated model, structure by structure: bones, hamstrings with their tendons,
// neighbouring muscles, the sciatic nerve and the body, then assembled for glTF.
#pragma once

#include "assets/model_data.h"
#include "core/error.h"

#include <string>
#include <vector>

namespace modelgen {

// Numbers worth printing about one generated structure.
struct StructureStats {
    std::string nodeName;
    std::size_t triangles = 0;
    double volumeM3 = 0.0;
    double depthUnderSkinM = 0.0; // least depth of its vertices under the body's surface (standing)
};

struct GeneratedModel {
    assets::ModelData model;
    std::vector<StructureStats> stats;
};

// Deterministic: the same program gives the same model, to the bit. `only`, when not empty,
// keeps just the structures whose node names match one of its patterns, where '*' stands for
// any text ("muscle.*", "*.r"), for looking at a part of the model on its own.
core::Expected<GeneratedModel> generateModel(const std::vector<std::string>& only = {});

} // namespace modelgen
