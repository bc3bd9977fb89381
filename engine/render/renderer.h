// Draws a scene through a view, like an anatomy atlas: studio lighting on materials with
// their own detail (muscle fibres, glossy tendon, grained bone), translucent skin where only
// the nearest surface blends, a floor with soft contact shadows, an outline around the
// selection. Lit in linear light, written display-encoded to an 8-bit target (one encode
// per fragment; a software rasteriser pays dearly for sRGB targets). Reads the scene, never
// writes it.
//
// As in Filament, three parts: GpuResources (gpu_resources.h) holds what lives on the GPU,
// View (view.h) what the frame is seen through, and the Renderer runs the passes that draw
// the frame's DrawList (draw_list.h) with them. The Renderer owns one of each, so the app
// holds a single object.
#pragma once

#include "assets/detail_levels.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/image.h"
#include "gfx/render_target.h"
#include "gfx/shader_library.h"
#include "gfx/texture.h"
#include "render/draw_list.h"
#include "render/gpu_resources.h"
#include "render/view.h"
#include "scene/scene.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace render {

// Every level but high draws the simplified meshes of assets/detail_levels.h, and the close-up's
// box the coarsest ones below high (View::insetDetailLevel, View::fadedDetailLevel).
using assets::DetailLevels;
using assets::simplifyModel;

class Renderer {
public:
    // Loads the shader programs from `shaderFolder`; a missing or broken shader is an error
    // naming its file and line.
    static core::Expected<Renderer> create(const std::filesystem::path& shaderFolder, const RenderOptions& options,
                                          const std::filesystem::path& programCache = {});

    // Uploads the scene's meshes to the GPU (the explicit step after import).
    core::Status upload(const scene::Scene& scene) { return resources_.upload(scene.model()); }
    // Levels of detail made ahead (simplifyModel of the uploaded model); without them each
    // level is simplified the first time a frame can draw it.
    void setDetailLevels(DetailLevels levels) { resources_.setDetailLevels(std::move(levels)); }
    // Re-uploads the vertex positions and normals of meshes the scene deformed this frame.
    void updateDeformedMeshes(const scene::Scene& scene) { resources_.updateDeformedMeshes(scene); }
    // Draws the scene into the offscreen target, resizing it to the view when needed; with
    // `inset`, a second view into a box of the same picture (its own draw list and fades).
    // Where nothing it draws from changed since the last picture it drew (writeFrameKey), that
    // picture is still in its target and is shown again by present() instead: a lesson's
    // hold, or a model nobody turns, costs the overlay and the way to the window, not the scene.
    core::Status render(const scene::Scene& scene, const FrameView& view, const std::vector<StructureTint>& tints = {},
                        const InsetView* inset = nullptr);
    // Whether the last render() kept its previous picture instead of drawing.
    bool keptPicture() const { return kept_; }
    // Off: every render() draws (to compare against, or to time what a moving picture costs).
    void setKeepsPictures(bool keeps) { keepsPictures_ = keeps; }
    // Where each fade is now (the main view's and the close-up's), for a renderer made anew
    // after a lost context to go on from, so the picture comes back as it was.
    struct Fades {
        std::vector<float> main, inset;
    };
    Fades fades() const { return {instanceFade_, insetFade_}; }
    void restoreFades(Fades fades)
    {
        instanceFade_ = std::move(fades.main);
        insetFade_ = std::move(fades.inset);
    }
    // The next frame shows every fade at its end, without easing: for pictures of a moment
    // (exported steps), as the camera's update(60) settles its move.
    void settleFades() { settleFades_ = true; }
    // The next frame leaves every fade where the last one left it, whatever its targets now:
    // for a picture compared pixel for pixel with the one before (what --coverage counts), in
    // which neighbours must not ease toward where they would be for the changed scene.
    void holdFades() { holdFades_ = true; }
    // The next render may show the close-up's last picture once more instead of drawing it
    // (a frame that already pays for drawing the overlay's picture again).
    void holdInsetPicture(bool hold) { holdInset_ = hold; }
    // The overlay's kept picture (premultiplied) and the boxes it covers, with the rest of the
    // window as boxes too (bottom-left origin, framebuffer pixels; gfx::CachedOverlay).
    struct OverlayPicture {
        const gfx::Texture2D& picture;
        std::span<const glm::ivec4> boxes;
        std::span<const glm::ivec4> outside;
    };
    // Copies the rendered scene onto the window's framebuffer (resolving multisampling,
    // smoothing the edges of a full-resolution picture, or stretching the lowest level's
    // smaller one with bilinear filtering). Where the scene is smoothed or stretched, `overlay`
    // is laid over it in the same pass, each window pixel written once, and true is returned;
    // otherwise the caller composites it.
    bool present(glm::ivec2 windowPixels, const OverlayPicture* overlay = nullptr);
    // Blends the overlay's kept picture (premultiplied) over the window inside each scissor
    // box (gfx::CachedOverlay).
    void compositeOverlay(const gfx::Texture2D& picture, std::span<const glm::ivec4> boxes);
    // The last rendered scene without the overlay (before the overlay is drawn when the
    // scene went straight into the window).
    core::Image readScene();

    // Per-pass timing for --bench: each pass waits for the GPU to finish and is timed on the
    // CPU clock. On a software rasteriser this is what the pass costs; on a GPU it removes
    // overlap, so it is only turned on to see where time goes.
    void setPassTiming(bool enabled) { passTiming_ = enabled; }
    // Milliseconds per pass name, one entry per frame rendered with timing on.
    const std::vector<std::pair<std::string, std::vector<double>>>& passTimes() const { return passTimes_; }

    void setQuality(Quality quality);
    Quality quality() const { return view_.quality(); }
    gfx::ShaderLibrary& shaders() { return resources_.shaders(); }
    std::size_t uploadedTriangles() const { return resources_.uploadedTriangles(); }
    // Triangles of every uploaded mesh at the level of detail in use (what a frame can draw).
    std::size_t triangleCountInUse() const { return resources_.triangleCountAt(view_.detailLevel()); }

    GpuResources& resources() { return resources_; }
    const View& view() const { return view_; }

private:
    Renderer(GpuResources resources, const RenderOptions& options) : resources_(std::move(resources)), view_(options) {}

    // The program structures are drawn with at this quality (mesh.frag, or mesh_vertex_lit.frag).
    ProgramSlot<MeshUniforms>& meshProgram();
    int levelOf(const scene::Scene& scene, const DrawItem& item) const;
    void drawOpaque(const scene::Scene& scene, const DrawList& list);
    void drawBackdrop();
    void setBackdropColors(const gfx::ShaderProgram& program, const BackdropUniforms& u);
    // The programs the current level draws with (its mesh lighting, its way to the window).
    std::vector<int> programsOfLevel() const;
    // Binds a variant of present.frag: the scene on unit 0, the overlay's picture on unit 1.
    void usePresent(ProgramSlot<PresentUniforms>& slot);
    void drawFloor(const scene::Scene& scene);
    // Everything a frame's picture is drawn from, as bytes (the view, the scene's poses, layers,
    // highlights and muscle states, the close-up's view, what is on the GPU): two frames with
    // the same key draw the same picture. Whatever a pass reads must be written here too.
    void writeFrameKey(const scene::Scene& scene, const FrameView& frame, const std::vector<StructureTint>& tints,
                       const InsetView* inset, std::span<const float> fadeTargets);
    void drawOutline(const scene::Scene& scene, const DrawList& list);
    // Moves each instance's fade toward its target (occluderFadeTargets), eased over a few
    // tenths of a second; the first frame, or a changed model, takes the targets at once.
    void easeFades(std::vector<float>& fades, const std::vector<float>& targets, double elapsedS) const;
    // The inset's passes, into its box of the target the frame is drawn in.
    // Returns whether the box holds a picture of this frame's inputs: drawn now, with its fades
    // at rest (not the cached one from the frame before, nor fades still easing).
    bool drawInset(const scene::Scene& scene, const InsetView& inset, const std::vector<StructureTint>& tints,
                   const gfx::RenderTarget* target, double fadeElapsedS);
    // The muscle state (colours, cramp ripple) of an item on a program using mesh.vert.
    void setMuscleState(const gfx::ShaderProgram& program, const MeshUniforms& uniforms, const scene::Scene& scene,
                        const DrawItem& item);
    void drawTranslucent(const scene::Scene& scene, const DrawList& list);
    void drawProps(const scene::Scene& scene);
    // The partner opaque (with the opaque structures), or see-through (after the translucent ones).
    void drawPartner(const scene::Scene& scene, float opacity);
    // Sets where the instance is (model matrix or skin) on a program using mesh.vert.
    void bindGeometry(const gfx::ShaderProgram& program, const MeshUniforms& uniforms, const scene::Scene& scene,
                      const scene::MeshInstance& instance);
    void drawInstance(const scene::Scene& scene, const DrawItem& item, float opacity);
    void drawDepthOnly(const scene::Scene& scene, const DrawItem& item);
    void markPass(const char* name);

    GpuResources resources_;
    View view_;
    glm::ivec2 lastSize_{1};
    bool passTiming_ = false;
    core::Stopwatch passClock_;
    std::vector<std::pair<std::string, std::vector<double>>> passTimes_;
    std::vector<float> instanceFade_;  // per scene instance: opacity factor now (1: not faded)
    std::vector<float> insetFade_;     // the same for the inset's view
    // The inset's last picture (View::cachesInset), the box it was drawn in (target pixels,
    // from the bottom left), and the seconds of fading since its fades last moved.
    struct InsetCache {
        std::optional<gfx::RenderTarget> picture;
        glm::ivec4 box{0};
        bool fresh = false;      // a picture of this box that may be shown again
        int shownAgain = 0;      // frames it has been shown since it was drawn
        double fadeElapsedS = 0.0;
    } insetCache_;
    bool holdInset_ = false;     // this frame may show the inset's picture a second time
    core::Stopwatch fadeClock_;
    bool settleFades_ = false;
    bool holdFades_ = false;
    int meshLevel_ = 0;            // the level of detail of the view being drawn
    float partnerOpacity_ = 1.0f;  // the view being drawn: see InsetView::wholePose
    std::vector<core::Bounds> posed_;  // this frame's posedInstanceBounds
    // Where this frame's edge smoothing runs, in boxes that do not overlap: the structures'
    // (coveredPixels) and the close-up's; and the same for the shown target's frame, when
    // pipelined.
    std::vector<glm::ivec4> smoothBoxes_, shownSmoothBoxes_;
    // The part of each pipelined picture that was drawn (shownPartOfTarget); the rest was left clear.
    glm::ivec4 drawnPart_{0}, shownPart_{0};
    // Keeping the last picture: this frame's key and the key of the last picture drawn, whether
    // that picture is all of its key (its close-up drawn fresh and settled), and where it is.
    std::vector<std::byte> frameKey_, keptKey_;
    bool keptComplete_ = false;
    bool keepsPictures_ = true;
    bool kept_ = false;
    bool latestInShown_ = false;  // pipelined: the last picture drawn is in the shown target
};

} // namespace render
