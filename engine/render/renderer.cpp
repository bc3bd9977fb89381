#include "render/renderer.h"

#include "core/log.h"
#include "gfx/render_state.h"

#include <algorithm>

namespace render {
namespace {

constexpr glm::vec3 kHighlightSelected{1.0f, 0.78f, 0.25f};
constexpr glm::vec3 kHighlightHovered{0.55f, 0.8f, 1.0f};
constexpr glm::vec3 kHighlightLesson{0.35f, 0.95f, 0.85f};

struct MaterialLook {
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f};
    float roughness = 0.6f;
    float specular = 0.5f;
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
    look.specular = 1.0f - look.roughness * 0.7f;
    return look;
}

} // namespace

core::Expected<Renderer> Renderer::create(const std::filesystem::path& shaderFolder, const RenderOptions& options,
                                          int maxSamples)
{
    Renderer renderer;
    renderer.shaders_ = gfx::ShaderLibrary(shaderFolder);
    renderer.options_ = options;
    renderer.options_.msaaSamples = std::clamp(options.msaaSamples, 0, std::max(0, maxSamples));
    auto mesh = renderer.shaders_.load("mesh", "mesh.vert", "mesh.frag");
    if (!mesh) return mesh.error();
    renderer.programs_.mesh = *mesh;
    auto background = renderer.shaders_.load("background", "background.vert", "background.frag");
    if (!background) return background.error();
    renderer.programs_.background = *background;
    renderer.fullscreen_ = gfx::ProceduralDraw::create();
    return renderer;
}

core::Status Renderer::upload(const scene::Scene& scene)
{
    meshes_.clear();
    uploadedTriangles_ = 0;
    for (const assets::MeshData& data : scene.model().meshes) {
        std::vector<glm::vec3> normals = data.normals;
        if (normals.size() != data.positions.size()) normals.assign(data.positions.size(), glm::vec3(0.0f, 1.0f, 0.0f));
        std::vector<glm::u16vec4> joints = data.joints;
        std::vector<glm::vec4> weights = data.weights;
        if (joints.size() != data.positions.size()) {
            joints.assign(data.positions.size(), glm::u16vec4(0));
            weights.assign(data.positions.size(), glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
        }
        const bool dynamic = !data.muscleCoords.empty();
        const auto usage = dynamic ? gfx::BufferUsage::Dynamic : gfx::BufferUsage::Static;
        gfx::MeshDesc desc;
        desc.label = data.name.c_str();
        desc.vertexBuffers = {{gfx::bytesOf(data.positions), usage},
                              {gfx::bytesOf(normals), usage},
                              {gfx::bytesOf(joints), gfx::BufferUsage::Static},
                              {gfx::bytesOf(weights), gfx::BufferUsage::Static}};
        desc.attributes = {{0, gfx::AttributeFormat::Float3, 0},
                           {1, gfx::AttributeFormat::Float3, 1},
                           {2, gfx::AttributeFormat::UShort4Int, 2},
                           {3, gfx::AttributeFormat::Float4, 3}};
        desc.indices = data.indices;
        auto mesh = gfx::Mesh::create(desc);
        if (!mesh) return mesh.error();
        meshes_.push_back({std::move(*mesh), dynamic});
        uploadedTriangles_ += data.triangleCount();
    }
    return {};
}

void Renderer::drawBackground()
{
    gfx::RenderState state;
    state.depthTest = false;
    state.depthWrite = false;
    state.cull = gfx::CullMode::None;
    gfx::applyRenderState(state);
    const gfx::ShaderProgram& program = shaders_.program(programs_.background);
    program.use();
    program.set("uTopColor", glm::vec3(0.30f, 0.33f, 0.38f));
    program.set("uBottomColor", glm::vec3(0.12f, 0.13f, 0.15f));
    fullscreen_.draw(gfx::Primitive::Triangles, 3);
}

void Renderer::drawInstance(const scene::Scene& scene, const scene::MeshInstance& instance, const FrameView& view,
                            float opacity)
{
    const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
    const gfx::ShaderProgram& program = shaders_.program(programs_.mesh);
    const MaterialLook look = lookOf(scene, instance);
    program.set("uModel", scene.nodeWorldMatrices()[std::size_t(instance.node)]);
    const bool skinned = data.skinned() && data.skin >= 0;
    program.set("uSkinned", skinned ? 1 : 0);
    if (skinned) {
        std::vector<glm::mat4> joints = scene.skinMatrices(data.skin);
        if (joints.size() > 64) joints.resize(64);
        program.set("uJointMatrices", std::span<const glm::mat4>(joints));
    }
    program.set("uBaseColor", glm::vec4(glm::vec3(look.baseColor), look.baseColor.a * opacity));
    program.set("uRoughness", look.roughness);
    program.set("uSpecular", look.specular);
    float highlight = 0.0f;
    glm::vec3 highlightColor = kHighlightHovered;
    if (instance.structure == scene.selectedStructure) {
        highlight = 1.0f;
        highlightColor = kHighlightSelected;
    } else if (instance.structure == scene.hoveredStructure) {
        highlight = 0.6f;
    } else if (scene.highlighted(instance.structure)) {
        highlight = 0.7f;
        highlightColor = kHighlightLesson;
    }
    program.set("uHighlight", highlight);
    program.set("uHighlightColor", highlightColor);
    (void)view;
    meshes_[std::size_t(instance.mesh)].mesh.draw();
}

core::Status Renderer::render(const scene::Scene& scene, const FrameView& view)
{
    if (!target_ || target_->size() != view.sizePixels) {
        target_.reset();
        gfx::RenderTargetDesc desc;
        desc.size = view.sizePixels;
        desc.samples = options_.msaaSamples;
        desc.label = "scene";
        auto target = gfx::RenderTarget::create(desc);
        if (!target) return target.error();
        target_ = std::move(*target);
    }
    gfx::beginPass(&*target_, view.sizePixels, {glm::vec4(0.0f, 0.0f, 0.0f, 1.0f), 1.0f, 0});
    drawBackground();

    const gfx::ShaderProgram& program = shaders_.program(programs_.mesh);
    program.use();
    program.set("uView", view.view);
    program.set("uProjection", view.projection);

    // Opaque structures first, front to back order is left to the depth test.
    std::vector<const scene::MeshInstance*> translucent;
    gfx::RenderState opaque;
    for (const scene::MeshInstance& instance : scene.instances()) {
        if (!scene.instanceVisible(instance)) continue;
        const float opacity = scene.layer(instance.layer).opacity;
        const MaterialLook look = lookOf(scene, instance);
        if (opacity < 1.0f || look.blend || look.baseColor.a < 1.0f) {
            translucent.push_back(&instance);
            continue;
        }
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance.mesh)];
        const bool doubleSided = data.material >= 0 && scene.model().materials[std::size_t(data.material)].doubleSided;
        opaque.cull = doubleSided ? gfx::CullMode::None : gfx::CullMode::Back;
        gfx::applyRenderState(opaque);
        drawInstance(scene, instance, view, 1.0f);
    }

    // Translucent structures back to front; each lays down its own nearest depth first so
    // only its front surface blends, whatever order its triangles come in.
    auto distanceTo = [&](const scene::MeshInstance* instance) {
        const assets::MeshData& data = scene.model().meshes[std::size_t(instance->mesh)];
        glm::vec3 centre = data.skinned() ? data.bounds.center()
                                          : glm::vec3(scene.nodeWorldMatrices()[std::size_t(instance->node)] *
                                                      glm::vec4(data.bounds.center(), 1.0f));
        return glm::length(centre - view.eye);
    };
    std::stable_sort(translucent.begin(), translucent.end(),
                     [&](auto* a, auto* b) { return distanceTo(a) > distanceTo(b); });
    for (const scene::MeshInstance* instance : translucent) {
        gfx::RenderState depthOnly;
        depthOnly.colorWrite = false;
        depthOnly.cull = gfx::CullMode::None;
        gfx::applyRenderState(depthOnly);
        drawInstance(scene, *instance, view, 1.0f);
        gfx::RenderState blend;
        blend.depthWrite = false;
        blend.depthCompare = gfx::CompareOp::Equal;
        blend.blend = gfx::BlendMode::Alpha;
        blend.cull = gfx::CullMode::None;
        gfx::applyRenderState(blend);
        drawInstance(scene, *instance, view, scene.layer(instance->layer).opacity);
    }
    gfx::applyRenderState(gfx::RenderState{});
    target_->resolve();
    return {};
}

void Renderer::present(glm::ivec2 windowPixels) const
{
    if (target_) gfx::blitToDefault(*target_, windowPixels);
}

core::Image Renderer::readScene() const
{
    if (!target_) return {};
    return gfx::readPixels(&*target_, target_->size());
}

} // namespace render
