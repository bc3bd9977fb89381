#include "render/renderer.h"

#include "gfx/context.h"
#include "gfx/pixel_rects.h"
#include "gfx/render_state.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace render {
namespace {

constexpr glm::vec3 kBackdropTop{0.20f, 0.22f, 0.26f};     // display sRGB
constexpr glm::vec3 kBackdropBottom{0.07f, 0.075f, 0.085f};
constexpr glm::vec3 kFloorColor{0.17f, 0.175f, 0.19f};
constexpr float kPartnerGhostOpacity = 0.22f;  // as faint as the skin over the body, a little less

// Capsules along the skeleton's segments, for the floor's contact shadows.
struct Capsule {
    anatomy::Segment from;
    anatomy::Segment to;
    float radiusM;
};

constexpr Capsule kCapsules[] = {
    {anatomy::Segment::FemurR, anatomy::Segment::TibiaR, 0.075f}, {anatomy::Segment::FemurL, anatomy::Segment::TibiaL, 0.075f},
    {anatomy::Segment::TibiaR, anatomy::Segment::TalusR, 0.055f}, {anatomy::Segment::TibiaL, anatomy::Segment::TalusL, 0.055f},
    {anatomy::Segment::CalcnR, anatomy::Segment::ToesR, 0.040f},  {anatomy::Segment::CalcnL, anatomy::Segment::ToesL, 0.040f},
    {anatomy::Segment::Pelvis, anatomy::Segment::Abdomen, 0.130f}, {anatomy::Segment::Abdomen, anatomy::Segment::Neck, 0.140f},
    {anatomy::Segment::Neck, anatomy::Segment::Head, 0.090f},     {anatomy::Segment::HumerusR, anatomy::Segment::ForearmR, 0.050f},
    {anatomy::Segment::HumerusL, anatomy::Segment::ForearmL, 0.050f}, {anatomy::Segment::ForearmR, anatomy::Segment::HandR, 0.042f},
    {anatomy::Segment::ForearmL, anatomy::Segment::HandL, 0.042f},
};

} // namespace

core::Expected<Renderer> Renderer::create(const std::filesystem::path& shaderFolder, const RenderOptions& options,
                                          const std::filesystem::path& programCache)
{
    auto resources = GpuResources::create(shaderFolder, programCache);
    if (!resources) return resources.error();
    Renderer renderer(std::move(*resources), options);
    for (int index : renderer.programsOfLevel())
        if (core::Status built = renderer.shaders().build(index); !built) return built.error();
    return renderer;
}

std::vector<int> Renderer::programsOfLevel() const
{
    const Programs& p = resources_.programs();
    // The backdrop at every level: the close-up's box draws its own.
    std::vector<int> indices{p.floor.index, p.depth.index, p.overlay.index, p.backdrop.index,
                             view_.vertexLighting() ? p.meshVertexLit.index : p.mesh.index};
    if (view_.quality() == Quality::Lowest)
        indices.insert(indices.end(), {p.stretch.index, p.stretchOverlay.index});
    else if (view_.smoothsEdges())
        indices.insert(indices.end(), {p.copy.index, p.copyOverlay.index, p.smooth.index, p.smoothOverlay.index});
    return indices;
}

void Renderer::setQuality(Quality quality)
{
    if (quality == view_.quality()) return;
    view_.setQuality(quality);
    resources_.releaseSceneTargets();  // samples and size change with quality
    latestInShown_ = false;  // no picture is left to show again
    // The new level's programs are built now, not in the middle of its first frame's passes;
    // one that does not build is logged and shown (ShaderLibrary::build).
    for (int index : programsOfLevel()) (void)shaders().build(index);
}

void Renderer::markPass(const char* name)
{
    if (!passTiming_) return;
    gfx::finish();
    const double ms = passClock_.elapsedMs();
    passClock_.restart();
    for (auto& [pass, times] : passTimes_)
        if (pass == name) {
            times.push_back(ms);
            return;
        }
    passTimes_.push_back({name, {ms}});
}

core::Status Renderer::render(const scene::Scene& scene, const FrameView& frame, const std::vector<StructureTint>& tints,
                              const InsetView* inset)
{
    view_.setFrame(frame);
    partnerOpacity_ = inset && inset->wholePose ? kPartnerGhostOpacity : 1.0f;
    // The levels this frame can draw: the view's own, the faded structures', the close-up's.
    const std::array<int, 3> levels{view_.detailLevel(), view_.fadedDetailLevel(), view_.insetDetailLevel()};
    resources_.prepareDetailLevels(std::span<const int>(levels).first(inset ? 3 : 2), scene.model());
    meshLevel_ = view_.detailLevel();
    if (core::Status ready = resources_.ensureSceneTargets(view_, frame.sizePixels); !ready) return ready;
    if (passTiming_) {
        gfx::finish();
        passClock_.restart();
    }
    // Held fades see no time pass; the clock still restarts, so the frame after does not catch up.
    const double fadeElapsedS = holdFades_ ? 0.0 : fadeClock_.elapsedMs() / 1000.0;
    fadeClock_.restart();
    // Measured once a frame: the fades, the smoothing box and the close-up's culling share them.
    posed_ = posedInstanceBounds(scene);
    const std::vector<float> fadeTargets = occluderFadeTargets(scene, frame, tints, posed_);
    if (!holdFades_ || instanceFade_.size() != fadeTargets.size()) easeFades(instanceFade_, fadeTargets, fadeElapsedS);
    const gfx::RenderTarget* target = resources_.sceneTargets().drawn ? &*resources_.sceneTargets().drawn : nullptr;
    // The last picture is shown again when this frame would draw the same one: it must be in a
    // target of its own (a window's back buffer is gone after the swap), drawn whole for its
    // key, and nothing asked for every pass to run (their timing) or for fades to jump.
    writeFrameKey(scene, frame, tints, inset, fadeTargets);
    kept_ = keepsPictures_ && target && keptComplete_ && !passTiming_ && !settleFades_ && !holdFades_ && frameKey_ == keptKey_;
    if (kept_) {
        lastSize_ = frame.sizePixels;
        return {};
    }
    const DrawList list = buildDrawList(scene, frame, tints, instanceFade_, posed_);
    const glm::ivec2 targetSize = target ? target->size() : frame.sizePixels;
    // Only the part the panels leave showing is drawn; the rest stays as cleared.
    drawnPart_ = shownPartOfTarget(frame, targetSize);
    const bool limited = drawnPart_ != glm::ivec4(0, 0, targetSize.x, targetSize.y);
    smoothBoxes_.clear();
    if (view_.smoothsEdges()) {
        const glm::ivec4 covered = gfx::rectAnd(coveredPixels(scene, frame, posed_), drawnPart_);
        if (covered.z > 0 && covered.w > 0) smoothBoxes_.push_back(covered);
    }
    // Left clear (no colour, no coverage) where the backdrop is laid under the scene later.
    // The whole target is cleared: a software rasteriser clears it at once, where a scissored
    // clear would be drawn as a rectangle.
    const float background = view_.backdropAtPresent() ? 0.0f : 1.0f;
    gfx::beginPass(target, targetSize, {glm::vec4(0.0f, 0.0f, 0.0f, background), 1.0f, 0});
    if (limited) gfx::setDrawLimit(drawnPart_);
    markPass("clear");
    drawOpaque(scene, list);
    markPass("opaque");
    // Backdrop and floor after the opaque structures, depth-tested: the pixels the body covers
    // are never shaded for them.
    if (!view_.backdropAtPresent()) {
        drawBackdrop();
        markPass("backdrop");
    }
    drawFloor(scene);
    markPass("floor");
    drawTranslucent(scene, list);
    markPass("translucent");
    // Outlines last: neither the skin nor a faded neighbour dims them.
    drawOutline(scene, list);
    markPass("outline");
    bool complete = true;
    if (inset) {
        complete = drawInset(scene, *inset, tints, target, fadeElapsedS);
        markPass("inset");
    } else {
        insetCache_.fresh = false;  // a box that comes back starts with a new picture
    }
    if (limited) gfx::setDrawLimit(std::nullopt);
    settleFades_ = false;
    holdFades_ = false;
    if (target) target->resolve();
    lastSize_ = frame.sizePixels;
    std::swap(keptKey_, frameKey_);
    keptComplete_ = complete;
    latestInShown_ = false;
    return {};
}

void Renderer::easeFades(std::vector<float>& fades, const std::vector<float>& targets, double elapsedS) const
{
    if (fades.size() != targets.size() || settleFades_) {
        fades = targets;
        return;
    }
    // A time constant of 0.12 s: settled in about half a second, and a long frame (a step
    // loading) does not jump further than a tenth of a second would.
    const float step = 1.0f - float(std::exp(-std::min(elapsedS, 0.1) / 0.12));
    for (std::size_t i = 0; i < targets.size(); ++i) {
        float& fade = fades[i];
        fade += (targets[i] - fade) * step;
        if (std::abs(targets[i] - fade) < 0.01f) fade = targets[i];
    }
}

// The inset is drawn after the main view, in the same target: its box (and a border around
// it) is cleared, the viewport narrowed to it, and the same passes run with its camera. The
// main view's pixels outside the box stay as they were.
bool Renderer::drawInset(const scene::Scene& scene, const InsetView& inset, const std::vector<StructureTint>& tints,
                         const gfx::RenderTarget* target, double fadeElapsedS)
{
    const FrameView main = view_.frame();
    // Window pixels to target pixels (the lowest level draws at a smaller size), bottom-left origin.
    const glm::ivec2 targetSize = target ? target->size() : main.sizePixels;
    const glm::vec2 scale = glm::vec2(targetSize) / glm::vec2(glm::max(main.sizePixels, glm::ivec2(1)));
    auto toTarget = [&](glm::vec2 topLeft, glm::vec2 size) {
        const glm::ivec2 low = glm::ivec2(glm::round(glm::vec2(topLeft.x, float(main.sizePixels.y) - topLeft.y - size.y) * scale));
        const glm::ivec2 high = glm::ivec2(glm::round(glm::vec2(topLeft.x + size.x, float(main.sizePixels.y) - topLeft.y) * scale));
        return glm::ivec4(low, glm::max(high - low, glm::ivec2(1)));
    };
    const glm::vec2 topLeft(inset.topLeftPixels);
    const glm::vec2 size(inset.frame.sizePixels);
    const float border = float(inset.borderPixels);
    gfx::clearRect(toTarget(topLeft - border, size + 2.0f * border), {glm::vec4(inset.borderColor, 1.0f), std::nullopt, std::nullopt});
    const glm::ivec4 box = toTarget(topLeft, size);
    if (view_.smoothsEdges()) {
        // The box's edges are smoothed too: the part of it the structures' box leaves out.
        std::vector<glm::ivec4> parts{box};
        for (const glm::ivec4& smoothed : smoothBoxes_) parts = gfx::rectsMinus(parts, smoothed);
        smoothBoxes_.insert(smoothBoxes_.end(), parts.begin(), parts.end());
    }
    // Every other frame of a running app the box shows its last picture again: half the
    // inset's cost, for a small overview that moves slowly. A frame that draws the overlay's
    // picture again shows it a second time, so the two costs do not meet in one frame.
    InsetCache& cache = insetCache_;
    const bool cacheable = view_.cachesInset() && target && target->samples() == 0 && !settleFades_ && !holdFades_;
    cache.fadeElapsedS += fadeElapsedS;
    const int showings = holdInset_ ? 2 : 1;
    holdInset_ = false;
    if (cacheable && cache.fresh && cache.picture && cache.box == box && cache.shownAgain < showings) {
        gfx::copyColorRect(*cache.picture, {0, 0}, *target, {box.x, box.y}, {box.z, box.w});
        ++cache.shownAgain;
        return false;
    }
    gfx::clearRect(box, {glm::vec4(0.0f, 0.0f, 0.0f, 1.0f), 1.0f, 0});
    gfx::setViewport(box);
    view_.setFrame(inset.frame);
    partnerOpacity_ = 1.0f;
    meshLevel_ = view_.insetDetailLevel();
    const std::vector<float> fadeTargets = occluderFadeTargets(scene, inset.frame, tints, posed_);
    if (!holdFades_ || insetFade_.size() != fadeTargets.size()) easeFades(insetFade_, fadeTargets, cache.fadeElapsedS);
    const bool settled = insetFade_ == fadeTargets;
    cache.fadeElapsedS = 0.0;
    const DrawList list = buildDrawList(scene, inset.frame, tints, insetFade_, posed_);
    drawOpaque(scene, list);
    drawBackdrop();
    drawFloor(scene);
    drawTranslucent(scene, list);
    drawOutline(scene, list);
    view_.setFrame(main);
    meshLevel_ = view_.detailLevel();
    gfx::setViewport({0, 0, targetSize.x, targetSize.y});
    cache.fresh = false;
    cache.shownAgain = 0;
    if (!cacheable) return settled;
    if (!cache.picture || cache.picture->size() != glm::ivec2(box.z, box.w) || cache.picture->colorFormat() != target->colorFormat()) {
        cache.picture.reset();
        auto picture = gfx::RenderTarget::create({{box.z, box.w}, 0, target->colorFormat(), false, "inset picture"});
        if (!picture) return settled;  // drawn every frame then, as without the cache
        cache.picture = std::move(*picture);
    }
    gfx::copyColorRect(*target, {box.x, box.y}, *cache.picture, {0, 0}, {box.z, box.w});
    cache.box = box;
    cache.fresh = true;
    return settled;
}

void Renderer::setMuscleState(const gfx::ShaderProgram& program, const MeshUniforms& u, const scene::Scene& scene,
                              const DrawItem& item)
{
    program.set(u.activation, item.state.activation);
    program.set(u.cramp, item.state.cramp);
    program.set(u.stretch, item.state.stretch);
    program.set(u.timeS, float(std::fmod(scene.timeSeconds(), 3600.0)));  // float keeps millisecond steps
}

ProgramSlot<MeshUniforms>& Renderer::meshProgram()
{
    return view_.vertexLighting() ? resources_.programs().meshVertexLit : resources_.programs().mesh;
}

void Renderer::drawOpaque(const scene::Scene& scene, const DrawList& list)
{
    // The per-frame uniforms stay with the program between binds.
    const gfx::ShaderProgram& program = resources_.use(meshProgram());
    const MeshUniforms& u = meshProgram().uniforms;
    program.set(u.view, view_.frame().view);
    program.set(u.projection, view_.frame().projection);
    program.set(u.inflate, 0.0f);
    program.set(u.flat, 0);
    program.set(u.vertexLighting, view_.vertexLighting() ? 1 : 0);
    for (const DrawItem& item : list.opaque) {
        gfx::RenderState state;
        state.cull = item.look.doubleSided ? gfx::CullMode::None : gfx::CullMode::Back;
        gfx::applyRenderState(state);
        drawInstance(scene, item, 1.0f);
    }
    drawProps(scene);
    if (partnerOpacity_ >= 1.0f) drawPartner(scene, 1.0f);
}

// Translucent structures far to near. What is see-through by its layer's opacity or its
// material (the skin, X-ray, a layer turned down) lays down its own nearest depth first so only
// its front surface blends, whatever order its triangles come in: a limb that crosses the body
// does not double the skin. A structure see-through only because it is faded out of the way of
// the highlighted heads blends its front faces in one pass (measured in a lesson step: the same
// picture to 6/255 in 58 pixels, and 1.5 ms less a frame on llvmpipe, where the extra pass and
// program switch per structure cost).
void Renderer::drawTranslucent(const scene::Scene& scene, const DrawList& list)
{
    for (const DrawItem& item : list.translucent) {
        const bool depthPrepass = view_.depthPrepass() && seeThroughItself(scene, item);
        if (depthPrepass) {
            gfx::RenderState depthOnly;
            depthOnly.colorWrite = false;
            depthOnly.cull = gfx::CullMode::Back;
            gfx::applyRenderState(depthOnly);
            drawDepthOnly(scene, item);
        }
        // At the lowest level every front face blends in one pass: where a limb crosses the body
        // the skin shows twice as dense, a cost-saving approximation.
        gfx::RenderState blend;
        blend.depthWrite = false;
        blend.depthCompare = depthPrepass ? gfx::CompareOp::Equal : gfx::CompareOp::LessEqual;
        blend.blend = gfx::BlendMode::Alpha;
        blend.cull = gfx::CullMode::Back;
        gfx::applyRenderState(blend);
        drawInstance(scene, item, scene.layer(item.instance->layer).opacity * item.fade);
    }
    if (partnerOpacity_ < 1.0f) drawPartner(scene, partnerOpacity_);
    gfx::applyRenderState(gfx::RenderState{});
}

void Renderer::drawProps(const scene::Scene& scene)
{
    if (scene.props.empty()) return;
    const gfx::ShaderProgram& program = resources_.use(meshProgram());
    const MeshUniforms& u = meshProgram().uniforms;
    gfx::applyRenderState(gfx::RenderState{});
    program.set(u.skinned, 0);
    program.set(u.material, int(MaterialKind::Plain));
    program.set(u.mapValue, -1.0f);
    program.set(u.highlight, 0.0f);
    program.set(u.cramp, 0.0f);
    program.set(u.roughness, 0.8f);
    for (const scene::PropInstance& prop : scene.props) {
        program.set(u.model, prop.transform);
        program.set(u.baseColor, glm::vec4(prop.colour, 1.0f));
        resources_.propMesh(prop.shape).draw();
    }
}

// The partner figure (scene::PartnerFigure): the body's skin in the partner's pose, in one
// muted colour, so it reads as a second person who helps, not as anatomy to study; opaque, or
// a faint ghost in a close-up beside the whole pose (InsetView::wholePose).
void Renderer::drawPartner(const scene::Scene& scene, float opacity)
{
    const scene::PartnerFigure* partner = scene.partner();
    if (!partner) return;
    const gfx::ShaderProgram& program = resources_.use(meshProgram());
    const MeshUniforms& u = meshProgram().uniforms;
    gfx::RenderState state;
    if (opacity < 1.0f) {
        // A ghost: its front surface blended over what is behind it, hiding nothing.
        state.depthWrite = false;
        state.blend = gfx::BlendMode::Alpha;
        state.cull = gfx::CullMode::Back;
    }
    gfx::applyRenderState(state);
    program.set(u.material, int(MaterialKind::Plain));
    program.set(u.mapValue, -1.0f);
    program.set(u.highlight, 0.0f);
    program.set(u.cramp, 0.0f);
    program.set(u.roughness, 0.7f);
    program.set(u.baseColor, glm::vec4(0.17f, 0.2f, 0.25f, opacity));  // a muted slate: the hamstrings stay the hero
    for (const scene::MeshInstance& instance : scene.instances()) {
        if (instance.layer != content::LayerId::Skin) continue;
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
        program.set(u.model, partner->nodeWorld[std::size_t(instance.node)]);
        const bool skinned = data.skinned() && data.skin >= 0;
        program.set(u.skinned, skinned ? 1 : 0);
        if (skinned) {
            std::vector<glm::mat4> joints = scene.partnerSkinMatrices(data.skin);
            if (joints.size() > assets::kMaxSkinJoints) joints.resize(assets::kMaxSkinJoints);
            program.set(u.jointMatrices, std::span<const glm::mat4>(joints));
        }
        resources_.drawMesh(instance.mesh, meshLevel_);
    }
}

void Renderer::drawBackdrop()
{
    gfx::RenderState state;
    state.depthWrite = false;  // drawn at the far plane, where nothing else is
    state.cull = gfx::CullMode::None;
    gfx::applyRenderState(state);
    const gfx::ShaderProgram& program = resources_.use(resources_.programs().backdrop);
    const BackdropUniforms& u = resources_.programs().backdrop.uniforms;
    setBackdropColors(program, u);
    resources_.fullScreen().draw(gfx::Primitive::Triangles, 3);
}

void Renderer::setBackdropColors(const gfx::ShaderProgram& program, const BackdropUniforms& u)
{
    program.set(u.topColor, kBackdropTop);
    program.set(u.bottomColor, kBackdropBottom);
}

void Renderer::drawFloor(const scene::Scene& scene)
{
    if (!scene.hasBody()) return;
    const anatomy::SkeletonPose& skeleton = scene.skeleton();
    std::vector<glm::vec4> ends, otherEnds;
    for (const Capsule& capsule : kCapsules) {
        ends.push_back(glm::vec4(glm::vec3(skeleton.origin(capsule.from)), capsule.radiusM));
        otherEnds.push_back(glm::vec4(glm::vec3(skeleton.origin(capsule.to)), 0.0f));
    }
    const glm::vec3 pelvis(skeleton.origin(anatomy::Segment::Pelvis));
    gfx::RenderState state;
    state.cull = gfx::CullMode::None;
    state.blend = gfx::BlendMode::Alpha;
    state.depthWrite = false;
    gfx::applyRenderState(state);
    const gfx::ShaderProgram& program = resources_.use(resources_.programs().floor);
    const FloorUniforms& u = resources_.programs().floor.uniforms;
    program.set(u.view, view_.frame().view);
    program.set(u.projection, view_.frame().projection);
    program.set(u.centre, glm::vec3(pelvis.x, 0.0f, pelvis.z));
    program.set(u.halfSize, 2.2f);
    program.set(u.cells, GpuResources::kFloorCells);
    program.set(u.floorColor, kFloorColor);
    program.set(u.capsuleCount, int(ends.size()));
    program.set(u.capsuleA, std::span<const glm::vec4>(ends));
    program.set(u.capsuleB, std::span<const glm::vec4>(otherEnds));
    resources_.floorGrid().draw();
}

void Renderer::bindGeometry(const gfx::ShaderProgram& program, const MeshUniforms& u, const scene::Scene& scene,
                            const scene::MeshInstance& instance)
{
    const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
    const bool deformed = !scene.deformedPositions(instance.mesh).empty();
    program.set(u.model, deformed ? glm::mat4(1.0f) : scene.nodeWorldMatrices()[std::size_t(instance.node)]);
    const bool skinned = data.skinned() && data.skin >= 0;
    program.set(u.skinned, skinned ? 1 : 0);
    if (skinned) {
        std::vector<glm::mat4> joints = scene.skinMatrices(data.skin);
        if (joints.size() > assets::kMaxSkinJoints) joints.resize(assets::kMaxSkinJoints);  // refused at import
        program.set(u.jointMatrices, std::span<const glm::mat4>(joints));
    }
}

// A structure faded out of the way of the heads to kCoarseFade or less, and not see-through by
// its layer or material, takes View::fadedDetailLevel; the rest the level of the view being
// drawn. Its colour, its depth and its outline use the same, so they line up.
int Renderer::levelOf(const scene::Scene& scene, const DrawItem& item) const
{
    if (item.fade <= kCoarseFade && !seeThroughItself(scene, item)) return std::max(meshLevel_, view_.fadedDetailLevel());
    return meshLevel_;
}

void Renderer::drawDepthOnly(const scene::Scene& scene, const DrawItem& item)
{
    const gfx::ShaderProgram& program = resources_.use(resources_.programs().depth);
    const MeshUniforms& u = resources_.programs().depth.uniforms;
    program.set(u.view, view_.frame().view);
    program.set(u.projection, view_.frame().projection);
    program.set(u.inflate, 0.0f);
    bindGeometry(program, u, scene, *item.instance);
    // The same cramp ripple as the colour pass, or the equal-depth test would leave holes.
    setMuscleState(program, u, scene, item);
    resources_.drawMesh(item.instance->mesh, levelOf(scene, item));
}

void Renderer::drawInstance(const scene::Scene& scene, const DrawItem& item, float opacity)
{
    // Each drawing function binds the program it sets uniforms on; the per-frame ones (view,
    // projection) stay with the program between binds.
    const gfx::ShaderProgram& program = resources_.use(meshProgram());
    const MeshUniforms& u = meshProgram().uniforms;
    const SurfaceLook& look = item.look;
    bindGeometry(program, u, scene, *item.instance);
    program.set(u.baseColor, glm::vec4(glm::vec3(look.baseColor), look.baseColor.a * opacity));
    program.set(u.roughness, look.roughness);
    program.set(u.material, int(look.kind));
    program.set(u.mapValue, item.mapValue);
    setMuscleState(program, u, scene, item);
    const Highlight highlight = highlightOf(scene, item.instance->structure);
    program.set(u.highlight, highlight.amount);
    program.set(u.highlightColor, highlight.color);
    resources_.drawMesh(item.instance->mesh, levelOf(scene, item));
}

// Outlines around the selection, the structure under the pointer and those the lesson step
// points out, each in its colour: every outlined structure marks the stencil over its whole
// silhouette (hidden parts too, so the ring stays a ring behind a neighbour), then a copy
// inflated along the normals draws only outside the marks. The inflation is worked out per
// structure so the ring keeps its width in pixels at any distance.
void Renderer::drawOutline(const scene::Scene& scene, const DrawList& list)
{
    struct Outlined {
        const DrawItem* item;
        Highlight highlight;
    };
    std::vector<Outlined> outlined;
    for (const std::vector<DrawItem>* items : {&list.opaque, &list.translucent})
        for (const DrawItem& item : *items) {
            const Highlight highlight = highlightOf(scene, item.instance->structure);
            if (highlight.outlinePixels > 0.0f) outlined.push_back({&item, highlight});
        }
    if (outlined.empty()) return;
    gfx::RenderState mark;
    mark.colorWrite = false;
    mark.depthWrite = false;
    mark.depthTest = false;
    mark.cull = gfx::CullMode::None;
    mark.stencilWriteReference = true;
    mark.stencilCompare = gfx::CompareOp::Always;
    mark.stencilReference = 1;
    gfx::applyRenderState(mark);
    for (const Outlined& entry : outlined) drawDepthOnly(scene, *entry.item);

    const gfx::ShaderProgram& program = resources_.use(meshProgram());
    const MeshUniforms& u = meshProgram().uniforms;
    gfx::RenderState outline;
    outline.depthWrite = false;
    outline.depthTest = false;
    outline.cull = gfx::CullMode::Front;
    outline.stencilTest = true;
    outline.stencilCompare = gfx::CompareOp::NotEqual;
    outline.stencilReference = 1;
    gfx::applyRenderState(outline);
    // One pixel at 720 lines is 2 d / (720 P11) metres at distance d (P11 = cot(fov / 2)).
    const float metresPerPixelPerMetre = 2.0f / (720.0f * std::max(view_.frame().projection[1][1], 1e-3f));
    program.set(u.flat, 1);
    for (const Outlined& entry : outlined) {
        const float distance = std::max(entry.item->distanceM, 0.1f);
        program.set(u.inflate, entry.highlight.outlinePixels * metresPerPixelPerMetre * distance);
        program.set(u.highlightColor, entry.highlight.color);
        bindGeometry(program, u, scene, *entry.item->instance);
        setMuscleState(program, u, scene, *entry.item);
        resources_.drawMesh(entry.item->instance->mesh, levelOf(scene, *entry.item));
    }
    program.set(u.flat, 0);
    program.set(u.inflate, 0.0f);
    gfx::applyRenderState(gfx::RenderState{});
}

} // namespace render
