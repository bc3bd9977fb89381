// What a frame is drawn through, as Filament's View: the camera's matrices and the viewport
// (FrameView), and the quality level, which decides the resolution the scene is drawn at,
// multisampling, the level of detail and where the lighting is worked out.
#pragma once

#include "gfx/render_target.h"
#include "scene/camera.h"

#include <glm/glm.hpp>

#include <optional>
#include <string_view>

namespace render {

struct FrameView {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 eye{0.0f};
    glm::ivec2 sizePixels{1, 1};
    // The part of the window that shows the scene (x, y from the bottom left, width, height, in
    // window pixels, as sizePixels): opaque panels hide the rest, which is left clear. Zero
    // width or height: all of it.
    glm::ivec4 shownPixels{0};
};

// `frame`'s shown part in a target of `targetSize` (the lowest level draws smaller), rounded
// outward to whole pixels; the whole target when all of it shows.
glm::ivec4 shownPartOfTarget(const FrameView& frame, glm::ivec2 targetSize);

// What a camera sees in an image of the given size.
FrameView frameViewFrom(const scene::OrbitCamera& camera, glm::ivec2 sizePixels);

// A picture in picture: a second camera's view drawn into a box of the same frame (the
// whole pose beside the close-up of the working hamstrings), inside a thin border.
struct InsetView {
    FrameView frame;                   // its sizePixels is the box's size
    glm::ivec2 topLeftPixels{0};       // the box's corner in window pixels, origin top left
    int borderPixels = 2;              // drawn outside the box
    glm::vec3 borderColor{0.62f, 0.66f, 0.72f};  // display sRGB: a quiet frame, apart from the highlight colours
    // The box shows the whole pose, the main view the working heads close up: there the
    // partner figure, whose hands and stance the box shows, is drawn as a faint ghost so it
    // does not fill the close-up (it stands near the camera that follows the raised leg).
    bool wholePose = false;
};

// What a frame costs, from most to least: 4x multisampling at full detail; simplified meshes
// (45% of the triangles) lit per pixel at full resolution with edges smoothed after drawing
// (common/edge_smoothing.glsl); 10% of the triangles lit per vertex at full resolution, edges smoothed; the
// same at 55% resolution, stretched to the window with bilinear filtering.
enum class Quality { High, Medium, Low, Lowest };
// The level with what it does, for logs and --bench.
std::string_view qualityName(Quality quality);

struct RenderOptions {
    Quality quality = Quality::High;
    int maxSamples = 4;          // what the driver offers
    // The levels lit per vertex show the scene one frame late, so a software rasteriser draws
    // this frame's scene while the overlay goes on the window (reading a target waits for it
    // to finish).
    // Off for images that must show this very frame (tests, exported lessons).
    bool pipelined = false;
};

class View {
public:
    explicit View(const RenderOptions& options = {}) : options_(options) {}

    void setFrame(const FrameView& frame) { frame_ = frame; }
    const FrameView& frame() const { return frame_; }

    void setQuality(Quality quality) { options_.quality = quality; }
    Quality quality() const { return options_.quality; }

    // Which simplified meshes are drawn (assets/detail_levels.h): 0 at high, 1 medium, 2 low
    // and lowest.
    int detailLevel() const;
    // The close-up's whole-pose box (InsetView) draws a whole body a few hundred pixels tall:
    // the coarsest meshes below high, where a software rasteriser pays for every triangle
    // however few pixels it covers; 10% of the triangles at high.
    int insetDetailLevel() const;
    // A structure faded out of the way of the heads to at most kCoarseFade of its opacity
    // (draw_list.h): the coarsest meshes at the levels lit per vertex, its own level above.
    int fadedDetailLevel() const;
    // Low and lowest: lit per vertex.
    bool vertexLighting() const { return options_.quality == Quality::Low || options_.quality == Quality::Lowest; }
    // A see-through layer (the skin, X-ray) lays down its nearest depth before it blends, so
    // only its front shows (the skin of the far leg does not thicken the near one's over the
    // muscles); the lowest level blends every front face in one pass. Structures faded out of
    // the way blend in one pass at every level (Renderer::drawTranslucent).
    bool depthPrepass() const { return options_.quality != Quality::Lowest; }
    // Medium and low: the finished full-resolution picture goes to the window through the
    // edge-smoothing pass.
    bool smoothsEdges() const { return options_.quality == Quality::Medium || options_.quality == Quality::Low; }
    // Medium and low: the scene's background is left clear and the backdrop laid under it on
    // the way to the window (common/backdrop.glsl), instead of a pass of its own. The lowest
    // level draws it in its smaller picture, which costs less than laying it under every pixel
    // of the window.
    bool backdropAtPresent() const { return smoothsEdges(); }
    // The offscreen target the scene is drawn into for a window of this size: the window's
    // size with 4 samples at high, its size at medium and low (smoothed on the way to the
    // window), 55% of it at lowest.
    std::optional<gfx::RenderTargetDesc> sceneTarget(glm::ivec2 windowPixels) const;
    // A running app (pipelined) redraws a picture in picture every other frame and shows its
    // last picture between; images of one moment draw it every time.
    bool cachesInset() const { return options_.pipelined; }
    // Lit per vertex and pipelined: last frame's finished scene is shown while this frame's is
    // drawn.
    bool showsPreviousFrame() const { return options_.pipelined && vertexLighting(); }

private:
    RenderOptions options_;
    FrameView frame_;
};

} // namespace render
