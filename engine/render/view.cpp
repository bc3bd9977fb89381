#include "render/view.h"

#include "core/enum_names.h"

#include <algorithm>

namespace render {
namespace {

constexpr auto kQualityNames = core::enumNames<Quality>({
    {Quality::High, "high (4x MSAA)"},
    {Quality::Medium, "medium (full resolution, edges smoothed after drawing, simplified meshes)"},
    {Quality::Low, "low (full resolution, coarser meshes lit per vertex, edges smoothed after drawing)"},
    {Quality::Lowest, "lowest (55% resolution stretched to the window, coarser meshes, lit per vertex)"},
});

} // namespace

std::string_view qualityName(Quality quality)
{
    return kQualityNames.name(quality);
}

FrameView frameViewFrom(const scene::OrbitCamera& camera, glm::ivec2 sizePixels)
{
    FrameView view;
    view.sizePixels = sizePixels;
    view.view = camera.viewMatrix();
    view.projection = camera.projectionMatrix(float(sizePixels.x) / float(std::max(sizePixels.y, 1)));
    view.eye = camera.position();
    return view;
}

int View::detailLevel() const
{
    switch (options_.quality) {
    case Quality::High: return 0;
    case Quality::Medium: return 1;
    case Quality::Low:
    case Quality::Lowest: return 2;
    }
    return 0;
}

std::optional<gfx::RenderTargetDesc> View::sceneTarget(glm::ivec2 windowPixels) const
{
    gfx::RenderTargetDesc desc;
    const float scale = options_.quality == Quality::Lowest ? 0.55f : 1.0f;
    desc.size = glm::max(glm::ivec2(glm::vec2(windowPixels) * scale), glm::ivec2(1));
    desc.samples = options_.quality == Quality::High ? std::min(4, options_.maxSamples) : 0;
    desc.colorFormat = gfx::TextureFormat::RGBA8;
    desc.label = "scene";
    return desc;
}

} // namespace render
