// The caption of the close-up (app/close_up.h) inside the top of its box: a short line such
// as "Close-up: right hamstrings" on a dark plate. Drawn behind every window (ImGui's
// background list), so a menu that opens over the box covers it, and no panel counts it as one.
#pragma once

#include "ui/view_area.h"

#include <string>

namespace ui {

// Between ImGui::NewFrame and ImGui::Render; `box` in framebuffer pixels.
void drawCloseUpCaption(const PixelRect& box, const std::string& caption);

} // namespace ui
