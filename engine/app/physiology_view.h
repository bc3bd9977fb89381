// The numbers behind the physiology panel and the stretch map: ten seconds of history for each
// right-leg hamstring head, the hip-by-knee length grid (from anatomy::muscleTable), and the
// colour map painted on the muscles.
#pragma once

#include "render/renderer.h"
#include "ui/commands.h"
#include "ui/legend.h"
#include "ui/physiology_panel.h"
#include "ui/stretch_map.h"

#include <array>
#include <vector>

namespace app {

struct World;

// What one head's state shows: activation, cramp activation and stretch, each 0..1.
render::StructureTint stateTint(const anatomy::HeadState& head);

class PhysiologyView {
public:
    explicit PhysiologyView(const World& world) : world_(world) {}

    // After each simulation step: samples the heads 30 times a second.
    void record(double dtS);
    // Per hamstring muscle structure: its state (activation, cramp, stretch, for the state
    // colours) and, when a colour map is chosen, the map's 0..1 value, which replaces them.
    std::vector<render::StructureTint> tints() const;
    // The physiology panel and the stretch map, where open, and the legend of the colours on
    // the muscles whenever they carry meaning.
    void draw(std::vector<ui::Command>& commands);
    // The legend alone (presenter mode, which has no panels): in the current font, so the
    // presenter's large text makes it readable from the back of a room.
    void drawLegend() const;
    void setHighContrast(bool enabled) { highContrast_ = enabled; }

    void setColourMap(int map);
    void setStretchMapHead(int head);
    void togglePanel() { panel_.open = !panel_.open; }
    void toggleStretchMap();
    bool panelOpen() const { return panel_.open; }
    bool stretchMapOpen() const { return stretchMap_.open; }
    // The panels' own state, where the docked layout places them each frame (app::Panels).
    ui::PhysiologyPanelState& panelState() { return panel_; }
    ui::StretchMapState& stretchMapState() { return stretchMap_; }

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
    std::array<double, 3> legendHoldS_{};                // cramp, active, stretched: seconds left in the legend
    bool highContrast_ = false;
};

} // namespace app
