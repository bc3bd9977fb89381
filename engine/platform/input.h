// Platform-neutral input events: what the rest of the app sees of SDL's event stream.
#pragma once

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace platform {

enum class Key {
    Unknown,
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    Num0, Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8, Num9,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    Escape, Enter, Space, Tab, Backspace, Delete,
    Left, Right, Up, Down, PageUp, PageDown, Home, End,
    Minus, Equals, Comma, Period, Slash,
};

// Readable key name for help text and messages, e.g. "PageDown" ("?" for Unknown).
std::string_view keyName(Key key);
// The key with that name (as keyName writes it), if any.
std::optional<Key> keyFromName(std::string_view name);

enum class MouseButton { Left, Middle, Right, Other };

struct Modifiers {
    bool shift = false;
    bool ctrl = false;
    bool alt = false;
};

struct InputEvent {
    enum class Type {
        Quit,
        WindowResized,    // drawable size changed (window resize or DPI change)
        WindowMinimized,
        WindowRestored,
        WindowMoved,
        DisplayChanged,   // the window landed on another display (its DPI may differ)
        KeyDown,
        KeyUp,
        MouseMove,
        MouseDown,
        MouseUp,
        MouseWheel,
        Pinch,            // two-finger zoom on a touchpad
        FileDropped,      // a file dragged onto the window (see `path`)
    };
    Type type = Type::Quit;
    Key key = Key::Unknown;
    bool repeat = false;
    Modifiers modifiers;
    MouseButton button = MouseButton::Left;
    int clicks = 0;               // 2 for a double-click
    glm::vec2 position{0.0f};     // in drawable pixels, origin top left
    glm::vec2 delta{0.0f};        // mouse motion in drawable pixels
    float wheel = 0.0f;           // positive away from the user
    float pinch = 0.0f;           // positive when the fingers spread
    std::string path;             // FileDropped: the file, as the file manager gave it
};

// An input event to inject as if the user had made it (tests and demos drive the real app
// with these). Coordinates are in window points, origin top left.
struct SyntheticInput {
    // Window changes arrive as the window system would send them: Resize really resizes the
    // window; Minimise, Restore and DisplayChange are queued as SDL window events (a headless
    // window cannot be minimised or moved to another monitor), DisplayChange with the new
    // display's DPI.
    enum class Type { MouseMove, MouseDown, MouseUp, Wheel, KeyDown, KeyUp, Resize, Minimise, Restore, DisplayChange, DropFile };
    Type type = Type::MouseMove;
    glm::ivec2 size{0};           // Resize: new window size in points
    int display = 0;              // DisplayChange
    float dpi = 96.0f;            // DisplayChange
    glm::vec2 position{0.0f};
    MouseButton button = MouseButton::Left;
    int clicks = 1;
    float wheel = 0.0f;
    Key key = Key::Unknown;
    Modifiers modifiers;
    std::string path;             // DropFile: the file dragged onto the window
};

} // namespace platform
