#include "render/draw_list.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>

namespace render {
namespace {

constexpr glm::vec3 kHoveredColor{0.55f, 0.8f, 1.0f};
// Below this a state is a trace the eye would not see: natural colour, not in focus.
constexpr float kVisibleState = 0.08f;

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
    // Outline widths: the lesson's is the widest, to be found from the back of a classroom;
    // the pointer's only a hint.
    if (structure == scene.selectedStructure) return {0.8f, kSelectedColor, 3.0f};
    if (structure == scene.hoveredStructure) return {0.6f, kHoveredColor, 1.5f};
    if (scene.highlighted(structure)) return {1.0f, kLessonColor, 3.5f};
    return {0.0f, kHoveredColor, 0.0f};
}

bool tintShows(const StructureTint& tint)
{
    return tint.value >= 0.0f || tint.activation > kVisibleState || tint.cramp > kVisibleState || tint.stretch > kVisibleState;
}

bool seeThroughItself(const scene::Scene& scene, const DrawItem& item)
{
    return scene.layer(item.instance->layer).opacity < 1.0f || item.look.baseColor.a < 1.0f;
}

DrawList buildDrawList(const scene::Scene& scene, const FrameView& view, std::span<const StructureTint> tints,
                       std::span<const float> instanceFade, std::span<const core::Bounds> posed)
{
    auto tintOf = [&](int structure) {
        for (const StructureTint& tint : tints)
            if (tint.structure == structure) return tint;
        return StructureTint{};
    };
    const glm::mat4 viewProjection = view.projection * view.view;
    DrawList list;
    for (const scene::MeshInstance& instance : scene.instances()) {
        if (!scene.instanceVisible(instance)) continue;
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
        // Skinned and deformed meshes are placed in world space by their vertices.
        const bool worldSpace = data.skinned() || !scene.deformedPositions(instance.mesh).empty();
        const glm::mat4& placement = scene.nodeWorldMatrices()[std::size_t(instance.node)];
        const std::size_t index = std::size_t(&instance - scene.instances().data());
        if (worldSpace ? index < posed.size() && outsideView(posed[index], viewProjection)
                       : outsideView(data.bounds.transformed(placement), viewProjection))
            continue;
        DrawItem item;
        item.instance = &instance;
        item.look = surfaceLookOf(scene, instance);
        item.state = tintOf(instance.structure);
        item.mapValue = item.state.value;
        if (index < instanceFade.size()) item.fade = instanceFade[index];
        const glm::vec3 centre =
            worldSpace ? data.bounds.center() : glm::vec3(placement * glm::vec4(data.bounds.center(), 1.0f));
        item.distanceM = glm::length(centre - view.eye);
        const float opacity = scene.layer(instance.layer).opacity;
        const bool seeThrough = opacity < 1.0f || item.fade < 1.0f || item.look.blend || item.look.baseColor.a < 1.0f;
        (seeThrough ? list.translucent : list.opaque).push_back(item);
    }
    std::sort(list.opaque.begin(), list.opaque.end(), [](const DrawItem& a, const DrawItem& b) { return a.distanceM < b.distanceM; });
    std::sort(list.translucent.begin(), list.translucent.end(),
              [](const DrawItem& a, const DrawItem& b) { return a.distanceM > b.distanceM; });
    return list;
}

namespace {

// Where one instance lies as the eye sees it: its box on screen (normalised device
// coordinates) and the view depths (metres in front of the eye) of its nearest point and middle.
struct ScreenBox {
    glm::vec2 min{0.0f}, max{0.0f};
    float middleDepthM = 0.0f;
    bool valid = false;

    float area() const { return std::max(max.x - min.x, 0.0f) * std::max(max.y - min.y, 0.0f); }
    float overlap(const ScreenBox& other) const
    {
        const glm::vec2 low = glm::max(min, other.min), high = glm::min(max, other.max);
        return std::max(high.x - low.x, 0.0f) * std::max(high.y - low.y, 0.0f);
    }
};

// World bounds of an instance as posed now. Deformed muscles are in world space already;
// skinned ones are measured on a sample of their vertices (a few hundred: the box only decides
// a fade, and skinning every vertex each frame would cost more than it tells).
core::Bounds posedBounds(const scene::Scene& scene, const scene::MeshInstance& instance,
                         std::map<int, std::vector<glm::mat4>>& skinCache)
{
    const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
    const std::span<const glm::vec3> deformed = scene.deformedPositions(instance.mesh);
    constexpr std::size_t kSamples = 256;
    core::Bounds bounds;
    if (!deformed.empty()) {
        const std::size_t stride = std::max<std::size_t>(1, deformed.size() / kSamples);
        for (std::size_t v = 0; v < deformed.size(); v += stride) bounds.add(deformed[v]);
        return bounds;
    }
    if (data.skinned() && data.skin >= 0) {
        auto cached = skinCache.find(data.skin);
        if (cached == skinCache.end()) cached = skinCache.emplace(data.skin, scene.skinMatrices(data.skin)).first;
        const std::vector<glm::mat4>& joints = cached->second;
        const std::size_t stride = std::max<std::size_t>(1, data.positions.size() / kSamples);
        for (std::size_t v = 0; v < data.positions.size(); v += stride) {
            glm::mat4 skinning(0.0f);
            for (int k = 0; k < 4; ++k)
                if (std::size_t(data.joints[v][k]) < joints.size()) skinning += joints[data.joints[v][k]] * data.weights[v][k];
            bounds.add(glm::vec3(skinning * glm::vec4(data.positions[v], 1.0f)));
        }
        return bounds;
    }
    return data.bounds.transformed(scene.nodeWorldMatrices()[std::size_t(instance.node)]);
}

ScreenBox screenBoxOf(const core::Bounds& box, const FrameView& view)
{
    ScreenBox screen;
    if (box.empty()) return screen;
    const glm::mat4 viewProjection = view.projection * view.view;
    screen.min = glm::vec2(1e9f);
    screen.max = glm::vec2(-1e9f);
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec4 world((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                              (corner & 4) ? box.max.z : box.min.z, 1.0f);
        const glm::vec4 clip = viewProjection * world;
        if (clip.w <= 1e-4f) {
            // A corner behind the eye: the box may cover any part of the screen.
            screen.min = glm::vec2(-1.0f);
            screen.max = glm::vec2(1.0f);
            continue;
        }
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        screen.min = glm::min(screen.min, ndc);
        screen.max = glm::max(screen.max, ndc);
    }
    screen.min = glm::clamp(screen.min, glm::vec2(-1.0f), glm::vec2(1.0f));
    screen.max = glm::clamp(screen.max, glm::vec2(-1.0f), glm::vec2(1.0f));
    screen.middleDepthM = -(view.view * glm::vec4(box.center(), 1.0f)).z;
    screen.valid = screen.area() > 0.0f;
    return screen;
}

// Thin structures (tendons, nerves) never hide a belly, and the skin is see-through already.
bool mayFade(content::LayerId layer)
{
    return layer == content::LayerId::Muscle || layer == content::LayerId::Context || layer == content::LayerId::Bone ||
           layer == content::LayerId::Other;
}

} // namespace

std::vector<core::Bounds> posedInstanceBounds(const scene::Scene& scene)
{
    std::vector<core::Bounds> bounds(scene.instances().size());
    std::map<int, std::vector<glm::mat4>> skinCache;
    for (std::size_t i = 0; i < bounds.size(); ++i)
        if (scene.instanceVisible(scene.instances()[i])) bounds[i] = posedBounds(scene, scene.instances()[i], skinCache);
    return bounds;
}

namespace {

// The frame's posed bounds when it measured them, or measured here.
std::span<const core::Bounds> posedOrMeasure(const scene::Scene& scene, std::span<const core::Bounds> posed,
                                             std::vector<core::Bounds>& measured)
{
    if (posed.size() == scene.instances().size()) return posed;
    measured = posedInstanceBounds(scene);
    return measured;
}

} // namespace

std::vector<float> occluderFadeTargets(const scene::Scene& scene, const FrameView& view, std::span<const StructureTint> tints,
                                       std::span<const core::Bounds> posed)
{
    const std::vector<scene::MeshInstance>& instances = scene.instances();
    std::vector<float> targets(instances.size(), 1.0f);
    std::vector<bool> inFocus(scene.structures().size(), false);
    bool anyFocus = false;
    for (std::size_t s = 0; s < inFocus.size(); ++s) inFocus[s] = scene.highlighted(int(s)) || scene.focused(int(s));
    for (const StructureTint& tint : tints)
        if (tint.structure >= 0 && std::size_t(tint.structure) < inFocus.size() && tint.value < 0.0f && tintShows(tint))
            inFocus[std::size_t(tint.structure)] = true;
    std::vector<ScreenBox> focus;
    for (const scene::MeshInstance& instance : instances)
        if (instance.structure >= 0 && inFocus[std::size_t(instance.structure)] && scene.instanceVisible(instance)) anyFocus = true;
    if (!anyFocus) return targets;
    std::vector<core::Bounds> measured;
    const std::span<const core::Bounds> bounds = posedOrMeasure(scene, posed, measured);
    for (std::size_t i = 0; i < instances.size(); ++i) {
        const scene::MeshInstance& instance = instances[i];
        if (instance.structure < 0 || !inFocus[std::size_t(instance.structure)] || !scene.instanceVisible(instance)) continue;
        const ScreenBox box = screenBoxOf(bounds[i], view);
        if (box.valid) focus.push_back(box);
    }
    if (focus.empty()) return targets;
    for (std::size_t i = 0; i < instances.size(); ++i) {
        const scene::MeshInstance& instance = instances[i];
        if (!mayFade(instance.layer) || !scene.instanceVisible(instance)) continue;
        if (instance.structure >= 0 && inFocus[std::size_t(instance.structure)]) continue;
        const ScreenBox box = screenBoxOf(bounds[i], view);
        if (!box.valid) continue;
        for (const ScreenBox& target : focus) {
            // In front: its middle nearer than the focus's middle by more than a centimetre, so
            // a neighbour lying beside a head (not over it) keeps its colour.
            if (box.middleDepthM > target.middleDepthM - 0.01f) continue;
            // Over it: covering a real share of the head's box, or a head lying mostly within it.
            const float shared = box.overlap(target);
            if (shared > 0.12f * target.area() || shared > 0.5f * box.area()) {
                targets[i] = kFadedOpacity;
                break;
            }
        }
    }
    return targets;
}

glm::ivec4 coveredPixels(const scene::Scene& scene, const FrameView& view, std::span<const core::Bounds> posed)
{
    ScreenBox covered;
    covered.min = glm::vec2(1.0f);
    covered.max = glm::vec2(-1.0f);
    auto add = [&](const core::Bounds& bounds) {
        const ScreenBox box = screenBoxOf(bounds, view);
        if (!box.valid) return;
        covered.min = glm::min(covered.min, box.min);
        covered.max = glm::max(covered.max, box.max);
    };
    std::vector<core::Bounds> measured;
    const std::span<const core::Bounds> bounds = posedOrMeasure(scene, posed, measured);
    for (std::size_t i = 0; i < bounds.size(); ++i)
        if (scene.instances()[i].layer != content::LayerId::Skin && !bounds[i].empty()) add(bounds[i]);
    for (const scene::PropInstance& prop : scene.props) {
        // A prop's shape lies within a unit cube around its origin before its transform.
        core::Bounds unit;
        unit.add(glm::vec3(-1.0f));
        unit.add(glm::vec3(1.0f));
        add(unit.transformed(prop.transform));
    }
    if (const scene::PartnerFigure* partner = scene.partner(); partner && !partner->nodeWorld.empty()) {
        core::Bounds around;
        for (const glm::mat4& node : partner->nodeWorld) around.add(glm::vec3(node[3]));
        around.min -= glm::vec3(0.25f);  // nodes are joints: the body reaches past them
        around.max += glm::vec3(0.25f);
        add(around);
    }
    if (covered.max.x <= covered.min.x || covered.max.y <= covered.min.y) return glm::ivec4(0);
    const glm::vec2 size(view.sizePixels);
    // Four pixels and 3 % of the box beyond what the sample saw.
    const glm::vec2 margin = glm::vec2(4.0f) + 0.03f * (covered.max - covered.min) * 0.5f * size;
    const glm::vec2 low = glm::clamp((covered.min * 0.5f + 0.5f) * size - margin, glm::vec2(0.0f), size);
    const glm::vec2 high = glm::clamp((covered.max * 0.5f + 0.5f) * size + margin, glm::vec2(0.0f), size);
    const glm::ivec2 first(glm::floor(low)), end(glm::ceil(high));
    return {first.x, first.y, end.x - first.x, end.y - first.y};
}

} // namespace render
