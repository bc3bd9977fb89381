// The key to the colours on the muscles, shown whenever colours carry meaning: the state
// colours of a cramp, a contraction or a stretch, or a physiology colour map. A compact strip
// at the bottom of the part of the window the panels leave free, so it never sits on the model's
// middle; it follows the text size and the high-contrast theme, and takes no clicks.
#pragma once

#include "ui/physiology_panel.h"

namespace ui {

struct LegendInput {
    bool cramp = false;       // some muscle shows the cramp glow
    bool active = false;      // ... the contraction hue
    bool stretched = false;   // ... the stretch bands
    ColourMap colourMap = ColourMap::Natural;  // a map replaces the state colours
    bool highContrast = false;
};

// Whether there is anything to explain.
bool legendShown(const LegendInput& input);
// Draws the legend (between ImGui::NewFrame and ImGui::Render) when legendShown.
void drawLegend(const LegendInput& input);

// The swatch colours (display sRGB, 0..1) of the state hues as they look on a lit muscle.
struct LegendSwatch {
    float red, green, blue;
};
inline constexpr LegendSwatch kCrampSwatch{1.0f, 0.72f, 0.22f};
inline constexpr LegendSwatch kActiveSwatch{0.96f, 0.48f, 0.12f};
inline constexpr LegendSwatch kStretchSwatch{0.25f, 0.48f, 1.0f};

} // namespace ui
