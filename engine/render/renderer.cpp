#include "render/renderer.h"

#include "core/log.h"
#include "gfx/context.h"
#include "gfx/render_state.h"
#include "render/primitives.h"

#include <algorithm>

namespace render {
namespace {

constexpr glm::vec3 kHighlightSelected{1.0f, 0.78f, 0.25f};
constexpr glm::vec3 kHighlightHovered{0.55f, 0.8f, 1.0f};
constexpr glm::vec3 kHighlightLesson{0.35f, 0.95f, 0.85f};
constexpr glm::vec3 kBackdropTop{0.20f, 0.22f, 0.26f};     // display sRGB
constexpr glm::vec3 kBackdropBottom{0.07f, 0.075f, 0.085f};
constexpr glm::vec3 kFloorColor{0.17f, 0.175f, 0.19f};
constexpr int kFloorCells = 32;

enum MaterialKind { kPlain = 0, kMuscle = 1, kTendon = 2, kBone = 3, kSkin = 4, kNerve = 5 };

MaterialKind materialKind(scene::LayerId layer)
{
    switch (layer) {
    case scene::LayerId::Muscle:
    case scene::LayerId::Context: return kMuscle;
    case scene::LayerId::Tendon: return kTendon;
    case scene::LayerId::Bone: return kBone;
    case scene::LayerId::Skin: return kSkin;
    case scene::LayerId::Nerve: return kNerve;
    case scene::LayerId::Other: break;
    }
    return kPlain;
}

struct MaterialLook {
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f};
    float roughness = 0.6f;
    bool blend = false;
};

MaterialLook lookOf(const scene::Scene& scene, const scene::MeshInstance& instance)
{
    MaterialLook look;
    const assets::MeshData& mesh = scene.model().meshes[std::size_t(instance.mesh)];
    if (mesh.material >= 0) {
        const assets::Material& material = scene.model().materials[std::size_t(mesh.material)];
        look.baseColor = material.baseColor;
        look.roughness = material.roughness;
        look.blend = material.blend;
    }
    return look;
}

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

std::string_view qualityName(Quality quality)
{
    switch (quality) {
    case Quality::High: return "high (4x MSAA)";
    case Quality::Medium: return "medium (no multisampling, simplified meshes)";
    case Quality::Low: return "low (55% resolution stretched to the window, coarser meshes, lit per vertex)";
    }
    return "high";
}

core::Expected<Renderer> Renderer::create(const std::filesystem::path& shaderFolder, const RenderOptions& options)
{
    Renderer renderer;
    renderer.shaders_ = gfx::ShaderLibrary(shaderFolder);
    renderer.options_ = options;
    struct ProgramFiles {
        int* index;
        const char* name;
        const char* vertex;
        const char* fragment;
    };
    const ProgramFiles programs[] = {
        {&renderer.programs_.mesh, "mesh", "mesh.vert", "mesh.frag"},
        {&renderer.programs_.depth, "depth", "mesh.vert", "depth.frag"},
        {&renderer.programs_.background, "background", "background.vert", "background.frag"},
        {&renderer.programs_.floor, "floor", "floor.vert", "floor.frag"},
        {&renderer.programs_.upscale, "upscale", "background.vert", "upscale.frag"},
        {&renderer.programs_.overlay, "overlay", "background.vert", "overlay.frag"},
    };
    for (const ProgramFiles& files : programs) {
        auto index = renderer.shaders_.load(files.name, files.vertex, files.fragment);
        if (!index) return index.error();
        *files.index = *index;
    }
    renderer.procedural_ = gfx::ProceduralDraw::create();
    // The floor grid shares its corners between cells, so each corner's contact shadow is
    // worked out once rather than for each of the six triangle corners around it.
    std::vector<std::uint32_t> grid;
    const std::uint32_t row = kFloorCells + 1;
    for (std::uint32_t j = 0; j < std::uint32_t(kFloorCells); ++j)
        for (std::uint32_t i = 0; i < std::uint32_t(kFloorCells); ++i) {
            const std::uint32_t a = j * row + i, b = a + 1, c = a + row, d = c + 1;
            grid.insert(grid.end(), {a, b, d, a, d, c});
        }
    gfx::MeshDesc floor;
    floor.indices = grid;
    floor.label = "floor grid";
    auto floorGrid = gfx::Mesh::create(floor);
    if (!floorGrid) return floorGrid.error();
    renderer.floorGrid_ = std::move(*floorGrid);
    return renderer;
}

void Renderer::setQuality(Quality quality)
{
    if (quality == options_.quality) return;
    options_.quality = quality;
    target_.reset(); // samples and size change with quality
    shown_.reset();
    shownHasFrame_ = false;
}

core::Status Renderer::upload(const scene::Scene& scene)
{
    meshes_.clear();
    uploadedTriangles_ = 0;
    for (const assets::MeshData& data : scene.model().meshes) {
        auto gpu = uploadMesh(data);
        if (!gpu) return gpu.error();
        meshes_.push_back(std::move(*gpu));
        uploadedTriangles_ += data.triangleCount();
    }
    if (!propBox_) {
        auto box = uploadMesh(unitBox());
        auto cylinder = uploadMesh(unitCylinder(32));
        if (!box) return box.error();
        if (!cylinder) return cylinder.error();
        propBox_ = std::move(*box);
        propCylinder_ = std::move(*cylinder);
    }
    return {};
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

std::size_t Renderer::triangleCountInUse() const
{
    std::size_t total = 0;
    for (const GpuMesh& mesh : meshes_) total += mesh.lods[std::size_t(mesh.lodInUse)].size() / 3;
    return total;
}

void Renderer::setDetailLevels(DetailLevels levels)
{
    for (std::size_t i = 0; i < meshes_.size() && i < levels.size(); ++i)
        for (std::size_t level = 1; level <= 2; ++level)
            if (meshes_[i].lods[level].empty()) meshes_[i].lods[level] = std::move(levels[i][level - 1]);
}

core::Expected<Renderer::GpuMesh> Renderer::uploadMesh(const assets::MeshData& data)
{
    {
        const std::size_t count = data.positions.size();
        std::vector<glm::vec3> normals = data.normals;
        if (normals.size() != count) normals.assign(count, glm::vec3(0.0f, 1.0f, 0.0f));
        std::vector<glm::u16vec4> joints = data.joints;
        std::vector<glm::vec4> weights = data.weights;
        if (joints.size() != count) {
            joints.assign(count, glm::u16vec4(0));
            weights.assign(count, glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
        }
        std::vector<glm::vec3> muscle = data.muscleCoords;
        if (muscle.size() != count) muscle.assign(count, glm::vec3(0.0f));
        std::vector<float> occlusion = data.occlusion;
        if (occlusion.size() != count) occlusion.assign(count, 1.0f);
        const bool dynamic = !data.muscleCoords.empty();
        const auto usage = dynamic ? gfx::BufferUsage::Dynamic : gfx::BufferUsage::Static;
        gfx::MeshDesc desc;
        desc.label = data.name.c_str();
        desc.vertexBuffers = {{gfx::bytesOf(data.positions), usage},
                              {gfx::bytesOf(normals), usage},
                              {gfx::bytesOf(joints), gfx::BufferUsage::Static},
                              {gfx::bytesOf(weights), gfx::BufferUsage::Static},
                              {gfx::bytesOf(muscle), gfx::BufferUsage::Static},
                              {gfx::bytesOf(occlusion), gfx::BufferUsage::Static}};
        desc.attributes = {{0, gfx::AttributeFormat::Float3, 0},
                           {1, gfx::AttributeFormat::Float3, 1},
                           {2, gfx::AttributeFormat::UShort4Int, 2},
                           {3, gfx::AttributeFormat::Float4, 3},
                           {4, gfx::AttributeFormat::Float3, 4},
                           {5, gfx::AttributeFormat::Float1, 5}};
        desc.indices = data.indices;
        auto mesh = gfx::Mesh::create(desc);
        if (!mesh) return mesh.error();
        GpuMesh gpu{std::move(*mesh), dynamic, {}, 0};
        gpu.lods[0] = data.indices;
        return gpu;
    }
}

void Renderer::drawProps(const scene::Scene& scene)
{
    if (scene.props.empty()) return;
    const gfx::ShaderProgram& program = shaders_.program(programs_.mesh);
    program.use();
    gfx::applyRenderState(gfx::RenderState{});
    program.set("uSkinned", 0);
    program.set("uMaterial", 0);
    program.set("uMapValue", -1.0f);
    program.set("uHighlight", 0.0f);
    program.set("uRoughness", 0.8f);
    for (const scene::PropInstance& prop : scene.props) {
        program.set("uModel", prop.transform);
        program.set("uBaseColor", glm::vec4(prop.colour, 1.0f));
        (prop.cylinder ? propCylinder_ : propBox_)->mesh.draw();
    }
}

int Renderer::lodLevel() const
{
    switch (options_.quality) {
    case Quality::High: return 0;
    case Quality::Medium: return 1;
    case Quality::Low: return 2;
    }
    return 0;
}

void Renderer::updateDeformedMeshes(const scene::Scene& scene)
{
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        if (!meshes_[i].dynamic) continue;
        const auto positions = scene.deformedPositions(int(i));
        const auto normals = scene.deformedNormals(int(i));
        if (positions.empty() || normals.size() != positions.size()) continue;
        meshes_[i].mesh.updateVertexBuffer(0, std::as_bytes(positions));
        meshes_[i].mesh.updateVertexBuffer(1, std::as_bytes(normals));
    }
}

void Renderer::drawBackground()
{
    gfx::RenderState state;
    state.depthWrite = false;  // drawn at the far plane, where nothing else is
    state.cull = gfx::CullMode::None;
    gfx::applyRenderState(state);
    const gfx::ShaderProgram& program = shaders_.program(programs_.background);
    program.use();
    program.set("uTopColor", kBackdropTop);
    program.set("uBottomColor", kBackdropBottom);
    procedural_.draw(gfx::Primitive::Triangles, 3);
}

void Renderer::drawFloor(const scene::Scene& scene, const FrameView& view)
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
    const gfx::ShaderProgram& program = shaders_.program(programs_.floor);
    program.use();
    program.set("uView", view.view);
    program.set("uProjection", view.projection);
    program.set("uCentre", glm::vec3(pelvis.x, 0.0f, pelvis.z));
    program.set("uHalfSize", 2.2f);
    program.set("uCells", kFloorCells);
    program.set("uFloorColor", kFloorColor);
    program.set("uCapsuleCount", int(ends.size()));
    program.set("uCapsuleA", std::span<const glm::vec4>(ends));
    program.set("uCapsuleB", std::span<const glm::vec4>(otherEnds));
    floorGrid_->draw();
}

void Renderer::bindGeometry(const gfx::ShaderProgram& program, const scene::Scene& scene, const scene::MeshInstance& instance)
{
    const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
    const bool deformed = !scene.deformedPositions(instance.mesh).empty();
    program.set("uModel", deformed ? glm::mat4(1.0f) : scene.nodeWorldMatrices()[std::size_t(instance.node)]);
    const bool skinned = data.skinned() && data.skin >= 0;
    program.set("uSkinned", skinned ? 1 : 0);
    if (skinned) {
        std::vector<glm::mat4> joints = scene.skinMatrices(data.skin);
        if (joints.size() > assets::kMaxSkinJoints) joints.resize(assets::kMaxSkinJoints);  // refused at import
        program.set("uJointMatrices", std::span<const glm::mat4>(joints));
    }
}

void Renderer::drawDepthOnly(const scene::Scene& scene, const scene::MeshInstance& instance, const FrameView& view)
{
    const gfx::ShaderProgram& program = shaders_.program(programs_.depth);
    program.use();
    program.set("uView", view.view);
    program.set("uProjection", view.projection);
    program.set("uInflate", 0.0f);
    bindGeometry(program, scene, instance);
    meshes_[std::size_t(instance.mesh)].mesh.draw();
}

void Renderer::drawInstance(const scene::Scene& scene, const scene::MeshInstance& instance, float opacity, float tint)
{
    // Each drawing function binds the program it sets uniforms on; the per-frame ones (view,
    // projection) stay with the program between binds.
    const gfx::ShaderProgram& program = shaders_.program(programs_.mesh);
    program.use();
    const MaterialLook look = lookOf(scene, instance);
    bindGeometry(program, scene, instance);
    program.set("uBaseColor", glm::vec4(glm::vec3(look.baseColor), look.baseColor.a * opacity));
    program.set("uRoughness", look.roughness);
    program.set("uMaterial", int(materialKind(instance.layer)));
    program.set("uMapValue", tint);
    float highlight = 0.0f;
    glm::vec3 highlightColor = kHighlightHovered;
    if (instance.structure == scene.selectedStructure) {
        highlight = 0.5f;
        highlightColor = kHighlightSelected;
    } else if (instance.structure == scene.hoveredStructure) {
        highlight = 0.6f;
    } else if (scene.highlighted(instance.structure)) {
        highlight = 0.7f;
        highlightColor = kHighlightLesson;
    }
    program.set("uHighlight", highlight);
    program.set("uHighlightColor", highlightColor);
    meshes_[std::size_t(instance.mesh)].mesh.draw();
}

// The selection outline: the structure marks the stencil where it is visible, then a
// slightly inflated copy draws only outside that mark.
void Renderer::drawOutline(const scene::Scene& scene, const FrameView& view)
{
    const int selected = scene.selectedStructure;
    if (selected < 0) return;
    const gfx::ShaderProgram& program = shaders_.program(programs_.mesh);
    program.use();
    gfx::RenderState mark;
    mark.colorWrite = false;
    mark.depthWrite = false;
    mark.depthCompare = gfx::CompareOp::LessEqual;
    mark.cull = gfx::CullMode::None;
    mark.stencilWriteReference = true;
    mark.stencilCompare = gfx::CompareOp::Always;
    mark.stencilReference = 1;
    gfx::applyRenderState(mark);
    program.set("uInflate", 0.0f);
    const std::vector<int>& instances = scene.structures()[std::size_t(selected)].instances;
    for (int index : instances) {
        const scene::MeshInstance& instance = scene.instances()[std::size_t(index)];
        if (scene.instanceVisible(instance)) drawInstance(scene, instance, 1.0f, -1.0f);
    }
    gfx::RenderState outline;
    outline.depthWrite = false;
    outline.depthTest = false;
    outline.cull = gfx::CullMode::Front;
    outline.stencilTest = true;
    outline.stencilCompare = gfx::CompareOp::NotEqual;
    outline.stencilReference = 1;
    gfx::applyRenderState(outline);
    const core::Bounds bounds = scene.structureBounds(selected);
    const float distance = std::max(glm::length(bounds.center() - view.eye), 0.1f);
    program.set("uInflate", 0.0025f * distance);
    program.set("uFlat", 1);
    program.set("uHighlightColor", kHighlightSelected);
    for (int index : instances) {
        const scene::MeshInstance& instance = scene.instances()[std::size_t(index)];
        if (!scene.instanceVisible(instance)) continue;
        bindGeometry(program, scene, instance);
        meshes_[std::size_t(instance.mesh)].mesh.draw();
    }
    program.set("uFlat", 0);
    program.set("uInflate", 0.0f);
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

core::Status Renderer::ensureTarget(glm::ivec2 size)
{
    if (targetRequest_ == size && (target_ || options_.quality == Quality::Medium)) return {};
    target_.reset();
    shown_.reset();
    shownHasFrame_ = false;
    targetRequest_ = size;
    // Medium draws straight into the window: no copy at all.
    if (options_.quality == Quality::Medium) return {};
    gfx::RenderTargetDesc desc;
    const float scale = options_.quality == Quality::Low ? 0.55f : 1.0f;
    desc.size = glm::max(glm::ivec2(glm::vec2(size) * scale), glm::ivec2(1));
    desc.samples = options_.quality == Quality::High ? std::min(4, options_.maxSamples) : 0;
    desc.colorFormat = gfx::TextureFormat::RGBA8;
    desc.label = "scene";
    auto target = gfx::RenderTarget::create(desc);
    if (!target) return target.error();
    target_ = std::move(*target);
    if (options_.pipelined && options_.quality == Quality::Low) {
        auto shown = gfx::RenderTarget::create(desc);
        if (!shown) return shown.error();
        shown_ = std::move(*shown);
    }
    return {};
}

core::Status Renderer::render(const scene::Scene& scene, const FrameView& view, const std::vector<StructureTint>& tints)
{
    const int lod = lodLevel();
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        GpuMesh& mesh = meshes_[i];
        if (mesh.lodInUse == lod) continue;
        std::vector<std::uint32_t>& indices = mesh.lods[std::size_t(lod)];
        if (indices.empty() && i < scene.model().meshes.size()) indices = assets::simplifiedIndices(scene.model().meshes[i], lod);
        if (indices.empty()) continue;
        mesh.mesh.setIndices(indices);
        mesh.lodInUse = lod;
    }
    if (core::Status ready = ensureTarget(view.sizePixels); !ready) return ready;
    if (passTiming_) {
        gfx::finish();
        passClock_.restart();
    }
    const gfx::RenderTarget* target = target_ ? &*target_ : nullptr;
    const glm::ivec2 targetSize = target ? target->size() : view.sizePixels;
    gfx::beginPass(target, targetSize, {glm::vec4(0.0f, 0.0f, 0.0f, 1.0f), 1.0f, 0});
    markPass("clear");

    const gfx::ShaderProgram& program = shaders_.program(programs_.mesh);
    program.use();
    program.set("uView", view.view);
    program.set("uProjection", view.projection);
    program.set("uInflate", 0.0f);
    program.set("uFlat", 0);
    program.set("uVertexLighting", options_.quality == Quality::Low ? 1 : 0);
    auto tintOf = [&](int structure) {
        for (const StructureTint& tint : tints)
            if (tint.structure == structure) return tint.value;
        return -1.0f;
    };
    auto distanceTo = [&](const scene::MeshInstance* instance) {
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance->mesh)];
        const bool worldSpace = data.skinned() || !scene.deformedPositions(instance->mesh).empty();
        const glm::vec3 centre = worldSpace ? data.bounds.center()
                                            : glm::vec3(scene.nodeWorldMatrices()[std::size_t(instance->node)] *
                                                        glm::vec4(data.bounds.center(), 1.0f));
        return glm::length(centre - view.eye);
    };

    // Opaque structures near to far, so the depth test skips hidden fragments early.
    // Rigid structures entirely outside the view are skipped (feet, hands, the head when the
    // thighs fill the screen); skinned and deformed meshes move too much to bound cheaply.
    const glm::mat4 viewProjection = view.projection * view.view;
    auto outsideView = [&](const scene::MeshInstance& instance) {
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
        if (data.skinned() || !scene.deformedPositions(instance.mesh).empty()) return false;
        const core::Bounds box = data.bounds.transformed(scene.nodeWorldMatrices()[std::size_t(instance.node)]);
        int outside[6] = {};
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec4 clip = viewProjection * glm::vec4((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                                                              (corner & 4) ? box.max.z : box.min.z, 1.0f);
            outside[0] += clip.x < -clip.w;
            outside[1] += clip.x > clip.w;
            outside[2] += clip.y < -clip.w;
            outside[3] += clip.y > clip.w;
            outside[4] += clip.z < -clip.w;
            outside[5] += clip.z > clip.w;
        }
        return std::any_of(std::begin(outside), std::end(outside), [](int count) { return count == 8; });
    };
    std::vector<const scene::MeshInstance*> opaque, translucent;
    for (const scene::MeshInstance& instance : scene.instances()) {
        if (!scene.instanceVisible(instance) || outsideView(instance)) continue;
        const float opacity = scene.layer(instance.layer).opacity;
        const MaterialLook look = lookOf(scene, instance);
        const bool seeThrough = opacity < 1.0f || look.blend || look.baseColor.a < 1.0f;
        (seeThrough ? translucent : opaque).push_back(&instance);
    }
    std::vector<std::pair<float, const scene::MeshInstance*>> sorted;
    for (const scene::MeshInstance* instance : opaque) sorted.emplace_back(distanceTo(instance), instance);
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [distance, instance] : sorted) {
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance->mesh)];
        const bool doubleSided = data.material >= 0 && scene.model().materials[std::size_t(data.material)].doubleSided;
        gfx::RenderState state;
        state.cull = doubleSided ? gfx::CullMode::None : gfx::CullMode::Back;
        gfx::applyRenderState(state);
        drawInstance(scene, *instance, 1.0f, tintOf(instance->structure));
    }
    drawProps(scene);
    markPass("opaque");
    // Backdrop and floor after the opaque structures, depth-tested: the pixels the body covers
    // are never shaded for them.
    drawBackground();
    markPass("backdrop");
    drawFloor(scene, view);
    markPass("floor");
    drawOutline(scene, view);
    markPass("outline");

    // Translucent structures far to near; each lays down its own nearest depth first so only
    // its front surface blends, whatever order its triangles come in.
    sorted.clear();
    for (const scene::MeshInstance* instance : translucent) sorted.emplace_back(distanceTo(instance), instance);
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const bool depthPrepass = options_.quality != Quality::Low;
    for (const auto& [distance, instance] : sorted) {
        if (depthPrepass) {
            gfx::RenderState depthOnly;
            depthOnly.colorWrite = false;
            depthOnly.cull = gfx::CullMode::Back;
            gfx::applyRenderState(depthOnly);
            drawDepthOnly(scene, *instance, view);
        }
        // At low quality the front faces blend in one pass: where a limb crosses the body
        // the skin shows twice as dense, a cost-saving approximation.
        gfx::RenderState blend;
        blend.depthWrite = false;
        blend.depthCompare = depthPrepass ? gfx::CompareOp::Equal : gfx::CompareOp::LessEqual;
        blend.blend = gfx::BlendMode::Alpha;
        blend.cull = gfx::CullMode::Back;
        gfx::applyRenderState(blend);
        drawInstance(scene, *instance, scene.layer(instance->layer).opacity, tintOf(instance->structure));
    }
    gfx::applyRenderState(gfx::RenderState{});
    markPass("translucent");
    if (target) target->resolve();
    lastSize_ = view.sizePixels;
    return {};
}

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

void Renderer::present(glm::ivec2 windowPixels)
{
    // Drawn straight into the window already, or copied now (resolved, and filtered when
    // scaled up).
    if (target_ && target_->size() != windowPixels && target_->samples() == 0) {
        // Stretched by drawing a triangle with bilinear filtering. Pipelined, it shows last
        // frame's scene, which is finished, and keeps this frame's for the next.
        const gfx::RenderTarget& source = shown_ && shownHasFrame_ ? *shown_ : *target_;
        gfx::beginPass(nullptr, windowPixels, {});
        gfx::applyRenderState(screenPass());
        const gfx::ShaderProgram& program = shaders_.program(programs_.upscale);
        program.use();
        source.colorTexture().bind(0);
        program.set("uScene", 0);
        procedural_.draw(gfx::Primitive::Triangles, 3);
        if (shown_) {
            std::swap(target_, shown_);
            shownHasFrame_ = true;
        }
    } else if (target_) {
        gfx::blitToDefault(*target_, windowPixels);
    }
    markPass("present");
}

void Renderer::compositeOverlay(const gfx::Texture2D& picture, std::span<const glm::ivec4> boxes)
{
    gfx::RenderState state = screenPass();
    state.blend = gfx::BlendMode::PremultipliedAlpha;
    state.scissorTest = true;
    gfx::applyRenderState(state);
    const gfx::ShaderProgram& program = shaders_.program(programs_.overlay);
    program.use();
    picture.bind(0);
    program.set("uOverlay", 0);
    for (const glm::ivec4& box : boxes) {
        gfx::setScissor(box);
        procedural_.draw(gfx::Primitive::Triangles, 3);
    }
    gfx::applyRenderState(gfx::RenderState{});
}

core::Image Renderer::readScene() const
{
    if (!target_) return gfx::readPixels(nullptr, lastSize_);
    return gfx::readPixels(&*target_, target_->size());
}

} // namespace render
