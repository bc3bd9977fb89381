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
    bool showStats = false;
    std::string notification;        // shown briefly, e.g. where a screenshot went
    double notificationSeconds = 0.0;
    std::string persistentError;     // shown until cleared, e.g. a shader that failed to reload
    // The Sound menu (View > Sound); the app keeps them saved and plays the cues with them.
    int soundVolumePercent = 80;
    bool soundVoice = true;
    bool soundMute = false;
    // File > Export lesson video...: the export running in the background, shown with a
    // progress bar and Cancel until it ends (the app then says where the video went).
    bool videoExportRunning = false;
    float videoExportFraction = 0.0f;
    std::string videoExportFile;
};

struct OverlayInput {
    const scene::Scene* scene = nullptr;
    const std::vector<HelpEntry>* help = nullptr;
    FrameStats stats;
    std::string sceneTitle;
    float fontScale = 1.0f;
    bool fullscreen = false;
    bool highContrast = false;
    bool exploreOpen = true;
    bool lessonsOpen = true;
    bool routinesOpen = false;
    bool physiologyOpen = false;
    bool stretchMapOpen = false;
    bool closeUp = true;                 // the close-up switch (shown only in steps that work hamstrings)
    std::vector<std::string> displays;   // names, for choosing where to present
    int presenterDisplay = 0;
    // Structures an open quiz question asks about: no hover name or card names them.
    std::vector<int> concealed;
    std::string lessonTitle;   // the lesson playing; empty: none (nothing to export as a video)
};

// Builds this frame's overlay between ImGui::NewFrame() and ImGui::Render().
void drawOverlay(const OverlayInput& input, OverlayState& state, double dtSeconds, std::vector<Command>& commands);

void notify(OverlayState& state, std::string message, double seconds = 4.0);

// Only the F1 controls window (presenter mode hides the rest of the overlay).
void drawControlsHelp(const OverlayInput& input, OverlayState& state);

} // namespace ui
