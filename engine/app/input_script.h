// A script of user input for automation: at given frames, move the pointer, click, scroll
// or press keys. Tests drive the real app through it (SDL's own event queue), headless.
//
//   [[event]]
//   frame = 10
//   type = "click"        # move, click, double_click, down, up, wheel, key, key_down, key_up,
//                         # resize, minimise, restore, display, context_lost
//   x = 640               # window points, origin top left
//   y = 360
//   key = "PageDown"      # for key events; modifiers: shift = true, ctrl = true, alt = true
//   width = 800           # resize: the new window size in points
//   height = 600
//   display = 1           # display: the window lands on this display ...
//   dpi = 192             # ... whose DPI is this
//
// context_lost makes the app behave as if the driver had reported a GPU reset: every GL
// object is dropped and rebuilt on a new context.
#pragma once

#include "core/error.h"
#include "platform/input.h"

#include <string>
#include <vector>

namespace app {

struct ScriptedInput {
    int frame = 0;
    platform::SyntheticInput input;
    bool contextLost = false;  // not an SDL event: the app acts on it itself
};

// Parses a script; each click or key press expands into its down and up halves on
// consecutive frames. Errors name the file, line and field.
core::Expected<std::vector<ScriptedInput>> loadInputScript(const std::string& path);
core::Expected<std::vector<ScriptedInput>> parseInputScript(std::string_view text, const std::string& path);

} // namespace app
