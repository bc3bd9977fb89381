// Progress of a long headless run (a video export) for whoever watches it: a bar redrawn in
// place when stderr is a terminal, a plain line every tenth otherwise (logs, CI), or
// "progress DONE TOTAL" lines on stdout for the app that started the export as a child.
#pragma once

#include "core/clock.h"

#include <string>

namespace app {

class TerminalProgress {
public:
    enum class Style { Bar, Lines, Machine };
    // Bar when stderr is a terminal, else Lines.
    static Style styleForStderr();

    TerminalProgress(std::string label, long long total, Style style);
    // Cheap to call every frame: draws at most ten times a second, or at each tenth.
    void update(long long done);
    // The bar's line is ended (at 100 % unless the run stopped short).
    void finish();

private:
    void draw(long long done);

    std::string label_;
    long long total_;
    Style style_;
    core::Stopwatch clock_;
    double lastDrawS_ = -1.0;
    int lastTenth_ = -1;
    long long lastPercentReported_ = -1;
    bool drawn_ = false;
};

} // namespace app
