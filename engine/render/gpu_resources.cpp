#include "render/gpu_resources.h"

#include "render/primitives.h"

#include <algorithm>
#include <cmath>

namespace render {

core::Expected<GpuResources> GpuResources::create(const std::filesystem::path& shaderFolder,
                                                  const std::filesystem::path& programCache)
{
    GpuResources resources;
    resources.shaders_ = gfx::ShaderLibrary(shaderFolder, programCache);
    auto programs = Programs::load(resources.shaders_);
    if (!programs) return programs.error();
    resources.programs_ = *programs;
    resources.procedural_ = gfx::ProceduralDraw::create();
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
    resources.floorGrid_ = std::move(*floorGrid);
    for (int shape = 0; shape < content::kPropShapeCount; ++shape) {
        auto mesh = uploadMesh(propShapeMesh(content::Prop::Shape(shape)));
        if (!mesh) return mesh.error();
        resources.propMeshes_.push_back(std::move(*mesh));
    }
    return resources;
}

core::Status GpuResources::upload(const assets::ModelData& model)
{
    meshes_.clear();
    uploadedTriangles_ = 0;
    ++revision_;
    for (const assets::MeshData& data : model.meshes) {
        auto gpu = uploadMesh(data);
        if (!gpu) return gpu.error();
        meshes_.push_back(std::move(*gpu));
        uploadedTriangles_ += data.triangleCount();
    }
    return {};
}

core::Expected<GpuResources::GpuMesh> GpuResources::uploadMesh(const assets::MeshData& data)
{
    // Every mesh has every attribute mesh.vert reads; what the model leaves out gets a value
    // that changes nothing (no skin, no muscle detail, open sky).
    // The model's own arrays go to the driver as they are; only missing ones are made.
    const std::size_t count = data.positions.size();
    // `given` when it has a value for every vertex (and `use`), else `made` filled with `value`.
    auto filled = [count](const auto& given, auto& made, auto value, bool use = true) {
        using Value = typename std::decay_t<decltype(given)>::value_type;
        if (use && given.size() == count) return std::span<const Value>(given);
        made.assign(count, value);
        return std::span<const Value>(made);
    };
    std::vector<glm::vec3> madeNormals, madeMuscle;
    std::vector<glm::u16vec4> madeJoints;
    std::vector<glm::vec4> madeWeights;
    std::vector<float> madeOcclusion;
    const bool skinned = data.joints.size() == count;  // joints and weights come as a pair
    const auto normals = filled(data.normals, madeNormals, glm::vec3(0.0f, 1.0f, 0.0f));
    const auto joints = filled(data.joints, madeJoints, glm::u16vec4(0), skinned);
    const auto weights = filled(data.weights, madeWeights, glm::vec4(1.0f, 0.0f, 0.0f, 0.0f), skinned);
    const auto muscle = filled(data.muscleCoords, madeMuscle, glm::vec3(0.0f));
    const auto occlusion = filled(data.occlusion, madeOcclusion, 1.0f);
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
    GpuMesh gpu{std::move(*mesh), dynamic, {}, {}};
    gpu.lods[0] = data.indices;
    gpu.ranges[0] = {0, std::uint32_t(data.indices.size())};
    return gpu;
}

void GpuResources::setDetailLevels(assets::DetailLevels levels)
{
    for (std::size_t i = 0; i < meshes_.size() && i < levels.size(); ++i) {
        GpuMesh& mesh = meshes_[i];
        bool added = false;
        for (std::size_t level = 1; level < std::size_t(assets::kDetailLevelCount); ++level)
            if (mesh.ranges[level].count == 0 && mesh.lods[level].empty() && !levels[i][level - 1].empty()) {
                mesh.lods[level] = std::move(levels[i][level - 1]);
                added = true;
            }
        if (added) {
            uploadLevels(mesh);
            ++revision_;
        }
    }
}

void GpuResources::prepareDetailLevels(std::span<const int> levels, const assets::ModelData& model)
{
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        GpuMesh& mesh = meshes_[i];
        bool added = false;
        for (int level : levels) {
            if (mesh.ranges[std::size_t(level)].count != 0 || i >= model.meshes.size()) continue;
            std::vector<std::uint32_t>& indices = mesh.lods[std::size_t(level)];
            if (indices.empty()) indices = assets::simplifiedIndices(model.meshes[i], level);
            added = added || !indices.empty();
        }
        if (added) {
            uploadLevels(mesh);
            ++revision_;
        }
    }
}

void GpuResources::uploadLevels(GpuMesh& mesh)
{
    std::vector<std::uint32_t> all;
    std::size_t total = 0;
    for (const std::vector<std::uint32_t>& indices : mesh.lods) total += indices.size();
    all.reserve(total);
    bool every = true;
    for (std::size_t level = 0; level < mesh.lods.size(); ++level) {
        const std::vector<std::uint32_t>& indices = mesh.lods[level];
        mesh.ranges[level] = {std::uint32_t(all.size()), std::uint32_t(indices.size())};
        all.insert(all.end(), indices.begin(), indices.end());
        every = every && !indices.empty();
    }
    mesh.mesh.setIndices(all);
    // Once every level is on the GPU nothing is uploaded again: the copies here can go.
    if (every)
        for (std::vector<std::uint32_t>& indices : mesh.lods) std::vector<std::uint32_t>().swap(indices);
}

GpuResources::IndexRange GpuResources::rangeAt(const GpuMesh& mesh, int level)
{
    for (int finer = level; finer >= 0; --finer)
        if (const IndexRange range = mesh.ranges[std::size_t(finer)]; range.count != 0) return range;
    return {};
}

void GpuResources::drawMesh(int index, int level) const
{
    const GpuMesh& mesh = meshes_[std::size_t(index)];
    if (const IndexRange range = rangeAt(mesh, level); range.count != 0)
        mesh.mesh.drawRange(gfx::Primitive::Triangles, range.first, range.count);
}

namespace {

// A muscle whose simulation has come to rest still changes its shape by a float's last bits
// from one frame to the next (its normals by about 1e-7): no picture shows that, and uploading
// it would make every frame of a held stretch a new picture. A micrometre of the body and a
// ten-thousandth of a normal are far below a pixel and a step of colour.
constexpr float kUnmovedMetres = 1e-6f;
constexpr float kUnturnedNormal = 1e-4f;

bool closeTo(std::span<const glm::vec3> now, const std::vector<glm::vec3>& uploaded, float tolerance)
{
    if (now.size() != uploaded.size()) return false;
    for (std::size_t i = 0; i < now.size(); ++i) {
        const glm::vec3 d = now[i] - uploaded[i];
        if (std::max({std::abs(d.x), std::abs(d.y), std::abs(d.z)}) > tolerance) return false;
    }
    return true;
}

} // namespace

void GpuResources::updateDeformedMeshes(const scene::Scene& scene)
{
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        GpuMesh& mesh = meshes_[i];
        if (!mesh.dynamic) continue;
        const auto positions = scene.deformedPositions(int(i));
        const auto normals = scene.deformedNormals(int(i));
        if (positions.empty() || normals.size() != positions.size()) continue;
        if (closeTo(positions, mesh.uploadedPositions, kUnmovedMetres) && closeTo(normals, mesh.uploadedNormals, kUnturnedNormal))
            continue;
        mesh.uploadedPositions.assign(positions.begin(), positions.end());
        mesh.uploadedNormals.assign(normals.begin(), normals.end());
        mesh.mesh.updateVertexBuffer(0, std::as_bytes(positions));
        mesh.mesh.updateVertexBuffer(1, std::as_bytes(normals));
        ++revision_;
    }
}

std::size_t GpuResources::triangleCountAt(int level) const
{
    std::size_t total = 0;
    for (const GpuMesh& mesh : meshes_) total += rangeAt(mesh, level).count / 3;
    return total;
}

core::Status GpuResources::ensureSceneTargets(const View& view, glm::ivec2 windowPixels)
{
    const std::optional<gfx::RenderTargetDesc> desc = view.sceneTarget(windowPixels);
    if (targetRequest_ == windowPixels && (targets_.drawn || !desc)) return {};
    releaseSceneTargets();
    targetRequest_ = windowPixels;
    if (!desc) return {};
    auto drawn = gfx::RenderTarget::create(*desc);
    if (!drawn) return drawn.error();
    targets_.drawn = std::move(*drawn);
    if (view.showsPreviousFrame()) {
        // Drawn in turn with the other, and its depth never read once drawn: one depth buffer.
        gfx::RenderTargetDesc shownDesc = *desc;
        shownDesc.sharedDepth = &*targets_.drawn;
        auto shown = gfx::RenderTarget::create(shownDesc);
        if (!shown) return shown.error();
        targets_.shown = std::move(*shown);
    }
    return {};
}

void GpuResources::releaseSceneTargets()
{
    targets_ = SceneTargets{};
    ++revision_;
}

} // namespace render

