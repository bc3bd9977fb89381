#include "assets/detail_levels.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <cassert>

namespace assets {

// meshoptimizer's error-bounded edge collapse keeps the silhouette while it removes triangles.
std::vector<std::uint32_t> simplifiedIndices(const MeshData& mesh, int level)
{
    assert(level >= 0 && level < kDetailLevelCount);
    if (level == 0 || mesh.indices.empty() || mesh.positions.empty()) return mesh.indices;
    constexpr float kShareOfTriangles[kDetailLevelCount] = {1.0f, 0.45f, 0.1f, 0.025f};
    // The largest change allowed, as a share of the mesh's size: the coarsest level is drawn
    // a few pixels across, where 5 % is under a pixel for most structures and lets the whole
    // model come down to its share (3,690 triangles of 144,262 against 4,630 at 2 %).
    constexpr float kLargestError[kDetailLevelCount] = {0.0f, 0.02f, 0.02f, 0.05f};
    const std::size_t target = std::max<std::size_t>(
        std::size_t(float(mesh.indices.size()) * kShareOfTriangles[level]) / 3 * 3, 3);
    std::vector<std::uint32_t> simplified(mesh.indices.size());
    const std::size_t count = meshopt_simplify(simplified.data(), mesh.indices.data(), mesh.indices.size(),
                                               &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3), target,
                                               kLargestError[level], 0, nullptr);
    if (count < 3) return mesh.indices;
    simplified.resize(count);
    simplified.shrink_to_fit();  // held until it is on the GPU: no room for the full mesh
    return simplified;
}

DetailLevels simplifyModel(const ModelData& model)
{
    DetailLevels levels(model.meshes.size());
    for (std::size_t i = 0; i < model.meshes.size(); ++i)
        for (int level = 1; level < kDetailLevelCount; ++level)
            levels[i][std::size_t(level - 1)] = simplifiedIndices(model.meshes[i], level);
    return levels;
}

} // namespace assets
