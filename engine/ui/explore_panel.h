// The Explore panel: layers with visibility and opacity, x-ray, labels, hiding and isolating
// structures, and a search box that finds a structure by name and focuses on it.
#pragma once

#include "scene/scene.h"
#include "ui/commands.h"
#include "ui/dock_layout.h"

#include <string>
#include <vector>

namespace ui {

struct ExplorePanelState {
    bool open = true;
    bool xray = false;
    bool labels = false;
    char search[64] = {};
    bool folded = false;    // only the title bar showed last frame
    bool stacked = false;   // last frame's layout stacked the panels in one column
};

struct ExplorePanelInput {
    const scene::Scene* scene = nullptr;
    // Display names per structure index (common names where known).
    const std::vector<std::string>* names = nullptr;
    // Where the panel sits: its corner and the most room it may take (empty: top left, as
    // large as its content). In a stacked layout it fills the box and starts folded.
    DockRect dock;
    bool stacked = false;
    // Structures the open quiz question asks about: search results leave them out.
    const std::vector<int>* concealed = nullptr;
};

void drawExplorePanel(const ExplorePanelInput& input, ExplorePanelState& state, std::vector<Command>& commands);

} // namespace ui
