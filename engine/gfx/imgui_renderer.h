// Draws Dear ImGui's output: its triangles through a program of the shader folder (kept in
// the program cache like the renderer's, so a start-up compiles no GLSL at all), with the font
// atlas as a one-channel texture. Every texture it draws is read as that one channel of
// coverage: ImGui::Image with a colour picture would need a second program.
#pragma once

#include "core/error.h"
#include "gfx/render_target.h"

#include <glm/vec4.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <vector>

struct ImDrawData;
struct ImDrawList;

namespace gfx {

// Starts the renderer on the current ImGui context; a shader that does not build is reported
// with its file and line.
core::Status initImGuiRenderer(const std::filesystem::path& shaderFolder, const std::filesystem::path& programCache = {});
void shutdownImGuiRenderer();
void newImGuiRendererFrame();
// Draws the overlay.
void renderImGui(ImDrawData* drawData);
// Draws the overlay only inside `limits` (boxes, x and y from the bottom left): nothing when
// there are none.
void renderImGuiWithin(ImDrawData* drawData, std::span<const glm::ivec4> limits);
// Rebuilds the font texture after the font atlas changed (new size or font). Once it is a
// texture the atlas keeps neither its pixels nor its font files: fonts are added again
// (ui::loadFonts) before a rebuild.
void rebuildImGuiFonts();

// The overlay kept as a picture while it does not change. Most frames the panels are exactly
// as they were (nothing hovered, no number moving), and a software rasteriser spends about
// 4 ms at 1280x720 drawing their text again; blending the kept picture over the window, only
// where the panels are, costs a fraction of that. A frame whose draw data differs draws it
// into the picture again; an overlay that changes frame after frame (a live plot) is drawn
// straight into the window instead, so it never costs more than before. A change within a
// small part of the window (labels that follow the model, a hold timer's bar) draws only that
// part of the picture again: the boxes of every ImGui window whose draw list changed, before
// and after the change.
class CachedOverlay {
public:
    enum class Path { Kept, Patched, Redrawn, Direct };
    // At most this share of the window is drawn again in a patch; a larger change is drawn
    // whole (or straight into the window).
    static constexpr double kPatchShare = 0.25;
    // Blends the premultiplied picture over the window inside each scissor box (bottom-left
    // origin, in framebuffer pixels).
    using Composite = std::function<void(const Texture2D& picture, std::span<const glm::ivec4> boxes)>;

    // Decides how this frame's overlay reaches the window, and draws the picture again when
    // the overlay changed; Kept, Patched and Redrawn leave the picture and its boxes to lay
    // over the window, Direct leaves the overlay to draw straight into it.
    Path prepare(ImDrawData& drawData, glm::ivec2 framebuffer);
    // prepare, then the overlay on the window: `composite` lays the picture, or it is drawn.
    Path draw(ImDrawData& drawData, glm::ivec2 framebuffer, const Composite& composite);
    // After Kept, Patched or Redrawn: the picture, the boxes it covers and the rest of the
    // window.
    const Texture2D& picture() const { return picture_->colorTexture(); }
    std::span<const glm::ivec4> outside() const { return outside_; }
    // The picture no longer matches the draw data (new fonts, a rebuilt context).
    void invalidate() { valid_ = false; }
    // Lets go of the GL objects, before the context they belong to goes.
    void release();
    std::span<const glm::ivec4> boxes() const { return boxes_; }
    // After Patched: the parts of the picture drawn again.
    std::span<const glm::ivec4> patched() const { return patched_; }

private:
    // One ImGui window's draw list as it was drawn: its bytes, and the boxes its commands can
    // touch (x0, y0, x1, y1 from the top left, framebuffer pixels).
    struct ListSnapshot {
        std::vector<unsigned char> bytes;
        std::vector<glm::ivec4> reach;
    };
    std::vector<unsigned char> header_, scratchHeader_;
    std::vector<ListSnapshot> lists_, scratchLists_;
    std::vector<glm::ivec4> boxes_, outside_, patched_;
    std::optional<RenderTarget> picture_;
    bool valid_ = false;
    bool drawnBefore_ = false;
    int changedRun_ = 0;
};

// What the draw data draws, as bytes: two frames with equal bytes look the same.
void snapshotDrawData(const ImDrawData& drawData, std::vector<unsigned char>& bytes);
// The same for the draw data's frame (its size and scale) and for one of its draw lists.
void snapshotDrawFrame(const ImDrawData& drawData, std::vector<unsigned char>& bytes);
void snapshotDrawList(const ImDrawList& list, std::vector<unsigned char>& bytes);
// Boxes that hold every pixel the draw data can touch (each command's vertices within its
// clip rectangle), merged until none overlap; bottom-left origin, framebuffer pixels.
std::vector<glm::ivec4> drawDataCoverage(const ImDrawData& drawData, glm::ivec2 framebuffer);
// The rest of the framebuffer as boxes, given boxes that do not overlap (same convention).
std::vector<glm::ivec4> boxesOutside(std::span<const glm::ivec4> boxes, glm::ivec2 framebuffer);

} // namespace gfx
