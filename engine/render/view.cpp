#include "render/view.h"

#include "assets/detail_levels.h"
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

glm::ivec4 shownPartOfTarget(const FrameView& frame, glm::ivec2 targetSize)
{
    const glm::ivec4 whole{0, 0, targetSize.x, targetSize.y};
    const glm::ivec4& shown = frame.shownPixels;
    if (shown.z <= 0 || shown.w <= 0) return whole;
    const glm::vec2 scale = glm::vec2(targetSize) / glm::vec2(glm::max(frame.sizePixels, glm::ivec2(1)));
    // A margin of a few pixels past the edge: the edge smoothing reads the pixels next to
    // each one, and the lowest level's stretch filters across one.
    constexpr int kMargin = 4;
    const glm::ivec2 low = glm::ivec2(glm::floor(glm::vec2(shown.x, shown.y) * scale)) - kMargin;
    const glm::ivec2 high = glm::ivec2(glm::ceil(glm::vec2(shown.x + shown.z, shown.y + shown.w) * scale)) + kMargin;
    const glm::ivec2 clampedLow = glm::clamp(low, glm::ivec2(0), targetSize);
    const glm::ivec2 clampedHigh = glm::clamp(high, clampedLow, targetSize);
    return {clampedLow, clampedHigh - clampedLow};
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

int View::insetDetailLevel() const
{
    return options_.quality == Quality::High ? 2 : assets::kCoarsestDetailLevel;
}

int View::fadedDetailLevel() const
{
    return vertexLighting() ? assets::kCoarsestDetailLevel : detailLevel();
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
