// The numbers behind the physiology panel and the stretch map: ten seconds of history for each
// right-leg hamstring head, the hip-by-knee length grid (from anatomy::muscleTable), and the
// colour map painted on the muscles.
#pragma once

#include "render/renderer.h"
#include "ui/commands.h"
#include "ui/physiology_panel.h"
#include "ui/stretch_map.h"

#include <array>
#include <vector>

namespace app {

struct World;

class PhysiologyView {
public:
    explicit PhysiologyView(const World& world) : world_(world) {}

    // After each simulation step: samples the heads 30 times a second.
    void record(double dtS);
    // The chosen colour map as a 0..1 value per hamstring muscle structure; none for natural colours.
    std::vector<render::StructureTint> tints() const;
    // The physiology panel and the stretch map, where open.
    void draw(std::vector<ui::Command>& commands);

    void setColourMap(int map);
    void setStretchMapHead(int head);
    void togglePanel() { panel_.open = !panel_.open; }
    void toggleStretchMap();
    bool panelOpen() const { return panel_.open; }
    bool stretchMapOpen() const { return stretchMap_.open; }

private:
    void computeStretchGrid();

    const World& world_;
    ui::PhysiologyPanelState panel_;
    ui::StretchMapState stretchMap_;
    ui::ColourMap colourMap_ = ui::ColourMap::Natural;
    int stretchMapHead_ = 4;                             // 0..3 one head, 4: the mean of the three that cross the hip
    std::array<std::vector<float>, 5> stretchGrid_;      // length % of standing, per head and the mean
    std::array<std::array<ui::History, 3>, 4> history_;  // right leg: length %, activation, force
    double historyTimerS_ = 0.0;
};

} // namespace app
