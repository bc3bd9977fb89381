#include "platform/window.h"

#include "core/log.h"

#include <SDL.h>
#include <glm/common.hpp>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace platform {
namespace {

Key translateKey(SDL_Scancode code)
{
    if (code >= SDL_SCANCODE_A && code <= SDL_SCANCODE_Z) return Key(int(Key::A) + (code - SDL_SCANCODE_A));
    if (code >= SDL_SCANCODE_1 && code <= SDL_SCANCODE_9) return Key(int(Key::Num1) + (code - SDL_SCANCODE_1));
    if (code >= SDL_SCANCODE_F1 && code <= SDL_SCANCODE_F12) return Key(int(Key::F1) + (code - SDL_SCANCODE_F1));
    if (code >= SDL_SCANCODE_KP_1 && code <= SDL_SCANCODE_KP_9) return Key(int(Key::Num1) + (code - SDL_SCANCODE_KP_1));
    switch (code) {
    case SDL_SCANCODE_0: case SDL_SCANCODE_KP_0: return Key::Num0;
    case SDL_SCANCODE_ESCAPE: return Key::Escape;
    case SDL_SCANCODE_RETURN: case SDL_SCANCODE_KP_ENTER: return Key::Enter;
    case SDL_SCANCODE_SPACE: return Key::Space;
    case SDL_SCANCODE_TAB: return Key::Tab;
    case SDL_SCANCODE_BACKSPACE: return Key::Backspace;
    case SDL_SCANCODE_DELETE: return Key::Delete;
    case SDL_SCANCODE_LEFT: return Key::Left;
    case SDL_SCANCODE_RIGHT: return Key::Right;
    case SDL_SCANCODE_UP: return Key::Up;
    case SDL_SCANCODE_DOWN: return Key::Down;
    case SDL_SCANCODE_PAGEUP: return Key::PageUp;
    case SDL_SCANCODE_PAGEDOWN: return Key::PageDown;
    case SDL_SCANCODE_HOME: return Key::Home;
    case SDL_SCANCODE_END: return Key::End;
    case SDL_SCANCODE_MINUS: case SDL_SCANCODE_KP_MINUS: return Key::Minus;
    case SDL_SCANCODE_EQUALS: case SDL_SCANCODE_KP_PLUS: return Key::Equals;
    case SDL_SCANCODE_COMMA: return Key::Comma;
    case SDL_SCANCODE_PERIOD: return Key::Period;
    case SDL_SCANCODE_SLASH: return Key::Slash;
    default: return Key::Unknown;
    }
}

Modifiers translateModifiers(Uint16 mod)
{
    return {(mod & KMOD_SHIFT) != 0, (mod & KMOD_CTRL) != 0, (mod & KMOD_ALT) != 0};
}

MouseButton translateButton(Uint8 button)
{
    switch (button) {
    case SDL_BUTTON_LEFT: return MouseButton::Left;
    case SDL_BUTTON_MIDDLE: return MouseButton::Middle;
    case SDL_BUTTON_RIGHT: return MouseButton::Right;
    default: return MouseButton::Other;
    }
}

bool displayAvailable()
{
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (display && *display) || (wayland && *wayland);
}

} // namespace

SDL_Scancode scancodeFor(Key key)
{
    if (key >= Key::A && key <= Key::Z) return SDL_Scancode(SDL_SCANCODE_A + (int(key) - int(Key::A)));
    if (key >= Key::Num1 && key <= Key::Num9) return SDL_Scancode(SDL_SCANCODE_1 + (int(key) - int(Key::Num1)));
    if (key >= Key::F1 && key <= Key::F12) return SDL_Scancode(SDL_SCANCODE_F1 + (int(key) - int(Key::F1)));
    switch (key) {
    case Key::Num0: return SDL_SCANCODE_0;
    case Key::Escape: return SDL_SCANCODE_ESCAPE;
    case Key::Enter: return SDL_SCANCODE_RETURN;
    case Key::Space: return SDL_SCANCODE_SPACE;
    case Key::Tab: return SDL_SCANCODE_TAB;
    case Key::Backspace: return SDL_SCANCODE_BACKSPACE;
    case Key::Delete: return SDL_SCANCODE_DELETE;
    case Key::Left: return SDL_SCANCODE_LEFT;
    case Key::Right: return SDL_SCANCODE_RIGHT;
    case Key::Up: return SDL_SCANCODE_UP;
    case Key::Down: return SDL_SCANCODE_DOWN;
    case Key::PageUp: return SDL_SCANCODE_PAGEUP;
    case Key::PageDown: return SDL_SCANCODE_PAGEDOWN;
    case Key::Home: return SDL_SCANCODE_HOME;
    case Key::End: return SDL_SCANCODE_END;
    case Key::Minus: return SDL_SCANCODE_MINUS;
    case Key::Equals: return SDL_SCANCODE_EQUALS;
    case Key::Comma: return SDL_SCANCODE_COMMA;
    case Key::Period: return SDL_SCANCODE_PERIOD;
    case Key::Slash: return SDL_SCANCODE_SLASH;
    default: return SDL_SCANCODE_UNKNOWN;
    }
}

struct Window::State {
    SDL_Window* window = nullptr;
    // Where injected input last put the pointer; the overlay is told directly, because SDL's
    // offscreen driver never gives the window mouse focus.
    std::optional<glm::vec2> syntheticPointer;
    Uint32 syntheticButtons = 0;
    SDL_GLContext context = nullptr;
    bool imguiBackend = false;
    bool sdlInitialised = false;
    glm::ivec2 windowedPosition{0};
    glm::ivec2 windowedSize{0};
    bool vsync = true;
    std::optional<float> injectedDpi;  // set by an injected display change
};

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

    int displayCount = SDL_GetNumVideoDisplays();
    int display = (desc.display >= 0 && desc.display < displayCount) ? desc.display : 0;
    if (desc.display >= displayCount && displayCount > 0)
        core::logWarning("platform", "display ", desc.display, " does not exist (", displayCount,
                         " found); using display 0");
    int x = int(SDL_WINDOWPOS_CENTERED_DISPLAY(display));
    int y = int(SDL_WINDOWPOS_CENTERED_DISPLAY(display));
    glm::ivec2 size = desc.size;
    if (desc.position && !desc.headless) {
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

void Window::pollEvents(std::vector<InputEvent>& events)
{
    const float scale = pixelsPerPoint();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (state_->imguiBackend) ImGui_ImplSDL2_ProcessEvent(&event);
        InputEvent out;
        switch (event.type) {
        case SDL_QUIT:
            out.type = InputEvent::Type::Quit;
            events.push_back(out);
            break;
        case SDL_WINDOWEVENT:
            switch (event.window.event) {
            case SDL_WINDOWEVENT_SIZE_CHANGED:
                out.type = InputEvent::Type::WindowResized;
                events.push_back(out);
                break;
            case SDL_WINDOWEVENT_MINIMIZED:
                out.type = InputEvent::Type::WindowMinimized;
                events.push_back(out);
                break;
            case SDL_WINDOWEVENT_RESTORED:
                out.type = InputEvent::Type::WindowRestored;
                events.push_back(out);
                break;
            case SDL_WINDOWEVENT_MOVED:
                out.type = InputEvent::Type::WindowMoved;
                events.push_back(out);
                break;
            case SDL_WINDOWEVENT_DISPLAY_CHANGED:
                out.type = InputEvent::Type::DisplayChanged;
                events.push_back(out);
                break;
            default: break;
            }
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            out.type = event.type == SDL_KEYDOWN ? InputEvent::Type::KeyDown : InputEvent::Type::KeyUp;
            out.key = translateKey(event.key.keysym.scancode);
            out.repeat = event.key.repeat != 0;
            out.modifiers = translateModifiers(event.key.keysym.mod);
            if (out.key != Key::Unknown) events.push_back(out);
            break;
        case SDL_MOUSEMOTION:
            out.type = InputEvent::Type::MouseMove;
            out.position = glm::vec2(float(event.motion.x), float(event.motion.y)) * scale;
            out.delta = glm::vec2(float(event.motion.xrel), float(event.motion.yrel)) * scale;
            out.modifiers = translateModifiers(SDL_GetModState());
            events.push_back(out);
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            out.type = event.type == SDL_MOUSEBUTTONDOWN ? InputEvent::Type::MouseDown : InputEvent::Type::MouseUp;
            out.button = translateButton(event.button.button);
            out.clicks = event.button.clicks;
            out.position = glm::vec2(float(event.button.x), float(event.button.y)) * scale;
            out.modifiers = translateModifiers(SDL_GetModState());
            events.push_back(out);
            break;
        case SDL_MOUSEWHEEL: {
            out.type = InputEvent::Type::MouseWheel;
            float amount = event.wheel.preciseY;
            if (event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) amount = -amount;
            out.wheel = amount;
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            out.position = glm::vec2(float(x), float(y)) * scale;
            out.modifiers = translateModifiers(SDL_GetModState());
            events.push_back(out);
            break;
        }
        case SDL_MULTIGESTURE:
            if (event.mgesture.numFingers == 2 && event.mgesture.dDist != 0.0f) {
                out.type = InputEvent::Type::Pinch;
                out.pinch = event.mgesture.dDist;
                events.push_back(out);
            }
            break;
        default: break;
        }
    }
}

void Window::waitForEvents(int milliseconds)
{
    SDL_WaitEventTimeout(nullptr, milliseconds);
}

void Window::swapBuffers()
{
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
    if (enabled) {
        state_->windowedPosition = windowPosition();
        state_->windowedSize = windowSize();
        int target = display >= 0 && display < SDL_GetNumVideoDisplays() ? display : displayIndex();
        SDL_Rect bounds{};
        if (SDL_GetDisplayBounds(target, &bounds) == 0) SDL_SetWindowPosition(window, bounds.x, bounds.y);
        if (SDL_SetWindowFullscreen(window, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0) {
            core::logWarning("platform", "cannot switch to fullscreen: ", SDL_GetError());
            return;
        }
    } else {
        SDL_SetWindowFullscreen(window, 0);
        SDL_SetWindowSize(window, state_->windowedSize.x, state_->windowedSize.y);
        SDL_SetWindowPosition(window, state_->windowedPosition.x, state_->windowedPosition.y);
    }
    fullscreen_ = enabled;
}

void Window::setMouseCapture(bool capture)
{
    if (!headless_) SDL_CaptureMouse(capture ? SDL_TRUE : SDL_FALSE);
}

void Window::injectInput(const SyntheticInput& input)
{
    SDL_Event event{};
    const Uint32 id = SDL_GetWindowID(state_->window);
    const Uint16 mod = Uint16((input.modifiers.shift ? KMOD_LSHIFT : 0) | (input.modifiers.ctrl ? KMOD_LCTRL : 0) |
                              (input.modifiers.alt ? KMOD_LALT : 0));
    Uint8 button = SDL_BUTTON_LEFT;
    switch (input.button) {
    case MouseButton::Middle: button = SDL_BUTTON_MIDDLE; break;
    case MouseButton::Right: button = SDL_BUTTON_RIGHT; break;
    default: break;
    }
    const glm::vec2 previous = state_->syntheticPointer.value_or(input.position);
    switch (input.type) {
    case SyntheticInput::Type::MouseMove:
        event.type = SDL_MOUSEMOTION;
        event.motion.windowID = id;
        event.motion.x = int(input.position.x);
        event.motion.y = int(input.position.y);
        event.motion.xrel = int(input.position.x - previous.x);
        event.motion.yrel = int(input.position.y - previous.y);
        event.motion.state = state_->syntheticButtons;
        state_->syntheticPointer = input.position;
        break;
    case SyntheticInput::Type::MouseDown:
    case SyntheticInput::Type::MouseUp:
        event.type = input.type == SyntheticInput::Type::MouseDown ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        event.button.windowID = id;
        event.button.button = button;
        event.button.state = input.type == SyntheticInput::Type::MouseDown ? SDL_PRESSED : SDL_RELEASED;
        event.button.clicks = Uint8(std::max(1, input.clicks));
        event.button.x = int(input.position.x);
        event.button.y = int(input.position.y);
        state_->syntheticPointer = input.position;
        if (input.type == SyntheticInput::Type::MouseDown)
            state_->syntheticButtons |= SDL_BUTTON(button);
        else
            state_->syntheticButtons &= ~SDL_BUTTON(button);
        break;
    case SyntheticInput::Type::Wheel:
        event.type = SDL_MOUSEWHEEL;
        event.wheel.windowID = id;
        event.wheel.y = int(input.wheel);
        event.wheel.preciseY = input.wheel;
        event.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
        break;
    case SyntheticInput::Type::Resize:
        // A real resize: SDL queues the size-changed event itself.
        SDL_SetWindowSize(state_->window, std::max(1, input.size.x), std::max(1, input.size.y));
        return;
    case SyntheticInput::Type::Minimise:
    case SyntheticInput::Type::Restore:
    case SyntheticInput::Type::DisplayChange:
        event.type = SDL_WINDOWEVENT;
        event.window.windowID = id;
        event.window.event = input.type == SyntheticInput::Type::Minimise  ? SDL_WINDOWEVENT_MINIMIZED
                             : input.type == SyntheticInput::Type::Restore ? SDL_WINDOWEVENT_RESTORED
                                                                           : SDL_WINDOWEVENT_DISPLAY_CHANGED;
        if (input.type == SyntheticInput::Type::DisplayChange) {
            event.window.data1 = input.display;
            state_->injectedDpi = input.dpi;
        }
        break;
    case SyntheticInput::Type::KeyDown:
    case SyntheticInput::Type::KeyUp:
        event.type = input.type == SyntheticInput::Type::KeyDown ? SDL_KEYDOWN : SDL_KEYUP;
        event.key.windowID = id;
        event.key.state = input.type == SyntheticInput::Type::KeyDown ? SDL_PRESSED : SDL_RELEASED;
        event.key.keysym.scancode = scancodeFor(input.key);
        event.key.keysym.sym = SDL_GetKeyFromScancode(event.key.keysym.scancode);
        event.key.keysym.mod = mod;
        SDL_SetModState(SDL_Keymod(mod));
        break;
    }
    SDL_PushEvent(&event);
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

std::optional<Key> keyFromName(std::string_view name)
{
    for (int k = 1; k <= int(Key::Slash); ++k)
        if (name == keyName(Key(k))) return Key(k);
    return std::nullopt;
}

const char* keyName(Key key)
{
    static const char* const names[] = {
        "?", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
        "T", "U", "V", "W", "X", "Y", "Z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "F1", "F2",
        "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "Esc", "Enter", "Space", "Tab",
        "Backspace", "Delete", "Left", "Right", "Up", "Down", "PageUp", "PageDown", "Home", "End", "-", "=",
        ",", ".", "/"};
    static_assert(sizeof(names) / sizeof(names[0]) == int(Key::Slash) + 1, "key names out of step with Key");
    return names[int(key)];
}

} // namespace platform
