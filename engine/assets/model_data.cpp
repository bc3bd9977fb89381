#include "assets/model_data.h"

#include <glm/gtc/matrix_transform.hpp>

namespace assets {

glm::mat4 Node::localMatrix() const
{
    return glm::translate(glm::mat4(1.0f), translation) * glm::mat4_cast(rotation) * glm::scale(glm::mat4(1.0f), scale);
}

int ModelData::findNode(std::string_view name) const
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].name == name) return int(i);
    return -1;
}

std::vector<glm::mat4> ModelData::restWorldMatrices() const
{
    std::vector<glm::mat4> world(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const glm::mat4 local = nodes[i].localMatrix();
        world[i] = nodes[i].parent >= 0 ? world[std::size_t(nodes[i].parent)] * local : local;
    }
    return world;
}

core::Bounds ModelData::restBounds() const
{
    const std::vector<glm::mat4> world = restWorldMatrices();
    core::Bounds bounds;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        for (int mesh : nodes[i].meshes) {
            const MeshData& data = meshes[std::size_t(mesh)];
            // Skinned meshes are authored in model space at bind pose.
            bounds.add(data.skinned() ? data.bounds : data.bounds.transformed(world[i]));
        }
    return bounds;
}

std::size_t ModelData::triangleCount() const
{
    std::size_t count = 0;
    for (const MeshData& mesh : meshes) count += mesh.triangleCount();
    return count;
}

} // namespace assets
