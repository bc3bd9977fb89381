#include "render/draw_list.h"

#include <algorithm>
#include <iterator>

namespace render {
namespace {

constexpr glm::vec3 kHoveredColor{0.55f, 0.8f, 1.0f};
constexpr glm::vec3 kLessonColor{0.35f, 0.95f, 0.85f};

MaterialKind materialKind(content::LayerId layer)
{
    switch (layer) {
    case content::LayerId::Muscle:
    case content::LayerId::Context: return MaterialKind::Muscle;
    case content::LayerId::Tendon: return MaterialKind::Tendon;
    case content::LayerId::Bone: return MaterialKind::Bone;
    case content::LayerId::Skin: return MaterialKind::Skin;
    case content::LayerId::Nerve: return MaterialKind::Nerve;
    case content::LayerId::Other: break;
    }
    return MaterialKind::Plain;
}

// Whether every corner of the box lies beyond one plane of the view's frustum.
bool outsideView(const core::Bounds& box, const glm::mat4& viewProjection)
{
    int outside[6] = {};
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec4 clip = viewProjection * glm::vec4((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                                                          (corner & 4) ? box.max.z : box.min.z, 1.0f);
        outside[0] += clip.x < -clip.w;
        outside[1] += clip.x > clip.w;
        outside[2] += clip.y < -clip.w;
        outside[3] += clip.y > clip.w;
        outside[4] += clip.z < -clip.w;
        outside[5] += clip.z > clip.w;
    }
    return std::any_of(std::begin(outside), std::end(outside), [](int count) { return count == 8; });
}

} // namespace

SurfaceLook surfaceLookOf(const scene::Scene& scene, const scene::MeshInstance& instance)
{
    SurfaceLook look;
    const assets::MeshData& mesh = scene.model().meshes[std::size_t(instance.mesh)];
    if (mesh.material >= 0) {
        const assets::Material& material = scene.model().materials[std::size_t(mesh.material)];
        look.baseColor = material.baseColor;
        look.roughness = material.roughness;
        look.blend = material.blend;
        look.doubleSided = material.doubleSided;
    }
    look.kind = materialKind(instance.layer);
    return look;
}

Highlight highlightOf(const scene::Scene& scene, int structure)
{
    if (structure == scene.selectedStructure) return {0.5f, kSelectedColor};
    if (structure == scene.hoveredStructure) return {0.6f, kHoveredColor};
    if (scene.highlighted(structure)) return {0.7f, kLessonColor};
    return {0.0f, kHoveredColor};
}

DrawList buildDrawList(const scene::Scene& scene, const FrameView& view, std::span<const StructureTint> tints)
{
    auto tintOf = [&](int structure) {
        for (const StructureTint& tint : tints)
            if (tint.structure == structure) return tint.value;
        return -1.0f;
    };
    const glm::mat4 viewProjection = view.projection * view.view;
    DrawList list;
    for (const scene::MeshInstance& instance : scene.instances()) {
        if (!scene.instanceVisible(instance)) continue;
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
        // Skinned and deformed meshes are placed in world space by their vertices.
        const bool worldSpace = data.skinned() || !scene.deformedPositions(instance.mesh).empty();
        const glm::mat4& placement = scene.nodeWorldMatrices()[std::size_t(instance.node)];
        if (!worldSpace && outsideView(data.bounds.transformed(placement), viewProjection)) continue;
        DrawItem item;
        item.instance = &instance;
        item.look = surfaceLookOf(scene, instance);
        item.mapValue = tintOf(instance.structure);
        const glm::vec3 centre =
            worldSpace ? data.bounds.center() : glm::vec3(placement * glm::vec4(data.bounds.center(), 1.0f));
        item.distanceM = glm::length(centre - view.eye);
        const float opacity = scene.layer(instance.layer).opacity;
        const bool seeThrough = opacity < 1.0f || item.look.blend || item.look.baseColor.a < 1.0f;
        (seeThrough ? list.translucent : list.opaque).push_back(item);
    }
    std::sort(list.opaque.begin(), list.opaque.end(), [](const DrawItem& a, const DrawItem& b) { return a.distanceM < b.distanceM; });
    std::sort(list.translucent.begin(), list.translucent.end(),
              [](const DrawItem& a, const DrawItem& b) { return a.distanceM > b.distanceM; });
    return list;
}

} // namespace render
