// A plot of the last seconds of one quantity, one line per hamstring head, drawn with ImDrawList
// (ImGui 1.86's PlotLines has no axes): a y axis with ticks, values and units, a time axis in
// seconds, and each head's current value printed large beside it. The tick choice is a pure
// function, tested on its own.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace ui {

// An axis cut by round steps (1, 2 or 5 times a power of ten) from `low` to `high`.
struct PlotAxis {
    double low = 0.0;
    double high = 1.0;
    double step = 1.0;
    int decimals = 0;          // enough to tell neighbouring ticks apart
    std::vector<double> ticks; // low, low + step, ..., high
};

// The round axis that holds [minValue, maxValue] in at most `maxIntervals` steps.
PlotAxis niceAxis(double minValue, double maxValue, int maxIntervals);

// A quantity's axis: its usual range, widened (by whole steps) to hold every value shown, so
// the range stays put while values are ordinary and grows when something unusual happens.
PlotAxis quantityAxis(double usualLow, double usualHigh, const std::vector<const std::deque<float>*>& series, double scale,
                      int maxIntervals);

// "120", "0.5", "-10": a tick value with the axis's decimals.
std::string tickLabel(double value, int decimals);

struct PlotSeries {
    const std::deque<float>* values = nullptr; // oldest first, the last is now
    std::uint32_t colour = 0;                  // ImU32
    std::string shortName;                     // "ST", beside its current value
};

struct TimePlotDesc {
    std::string title;             // "Activation, %": the quantity and its unit
    double usualLow = 0.0;         // the range shown while values stay inside it
    double usualHigh = 1.0;
    double scale = 1.0;            // stored value to shown value (0..1 activation to %)
    const char* valueFormat = "%.0f";
    const char* unit = "";         // after each current value: "%", " N"
    double secondsPerSample = 1.0 / 30.0;
    double windowS = 10.0;         // the time axis spans the last windowS seconds
    std::vector<PlotSeries> series;
};

// Draws the plot at the cursor, in a box of `size` pixels (title, plot, time axis and values).
void drawTimePlot(const TimePlotDesc& desc, float width, float height);

} // namespace ui
