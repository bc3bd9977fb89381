// The Dear ImGui overlay: menu bar, layer panel, structure card, controls help, status
// line and notifications. Reads the scene; writes only commands.
#pragma once

#include "scene/scene.h"
#include "ui/commands.h"

#include <string>
#include <vector>

namespace ui {

// One row of the controls help: the keys or mouse gesture, and what it does.
struct HelpEntry {
    std::string keys;
    std::string action;
};

struct FrameStats {
    double frameMs = 0.0;
    double fps = 0.0;
    std::string renderer;
    std::size_t triangles = 0;
};

struct OverlayState {
    bool showHelp = false;
    bool showLayers = true;
    bool showStats = false;
    std::string notification;        // shown briefly, e.g. where a screenshot went
    double notificationSeconds = 0.0;
    std::string persistentError;     // shown until cleared, e.g. a shader that failed to reload
};

struct OverlayInput {
    const scene::Scene* scene = nullptr;
    const std::vector<HelpEntry>* help = nullptr;
    FrameStats stats;
    std::string sceneTitle;
    float fontScale = 1.0f;
    bool fullscreen = false;
};

// Builds this frame's overlay between ImGui::NewFrame() and ImGui::Render().
void drawOverlay(const OverlayInput& input, OverlayState& state, double dtSeconds, std::vector<Command>& commands);

void notify(OverlayState& state, std::string message, double seconds = 4.0);

// Loads the scalable UI font at the given pixel size; falls back to ImGui's built-in font
// with a warning when the TTF is missing. Returns the font file used (empty: built-in).
std::string loadFonts(float pixelSize);
// The trainer's theme: calm dark panels, high-contrast text.
void applyTheme(float scale);

} // namespace ui
