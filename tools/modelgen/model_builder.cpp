#include "model_builder.h"

#include <cassert>
#include <cmath>
#include <functional>

namespace modelgen {
namespace {

using anatomy::Segment;

// Linear RGB: ivory bone, red-brown hamstrings, pearly tendon, a duller red for the
// neighbouring muscles so the hamstrings stand out, nerve yellow, translucent skin.
std::vector<assets::Material> materials()
{
    std::vector<assets::Material> out(static_cast<std::size_t>(Look::Count));
    out[std::size_t(Look::Bone)] = {"bone", {0.78f, 0.70f, 0.50f, 1.0f}, 0.65f, 0.0f, false, false};
    out[std::size_t(Look::Muscle)] = {"muscle", {0.17f, 0.040f, 0.030f, 1.0f}, 0.50f, 0.0f, false, false};
    out[std::size_t(Look::Tendon)] = {"tendon", {0.82f, 0.80f, 0.72f, 1.0f}, 0.30f, 0.0f, false, false};
    out[std::size_t(Look::ContextMuscle)] = {"context_muscle", {0.28f, 0.15f, 0.13f, 1.0f}, 0.60f, 0.0f, false, false};
    out[std::size_t(Look::Nerve)] = {"nerve", {0.80f, 0.56f, 0.05f, 1.0f}, 0.45f, 0.0f, false, false};
    out[std::size_t(Look::Skin)] = {"skin", {0.74f, 0.47f, 0.35f, 0.65f}, 0.55f, 0.0f, true, false};
    return out;
}

glm::vec3 toFloat(const glm::dvec3& v)
{
    return glm::vec3(float(v.x), float(v.y), float(v.z));
}

// Unit normals in single precision, as the glTF validator checks them.
glm::vec3 unitNormal(const glm::dvec3& n)
{
    glm::vec3 f = toFloat(glm::normalize(n));
    return f / std::sqrt(glm::dot(f, f));
}

} // namespace

std::string jointNodeName(Segment segment)
{
    return "joint." + std::string(anatomy::segmentInfo(segment).name);
}

assets::ModelData buildModel(const std::vector<StructureMesh>& structures)
{
    assets::ModelData model;
    model.materials = materials();
    // The rest pose of the joints is the pose the body is modelled in; its inverse is the
    // skin's bind pose.
    const anatomy::SkeletonPose standing = anatomy::computeSkeleton(anatomy::Pose::modelRest());

    // Joint nodes in skeleton order (every parent precedes its children), each with the
    // bones that ride on it right after it.
    std::vector<int> jointNode(std::size_t(anatomy::kSegmentCount), -1);
    auto addNode = [&](assets::Node node) {
        const int index = int(model.nodes.size());
        if (node.parent >= 0) model.nodes[std::size_t(node.parent)].children.push_back(index);
        model.nodes.push_back(std::move(node));
        return index;
    };
    auto addMesh = [&](const StructureMesh& structure) {
        assets::MeshData mesh;
        mesh.name = structure.nodeName;
        mesh.material = int(structure.look);
        for (const glm::dvec3& p : structure.mesh.positions) mesh.positions.push_back(toFloat(p));
        for (const glm::dvec3& n : structure.mesh.normals) mesh.normals.push_back(unitNormal(n));
        for (const glm::dvec3& c : structure.muscleCoords) mesh.muscleCoords.push_back(toFloat(c));
        mesh.indices = structure.mesh.indices;
        for (const SkinWeights& skin : structure.skin) {
            glm::u16vec4 joints(0);
            glm::vec4 weights(0.0f);
            float total = 0.0f;
            for (int k = 0; k < 4; ++k) {
                if (skin.weights[std::size_t(k)] <= 0.0) continue; // unused slots: joint 0, weight 0
                joints[k] = std::uint16_t(skin.segments[std::size_t(k)]);
                weights[k] = float(skin.weights[std::size_t(k)]);
                total += weights[k];
            }
            assert(total > 0.0f);
            mesh.joints.push_back(joints);
            mesh.weights.push_back(weights / total);
        }
        if (!structure.skin.empty()) mesh.skin = 0;
        for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
        model.meshes.push_back(std::move(mesh));
        return int(model.meshes.size()) - 1;
    };

    for (const anatomy::SegmentInfo& info : anatomy::segmentInfos()) {
        assets::Node joint;
        joint.name = jointNodeName(info.segment);
        const bool root = info.segment == Segment::Pelvis;
        joint.parent = root ? -1 : jointNode[std::size_t(info.parent)];
        // Standing, every frame is parallel to the world: the joint is a pure translation.
        const glm::dvec3 origin = standing.origin(info.segment);
        const glm::dvec3 parentOrigin = root ? glm::dvec3(0.0) : standing.origin(info.parent);
        joint.translation = toFloat(origin - parentOrigin);
        jointNode[std::size_t(info.segment)] = addNode(std::move(joint));
        for (const StructureMesh& structure : structures) {
            if (structure.segment != info.segment) continue;
            assets::Node bone;
            bone.name = structure.nodeName;
            bone.parent = jointNode[std::size_t(info.segment)];
            bone.meshes = {addMesh(structure)};
            bone.metadata = structure.extras;
            addNode(std::move(bone));
        }
    }

    // Root-level structures: muscles and tendons in world coordinates, skinned ones bound to
    // the joints with the standing pose as their bind pose.
    bool skinned = false;
    for (const StructureMesh& structure : structures) {
        if (structure.segment) continue;
        assets::Node node;
        node.name = structure.nodeName;
        node.meshes = {addMesh(structure)};
        node.metadata = structure.extras;
        skinned = skinned || !structure.skin.empty();
        addNode(std::move(node));
    }
    if (skinned) {
        assets::Skin skin;
        for (const anatomy::SegmentInfo& info : anatomy::segmentInfos()) {
            skin.joints.push_back(jointNode[std::size_t(info.segment)]);
            skin.inverseBindMatrices.push_back(glm::mat4(glm::inverse(standing[info.segment])));
        }
        model.skins.push_back(std::move(skin));
    }
    return model;
}

} // namespace modelgen
