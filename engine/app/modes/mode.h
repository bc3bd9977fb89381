// Automation beside the trainer's loop. --bench, --soak, --tour, --export-lesson, --export-lesson-video,
// --coverage and --report are modes: objects the loop calls at fixed points of a frame, so the
// interactive path stays the trainer's alone. Every hook has a default that does nothing.
#pragma once

#include "anatomy/skeleton.h"
#include "lessons/lesson_player.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace app {

// Says "hamstring-trainer: error: MESSAGE" on stderr; returns the exit code of a mode that
// cannot do what it was asked (1).
inline int failWith(const std::string& message)
{
    std::fprintf(stderr, "hamstring-trainer: error: %s\n", message.c_str());
    return 1;
}

struct FrameResult {
    std::int64_t index = 0;       // this frame's index, from 0
    double cpuMs = 0.0;           // CPU time from the frame's start until after it was presented
    bool qualityChanged = false;  // --quality auto moved to another level after this frame
    bool last = false;            // the frame limit ends the run with this frame
    bool sceneKept = false;       // the scene's last picture was shown again (nothing in it changed)
    // The scene was drawn by this frame and the one before: the frame also waited for the
    // picture before it to finish (pipelined), as every frame does while the scene moves, so
    // its time is what drawing costs. A frame drawn between kept ones looks cheaper than that:
    // the kept frame after it pays the wait.
    bool drawnInARow = true;
};

// What the muscles do in one simulation step when a mode drives them.
struct MuscleInput {
    anatomy::Pose pose;
    scene::MuscleDrive drive;
};

class Mode {
public:
    virtual ~Mode() = default;
    // Before the loop; an exit code ends the run there (the export does all its work here).
    virtual std::optional<int> start() { return std::nullopt; }
    // The frames the run lasts when the mode decides it (0: until it or the user stops).
    virtual std::optional<int> frameLimit() const { return std::nullopt; }
    // Before the frame reads its input; false ends the loop without the frame.
    virtual bool beforeFrame(std::int64_t /*frameIndex*/) { return true; }
    // The muscles' pose and drive for the next simulation step, when this mode sets them.
    virtual std::optional<MuscleInput> muscleInput(double /*sceneSeconds*/) const { return std::nullopt; }
    // Right after the frame was presented, before its time is read: waiting for the GPU here
    // counts in the frame's time.
    virtual void afterPresent() {}
    // With the frame's time; false ends the loop after this frame.
    virtual bool afterFrame(const FrameResult& /*frame*/) { return true; }
    // False while the mode draws the scene itself (--coverage): the loop's frames lay out the
    // panels and draw only the overlay.
    virtual bool loopDrawsScene() const { return true; }
    // After the loop: an exit code (the worst of all modes' wins), or nothing to say.
    virtual std::optional<int> verdict() { return std::nullopt; }
};

class GraphicsContext;
class LessonSession;
class RoutineSession;
class Panels;
class PhysiologyView;
struct DataPaths;
struct LoopState;
struct World;

// --bench: frame times, start-up, memory and the overlay's path, printed at the end.
std::unique_ptr<Mode> makeBenchMode(GraphicsContext& graphics, bool overlay);
// --soak SECONDS: cramp and stretch cycles, sampled every 4 s, judged for memory growth and slowdown.
// `frames`: --frames, which still ends the run when given.
std::unique_ptr<Mode> makeSoakMode(const World& world, double seconds, int frames);
// --tour: every step of every lesson at its start, middle and end, judged for GL and lesson problems.
std::unique_ptr<Mode> makeTourMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const LoopState& loop);
// --export-lesson NAME DIR: a PNG per step and a printable handout, instead of the loop.
std::unique_ptr<Mode> makeExportMode(World& world, GraphicsContext& graphics, LessonSession& lessons,
                                     const PhysiologyView& physiology, const DataPaths& paths, std::string lessonId,
                                     std::filesystem::path folder);
// --export-lesson-video NAME FILE: the lesson as a video with sound and captions, instead of the loop.
struct VideoRequest {
    std::string lessonId;
    std::filesystem::path file;    // .mp4 or .webm; the captions go beside it as .vtt
    bool burnCaptions = false;     // the captions drawn into the picture too
    double limitS = 0.0;           // only the first this many seconds (0: all)
    bool progressLines = false;    // "progress DONE TOTAL" on stdout for a parent process
};
std::unique_ptr<Mode> makeVideoMode(World& world, GraphicsContext& graphics, LessonSession& lessons,
                                    const PhysiologyView& physiology, const DataPaths& paths, VideoRequest request);
// --coverage CSV: the share of the free 3D view the hamstrings fill at each step's key moment,
// and the state contrast (modes/coverage_mode.cpp).
struct CoverageRequest {
    std::filesystem::path csv;     // written when not empty
    std::filesystem::path floors;  // --coverage-floors: steps allowed under 3 %, with the reason
    std::string lessonId;          // --lesson: only this lesson; empty: every lesson
    bool check = false;            // fail when a step is under its floor or the median under 10 %
    std::filesystem::path pictures;  // HT_COVERAGE_PICTURES: each step's scene, counted pixels in green
    float measureScale = 1.0f;       // --coverage-scale: the scene counted at this share of the window's size
};
std::unique_ptr<Mode> makeCoverageMode(World& world, GraphicsContext& graphics, LessonSession& lessons,
                                       const PhysiologyView& physiology, CoverageRequest request);
// --report FILE: the app's state as JSON at exit, for tests that drive the app.
std::unique_ptr<Mode> makeReportMode(std::filesystem::path path, const World& world, const GraphicsContext& graphics,
                                     const LessonSession& lessons, const RoutineSession& routines, const Panels& panels,
                                     const LoopState& loop);

} // namespace app
