// The trainer's main loop. One frame, top to bottom: platform events -> commands ->
// fixed-step simulation -> camera -> render the scene -> build the overlay -> present.
// The parts it runs live beside it, each in its own file; automation runs as modes (modes/).
#pragma once

#include "app/audio_cues.h"
#include "app/command_dispatch.h"
#include "app/graphics_context.h"
#include "app/input_controller.h"
#include "app/input_script.h"
#include "app/lesson_session.h"
#include "app/loop_state.h"
#include "app/modes/mode.h"
#include "app/options.h"
#include "app/panels.h"
#include "app/paths.h"
#include "app/physiology_view.h"
#include "app/quality_governor.h"
#include "app/routine_session.h"
#include "app/screenshot_writer.h"
#include "app/settings_sync.h"
#include "app/video_export_job.h"
#include "app/world.h"
#include "core/error.h"
#include "ui/overlay.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace app {

// malloc's trim threshold (main): Mesa's software rasteriser frees and allocates buffers of
// megabytes every frame, which stay in the heap below it rather than faulting in again.
inline constexpr std::size_t kHeapTrimThreshold = std::size_t(64) << 20;
// The heap the renderer's set-up and first frame fill on the main thread, with room
// (core/startup_heap.h).
inline constexpr std::size_t kStartupHeapBytes = std::size_t(64) << 20;

class Application {
public:
    // Loads the scene and its model, opens the window, loads GL, shaders and lessons. Any
    // failure comes back as one error naming the file or requirement.
    static core::Expected<std::unique_ptr<Application>> create(const Options& options);

    // Runs until quit (or the requested number of frames); returns the exit code.
    int run();

private:
    explicit Application(const Options& options);
    core::Status start();
    // Runs this program again with model packs left alone; returns only when that fails.
    bool canStartOverImporting() const;
    core::Status startOverImporting(const std::string& refusal);
    void addModes();
    int frameLimit() const;
    // Scripted input joins SDL's queue at its frame; a lost context is rebuilt before events are read.
    core::Status readInput(std::vector<platform::InputEvent>& events, std::vector<ui::Command>& commands);
    // Fixed-step simulation, the lesson, the camera and what the pointer is over.
    void advance(double dtSeconds);
    std::optional<MuscleInput> modeMuscleInput() const;
    core::Status drawFrame(double dtSeconds, std::vector<ui::Command>& commands);
    void saveScreenshot(const std::filesystem::path& path);
    // Says which screenshots were saved or failed (in the log and a notice); with `wait`,
    // after the last one is written. True when the one --screenshot asked for failed.
    bool reportScreenshots(bool wait);
    // File > Export lesson video...: starts, follows and cancels the export beside the loop.
    void followVideoExport();
    void startVideoExport();
    // --quality auto: the governor picks the level from the times of frames that drew the
    // scene, as the frame before did (FrameResult::drawnInARow); true when it changed.
    bool adaptQuality(double frameMs, bool drawnInARow);

    Options options_;
    DataPaths paths_;
    LoopState loop_;
    ui::OverlayState overlay_;  // help, notices and errors shown over the model
    World world_;
    GraphicsContext graphics_;
    SettingsSync settings_;
    LessonSession lessons_;
    RoutineSession routines_;
    PhysiologyView physiology_;
    Panels panels_;
    CommandDispatcher dispatch_;
    InputController input_;
    std::vector<ScriptedInput> script_;
    std::size_t nextScripted_ = 0;
    // Frames drawn since the quality level changed, while its free memory is still to go back
    // (-1: none is).
    int framesSinceLevelChange_ = -1;
    bool previousFrameDrew_ = false;           // the last frame drew the scene (FrameResult::drawnInARow)
    static constexpr int kSecondHeapReturnFrames = 60;
    std::optional<QualityGovernor> governor_;  // --quality auto
    int governedStepSerial_ = -1;              // the lesson step it last heard of (-1: none)
    int relaxedStepSerial_ = -1;               // the lesson step whose start advance() has seen
    std::vector<std::unique_ptr<Mode>> modes_;
    AudioCues audio_{overlay_, settings_};  // sound and voice of guided practice; never opened headless
    VideoExportJob videoExport_;            // a lesson video being made by a child process
    ScreenshotWriter screenshots_;          // pictures being compressed and written
};

} // namespace app
