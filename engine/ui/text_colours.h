// The panels' text colours besides the theme's own: a warm accent for what to look at now (a
// step's title, a hold's countdown) and a dimmed grey for what comes second (sources, hints).
#pragma once

#include <imgui.h>

namespace ui {

inline const ImVec4 kAccentText{0.98f, 0.74f, 0.45f, 1.0f};
inline const ImVec4 kDimText{0.70f, 0.72f, 0.76f, 1.0f};

} // namespace ui
