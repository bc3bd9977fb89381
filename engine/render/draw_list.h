// What a frame draws, worked out from the scene and the view before any GL call: the visible
// instances inside the view, split into opaque ones (near to far, so the depth test skips
// hidden fragments early) and see-through ones (far to near, for blending), each with the look
// of its surface. Reads the scene, never writes it.
#pragma once

#include "render/view.h"
#include "scene/scene.h"

#include <glm/glm.hpp>

#include <span>
#include <vector>

namespace render {

// The tissues mesh.frag shades differently (its uMaterial).
enum class MaterialKind { Plain = 0, Muscle = 1, Tendon = 2, Bone = 3, Skin = 4, Nerve = 5 };

struct SurfaceLook {
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f};  // linear RGB and opacity
    float roughness = 0.6f;
    bool blend = false;
    bool doubleSided = false;
    MaterialKind kind = MaterialKind::Plain;
};
// The model's material of the instance's mesh and the tissue of its layer.
SurfaceLook surfaceLookOf(const scene::Scene& scene, const scene::MeshInstance& instance);

// How a structure is picked out: selected, under the pointer, or named by the lesson step.
struct Highlight {
    float amount = 0.0f;  // 0: not at all
    glm::vec3 color{0.0f};
};
Highlight highlightOf(const scene::Scene& scene, int structure);
// The selection's colour, also that of its outline.
inline constexpr glm::vec3 kSelectedColor{1.0f, 0.78f, 0.25f};

// A colour map of a muscle quantity for one structure, 0..1; negative: natural colour.
struct StructureTint {
    int structure = -1;
    float value = -1.0f;
};

struct DrawItem {
    const scene::MeshInstance* instance = nullptr;
    SurfaceLook look;
    float mapValue = -1.0f;  // the structure's tint; negative: natural colour
    float distanceM = 0.0f;  // from the eye to the centre of the mesh's bounds
};

struct DrawList {
    std::vector<DrawItem> opaque;       // near to far
    std::vector<DrawItem> translucent;  // far to near
};

// Rigid structures entirely outside the view are left out (feet, hands, the head when the
// thighs fill the screen); skinned and deformed meshes move too much to bound cheaply.
DrawList buildDrawList(const scene::Scene& scene, const FrameView& view, std::span<const StructureTint> tints);

} // namespace render
