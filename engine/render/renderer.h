// Draws a scene through a view, like an anatomy atlas: studio lighting on materials with
// their own detail (muscle fibres, glossy tendon, grained bone), translucent skin where only
// the nearest surface blends, a floor with soft contact shadows, an outline around the
// selection. Lit in linear light, written display-encoded to an 8-bit target (one encode
// per fragment; a software rasteriser pays dearly for sRGB targets). Reads the scene, never
// writes it.
#pragma once

#include "assets/detail_levels.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/image.h"
#include "gfx/buffer.h"
#include "gfx/render_target.h"
#include "gfx/shader_library.h"
#include "scene/camera.h"
#include "scene/scene.h"

#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace render {

struct FrameView {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 eye{0.0f};
    glm::ivec2 sizePixels{1, 1};
};

// What a camera sees in an image of the given size.
FrameView frameViewFrom(const scene::OrbitCamera& camera, glm::ivec2 sizePixels);

// What a frame costs, from most to least: 4x multisampling at full detail; simplified meshes
// without multisampling (45% of the triangles); 10% of the triangles lit per vertex at 55%
// resolution, stretched to the window with bilinear filtering.
enum class Quality { High, Medium, Low };

// The medium and low levels draw the simplified meshes of assets/detail_levels.h.
using assets::DetailLevels;
using assets::simplifyModel;
std::string_view qualityName(Quality quality);

struct RenderOptions {
    Quality quality = Quality::High;
    int maxSamples = 4;          // what the driver offers
    // Low quality shows the scene one frame late, so a software rasteriser draws this frame's
    // scene while the overlay goes on the window (reading a target waits for it to finish).
    // Off for images that must show this very frame (tests, exported lessons).
    bool pipelined = false;
};

// A colour map of a muscle quantity for one structure, 0..1; negative: natural colour.
struct StructureTint {
    int structure = -1;
    float value = -1.0f;
};

class Renderer {
public:
    // Loads the shader programs from `shaderFolder`; a missing or broken shader is an error
    // naming its file and line.
    static core::Expected<Renderer> create(const std::filesystem::path& shaderFolder, const RenderOptions& options);

    // Uploads the scene's meshes to the GPU (the explicit step after import).
    core::Status upload(const scene::Scene& scene);
    // Levels of detail made ahead (simplifyModel of the uploaded model); without them each
    // level is simplified the first time it is drawn.
    void setDetailLevels(DetailLevels levels);
    // Re-uploads the vertex positions and normals of meshes the scene deformed this frame.
    void updateDeformedMeshes(const scene::Scene& scene);
    // Draws the scene into the offscreen target, resizing it to the view when needed.
    core::Status render(const scene::Scene& scene, const FrameView& view, const std::vector<StructureTint>& tints = {});
    // Copies the rendered scene onto the window's framebuffer (resolving multisampling, or
    // stretching the low level's smaller image with bilinear filtering).
    void present(glm::ivec2 windowPixels);
    // Blends the overlay's kept picture (premultiplied) over the window inside each scissor
    // box (gfx::CachedOverlay).
    void compositeOverlay(const gfx::Texture2D& picture, std::span<const glm::ivec4> boxes);
    // The last rendered scene without the overlay (before the overlay is drawn when the
    // scene went straight into the window).
    core::Image readScene() const;

    // Per-pass timing for --bench: each pass waits for the GPU to finish and is timed on the
    // CPU clock. On a software rasteriser this is what the pass costs; on a GPU it removes
    // overlap, so it is only turned on to see where time goes.
    void setPassTiming(bool enabled) { passTiming_ = enabled; }
    // Milliseconds per pass name, one entry per frame rendered with timing on.
    const std::vector<std::pair<std::string, std::vector<double>>>& passTimes() const { return passTimes_; }

    void setQuality(Quality quality);
    Quality quality() const { return options_.quality; }
    gfx::ShaderLibrary& shaders() { return shaders_; }
    std::size_t uploadedTriangles() const { return uploadedTriangles_; }
    // Triangles of every uploaded mesh at the level of detail in use (what a frame can draw).
    std::size_t triangleCountInUse() const;

private:
    struct GpuMesh {
        gfx::Mesh mesh;
        bool dynamic = false;
        // Triangles at each level of detail (0: as modelled; the others made when first drawn),
        // simplified over the same vertices, so deformed and skinned meshes keep working. Level
        // in use on the GPU now.
        std::array<std::vector<std::uint32_t>, 3> lods;
        int lodInUse = 0;
    };
    struct Programs {
        int mesh = -1;
        int depth = -1;
        int background = -1;
        int floor = -1;
        int upscale = -1;
        int overlay = -1;
    };

    void drawBackground();
    void drawFloor(const scene::Scene& scene, const FrameView& view);
    // Sets where the instance is (model matrix or skin) on a program using mesh.vert.
    void bindGeometry(const gfx::ShaderProgram& program, const scene::Scene& scene, const scene::MeshInstance& instance);
    void drawInstance(const scene::Scene& scene, const scene::MeshInstance& instance, float opacity, float tint);
    void drawDepthOnly(const scene::Scene& scene, const scene::MeshInstance& instance, const FrameView& view);
    void drawOutline(const scene::Scene& scene, const FrameView& view);
    void drawProps(const scene::Scene& scene);
    static core::Expected<GpuMesh> uploadMesh(const assets::MeshData& data);
    core::Status ensureTarget(glm::ivec2 size);
    void markPass(const char* name);
    int lodLevel() const;

    gfx::ShaderLibrary shaders_{""};
    Programs programs_;
    RenderOptions options_;
    std::vector<GpuMesh> meshes_;
    std::optional<GpuMesh> propBox_, propCylinder_;
    std::optional<gfx::RenderTarget> target_;
    std::optional<gfx::RenderTarget> shown_;   // pipelined: last frame's scene, shown now
    bool shownHasFrame_ = false;
    glm::ivec2 targetRequest_{0};
    glm::ivec2 lastSize_{1};
    gfx::ProceduralDraw procedural_;
    std::optional<gfx::Mesh> floorGrid_;  // indices only: the floor shader makes each vertex from its id
    std::size_t uploadedTriangles_ = 0;
    bool passTiming_ = false;
    core::Stopwatch passClock_;
    std::vector<std::pair<std::string, std::vector<double>>> passTimes_;
};

} // namespace render
