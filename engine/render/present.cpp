// Renderer's last step: the finished scene brought to the window (present.frag's variants,
// each scissored to its part of the window), the overlay's picture laid over it, and the
// scene read back with its backdrop.
#include "render/renderer.h"

#include "gfx/context.h"
#include "gfx/pixel_rects.h"
#include "gfx/render_state.h"

namespace render {
namespace {

// A full-screen triangle over the window: no depth, no culling.
gfx::RenderState screenPass()
{
    gfx::RenderState state;
    state.depthTest = false;
    state.depthWrite = false;
    state.cull = gfx::CullMode::None;
    return state;
}

} // namespace

void Renderer::usePresent(ProgramSlot<PresentUniforms>& slot)
{
    const gfx::ShaderProgram& program = resources_.use(slot);
    program.set(slot.uniforms.scene, 0);
    program.set(slot.uniforms.overlay, 1);
    setBackdropColors(program, slot.uniforms.backdrop);
}

bool Renderer::present(glm::ivec2 windowPixels, const OverlayPicture* overlay)
{
    bool overlaid = false;
    if (passTiming_) {  // the overlay was built since the scene's last pass
        gfx::finish();
        passClock_.restart();
    }
    // Drawn straight into the window already, or copied now (resolved, smoothed, or filtered
    // when scaled up).
    SceneTargets& targets = resources_.sceneTargets();
    if (targets.drawn && targets.drawn->samples() == 0 && (targets.drawn->size() != windowPixels || view_.backdropAtPresent())) {
        // Full-screen triangles, each scissored to its part of the window: the lowest level's
        // smaller image stretched with bilinear filtering, or a full-resolution one copied
        // with its edges smoothed where the structures lie. Pipelined, it shows last frame's
        // scene, which is finished, and keeps this frame's for the next.
        // A pipelined picture drawn while a panel hid part of the window shows that part
        // clear: once the panel has gone, this frame's own picture is shown instead (waiting
        // for it to finish), and shown once more by the next frame, as at the start.
        // A kept picture is the last one drawn, wherever it is: not one of those that came before.
        const bool showsShown = targets.shown && targets.shownHasFrame &&
                                (kept_ ? latestInShown_ : gfx::rectAnd(drawnPart_, shownPart_) == drawnPart_);
        const gfx::RenderTarget& source = showsShown ? *targets.shown : *targets.drawn;
        const bool smoothing = view_.smoothsEdges() && source.size() == windowPixels;
        const std::vector<glm::ivec4> noBoxes;
        const std::vector<glm::ivec4>& boxes = smoothing ? (showsShown ? shownSmoothBoxes_ : smoothBoxes_) : noBoxes;
        // The overlay's panels are laid over the scene in the same pass; the rest of the
        // window (or all of it, without an overlay) shows the scene alone.
        const bool laying = overlay && overlay->picture.size() == windowPixels;
        const glm::ivec4 whole{0, 0, windowPixels.x, windowPixels.y};
        // Where a solid panel hides the scene (FrameView::shownPixels), only the panel's
        // picture is copied: the scene was not drawn there.
        std::vector<glm::ivec4> panels, solid;
        if (laying) {
            const glm::ivec4& shownBox = view_.frame().shownPixels;
            const bool hidesPart = shownBox.z > 0 && shownBox.w > 0 && shownBox != whole;
            for (const glm::ivec4& box : overlay->boxes) {
                if (!hidesPart) {
                    panels.push_back(box);
                    continue;
                }
                if (const glm::ivec4 part = gfx::rectAnd(box, shownBox); part.z > 0 && part.w > 0) panels.push_back(part);
                for (const glm::ivec4& part : gfx::rectMinus(box, shownBox)) solid.push_back(part);
            }
        }
        const std::span<const glm::ivec4> rest = laying ? overlay->outside : std::span<const glm::ivec4>(&whole, 1);
        gfx::beginPass(nullptr, windowPixels, {});
        gfx::RenderState boxed = screenPass();
        boxed.scissorTest = true;
        gfx::applyRenderState(boxed);
        source.colorTexture().bind(0);
        if (laying) overlay->picture.bind(1);
        auto drawIn = [&](const glm::ivec4& rect) {
            if (rect.z <= 0 || rect.w <= 0) return;
            gfx::setScissor(rect);
            resources_.fullScreen().draw(gfx::Primitive::Triangles, 3);
        };
        // Each part split by the smoothing boxes: copied or stretched outside them, smoothed
        // in them.
        auto drawOutsideBoxes = [&](std::span<const glm::ivec4> parts) {
            std::vector<glm::ivec4> outside(parts.begin(), parts.end());
            for (const glm::ivec4& box : boxes) outside = gfx::rectsMinus(outside, box);
            for (const glm::ivec4& rect : outside) drawIn(rect);
        };
        auto drawInsideBoxes = [&](std::span<const glm::ivec4> parts) {
            for (const glm::ivec4& part : parts)
                for (const glm::ivec4& box : boxes) drawIn(gfx::rectAnd(part, box));
        };
        Programs& programs = resources_.programs();
        const bool stretched = source.size() != windowPixels;
        usePresent(stretched ? programs.stretch : programs.copy);
        drawOutsideBoxes(rest);
        if (laying) {
            usePresent(stretched ? programs.stretchOverlay : programs.copyOverlay);
            drawOutsideBoxes(panels);
        }
        if (!boxes.empty()) {
            usePresent(programs.smooth);
            drawInsideBoxes(rest);
            if (laying) {
                usePresent(programs.smoothOverlay);
                drawInsideBoxes(panels);
            }
        }
        if (!solid.empty()) {
            const gfx::ShaderProgram& program = resources_.use(programs.overlay);
            program.set(programs.overlay.uniforms.overlay, 1);
            for (const glm::ivec4& rect : solid) drawIn(rect);
        }
        if (laying) source.colorTexture().bind(0);  // leaves unit 0 active, as every other draw expects
        overlaid = laying;
        gfx::applyRenderState(gfx::RenderState{});
        // The picture drawn last goes to the shown target, for the next frame to show (or to show
        // again); a kept one already there stays. The last picture drawn moves with its target.
        if (targets.shown && !(kept_ && latestInShown_)) {
            std::swap(targets.drawn, targets.shown);
            targets.shownHasFrame = true;
            std::swap(smoothBoxes_, shownSmoothBoxes_);
            std::swap(drawnPart_, shownPart_);
            latestInShown_ = !latestInShown_;
        }
    } else if (targets.drawn) {
        gfx::blitToDefault(*targets.drawn, windowPixels);
    }
    markPass("present");
    return overlaid;
}

void Renderer::compositeOverlay(const gfx::Texture2D& picture, std::span<const glm::ivec4> boxes)
{
    gfx::RenderState state = screenPass();
    state.blend = gfx::BlendMode::PremultipliedAlpha;
    state.scissorTest = true;
    gfx::applyRenderState(state);
    const gfx::ShaderProgram& program = resources_.use(resources_.programs().overlay);
    picture.bind(0);
    program.set(resources_.programs().overlay.uniforms.overlay, 0);
    for (const glm::ivec4& box : boxes) {
        gfx::setScissor(box);
        resources_.fullScreen().draw(gfx::Primitive::Triangles, 3);
    }
    gfx::applyRenderState(gfx::RenderState{});
}

core::Image Renderer::readScene()
{
    const SceneTargets& targets = resources_.sceneTargets();
    if (!targets.drawn) return gfx::readPixels(nullptr, lastSize_);
    // The drawn target holds the picture just drawn; once it is presented pipelined the two
    // targets swap, and it holds the one before. A kept picture is read where it lies: in the
    // shown target once presented pipelined.
    const gfx::RenderTarget& source = kept_ && latestInShown_ && targets.shown ? *targets.shown : *targets.drawn;
    if (!view_.backdropAtPresent() || source.samples() != 0) return gfx::readPixels(&source, source.size());
    // The backdrop is not in the target yet: the scene laid over it in a picture of its own.
    auto picture = gfx::RenderTarget::create({source.size(), 0, gfx::TextureFormat::RGBA8, false, "scene with backdrop"});
    if (!picture) return gfx::readPixels(&source, source.size());
    gfx::beginPass(&*picture, picture->size(), {});
    gfx::applyRenderState(screenPass());
    source.colorTexture().bind(0);
    usePresent(resources_.programs().copy);
    resources_.fullScreen().draw(gfx::Primitive::Triangles, 3);
    gfx::applyRenderState(gfx::RenderState{});
    return gfx::readPixels(&*picture, picture->size());
}

} // namespace render
