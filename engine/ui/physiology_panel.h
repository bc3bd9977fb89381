// The physiology panel: live numbers for each hamstring head from the simulation (length as
// a percentage of standing, fibre length over optimal, activation, force), plots of the last
// ten seconds with axes, units and the current values, the stretch felt, and the choice of
// colour map painted on the muscles. Docked where the layout puts it, never over the legs.
#pragma once

#include "ui/commands.h"
#include "ui/dock_layout.h"

#include <array>
#include <deque>
#include <string>
#include <vector>

namespace ui {

enum class ColourMap { Natural, Activation, Strain, Force };
constexpr int kColourMapCount = 4;
const char* colourMapName(ColourMap map);

struct HeadReadout {
    std::string name;                // "Semitendinosus"
    double lengthPercentOfRest = 100.0;
    double fiberOverOptimal = 1.0;
    double activation = 0.0;
    double forceN = 0.0;             // tendon force
    double passiveForceN = 0.0;
    bool cramping = false;
};

// Recent values of one quantity, sampled at a fixed rate, for the small plots.
class History {
public:
    static constexpr double kSecondsPerSample = 1.0 / 30.0;   // 300 samples: ten seconds

    explicit History(std::size_t capacity = 300) : capacity_(capacity) {}
    void push(float value);
    const std::deque<float>& values() const { return values_; }

private:
    std::size_t capacity_;
    std::deque<float> values_;
};

struct PhysiologyInput {
    std::vector<HeadReadout> heads;                  // one leg, four heads
    std::vector<std::array<const History*, 3>> history; // per head: length %, activation, force
    std::string side;                                // "right leg"
    std::string stretch;                             // "light pull"
    std::string cramp;                               // "cramp: 12 s left", or empty
    ColourMap colourMap = ColourMap::Natural;
};

struct PhysiologyPanelState {
    bool open = false;
    DockRect dock;          // where the layout puts it; empty: centred along the bottom
    bool showNumbers = false;   // the table of numbers instead of the plots
    int firstPlot = 0;      // when fewer than three plots fit: the one shown (0 length, 1 activation, 2 force)
};

void drawPhysiologyPanel(const PhysiologyInput& input, PhysiologyPanelState& state, std::vector<Command>& commands);

// The legend for a colour map: a cividis bar with its two ends named.
void drawColourLegend(ColourMap map);

// Cividis for the CPU side (legends), the same samples the shaders use.
std::array<float, 3> cividisSrgb(float t);

} // namespace ui
