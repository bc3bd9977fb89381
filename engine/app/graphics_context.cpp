#include "app/graphics_context.h"

#include "app/paths.h"

#include "core/clock.h"
#include "core/image.h"
#include "core/log.h"
#include "gfx/render_state.h"
#include "gfx/render_target.h"
#include "ui/style.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace app {
namespace {

constexpr float kBaseFontPixels = 17.0f;

// Text grows with the display's DPI (96 is 1x, up to 3x) and with a high-DPI backing store.
float displayScale(const platform::Window& window)
{
    return std::clamp(window.displayDpi() / 96.0f, 1.0f, 3.0f) * window.pixelsPerPoint();
}

} // namespace

GraphicsDesc graphicsDescFor(const Options& options, const Settings& settings, const std::filesystem::path& shaders)
{
    GraphicsDesc desc;
    platform::WindowDesc& window = desc.window;
    window.size = options.size;
    window.headless = options.headless;
    window.fullscreen = options.fullscreen;
    if (!options.headless && !options.sizeGiven && !options.bench && settings.window) {
        // Open where the user left the window last time, as desktop applications do.
        const auto [x, y, width, height] = *settings.window;
        if (width >= 320 && height >= 240) {
            window.position = glm::ivec2(x, y);
            window.size = {width, height};
        }
        window.fullscreen = window.fullscreen || settings.fullscreen;
    }
    window.display = options.display;
    window.vsync = options.vsync && !options.bench;
    window.glDebugContext = options.glDebug;
    desc.shaders = shaders;
    desc.programCache = programCacheFolder();
    desc.glDebug = options.glDebug;
    desc.pipelined = !options.headless || options.bench;
    desc.passTiming = options.bench && std::getenv("HT_BENCH_PASSES") != nullptr;
    // --soak looks for memory that grows and frames that slow from cycle to cycle: drawing every
    // frame keeps the load the same in each phase (a kept picture lets the heap shrink while
    // the scene stands still, by 46 MB at low, and grow again when it moves).
    const char* everyFrame = std::getenv("HT_DRAW_EVERY_FRAME");
    desc.keepPictures = !(everyFrame && std::string_view(everyFrame) == "1") && options.soakSeconds <= 0.0;
    return desc;
}

GraphicsContext::~GraphicsContext()
{
    finishFontAtlas();
    overlayCache_.release();
    if (imguiReady_) {
        gfx::shutdownImGuiRenderer();
        window_.shutdownImGuiBackend();
        ImGui::DestroyContext();
    }
}

core::Status GraphicsContext::open(const GraphicsDesc& desc)
{
    desc_ = desc;
    auto window = platform::Window::create(desc.window);
    if (!window) return window.error();
    window_ = std::move(*window);
    auto gl = gfx::loadOpenGL(platform::Window::glProcLoader());
    if (!gl) return gl.error();
    gl_ = *gl;
    if (desc.glDebug && !gfx::enableDebugOutput(true)) core::logInfo("gfx", "this driver has no debug output (KHR_debug)");
    core::logDebug("gfx", "OpenGL ", gl_.version, " on ", gl_.renderer);
    return {};
}

core::Status GraphicsContext::createRenderer(render::Quality quality, const scene::Scene& scene)
{
    render::RenderOptions options;
    options.maxSamples = gl_.maxSamples;
    options.quality = quality;
    options.pipelined = desc_.pipelined;
    core::Stopwatch setUpTime;
    auto renderer = render::Renderer::create(desc_.shaders, options, desc_.programCache);
    if (!renderer) return renderer.error();
    const double programsMs = setUpTime.elapsedMs();
    renderer_ = std::move(*renderer);
    if (core::Status uploaded = renderer_->upload(scene); !uploaded) return uploaded.error();
    core::logDebug("gfx", "renderer made in ", programsMs, " ms (", renderer_->shaders().cachedPrograms(),
                   " programs from the cache), the model uploaded in ", setUpTime.elapsedMs() - programsMs, " ms");
    // Made once at start-up; a renderer rebuilt after a lost context simplifies as it draws.
    if (detailLevels_.valid()) renderer_->setDetailLevels(detailLevels_.get());
    gpuTimer_ = gfx::GpuTimer();
    gpuTimer_.create();
    renderer_->setPassTiming(desc_.passTiming);
    renderer_->setKeepsPictures(desc_.keepPictures);
    return {};
}

core::Status GraphicsContext::startOverlay(float fontScale, bool highContrast)
{
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // window placement is saved by the app's own settings
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    window_.initImGuiBackend();
    if (core::Status started = gfx::initImGuiRenderer(desc_.shaders, desc_.programCache); !started) {
        window_.shutdownImGuiBackend();
        ImGui::DestroyContext();
        return started;
    }
    imguiReady_ = true;
    dpiScale_ = displayScale(window_);
    highContrast_ = highContrast;
    setFontScale(fontScale);
    // The glyphs are rasterised on another thread while this one sets up the renderer, which
    // calls no ImGui function; the caller waits for them (finishFontAtlas) before anything else
    // does. Later font changes are rasterised in place.
    fontAtlas_ = std::async(std::launch::async, [atlas = ImGui::GetIO().Fonts] { atlas->Build(); });
    return {};
}

bool GraphicsContext::contextLost() const
{
    return gl_.resetNotification && gfx::contextLost();
}

core::Status GraphicsContext::recoverLostContext(const scene::Scene& scene)
{
    core::logWarning("gfx", "the OpenGL context was lost (GPU reset); rebuilding it");
    finishFontAtlas();
    const render::Quality quality = renderer_ ? renderer_->quality() : render::Quality::High;
    render::Renderer::Fades fades = renderer_ ? renderer_->fades() : render::Renderer::Fades{};
    // GL objects go first, while their names still mean something to the driver.
    if (imguiReady_) gfx::shutdownImGuiRenderer();
    overlayCache_.release();
    renderer_.reset();
    gpuTimer_ = gfx::GpuTimer();
    if (core::Status made = window_.recreateContext(); !made) return made;
    gfx::invalidateRenderState();  // the new context starts from GL's defaults, not our cache
    auto gl = gfx::loadOpenGL(platform::Window::glProcLoader());
    if (!gl) return gl.error();
    gl_ = *gl;
    if (desc_.glDebug) gfx::enableDebugOutput(true);
    if (core::Status created = createRenderer(quality, scene); !created) return created;
    renderer_->restoreFades(std::move(fades));
    if (imguiReady_) {
        if (core::Status started = gfx::initImGuiRenderer(desc_.shaders, desc_.programCache); !started) return started;
        setFontScale(fontScale_);  // the atlas kept no font files once it was a texture
    }
    ++contextRecoveries_;
    return {};
}

void GraphicsContext::refreshDisplayScale()
{
    if (!imguiReady_) return;
    const float scale = displayScale(window_);
    if (std::abs(scale - dpiScale_) < 0.01f) return;
    core::logInfo("app", "display scale ", dpiScale_, " -> ", scale, "; text resized to match");
    dpiScale_ = scale;
    setFontScale(fontScale_);
}

void GraphicsContext::setFontScale(float scale)
{
    finishFontAtlas();  // the atlas is about to be cleared
    fontScale_ = std::clamp(scale, 0.6f, 4.0f);
    const float pixels = std::round(kBaseFontPixels * fontScale_ * dpiScale_);
    ui::loadFonts(pixels, ui::presenterPixelsFor(window_.drawableSize().y));
    ui::applyTheme(pixels / kBaseFontPixels, highContrast_);
    fontRebuildPending_ = true;
}

void GraphicsContext::finishFontAtlas()
{
    if (fontAtlas_.valid()) fontAtlas_.get();
}

void GraphicsContext::setHighContrast(bool enabled)
{
    highContrast_ = enabled;
    setFontScale(fontScale_);
}

void GraphicsContext::allowKeptPictures(bool allowed)
{
    if (renderer_) renderer_->setKeepsPictures(desc_.keepPictures && allowed);
}

core::Status GraphicsContext::drawFrame(const scene::Scene& scene, const scene::OrbitCamera& camera,
                                        const std::vector<render::StructureTint>& tints,
                                        const std::function<void()>& buildOverlay,
                                        const std::optional<render::InsetView>& inset, bool drawScene)
{
    drewScene_ = keptScene_ = false;
    const glm::ivec2 drawable = window_.drawableSize();
    if (drawable.x <= 0 || drawable.y <= 0) return {}; // minimised: nothing to draw

    // The overlay is built first: a frame that draws the panels' picture again shows the
    // close-up's last picture once more, so the two costs do not land on one frame.
    std::optional<gfx::CachedOverlay::Path> overlay;
    if (buildOverlay) {
        overlay = prepareOverlay(drawable, buildOverlay);
    } else {
        const ui::PixelRect whole{{0.0f, 0.0f}, glm::vec2(drawable)};
        viewArea_ = ui::ViewArea{glm::vec2(drawable), {}, whole, whole};
    }
    if (drawScene) {
        render::FrameView view = render::frameViewFrom(camera, drawable);
        // Only the part no solid panel hides is drawn.
        const ui::PixelRect& shown = viewArea_.shown;
        if (!shown.empty()) view.shownPixels = ui::bottomLeftPixels(shown, float(drawable.y));
        renderer_->updateDeformedMeshes(scene);
        renderer_->holdInsetPicture(overlay == gfx::CachedOverlay::Path::Redrawn);
        if (core::Status rendered = renderer_->render(scene, view, tints, inset ? &*inset : nullptr); !rendered) return rendered;
        keptScene_ = renderer_->keptPicture();
        drewScene_ = !keptScene_;
    }
    // The scene reaches the window with the overlay: below high both go in one pass.
    if (overlay)
        finishOverlay(drawable, *overlay, drawScene);
    else if (drawScene)
        renderer_->present(drawable);
    return {};
}

gfx::CachedOverlay::Path GraphicsContext::prepareOverlay(glm::ivec2 drawable, const std::function<void()>& buildOverlay)
{
    // Presenter text follows the screen height, so a resize can call for new fonts.
    if (imguiReady_ && ui::presenterPixelsFor(drawable.y) != ui::fonts().presenterPixels) setFontScale(fontScale_);
    if (fontRebuildPending_) {
        finishFontAtlas();
        gfx::rebuildImGuiFonts();
        overlayCache_.invalidate();
        fontRebuildPending_ = false;
    }
    gfx::newImGuiRendererFrame();
    window_.newImGuiFrame();
    ImGui::NewFrame();
    buildOverlay();
    ImGui::Render();
    viewArea_ = ui::currentViewArea(glm::vec2(drawable));
    if (desc_.passTiming) gfx::finish();
    core::Stopwatch overlayClock;
    const gfx::CachedOverlay::Path path = overlayCache_.prepare(*ImGui::GetDrawData(), drawable);
    if (desc_.passTiming) gfx::finish();
    preparedOverlayMs_ = overlayClock.elapsedMs();
    return path;
}

void GraphicsContext::finishOverlay(glm::ivec2 drawable, gfx::CachedOverlay::Path path, bool presentScene)
{
    using Path = gfx::CachedOverlay::Path;
    bool laid = false;
    if (presentScene) {
        if (path == Path::Direct) {
            renderer_->present(drawable);
        } else {
            const render::Renderer::OverlayPicture picture{overlayCache_.picture(), overlayCache_.boxes(), overlayCache_.outside()};
            laid = renderer_->present(drawable, &picture);
        }
    }
    core::Stopwatch overlayClock;
    if (!laid) {
        gfx::beginPass(nullptr, drawable, {});
        if (path == Path::Direct)
            gfx::renderImGui(ImGui::GetDrawData());
        else
            renderer_->compositeOverlay(overlayCache_.picture(), overlayCache_.boxes());
    }
    ++overlayPaths_[std::size_t(path)];
    if (desc_.passTiming) {
        gfx::finish();
        overlayPassMs_.push_back(preparedOverlayMs_ + overlayClock.elapsedMs());
    }
}

core::Image GraphicsContext::readFrame() const
{
    return gfx::readPixels(nullptr, window_.drawableSize());
}

core::Status GraphicsContext::saveScreenshot(const std::filesystem::path& path) const
{
    return core::writePng(path, readFrame());
}

void GraphicsContext::setPresenterFullscreen(bool enabled, int display)
{
    if (enabled && !window_.fullscreen()) {
        window_.setFullscreen(true, display);
        presenterMadeFullscreen_ = window_.fullscreen();
    } else if (!enabled && presenterMadeFullscreen_) {
        window_.setFullscreen(false);
        presenterMadeFullscreen_ = false;
    }
}

} // namespace app
