// Draws a scene through a view: opaque structures, then translucent layers where only the
// nearest surface of each blends, over a studio backdrop. Reads the scene, never writes it.
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
#include <vector>

namespace render {

struct FrameView {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 eye{0.0f};
    glm::ivec2 sizePixels{1, 1};
};

struct RenderOptions {
    int msaaSamples = 4;   // clamped to what the driver offers
};

class Renderer {
public:
    // Loads the shader programs from `shaderFolder`; a missing or broken shader is an error
    // naming its file and line.
    static core::Expected<Renderer> create(const std::filesystem::path& shaderFolder, const RenderOptions& options,
                                           int maxSamples);

    // Uploads the scene's meshes to the GPU (the explicit step after import).
    core::Status upload(const scene::Scene& scene);
    // Draws the scene into the offscreen target, resizing it to the view when needed.
    core::Status render(const scene::Scene& scene, const FrameView& view);
    // Copies the rendered scene onto the window's framebuffer.
    void present(glm::ivec2 windowPixels) const;
    // The last rendered scene without the overlay.
    core::Image readScene() const;

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
    };

    void drawBackground();
    void drawInstance(const scene::Scene& scene, const scene::MeshInstance& instance, const FrameView& view,
                      float opacity);

    gfx::ShaderLibrary shaders_{""};
    Programs programs_;
    RenderOptions options_;
    std::vector<GpuMesh> meshes_;
    std::optional<gfx::RenderTarget> target_;
    gfx::ProceduralDraw fullscreen_;
    std::size_t uploadedTriangles_ = 0;
};

} // namespace render
