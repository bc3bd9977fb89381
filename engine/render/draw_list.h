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
// Drawn as an outline around the structure and a rim light along its silhouette, never as a
// tint of its surface, so the colour of its state (cramp, contraction, stretch) stays true.
struct Highlight {
    float amount = 0.0f;  // 0: not at all; scales the rim light
    glm::vec3 color{0.0f};
    float outlinePixels = 0.0f;  // width of the outline at 720 lines; 0: none
};
Highlight highlightOf(const scene::Scene& scene, int structure);
// The selection's colour, also that of its outline.
inline constexpr glm::vec3 kSelectedColor{1.0f, 0.78f, 0.25f};
// The lesson's highlight: near white with a little green, apart from the warm (activation,
// cramp) and blue (stretch) state hues and from the gold selection, for every colour vision.
inline constexpr glm::vec3 kLessonColor{0.82f, 1.0f, 0.9f};

// What one muscle structure shows this frame: the physiology colour map, or else the colours
// of its state from the simulation (all 0..1).
struct StructureTint {
    int structure = -1;
    float value = -1.0f;      // colour map value; negative: no map, the state colours apply
    float activation = 0.0f;  // voluntary contraction: a warm hue
    float cramp = 0.0f;       // involuntary (cramp) activation: warm pulsing glow and fasciculation
    float stretch = 0.0f;     // passive tension of a stretch: blue bands along the fibres
};
// Whether a tint shows anything beyond natural colour (a map, or a state past a faint trace).
bool tintShows(const StructureTint& tint);

struct DrawItem {
    const scene::MeshInstance* instance = nullptr;
    SurfaceLook look;
    float mapValue = -1.0f;  // the structure's tint; negative: natural colour
    float distanceM = 0.0f;  // from the eye to the centre of the mesh's bounds
    StructureTint state;     // activation, cramp and stretch of its muscle (zero for the rest)
    float fade = 1.0f;       // opacity factor: below 1 while it hides a structure in focus
};

struct DrawList {
    std::vector<DrawItem> opaque;       // near to far
    std::vector<DrawItem> translucent;  // far to near
};

// Rigid structures entirely outside the view are left out (feet, hands, the head when the
// thighs fill the screen). Skinned and deformed meshes move too much to bound from their rest
// shape: with `posed` (posedInstanceBounds of this frame) those wholly outside the view are left
// out too (most of the body, in a close-up), else all are kept.
// `instanceFade`, per scene instance when given, multiplies each one's opacity (see
// occluderFadeTargets); a faded instance is drawn with the see-through ones.
DrawList buildDrawList(const scene::Scene& scene, const FrameView& view, std::span<const StructureTint> tints,
                       std::span<const float> instanceFade = {}, std::span<const core::Bounds> posed = {});

// Whether a drawn structure is see-through by its layer's opacity or its material (the skin,
// X-ray, a layer turned down), not only because it is faded out of the way.
bool seeThroughItself(const scene::Scene& scene, const DrawItem& item);

// How far a structure that hides the focus fades: enough to see the heads through it, enough
// left to see where it lies.
inline constexpr float kFadedOpacity = 0.2f;
// Faded to this share of its opacity or less, a structure is a faint shadow around the heads:
// below medium it is drawn with the coarsest meshes (View::fadedDetailLevel), where a software
// rasteriser pays for every triangle (measured in the seated stretch at low, interleaved runs:
// its translucent pass 4.6-5.3 ms against 5.6-6.5, the picture within 30/255 in 1.5 % of its
// pixels).
inline constexpr float kCoarseFade = 0.35f;

// The opacity each scene instance should have so that nothing hides the structures in focus:
// those the lesson highlights and the muscles whose state shows (cramp, contraction, stretch).
// An instance fades when, on screen, its bounds overlap a focus structure's and it lies nearer
// the eye than that structure's middle. Skin (see-through already) and the focus itself stay;
// what layers or isolate hid is not considered at all. 1 for every instance when no focus.
std::vector<float> occluderFadeTargets(const scene::Scene& scene, const FrameView& view, std::span<const StructureTint> tints,
                                       std::span<const core::Bounds> posed = {});

// World bounds of every scene instance as posed now, in instance order (empty for hidden
// ones), measured on a sample of each posed mesh's vertices. They do not depend on the view,
// so a frame measures them once and hands them to the functions here that take `posed`
// (which measure for themselves when given none).
std::vector<core::Bounds> posedInstanceBounds(const scene::Scene& scene);

// The part of the picture the visible structures under the skin, the props and the partner
// cover, in pixels from the bottom left (x, y, width, height), measured on a sample of each
// posed mesh's vertices and widened by a margin for what the sample misses; empty when nothing
// is in view. Where the edge smoothing has work to do: the skin's faint, translucent outline is
// left as drawn (a close-up of a lesson, where the body fills the window, spent 3 ms of a
// software rasteriser's frame smoothing around it).
glm::ivec4 coveredPixels(const scene::Scene& scene, const FrameView& view, std::span<const core::Bounds> posed = {});

} // namespace render
