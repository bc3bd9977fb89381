#include "render/programs.h"

namespace render {

void MeshUniforms::lookUp(const gfx::ShaderProgram& program)
{
    model = program.uniform<glm::mat4>("uModel");
    view = program.uniform<glm::mat4>("uView");
    projection = program.uniform<glm::mat4>("uProjection");
    skinned = program.uniform<int>("uSkinned");
    jointMatrices = program.uniform<std::span<const glm::mat4>>("uJointMatrices");
    inflate = program.uniform<float>("uInflate");
    vertexLighting = program.uniform<int>("uVertexLighting");
    baseColor = program.uniform<glm::vec4>("uBaseColor");
    roughness = program.uniform<float>("uRoughness");
    material = program.uniform<int>("uMaterial");
    highlightColor = program.uniform<glm::vec3>("uHighlightColor");
    highlight = program.uniform<float>("uHighlight");
    mapValue = program.uniform<float>("uMapValue");
    flat = program.uniform<int>("uFlat");
    activation = program.uniform<float>("uActivation");
    cramp = program.uniform<float>("uCramp");
    stretch = program.uniform<float>("uStretch");
    timeS = program.uniform<float>("uTimeS");
}

void BackdropUniforms::lookUp(const gfx::ShaderProgram& program)
{
    topColor = program.uniform<glm::vec3>("uTopColor");
    bottomColor = program.uniform<glm::vec3>("uBottomColor");
}

void FloorUniforms::lookUp(const gfx::ShaderProgram& program)
{
    view = program.uniform<glm::mat4>("uView");
    projection = program.uniform<glm::mat4>("uProjection");
    centre = program.uniform<glm::vec3>("uCentre");
    halfSize = program.uniform<float>("uHalfSize");
    cells = program.uniform<int>("uCells");
    floorColor = program.uniform<glm::vec3>("uFloorColor");
    capsuleCount = program.uniform<int>("uCapsuleCount");
    capsuleA = program.uniform<std::span<const glm::vec4>>("uCapsuleA");
    capsuleB = program.uniform<std::span<const glm::vec4>>("uCapsuleB");
}

void PresentUniforms::lookUp(const gfx::ShaderProgram& program)
{
    backdrop.lookUp(program);
    scene = program.uniform<int>("uScene");
    overlay = program.uniform<int>("uOverlay");
}

void OverlayUniforms::lookUp(const gfx::ShaderProgram& program)
{
    overlay = program.uniform<int>("uOverlay");
}

core::Expected<Programs> Programs::load(gfx::ShaderLibrary& library)
{
    Programs programs;
    struct ProgramFiles {
        int* index;
        const char* name;
        const char* vertex;
        const char* fragment;
        std::vector<std::string> defines;
    };
    const ProgramFiles files[] = {
        {&programs.mesh.index, "mesh", "mesh.vert", "mesh.frag"},
        {&programs.meshVertexLit.index, "mesh (lit per vertex)", "mesh.vert", "mesh_vertex_lit.frag"},
        {&programs.depth.index, "depth", "mesh.vert", "depth.frag"},
        {&programs.backdrop.index, "background", "background.vert", "background.frag"},
        {&programs.floor.index, "floor", "floor.vert", "floor.frag"},
        {&programs.copy.index, "present", "background.vert", "present.frag"},
        {&programs.copyOverlay.index, "present with overlay", "background.vert", "present.frag", {"OVERLAY"}},
        {&programs.smooth.index, "present smoothed", "background.vert", "present.frag", {"SMOOTH"}},
        {&programs.smoothOverlay.index, "present smoothed with overlay", "background.vert", "present.frag", {"SMOOTH", "OVERLAY"}},
        {&programs.stretch.index, "present stretched", "background.vert", "present.frag", {"STRETCH"}},
        {&programs.stretchOverlay.index, "present stretched with overlay", "background.vert", "present.frag", {"STRETCH", "OVERLAY"}},
        {&programs.overlay.index, "overlay", "background.vert", "overlay.frag"},
    };
    for (const ProgramFiles& program : files) {
        auto index = library.load(program.name, program.vertex, program.fragment, program.defines,
                                  gfx::ShaderLibrary::Build::OnFirstUse);
        if (!index) return index.error();
        *program.index = *index;
    }
    return programs;
}

} // namespace render
