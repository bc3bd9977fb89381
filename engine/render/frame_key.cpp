// Renderer::writeFrameKey: everything a frame's picture is drawn from, as bytes, so that
// render() can tell a frame that would draw the last picture again (renderer.h).
#include "render/renderer.h"

#include <cmath>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

namespace render {
namespace {

// Appends values to a frame key as their bytes. Only types without padding go in (numbers,
// glm's vectors and matrices), so equal values give equal bytes.
class KeyWriter {
public:
    explicit KeyWriter(std::vector<std::byte>& bytes) : bytes_(bytes) { bytes_.clear(); }

    template <class T>
    void add(const T& value)
    {
        static_assert(std::is_arithmetic_v<T> || std::is_same_v<T, glm::ivec2> || std::is_same_v<T, glm::ivec4> ||
                          std::is_same_v<T, glm::vec3> || std::is_same_v<T, glm::vec4> || std::is_same_v<T, glm::mat4>,
                      "only values without padding bytes");
        const auto* first = reinterpret_cast<const std::byte*>(&value);
        bytes_.insert(bytes_.end(), first, first + sizeof(T));
    }
    template <class T>
    void addAll(std::span<const T> values)
    {
        add(values.size());
        for (const T& value : values) add(value);
    }
    void add(bool value) { add(std::uint8_t(value ? 1 : 0)); }
    void add(const FrameView& frame)
    {
        add(frame.view);
        add(frame.projection);
        add(frame.eye);
        add(frame.sizePixels);
        add(frame.shownPixels);
    }

private:
    std::vector<std::byte>& bytes_;
};

} // namespace

void Renderer::writeFrameKey(const scene::Scene& scene, const FrameView& frame, const std::vector<StructureTint>& tints,
                             const InsetView* inset, std::span<const float> fadeTargets)
{
    KeyWriter key(frameKey_);
    // The view, the level and what is on the GPU (meshes, their deformed shapes, targets,
    // programs rebuilt by a hot reload).
    key.add(frame);
    key.add(int(view_.quality()));
    key.add(resources_.revision());
    key.add(resources_.shaders().latestBuildSerial());
    // Where everything is: the body's nodes (skins follow them), the partner's, the props, and
    // the skeleton the floor's shadows are cast from (its segments' origins).
    key.addAll(std::span<const glm::mat4>(scene.nodeWorldMatrices()));
    const scene::PartnerFigure* partner = scene.partner();
    key.add(partner != nullptr);
    if (partner) key.addAll(std::span<const glm::mat4>(partner->nodeWorld));
    key.add(scene.props.size());
    for (const scene::PropInstance& prop : scene.props) {
        key.add(int(prop.shape));
        key.add(prop.transform);
        key.add(prop.colour);
    }
    key.add(scene.hasBody());
    if (scene.hasBody())
        for (int segment = 0; segment < int(anatomy::Segment::Count); ++segment)
            key.add(glm::vec3(scene.skeleton().origin(anatomy::Segment(segment))));
    // What shows and how: layers, hidden and highlighted structures, the selection and the
    // pointer's, the fades (eased and where they are going) and each muscle's state. Time moves
    // the picture only through a cramp's throb and ripple (muscle_state.glsl).
    for (const content::LayerSettings& layer : scene.layers()) {
        key.add(layer.visible);
        key.add(layer.opacity);
    }
    key.add(scene.selectedStructure);
    key.add(scene.hoveredStructure);
    for (int s = 0; s < int(scene.structures().size()); ++s) {
        key.add(scene.structureHidden(s));
        key.add(scene.highlighted(s));
        key.add(scene.focused(s));
    }
    key.addAll(std::span<const float>(instanceFade_));
    key.addAll(fadeTargets);
    bool cramp = false;
    key.add(tints.size());
    for (const StructureTint& tint : tints) {
        key.add(tint.structure);
        key.add(tint.value);
        key.add(tint.activation);
        key.add(tint.cramp);
        key.add(tint.stretch);
        cramp = cramp || tint.cramp > 0.0f;
    }
    if (cramp) key.add(float(std::fmod(scene.timeSeconds(), 3600.0)));
    // The close-up's box.
    key.add(inset != nullptr);
    if (inset) {
        key.add(inset->frame);
        key.add(inset->topLeftPixels);
        key.add(inset->borderPixels);
        key.add(inset->borderColor);
        key.add(inset->wholePose);
    }
}

} // namespace render
