// Everything the renderer keeps on the GPU, as Filament's Engine: the shader programs, the
// model's meshes at each level of detail, the props' and the floor's meshes, and the
// offscreen targets the scene is drawn into. Uploading and updating read the scene; nothing
// here draws or decides what a frame shows.
#pragma once

#include "assets/detail_levels.h"
#include "assets/model_data.h"
#include "core/error.h"
#include "gfx/buffer.h"
#include "gfx/render_target.h"
#include "gfx/shader_library.h"
#include "render/programs.h"
#include "render/view.h"
#include "scene/scene.h"

#include <glm/vec2.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

namespace render {

// Where the scene is drawn when it does not go straight into the window and, when the view
// shows the previous frame (the levels lit per vertex, pipelined), that frame's finished picture.
struct SceneTargets {
    std::optional<gfx::RenderTarget> drawn;
    std::optional<gfx::RenderTarget> shown;
    bool shownHasFrame = false;
};

class GpuResources {
public:
    // Loads the shader programs from `shaderFolder` and makes the meshes every scene uses.
    // Linked programs are kept in `programCache` between runs (empty: compiled at every start).
    static core::Expected<GpuResources> create(const std::filesystem::path& shaderFolder,
                                               const std::filesystem::path& programCache = {});

    gfx::ShaderLibrary& shaders() { return shaders_; }
    Programs& programs() { return programs_; }
    const Programs& programs() const { return programs_; }
    // Binds a program, looking its uniforms up again first if a hot reload rebuilt it.
    template <class Uniforms>
    const gfx::ShaderProgram& use(ProgramSlot<Uniforms>& slot)
    {
        const gfx::ShaderProgram& program = shaders_.program(slot.index);
        if (program.buildSerial() != slot.lookedUpForBuild) {
            slot.uniforms.lookUp(program);
            slot.lookedUpForBuild = program.buildSerial();
        }
        program.use();
        return program;
    }

    // Uploads a model's meshes (the explicit step after import), replacing any before.
    core::Status upload(const assets::ModelData& model);
    // Levels of detail made ahead (assets::simplifyModel of the uploaded model); without them
    // each level is simplified the first time it is used.
    void setDetailLevels(assets::DetailLevels levels);
    // Makes sure every mesh has these levels of detail of `model` (the uploaded one) on the GPU,
    // simplifying the ones not made ahead. Every level a mesh has shares its index buffer, so
    // each draw picks its own.
    void prepareDetailLevels(std::span<const int> levels, const assets::ModelData& model);
    // Re-uploads the vertex positions and normals of meshes the scene deformed since the last
    // upload: by more than a micrometre, or a normal by more than 1e-4 (a muscle at rest keeps
    // its shape, and its upload is skipped).
    void updateDeformedMeshes(const scene::Scene& scene);
    // Changes whenever what a draw can show changes here: meshes uploaded or re-shaped, levels
    // of detail added, targets made anew (their pictures gone).
    std::uint64_t revision() const { return revision_; }

    // Draws a model mesh's triangles at a level of detail, or at the nearest finer level it has
    // on the GPU.
    void drawMesh(int index, int level) const;
    const gfx::Mesh& propMesh(content::Prop::Shape shape) const { return propMeshes_[std::size_t(shape)].mesh; }
    // Indices only: the floor shader makes each vertex from its id.
    const gfx::Mesh& floorGrid() const { return *floorGrid_; }
    static constexpr int kFloorCells = 32;  // per side
    // Full-screen triangles, made from the vertex id.
    const gfx::ProceduralDraw& fullScreen() const { return procedural_; }
    std::size_t uploadedTriangles() const { return uploadedTriangles_; }
    // Triangles of every uploaded mesh at a level of detail (what a frame can draw).
    std::size_t triangleCountAt(int level) const;

    // Makes the targets the view needs for a window of this size, keeping them while neither
    // changes.
    core::Status ensureSceneTargets(const View& view, glm::ivec2 windowPixels);
    // Drops the targets (the quality changed: their size and samples follow it).
    void releaseSceneTargets();
    SceneTargets& sceneTargets() { return targets_; }
    const SceneTargets& sceneTargets() const { return targets_; }

private:
    struct IndexRange {
        std::uint32_t first = 0;
        std::uint32_t count = 0;  // 0: this level is not on the GPU
    };
    struct GpuMesh {
        gfx::Mesh mesh;
        bool dynamic = false;
        // Dynamic: the positions and normals last uploaded (updateDeformedMeshes).
        std::vector<glm::vec3> uploadedPositions, uploadedNormals;
        // Triangles at each level of detail (0: as modelled; the others made ahead or when first
        // used), over the same vertices, kept here until every level is on the GPU.
        std::array<std::vector<std::uint32_t>, assets::kDetailLevelCount> lods;
        // Where each level lies in the mesh's index buffer.
        std::array<IndexRange, assets::kDetailLevelCount> ranges;
    };
    static core::Expected<GpuMesh> uploadMesh(const assets::MeshData& data);
    // Puts every level the mesh has into its index buffer, one after another.
    static void uploadLevels(GpuMesh& mesh);
    // The level's range, or the nearest finer level's on the GPU (empty: none).
    static IndexRange rangeAt(const GpuMesh& mesh, int level);

    gfx::ShaderLibrary shaders_{""};
    Programs programs_;
    std::vector<GpuMesh> meshes_;
    std::vector<GpuMesh> propMeshes_;  // one per content::Prop::Shape
    std::optional<gfx::Mesh> floorGrid_;
    gfx::ProceduralDraw procedural_;
    std::size_t uploadedTriangles_ = 0;
    SceneTargets targets_;
    glm::ivec2 targetRequest_{0};
    std::uint64_t revision_ = 0;
};

} // namespace render
