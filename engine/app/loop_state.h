// What the main loop knows about itself: how many frames it has begun and drawn, whether the
// window is minimised, and what commands ask of it (quit, a screenshot, a video). Shared by the loop,
// input, command dispatch and the modes that report on a run.
#pragma once

#include <cstdint>

namespace app {

struct LoopState {
    std::int64_t frameIndex = 0;     // frames begun, minimised ones included
    int framesDrawn = 0;             // frames rendered and presented
    int scenePicturesKept = 0;       // of those, frames that showed the scene's last picture again
    bool running = true;             // false: the loop ends after this frame
    bool minimised = false;          // nobody is watching: nothing is drawn
    bool screenshotRequested = false;
    bool videoExportRequested = false;   // File > Export lesson video...
    bool videoExportCancelled = false;   // its Cancel button
};

} // namespace app
