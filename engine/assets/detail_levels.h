// Levels of detail for the cheaper rendering qualities: each mesh's triangles simplified with
// meshoptimizer over its own vertices, so skinned and deformed meshes keep working at every
// level. Pure CPU work with no GL, so the app can do it on another thread while it starts.
#pragma once

#include "assets/model_data.h"

#include <array>
#include <cstdint>
#include <vector>

namespace assets {

// 0: the triangles as modelled; 1: about 45% of them; 2: about 10%; 3: about 2.5%, for a
// whole body drawn small (the close-up's whole-pose box), where a software rasteriser pays
// for every triangle however few pixels it covers.
constexpr int kDetailLevelCount = 4;
constexpr int kCoarsestDetailLevel = kDetailLevelCount - 1;

// The mesh's triangles at a level of detail (its own at level 0, or when it cannot be
// simplified further).
std::vector<std::uint32_t> simplifiedIndices(const MeshData& mesh, int level);

// Levels 1 to 3 of every mesh of a model, in model order.
using DetailLevels = std::vector<std::array<std::vector<std::uint32_t>, kDetailLevelCount - 1>>;
DetailLevels simplifyModel(const ModelData& model);

} // namespace assets
