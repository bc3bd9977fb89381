// SDL's event stream turned into the app's input events, and injected input turned into SDL
// events: the half of the window that speaks input.
#include "platform/window.h"

#include "platform/window_state.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>

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

} // namespace

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
        case SDL_DROPFILE:
            // SDL hands over a copy of the path that the receiver frees.
            if (event.drop.file) {
                out.type = InputEvent::Type::FileDropped;
                out.path = event.drop.file;
                SDL_free(event.drop.file);
                events.push_back(out);
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
    case SyntheticInput::Type::DropFile:
        // As a file manager's drop arrives: a copy of the path that the receiver frees.
        event.type = SDL_DROPFILE;
        event.drop.windowID = id;
        event.drop.file = SDL_strdup(input.path.c_str());
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

} // namespace platform
