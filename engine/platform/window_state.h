// Private to platform: what a Window holds of SDL, shared by the window's two halves (window.cpp:
// creation, context, placement; sdl_input.cpp: events in and out).
#pragma once

#include "platform/window.h"

#include <SDL.h>
#include <glm/vec2.hpp>

#include <optional>

namespace platform {

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
    bool borderlessFullscreen = false;  // fullscreen made by hand, where nothing honoured the request
    bool vsync = true;
    std::optional<float> injectedDpi;  // set by an injected display change
};

} // namespace platform
