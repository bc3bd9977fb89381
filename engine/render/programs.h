// The renderer's shader programs (files in shaders/) and the uniforms each one takes, as typed
// locations looked up once per build of the program. A hot reload gives a program a new build,
// and its locations are looked up again the next time it is bound (GpuResources::use).
#pragma once

#include "core/error.h"
#include "gfx/shader.h"
#include "gfx/shader_library.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <span>

namespace render {

// mesh.vert with mesh.frag (structures and props), with mesh_vertex_lit.frag (the same at the
// lowest quality, lit per vertex), or with depth.frag (the depth pre-pass).
struct MeshUniforms {
    gfx::Uniform<glm::mat4> model, view, projection;
    gfx::Uniform<int> skinned;
    gfx::Uniform<std::span<const glm::mat4>> jointMatrices;
    gfx::Uniform<float> inflate;          // metres along the normal (the selection outline)
    gfx::Uniform<int> vertexLighting;
    gfx::Uniform<glm::vec4> baseColor;
    gfx::Uniform<float> roughness;
    gfx::Uniform<int> material;           // MaterialKind
    gfx::Uniform<glm::vec3> highlightColor;
    gfx::Uniform<float> highlight;
    gfx::Uniform<float> mapValue;
    gfx::Uniform<int> flat;
    // A muscle's state (shaders/common/muscle_state.glsl), each 0..1, and the scene time the
    // cramp's pulse and ripple move with.
    gfx::Uniform<float> activation, cramp, stretch, timeS;
    void lookUp(const gfx::ShaderProgram& program);
};

// background.vert with background.frag: the studio backdrop (common/backdrop.glsl). The
// passes that bring the scene to the window lay it under the scene too.
struct BackdropUniforms {
    gfx::Uniform<glm::vec3> topColor, bottomColor;
    void lookUp(const gfx::ShaderProgram& program);
};

// floor.vert with floor.frag: the floor grid with contact shadows from capsules.
struct FloorUniforms {
    gfx::Uniform<glm::mat4> view, projection;
    gfx::Uniform<glm::vec3> centre;
    gfx::Uniform<float> halfSize;
    gfx::Uniform<int> cells;
    gfx::Uniform<glm::vec3> floorColor;
    gfx::Uniform<int> capsuleCount;
    gfx::Uniform<std::span<const glm::vec4>> capsuleA, capsuleB;
    void lookUp(const gfx::ShaderProgram& program);
};

// background.vert with present.frag: the finished scene brought to the window over the
// backdrop, each variant a program of its own (the file lists them).
struct PresentUniforms {
    gfx::Uniform<int> scene;          // texture unit
    gfx::Uniform<int> overlay;        // texture unit (OVERLAY)
    BackdropUniforms backdrop;
    void lookUp(const gfx::ShaderProgram& program);
};

// background.vert with overlay.frag: the overlay's kept picture laid over the window.
struct OverlayUniforms {
    gfx::Uniform<int> overlay;  // texture unit
    void lookUp(const gfx::ShaderProgram& program);
};

// One program of the library and its uniforms, with the build they were looked up for.
template <class Uniforms>
struct ProgramSlot {
    int index = -1;
    std::uint64_t lookedUpForBuild = 0;
    Uniforms uniforms;
};

struct Programs {
    ProgramSlot<MeshUniforms> mesh;
    ProgramSlot<MeshUniforms> meshVertexLit;
    ProgramSlot<MeshUniforms> depth;
    ProgramSlot<BackdropUniforms> backdrop;
    ProgramSlot<FloorUniforms> floor;
    // present.frag: copied pixel for pixel, smoothed or stretched; each alone or with the
    // overlay laid over it.
    ProgramSlot<PresentUniforms> copy, copyOverlay, smooth, smoothOverlay, stretch, stretchOverlay;
    ProgramSlot<OverlayUniforms> overlay;

    // Reads every program's files from the library's folder, a missing one an error naming
    // it; each program is built the first time it is used (Renderer builds the ones of its
    // level ahead, where a broken shader is an error naming its file and line).
    static core::Expected<Programs> load(gfx::ShaderLibrary& library);
};

} // namespace render
