// Draws a scene through a view, like an anatomy atlas: studio lighting on materials with
// their own detail (muscle fibres, glossy tendon, grained bone), translucent skin where only
// the nearest surface blends, a floor with soft contact shadows, an outline around the
// selection, all in linear light on an sRGB target. Reads the scene, never writes it.
#pragma once

#include "core/error.h"
#include "core/image.h"
#include "gfx/buffer.h"
#include "gfx/render_target.h"
#include "gfx/shader_library.h"
#include "scene/scene.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace render {

struct FrameView {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 eye{0.0f};
    glm::ivec2 sizePixels{1, 1};
};

// What a frame costs, from most to least: 4x multisampling, edge smoothing in the final
// copy, edge smoothing at three-quarter resolution.
enum class Quality { High, Medium, Low };
std::string_view qualityName(Quality quality);

struct RenderOptions {
    Quality quality = Quality::High;
    int maxSamples = 4;          // what the driver offers
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
    // Re-uploads the vertex positions and normals of meshes the scene deformed this frame.
    void updateDeformedMeshes(const scene::Scene& scene);
    // Draws the scene into the offscreen target, resizing it to the view when needed.
    core::Status render(const scene::Scene& scene, const FrameView& view, const std::vector<StructureTint>& tints = {});
    // Copies the rendered scene onto the window's framebuffer (encoding, edge smoothing).
    void present(glm::ivec2 windowPixels);
    // The last rendered scene without the overlay.
    core::Image readScene() const;

    void setQuality(Quality quality);
    Quality quality() const { return options_.quality; }
    gfx::ShaderLibrary& shaders() { return shaders_; }
    std::size_t uploadedTriangles() const { return uploadedTriangles_; }

private:
    struct GpuMesh {
        gfx::Mesh mesh;
        bool dynamic = false;
    };
    struct Programs {
        int mesh = -1;
        int background = -1;
        int floor = -1;
        int present = -1;
    };

    void drawBackground();
    void drawFloor(const scene::Scene& scene, const FrameView& view);
    void drawInstance(const scene::Scene& scene, const scene::MeshInstance& instance, float opacity, float tint);
    void drawOutline(const scene::Scene& scene, const FrameView& view);
    core::Status ensureTarget(glm::ivec2 size);

    gfx::ShaderLibrary shaders_{""};
    Programs programs_;
    RenderOptions options_;
    std::vector<GpuMesh> meshes_;
    std::optional<gfx::RenderTarget> target_;
    glm::ivec2 targetRequest_{0};
    gfx::ProceduralDraw procedural_;
    std::size_t uploadedTriangles_ = 0;
};

} // namespace render
