// The stretch map: a hip-by-knee pad coloured by how long a hamstring head is (percent of
// standing). Dragging on it poses the right leg, so the student sees why flexing the hip
// lengthens the three heads that cross it and leaves the short head alone, which only
// straightening the knee can stretch.
#pragma once

#include "ui/commands.h"
#include "ui/dock_layout.h"

#include <string>
#include <vector>

namespace ui {

struct StretchMapInput {
    // lengthPercent[k * hipSteps + h]: length at hip = hipMin + h * hipStep, knee = kneeMin + k * kneeStep.
    std::vector<float> lengthPercent;
    int hipSteps = 0;
    int kneeSteps = 0;
    float hipMinDeg = -20.0f, hipMaxDeg = 120.0f;
    float kneeMinDeg = 0.0f, kneeMaxDeg = 120.0f;
    float currentHipDeg = 0.0f;
    float currentKneeDeg = 0.0f;
    int head = 0;                       // 0..3 one head, 4: mean of the three biarticular heads
    std::vector<std::string> headNames; // five entries, as above
    float lowPercent = 85.0f;           // colour scale ends
    float highPercent = 125.0f;
};

struct StretchMapState {
    bool open = false;
    DockRect dock;   // where the layout puts it; empty: the bottom-left corner, at its natural size
};

void drawStretchMap(const StretchMapInput& input, StretchMapState& state, std::vector<Command>& commands);

} // namespace ui
