#include "platform/window.h"

#include "core/log.h"
#include "platform/window_state.h"

#include <SDL.h>
#include <glm/common.hpp>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace platform {
namespace {

bool displayAvailable()
{
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (display && *display) || (wayland && *wayland);
}

// Whether the window has come to cover `bounds` after a fullscreen request. SDL reports the
// requested size at once and the real one when the window system answers, so the answer is
// read after the events of the next few frames; a window manager that honours the request has
// done so well within a quarter of a second.
bool fillsBounds(SDL_Window* window, const SDL_Rect& bounds)
{
    constexpr Uint32 kWaitMs = 250, kSettleMs = 50;
    const Uint64 start = SDL_GetTicks64();
    for (;;) {
        SDL_PumpEvents();
        int x = 0, y = 0, width = 0, height = 0;
        SDL_GetWindowPosition(window, &x, &y);
        SDL_GetWindowSize(window, &width, &height);
        const bool fills = x == bounds.x && y == bounds.y && width == bounds.w && height == bounds.h;
        const Uint64 elapsed = SDL_GetTicks64() - start;
        if ((fills && elapsed >= kSettleMs) || elapsed >= kWaitMs) return fills;
        SDL_Delay(10);
    }
}

// A windowed start is hidden until its first frame (Window::create). SDL waits for the window
// system to map the window, so what is drawn next reaches it.
void showIfHidden(SDL_Window* window)
{
    if (SDL_GetWindowFlags(window) & SDL_WINDOW_HIDDEN) SDL_ShowWindow(window);
}

} // namespace

core::Expected<Window> Window::create(const WindowDesc& desc)
{
    if (desc.headless) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    } else if (!displayAvailable()) {
        return core::Error{"", 0, 0, "display",
                           "no display found (DISPLAY and WAYLAND_DISPLAY are not set); "
                           "run with --headless --screenshot FILE.png to render without a window"};
    }
    // Leave the screensaver alone and never grab the keyboard of a classroom PC.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return core::Error{"", 0, 0, "display", std::string("cannot start the video system: ") + SDL_GetError()};

    Window result;
    result.state_ = std::make_unique<State>();
    result.state_->sdlInitialised = true;
    result.headless_ = desc.headless;

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG |
                                                  (desc.glDebugContext ? SDL_GL_CONTEXT_DEBUG_FLAG : 0));
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);

    const int displayCount = SDL_GetNumVideoDisplays();
    if (displayCount > 0 && (desc.display < 0 || desc.display >= displayCount))
        return core::Error{"", 0, 0, "--display " + std::to_string(desc.display),
                           displayCount == 1 ? std::string("there is one display, 0")
                                             : "there are displays 0 to " + std::to_string(displayCount - 1)};
    const int display = displayCount > 0 ? desc.display : 0;
    int x = int(SDL_WINDOWPOS_CENTERED_DISPLAY(display));
    int y = int(SDL_WINDOWPOS_CENTERED_DISPLAY(display));
    glm::ivec2 size = desc.size;
    if (desc.position && !desc.headless) {
        // A saved size is never larger than the display it opens on: one saved beside a larger
        // monitor (or read from a damaged settings file) would make a window no screen shows.
        SDL_Rect opening;
        if (SDL_GetDisplayUsableBounds(display, &opening) == 0 && opening.w > 0 && opening.h > 0)
            size = glm::min(size, glm::ivec2(opening.w, opening.h));
        // A remembered place is used only while enough of the window's top edge lands on a
        // display that still exists (monitors get unplugged between runs); then the size is
        // kept within that display.
        for (int i = 0; i < displayCount; ++i) {
            SDL_Rect usable;
            if (SDL_GetDisplayUsableBounds(i, &usable) != 0) continue;
            const int overlapX = std::min(desc.position->x + size.x, usable.x + usable.w) -
                                 std::max(desc.position->x, usable.x);
            const bool topVisible = desc.position->y >= usable.y && desc.position->y < usable.y + usable.h - 32;
            if (overlapX < 64 || !topVisible) continue;
            x = desc.position->x;
            y = desc.position->y;
            size = glm::min(size, glm::ivec2(usable.w, usable.h));
            break;
        }
    }
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (!desc.headless) flags |= SDL_WINDOW_RESIZABLE;
    // A windowed start stays hidden until its first frame is drawn: no empty window while the
    // renderer sets up, and nothing on screen at all when a file turns out to be bad. A
    // fullscreen start shows at once, since the window manager answers its request only for a
    // window on screen.
    if (!desc.headless && !desc.fullscreen) flags |= SDL_WINDOW_HIDDEN;
    SDL_Window* window = SDL_CreateWindow(desc.title.c_str(), x, y, size.x, size.y, flags);
    if (!window)
        return core::Error{"", 0, 0, "OpenGL 3.3 core",
                           std::string("cannot create an OpenGL window: ") + SDL_GetError()};
    result.state_->window = window;
    result.state_->windowedSize = size;

    // Ask for a context that reports a GPU reset instead of hanging or crashing (SDL itself
    // never reports a lost context on desktop); drivers without robustness get a plain one.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG | SDL_GL_CONTEXT_ROBUST_ACCESS_FLAG |
                                                  (desc.glDebugContext ? SDL_GL_CONTEXT_DEBUG_FLAG : 0));
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_RESET_NOTIFICATION, SDL_GL_CONTEXT_RESET_LOSE_CONTEXT);
    SDL_GLContext context = SDL_GL_CreateContext(window);
    if (!context) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG |
                                                      (desc.glDebugContext ? SDL_GL_CONTEXT_DEBUG_FLAG : 0));
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_RESET_NOTIFICATION, SDL_GL_CONTEXT_RESET_NO_NOTIFICATION);
        context = SDL_GL_CreateContext(window);
    }
    if (!context)
        return core::Error{"", 0, 0, "OpenGL 3.3 core",
                           std::string("this program needs OpenGL 3.3 core profile, and the driver could not "
                                       "provide it: ") + SDL_GetError()};
    result.state_->context = context;
    int major = 0, minor = 0, profile = 0;
    SDL_GL_GetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, &major);
    SDL_GL_GetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, &minor);
    SDL_GL_GetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, &profile);
    if (major * 10 + minor < 33 || profile != SDL_GL_CONTEXT_PROFILE_CORE)
        return core::Error{"", 0, 0, "OpenGL 3.3 core",
                           "this program needs OpenGL 3.3 core profile; the driver gave " + std::to_string(major) +
                               "." + std::to_string(minor)};
    result.setVsync(desc.vsync);
    if (desc.fullscreen) result.setFullscreen(true, display);
    core::logDebug("platform", "video driver ", SDL_GetCurrentVideoDriver(), ", window ", size.x, "x",
                   size.y);
    return result;
}

Window::Window() = default;

Window::Window(Window&& other) noexcept
    : state_(std::move(other.state_)), headless_(other.headless_), fullscreen_(other.fullscreen_)
{
}

Window& Window::operator=(Window&& other) noexcept
{
    if (this != &other) {
        release();
        state_ = std::move(other.state_);
        headless_ = other.headless_;
        fullscreen_ = other.fullscreen_;
    }
    return *this;
}

Window::~Window()
{
    release();
}

void Window::release()
{
    if (!state_) return;
    shutdownImGuiBackend();
    if (state_->context) SDL_GL_DeleteContext(state_->context);
    if (state_->window) SDL_DestroyWindow(state_->window);
    if (state_->sdlInitialised) SDL_Quit();
    state_.reset();
}

core::GLProcLoader Window::glProcLoader()
{
    return &SDL_GL_GetProcAddress;
}

void Window::waitForEvents(int milliseconds)
{
    SDL_WaitEventTimeout(nullptr, milliseconds);
}

bool Window::visible() const
{
    return (SDL_GetWindowFlags(state_->window) & SDL_WINDOW_SHOWN) != 0;
}

void Window::swapBuffers()
{
    showIfHidden(state_->window);  // the first frame
    SDL_GL_SwapWindow(state_->window);
}

glm::ivec2 Window::drawableSize() const
{
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(state_->window, &width, &height);
    return {width, height};
}

glm::ivec2 Window::windowSize() const
{
    int width = 0, height = 0;
    SDL_GetWindowSize(state_->window, &width, &height);
    return {width, height};
}

glm::ivec2 Window::windowPosition() const
{
    int x = 0, y = 0;
    SDL_GetWindowPosition(state_->window, &x, &y);
    return {x, y};
}

float Window::pixelsPerPoint() const
{
    glm::ivec2 window = windowSize();
    glm::ivec2 drawable = drawableSize();
    return window.x > 0 ? float(drawable.x) / float(window.x) : 1.0f;
}

int Window::displayIndex() const
{
    int index = SDL_GetWindowDisplayIndex(state_->window);
    return index < 0 ? 0 : index;
}

float Window::displayDpi() const
{
    if (state_->injectedDpi) return *state_->injectedDpi;
    float dpi = 96.0f;
    if (headless_) return dpi;
    if (SDL_GetDisplayDPI(displayIndex(), &dpi, nullptr, nullptr) != 0 || dpi <= 0.0f) return 96.0f;
    return dpi;
}

std::vector<DisplayInfo> Window::displays() const
{
    std::vector<DisplayInfo> result;
    for (int i = 0; i < SDL_GetNumVideoDisplays(); ++i) {
        DisplayInfo info;
        const char* name = SDL_GetDisplayName(i);
        info.name = name ? name : ("Display " + std::to_string(i + 1));
        SDL_Rect bounds{};
        if (SDL_GetDisplayBounds(i, &bounds) == 0) {
            info.position = {bounds.x, bounds.y};
            info.size = {bounds.w, bounds.h};
        }
        float dpi = 0.0f;
        if (SDL_GetDisplayDPI(i, &dpi, nullptr, nullptr) == 0 && dpi > 0.0f) info.dpi = dpi;
        result.push_back(info);
    }
    return result;
}

std::string Window::videoDriver() const
{
    const char* driver = SDL_GetCurrentVideoDriver();
    return driver ? driver : "none";
}

bool Window::minimized() const
{
    return (SDL_GetWindowFlags(state_->window) & SDL_WINDOW_MINIMIZED) != 0;
}

void Window::setTitle(const std::string& title)
{
    SDL_SetWindowTitle(state_->window, title.c_str());
}

void Window::setVsync(bool enabled)
{
    state_->vsync = enabled;
    // Adaptive vsync first (tears rather than stutters when late), then plain vsync.
    if (enabled) {
        if (SDL_GL_SetSwapInterval(-1) != 0) SDL_GL_SetSwapInterval(1);
    } else {
        SDL_GL_SetSwapInterval(0);
    }
}

void Window::setFullscreen(bool enabled, int display)
{
    if (headless_ || enabled == fullscreen_) return;
    SDL_Window* window = state_->window;
    if (enabled) showIfHidden(window);  // the window manager answers only for a window on screen
    if (enabled) {
        state_->windowedPosition = windowPosition();
        state_->windowedSize = windowSize();
        const int target = display >= 0 && display < SDL_GetNumVideoDisplays() ? display : displayIndex();
        SDL_Rect bounds{};
        const bool knownBounds = SDL_GetDisplayBounds(target, &bounds) == 0 && bounds.w > 0 && bounds.h > 0;
        if (knownBounds) SDL_SetWindowPosition(window, bounds.x, bounds.y);
        const bool requested = SDL_SetWindowFullscreen(window, SDL_WINDOW_FULLSCREEN_DESKTOP) == 0;
        if (!requested) core::logDebug("platform", "fullscreen request refused: ", SDL_GetError());
        if (!knownBounds) {
            if (!requested) {
                core::logWarning("platform", "cannot switch to fullscreen: ", SDL_GetError());
                return;
            }
        } else if (!requested || !fillsBounds(window, bounds)) {
            // Nothing honoured the request (an X server without a window manager, a kiosk
            // session): cover the display with a borderless window placed by hand.
            core::logDebug("platform", "fullscreen not honoured; covering display ", target, " with a borderless window");
            SDL_SetWindowFullscreen(window, 0);
            SDL_SetWindowBordered(window, SDL_FALSE);
            SDL_SetWindowPosition(window, bounds.x, bounds.y);
            SDL_SetWindowSize(window, bounds.w, bounds.h);
            state_->borderlessFullscreen = true;
        }
    } else {
        if (state_->borderlessFullscreen)
            SDL_SetWindowBordered(window, SDL_TRUE);
        else
            SDL_SetWindowFullscreen(window, 0);
        state_->borderlessFullscreen = false;
        SDL_SetWindowSize(window, state_->windowedSize.x, state_->windowedSize.y);
        SDL_SetWindowPosition(window, state_->windowedPosition.x, state_->windowedPosition.y);
    }
    fullscreen_ = enabled;
}

void Window::setMouseCapture(bool capture)
{
    if (!headless_) SDL_CaptureMouse(capture ? SDL_TRUE : SDL_FALSE);
}

core::Status Window::recreateContext()
{
    SDL_GL_MakeCurrent(state_->window, nullptr);
    if (state_->context) SDL_GL_DeleteContext(state_->context);
    state_->context = SDL_GL_CreateContext(state_->window);  // same attributes as the first
    if (!state_->context)
        return core::Error{"", 0, 0, "OpenGL 3.3 core",
                           std::string("the OpenGL context was lost and a new one could not be made: ") + SDL_GetError()};
    if (SDL_GL_MakeCurrent(state_->window, state_->context) != 0)
        return core::Error{"", 0, 0, "OpenGL 3.3 core", std::string("cannot use the new OpenGL context: ") + SDL_GetError()};
    setVsync(state_->vsync);
    return {};
}

void Window::initImGuiBackend()
{
    if (state_->imguiBackend) return;
    ImGui_ImplSDL2_InitForOpenGL(state_->window, state_->context);
    state_->imguiBackend = true;
}

void Window::shutdownImGuiBackend()
{
    if (!state_ || !state_->imguiBackend) return;
    ImGui_ImplSDL2_Shutdown();
    state_->imguiBackend = false;
}

void Window::newImGuiFrame()
{
    ImGui_ImplSDL2_NewFrame();
    if (state_->syntheticPointer) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(state_->syntheticPointer->x, state_->syntheticPointer->y);
        for (int b = 0; b < 3; ++b) {
            const Uint32 mask = SDL_BUTTON(b == 0 ? SDL_BUTTON_LEFT : b == 1 ? SDL_BUTTON_RIGHT : SDL_BUTTON_MIDDLE);
            io.MouseDown[b] = io.MouseDown[b] || (state_->syntheticButtons & mask) != 0;
        }
    }
}

} // namespace platform
