// The application window and its OpenGL 3.3 core context, created through SDL2; in headless
// mode SDL's offscreen driver gives the same context with no window on screen. This is the
// only module that includes SDL.
#pragma once

#include "core/error.h"
#include "core/gl_proc_loader.h"
#include "platform/input.h"

#include <glm/vec2.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct SDL_Window;

namespace platform {

struct WindowDesc {
    std::string title = "Hamstring Trainer";
    glm::ivec2 size{1280, 720};   // window size in screen units
    std::optional<glm::ivec2> position;  // top-left in desktop coordinates; none: centred on `display`
    int display = 0;
    bool headless = false;        // SDL offscreen driver: no window, same GL
    bool fullscreen = false;      // borderless fullscreen on `display`
    bool vsync = true;
    bool glDebugContext = false;  // ask for a debug context (KHR_debug output)
};

struct DisplayInfo {
    std::string name;
    glm::ivec2 position{0};
    glm::ivec2 size{0};
    float dpi = 96.0f;
};

class Window {
public:
    // Initialises SDL video and creates the window and context. Fails with a message naming
    // the requirement (no display, no OpenGL 3.3 core) instead of crashing.
    static core::Expected<Window> create(const WindowDesc& desc);

    Window();
    Window(Window&& other) noexcept;
    Window& operator=(Window&& other) noexcept;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // The context's GL entry points, for gfx::loadOpenGL.
    static core::GLProcLoader glProcLoader();

    // Replaces the OpenGL context with a fresh one after the old one was lost (GPU reset,
    // driver update). Every GL object of the old context must be released before this.
    core::Status recreateContext();

    // Appends this frame's events. ImGui sees every event first when its backend is active.
    void pollEvents(std::vector<InputEvent>& events);
    void swapBuffers();
    // Sleeps until an event arrives or the time is up (used while minimised).
    void waitForEvents(int milliseconds);

    glm::ivec2 drawableSize() const;   // pixels
    glm::ivec2 windowSize() const;     // screen units
    glm::ivec2 windowPosition() const;
    float pixelsPerPoint() const;      // drawable / window size: 2 on a high-DPI backing store
    int displayIndex() const;
    float displayDpi() const;
    std::vector<DisplayInfo> displays() const;
    std::string videoDriver() const;
    bool headless() const { return headless_; }
    // On screen: a windowed start is hidden until its first frame is swapped in.
    bool visible() const;
    bool minimized() const;

    void setTitle(const std::string& title);
    void setVsync(bool enabled);
    bool fullscreen() const { return fullscreen_; }
    // Borderless fullscreen on the given display, or back to the previous windowed placement.
    void setFullscreen(bool enabled, int display = -1);
    void setMouseCapture(bool relative);

    // Queues an event through SDL's own event queue, so it reaches the overlay and the app
    // exactly like a real one.
    void injectInput(const SyntheticInput& input);

    // Dear ImGui's SDL backend: input and display size for the overlay.
    void initImGuiBackend();
    void shutdownImGuiBackend();
    void newImGuiFrame();

private:
    void release();

    struct State;
    std::unique_ptr<State> state_;
    bool headless_ = false;
    bool fullscreen_ = false;
};

} // namespace platform
