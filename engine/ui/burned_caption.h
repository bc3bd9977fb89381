// A caption drawn into the picture of a lesson video (--burn-captions): the text in large
// type, white on a dark box along the bottom, so it reads over any part of the model and
// survives a platform's re-encoding. Drawn on ImGui's foreground, so no panel moves for it.
#pragma once

#include <string>

namespace ui {

// Between ImGui's NewFrame and Render; an empty text draws nothing.
void drawBurnedCaption(const std::string& text);

} // namespace ui
