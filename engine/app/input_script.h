// A script of user input for automation: at given frames, move the pointer, click, scroll
// or press keys. Tests drive the real app through it (SDL's own event queue), headless.
//
//   [[event]]
//   frame = 10
//   type = "click"        # move, click, double_click, down, up, wheel, key, key_down, key_up
//   x = 640               # window points, origin top left
//   y = 360
//   key = "PageDown"      # for key events; modifiers: shift = true, ctrl = true, alt = true
#pragma once

#include "core/error.h"
#include "platform/input.h"

#include <string>
#include <vector>

namespace app {

struct ScriptedInput {
    int frame = 0;
    platform::SyntheticInput input;
};

// Parses a script; each click or key press expands into its down and up halves on
// consecutive frames. Errors name the file, line and field.
core::Expected<std::vector<ScriptedInput>> loadInputScript(const std::string& path);
core::Expected<std::vector<ScriptedInput>> parseInputScript(std::string_view text, const std::string& path);

} // namespace app
