// The window and everything drawn into it: the OpenGL context, the renderer, Dear ImGui with
// fonts sized for the display's DPI, and the rebuild of all of it when the driver loses the
// context. The loop hands it the scene, the camera and a function that builds the overlay.
#pragma once

#include "app/options.h"
#include "app/settings.h"
#include "core/error.h"
#include "gfx/context.h"
#include "gfx/imgui_renderer.h"
#include "gfx/timer_query.h"
#include "platform/window.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "ui/view_area.h"

#include <array>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <vector>

namespace app {

struct GraphicsDesc {
    platform::WindowDesc window;
    std::filesystem::path shaders;  // the renderer's shader folder
    std::filesystem::path programCache;  // linked programs kept between runs (empty: none)
    bool glDebug = false;           // report every OpenGL error and warning
    bool pipelined = false;         // the levels lit per vertex may show the scene a frame late (render::RenderOptions)
    bool passTiming = false;        // time each pass, waiting for the GPU after it (--bench, HT_BENCH_PASSES)
    bool keepPictures = true;       // show the scene's last picture again while nothing in it changes (HT_DRAW_EVERY_FRAME=1: off)
};

// The window placement for a run: the command line's, else where the user left it last time.
GraphicsDesc graphicsDescFor(const Options& options, const Settings& settings, const std::filesystem::path& shaders);

class GraphicsContext {
public:
    GraphicsContext() = default;
    ~GraphicsContext();
    GraphicsContext(const GraphicsContext&) = delete;
    GraphicsContext& operator=(const GraphicsContext&) = delete;

    // Opens the window and loads OpenGL; fails naming what is missing.
    core::Status open(const GraphicsDesc& desc);
    // Levels of detail being simplified on another thread; the first renderer takes them.
    void setDetailLevels(std::future<render::DetailLevels> levels) { detailLevels_ = std::move(levels); }
    // Makes the renderer at this quality and uploads the scene's meshes.
    core::Status createRenderer(render::Quality quality, const scene::Scene& scene);
    // Starts Dear ImGui on the window with this text size and theme.
    core::Status startOverlay(float fontScale, bool highContrast);

    // The driver reported a GPU reset.
    bool contextLost() const;
    // Drops every GL object, makes a new context and builds them again.
    core::Status recoverLostContext(const scene::Scene& scene);
    // After a resize or a move to another display: a new DPI rebuilds the fonts at the size that
    // keeps text the same physical size.
    void refreshDisplayScale();
    void setFontScale(float scale);  // clamped to 0.6..4
    // Waits for the font atlas startOverlay rasterises on another thread.
    void finishFontAtlas();
    void setHighContrast(bool enabled);

    // Renders the scene and presents it; then, when `buildOverlay` is given, the overlay it
    // builds between ImGui's NewFrame and Render. A minimised window draws nothing.
    // `inset`: a second view drawn into a box of the picture (the close-up). `drawScene` false:
    // only the overlay, for a mode that lays the panels out and draws the scene itself.
    core::Status drawFrame(const scene::Scene& scene, const scene::OrbitCamera& camera,
                           const std::vector<render::StructureTint>& tints, const std::function<void()>& buildOverlay,
                           const std::optional<render::InsetView>& inset = std::nullopt, bool drawScene = true);
    // Whether the scene's last picture may be shown again while nothing in it changes (when
    // HT_DRAW_EVERY_FRAME does not forbid it): not while the quality governor measures.
    void allowKeptPictures(bool allowed);
    // Whether the last drawFrame drew the scene, rather than showing its last picture again
    // (render::Renderer::render) or leaving it to a mode.
    bool drewScene() const { return drewScene_; }
    bool keptScenePicture() const { return keptScene_; }
    // The window's pixels, rows top to bottom (a video frame).
    core::Image readFrame() const;
    // The window's pixels as a PNG file.
    core::Status saveScreenshot(const std::filesystem::path& path) const;

    // Presenter mode fills the chosen display; leaving it restores the window only if it was
    // presenter mode that made it fullscreen.
    void setPresenterFullscreen(bool enabled, int display);
    // Fullscreen by the user's choice (presenter mode's is not a preference to save).
    bool userFullscreen() const { return window_.fullscreen() && !presenterMadeFullscreen_; }

    // Closes the window, its GL context and the video system before anything else was made
    // with them (Application::startOverImporting, before the process is replaced).
    void closeWindow() { window_ = platform::Window(); }
    platform::Window& window() { return window_; }
    const platform::Window& window() const { return window_; }
    const gfx::ContextInfo& gl() const { return gl_; }
    render::Renderer& renderer() { return *renderer_; }
    const render::Renderer& renderer() const { return *renderer_; }
    gfx::GpuTimer& gpuTimer() { return gpuTimer_; }
    bool overlayReady() const { return imguiReady_; }
    float fontScale() const { return fontScale_; }
    float dpiScale() const { return dpiScale_; }
    bool highContrast() const { return highContrast_; }
    int contextRecoveries() const { return contextRecoveries_; }
    // How the overlay reached the window, per frame: kept picture, redrawn picture, direct.
    const std::array<long long, 4>& overlayPaths() const { return overlayPaths_; }
    const gfx::CachedOverlay& overlayCache() const { return overlayCache_; }
    // Overlay pass times (ms) while pass timing is on.
    const std::vector<double>& overlayPassMs() const { return overlayPassMs_; }
    // What the last frame's overlay left free for the 3D view (the whole window without one).
    const ui::ViewArea& viewArea() const { return viewArea_; }

private:
    // The overlay of a frame in two halves around the scene: built (and its picture drawn
    // again when it changed), then laid on the window with the scene or after it.
    gfx::CachedOverlay::Path prepareOverlay(glm::ivec2 drawable, const std::function<void()>& buildOverlay);
    void finishOverlay(glm::ivec2 drawable, gfx::CachedOverlay::Path path, bool presentScene);

    GraphicsDesc desc_;
    platform::Window window_;
    gfx::ContextInfo gl_;
    std::optional<render::Renderer> renderer_;
    std::future<render::DetailLevels> detailLevels_;  // being simplified while the app starts
    gfx::GpuTimer gpuTimer_;
    gfx::CachedOverlay overlayCache_;                 // the panels kept as a picture while unchanged
    std::array<long long, 4> overlayPaths_{};
    std::vector<double> overlayPassMs_;
    double preparedOverlayMs_ = 0.0;
    ui::ViewArea viewArea_;
    bool imguiReady_ = false;
    float fontScale_ = 1.0f;
    float dpiScale_ = 1.0f;
    bool highContrast_ = false;
    bool fontRebuildPending_ = false;
    bool drewScene_ = false;
    bool keptScene_ = false;
    std::future<void> fontAtlas_;  // the fonts' glyphs, rasterised on another thread
    bool presenterMadeFullscreen_ = false;
    int contextRecoveries_ = 0;
};

} // namespace app
