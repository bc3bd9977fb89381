// The physiology panel: live numbers for each hamstring head from the simulation (length as
// a percentage of standing, fibre length over optimal, activation, force), small plots of the
// last seconds, the stretch felt, and the choice of colour map painted on the muscles.
#pragma once

#include "ui/commands.h"

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
};

void drawPhysiologyPanel(const PhysiologyInput& input, PhysiologyPanelState& state, std::vector<Command>& commands);

// The legend for a colour map: a cividis bar with its two ends named.
void drawColourLegend(ColourMap map);

// Cividis for the CPU side (legends), the same samples the shaders use.
std::array<float, 3> cividisSrgb(float t);

} // namespace ui
