// The Explore panel: layers with visibility and opacity, x-ray, labels, hiding and isolating
// structures, and a search box that finds a structure by name and focuses on it.
#pragma once

#include "scene/scene.h"
#include "ui/commands.h"

#include <string>
#include <vector>

namespace ui {

struct ExplorePanelState {
    bool open = true;
    bool xray = false;
    bool labels = false;
    char search[64] = {};
};

struct ExplorePanelInput {
    const scene::Scene* scene = nullptr;
    // Display names per structure index (common names where known).
    const std::vector<std::string>* names = nullptr;
};

void drawExplorePanel(const ExplorePanelInput& input, ExplorePanelState& state, std::vector<Command>& commands);

} // namespace ui
